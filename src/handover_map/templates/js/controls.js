// The map's frame: its view (fitted to the districts and, around small
// ones, their neighbourhood: data.view; zoom and pan kept near the region),
// Leaflet's controls in the page's language, the reset
// and full-screen buttons, the gestures it leaves to the page, and a new
// layout for printing. relayout() is called after the map changes size.
function MapControls(data, map, say, inFrame, relayout) {
  var container = map.getContainer(), home = L.latLngBounds(data.view || data.bounds), districts = L.latLngBounds(data.bounds);
  // In a frame the page takes the height its content needs (handover.css); a window it fills.
  if (inFrame) document.documentElement.classList.add("hm-framed");
  map.invalidateSize();  // the grid layout sized the map after Leaflet measured it
  if (map.attributionControl) map.attributionControl.setPrefix(false);  // the credits line names Leaflet
  [["leaflet-control-zoom-in", "zoom_in"], ["leaflet-control-zoom-out", "zoom_out"]].forEach(function (pair) {
    var button = container.querySelector("." + pair[0]);
    if (button) { button.title = say(pair[1]); button.setAttribute("aria-label", say(pair[1])); }
  });
  map.on("popupopen", function (event) {
    var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) close.setAttribute("aria-label", say("close_popup"));
  });
  var region = L.latLngBounds(data.region), sized = false, viewed = false;
  function hasSize() { var size = map.getSize(); return size.x > 0 && size.y > 0; }
  function limitZoom() {
    if (!hasSize()) return;
    // Out to one level beyond the opening view, in to six levels closer than the districts' own
    // (fitted unbounded: Leaflet would bound the fit by the last limit, and each resize raise it).
    map.setMinZoom(0);
    map.setMaxZoom(Infinity);
    map.setMinZoom(Math.max(0, map.getBoundsZoom(home, false, L.point(16, 16)) - 1));
    map.setMaxZoom(map.getBoundsZoom(districts, false, L.point(16, 16)) + 6);
  }
  function resetView() {
    if (!hasSize()) {
      // In a hidden tab or frame the map has no size, and no bounds fit it (Leaflet would compute a
      // centre of NaN): a view on the districts' centre, fitted when the map is shown.
      if (!viewed) map.setView(home.getCenter(), 1, { animate: false });
      viewed = true;
      return;
    }
    if (!sized) { sized = true; map.setMaxBounds(region); }  // kept near the region once it can be
    map.fitBounds(home, { padding: [8, 8], animate: false });
    viewed = true;
  }
  resetView();  // no slide on opening
  limitZoom();  // after fitting: a zoom below the new minimum would be animated
  map.on("resize", function () {
    if (!sized && hasSize()) resetView();  // shown at last: fitted now
    limitZoom();
  });

  // The map takes the page's scroll wheel only once the reader has clicked it.
  map.on("click", function () { map.scrollWheelZoom.enable(); });
  container.addEventListener("mouseleave", function () { map.scrollWheelZoom.disable(); });
  // A short hint over the map, for gestures the map leaves to the page.
  var hint = el("div", null, "hm-gesture-hint"), hintTimer = null;
  hint.setAttribute("aria-hidden", "true");
  container.appendChild(hint);
  function showHint(message) {
    hint.textContent = message;
    hint.classList.add("hm-shown");
    clearTimeout(hintTimer);
    hintTimer = setTimeout(function () { hint.classList.remove("hm-shown"); }, 1500);
  }
  container.addEventListener("wheel", function () {
    if (!map.scrollWheelZoom.enabled()) showHint(say("wheel_hint"));
  }, { passive: true });
  // Touch, as cooperative-gesture maps do: one finger scrolls the page (the
  // container allows the browser to pan, handover.css) and two fingers move
  // and zoom the map. In full screen there is no page, and one finger moves
  // the map. A one-finger touch never reaches Leaflet's handlers, whose
  // listeners sit below the container; a tap still makes a click.
  function fullscreen() { return Boolean(document.fullscreenElement); }
  container.classList.add("hm-cooperative");
  function cooperate(event) {
    if (fullscreen()) return;
    if (event.touches.length > 1) { hint.classList.remove("hm-shown"); return; }
    event.stopPropagation();
    if (event.type === "touchmove") showHint(say("touch_hint"));
  }
  container.addEventListener("touchstart", cooperate, { capture: true, passive: true });
  container.addEventListener("touchmove", cooperate, { capture: true, passive: true });

  // Reset view and full screen, under the zoom buttons. Where full screen is
  // not allowed (a frame without allow="fullscreen", most phones' browsers),
  // an embedded map offers its page in a new tab instead.
  // Icons as SVG paths (a font may lack the symbols): 16 px squares.
  var ICONS = {
    reset: "M8 1.5 1.5 7H3.5V14H6.5V10H9.5V14H12.5V7H14.5Z",
    fullscreen: "M1.5 1.5H6V3.5H3.5V6H1.5ZM10 1.5H14.5V6H12.5V3.5H10ZM1.5 10H3.5V12.5H6V14.5H1.5ZM12.5 10H14.5V14.5H10V12.5H12.5Z",
    open: "M9 1.5H14.5V7H12.5V5L7.5 10 6 8.5 11 3.5H9ZM1.5 3.5H6.5V5.5H3.5V12.5H10.5V9.5H12.5V14.5H1.5Z"
  };
  function icon(path) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    var shape = document.createElementNS("http://www.w3.org/2000/svg", "path");
    shape.setAttribute("d", path);
    shape.setAttribute("fill", "currentColor");
    svg.appendChild(shape);
    return svg;
  }
  function controlButton(bar, symbol, name, action) {
    var button = L.DomUtil.create("button", "hm-map-button", bar);
    button.type = "button";
    button.appendChild(icon(symbol));
    button.title = name;
    button.setAttribute("aria-label", name);
    L.DomEvent.on(button, "click", function (event) { L.DomEvent.stop(event); action(); });
    return button;
  }
  var fullscreenButton = null;
  var ViewControl = L.Control.extend({
    options: { position: "topleft" },
    onAdd: function () {
      var bar = L.DomUtil.create("div", "leaflet-bar hm-view-control");
      controlButton(bar, ICONS.reset, say("reset_view"), resetView);
      if (document.fullscreenEnabled) {
        fullscreenButton = controlButton(bar, ICONS.fullscreen, say("full_screen"), function () {
          if (fullscreen()) document.exitFullscreen();
          else document.documentElement.requestFullscreen().catch(function () { /* refused: the page stays as it is */ });
        });
        fullscreenButton.setAttribute("aria-pressed", "false");
      } else if (inFrame) {
        var link = L.DomUtil.create("a", "hm-map-button", bar);
        link.href = location.href;
        link.target = "_blank";
        link.rel = "noopener";
        link.appendChild(icon(ICONS.open));
        link.title = say("open_in_tab");
        link.setAttribute("aria-label", link.title);
      }
      L.DomEvent.disableClickPropagation(bar);
      return bar;
    }
  });
  new ViewControl().addTo(map);
  document.addEventListener("fullscreenchange", function () {
    document.documentElement.classList.toggle("hm-fullscreen", fullscreen());
    if (fullscreenButton) {
      fullscreenButton.setAttribute("aria-pressed", String(fullscreen()));
      fullscreenButton.setAttribute("aria-label", say(fullscreen() ? "leave_full_screen" : "full_screen"));
      fullscreenButton.title = fullscreenButton.getAttribute("aria-label");
    }
    map.invalidateSize();
    resetView();
  });

  // Printing: the map is laid out again for the paper, on the districts.
  function reprint() { map.invalidateSize(); resetView(); relayout(); }
  var printing = window.matchMedia ? window.matchMedia("print") : null;
  if (printing && printing.addEventListener) printing.addEventListener("change", reprint);
  window.addEventListener("beforeprint", reprint);
  window.addEventListener("afterprint", reprint);
  return { fullscreen: fullscreen };
}
