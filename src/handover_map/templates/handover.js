// handover-map: colours districts by control state for the slider's date,
// drives the controls and the event list, and exposes window.handoverMap.
// All text arrives as JSON data and reaches the page through textContent
// only, so article text can never run as script.
(function () {
  "use strict";
  var data = __DATA__;
  var map = __MAP__;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var ISO = /^\d{4}-\d{2}-\d{2}$/;
  var STEP_MS = 1500;
  var $ = function (id) { return document.getElementById(id); };
  var slider = $("hm-slider"), dateLabel = $("hm-date"), playButton = $("hm-play");
  var current = data.initial;
  var layers = [], eventItems = [], nameIndex = {}, timer = null;
  var inFrame = window.parent !== window;

  map.invalidateSize();  // the grid layout sized the map after Leaflet measured it
  map.fitBounds(data.bounds, { padding: [8, 8], animate: false });  // no slide on opening

  function formatDate(iso) {
    var parts = iso.split("-");
    return Number(parts[2]) + " " + MONTHS[Number(parts[1]) - 1] + " " + parts[0];
  }
  function formatKm2(value) { return value.toLocaleString("en-GB") + " km\u00b2"; }
  function stateAt(district, iso) {
    var state = district.changes[0][1];
    for (var k = 1; k < district.changes.length; k++) {
      if (district.changes[k][0] > iso) break;
      state = district.changes[k][1];
    }
    return data.states[state];
  }
  function styleFor(state) {
    var hatched = data.hatched.indexOf(state) >= 0;
    return {
      color: "#2b2b2b", weight: 1.2, fillOpacity: hatched ? 0.9 : 0.8,
      fillColor: hatched ? "url(#hm-hatch-" + state + ")" : data.styles[state].color
    };
  }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  function describe(e) {
    var parties = e.from && e.to ? " (" + e.from + " \u2192 " + e.to + ")" : "";
    return formatDate(e.date) + ": " + data.kinds[e.kind] + parties;
  }
  function popupFor(i) {
    var district = data.districts[i];
    var box = el("div", null, "hm-popup");
    box.appendChild(el("h3", district.name));
    box.appendChild(el("p", "On " + formatDate(current) + ": " + data.styles[stateAt(district, current)].label, "hm-popup-state"));
    var area = data.heldArea && district.areaKm2 < district.districtKm2 * 0.99
      ? "Area changing hands: " + formatKm2(district.areaKm2) + " of the district\u2019s " + formatKm2(district.districtKm2)
      : "Area: " + formatKm2(district.areaKm2);
    box.appendChild(el("p", area, "hm-popup-area"));
    var list = el("ol");
    data.events.forEach(function (e) {
      if (e.d !== i) return;
      var item = el("li");
      item.appendChild(el("strong", describe(e)));
      if (e.evidence) item.appendChild(el("blockquote", "\u201c" + e.evidence + "\u201d"));
      if (e.note) item.appendChild(el("div", e.note));
      if (e.source) item.appendChild(el("cite", e.source));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  var districtLayer = L.geoJSON(data.geometry, {
    style: function (feature) { return styleFor(stateAt(data.districts[feature.properties.i], current)); },
    onEachFeature: function (feature, layer) {
      var i = feature.properties.i;
      layers[i] = layer;
      layer.hmState = stateAt(data.districts[i], current);
      layer.bindPopup(function () { return popupFor(i); }, { maxWidth: 320 });
    }
  }).addTo(map);

  function label(text, latlng, className) {
    L.tooltip({ permanent: true, direction: "center", className: className, interactive: false })
      .setLatLng(latlng).setContent(el("span", text)).addTo(map);
  }
  data.districts.forEach(function (district, i) {
    [district.name].concat(district.aliases).forEach(function (name) { nameIndex[name.toLowerCase()] = i; });
    label(district.label, district.labelAt, "hm-label");
  });
  data.countryLabels.forEach(function (c) { label(c[0], [c[1], c[2]], "hm-country-label"); });

  // Event list, beside or below the map.
  var list = $("hm-event-list");
  data.events.forEach(function (e, k) {
    var item = el("li", null, "hm-event");
    var button = el("button", null, "hm-event-button");
    button.type = "button";
    button.appendChild(el("time", formatDate(e.date), "hm-event-date"));
    button.appendChild(el("span", " " + data.districts[e.d].label + ": " + data.kinds[e.kind], "hm-event-what"));
    button.addEventListener("click", function () { pause(); setDate(e.date); });
    item.appendChild(button);
    if (e.evidence) item.appendChild(el("blockquote", "\u201c" + e.evidence + "\u201d", "hm-event-evidence"));
    if (e.note) item.appendChild(el("p", e.note, "hm-event-note"));
    if (e.source) item.appendChild(el("cite", e.source, "hm-event-source"));
    item.setAttribute("data-date", e.date);
    list.appendChild(item);
    eventItems[k] = item;
  });

  // Tick marks at the event dates, placed under the slider thumb's positions.
  var ticks = $("hm-ticks");
  data.stops.forEach(function (stop, k) {
    if (data.eventDates.indexOf(stop) < 0) return;
    var tick = el("span", null, "hm-tick");
    var share = data.stops.length > 1 ? k / (data.stops.length - 1) : 0;
    tick.style.left = "calc(8px + (100% - 16px) * " + share + ")";
    tick.title = formatDate(stop);
    ticks.appendChild(tick);
  });
  slider.max = String(data.stops.length - 1);

  function stopIndex(iso) {
    var index = 0;
    for (var k = 0; k < data.stops.length; k++) if (data.stops[k] <= iso) index = k;
    return index;
  }
  function render() {
    layers.forEach(function (layer, i) {
      var state = stateAt(data.districts[i], current);
      if (layer.hmState !== state) { layer.setStyle(styleFor(state)); layer.hmState = state; }
      if (layer.isPopupOpen()) layer.setPopupContent(popupFor(i));
    });
    dateLabel.textContent = formatDate(current);
    slider.value = String(stopIndex(current));
    slider.setAttribute("aria-valuetext", formatDate(current));
    var latest = "";
    data.events.forEach(function (e) { if (e.date <= current && e.date > latest) latest = e.date; });
    data.events.forEach(function (e, k) {
      var item = eventItems[k];
      item.classList.toggle("hm-past", e.date < latest);
      item.classList.toggle("hm-current", e.date === latest);
      item.classList.toggle("hm-future", e.date > current);
      if (e.date === latest) item.setAttribute("aria-current", "true"); else item.removeAttribute("aria-current");
    });
  }
  function setHash(iso) {
    if (location.hash === "#date=" + iso) return;
    try { history.replaceState(null, "", "#date=" + iso); } catch (err) { /* sandboxed frame: no history */ }
  }
  function setDate(iso) {
    if (typeof iso !== "string" || !ISO.test(iso)) throw new TypeError("setDate expects an ISO date like 2020-11-25");
    current = iso;
    render();
    setHash(iso);
    if (inFrame) window.parent.postMessage({ type: "handover-map:date", date: iso }, "*");
    return current;
  }
  function step(delta) {
    var k = Math.min(data.stops.length - 1, Math.max(0, stopIndex(current) + delta));
    setDate(data.stops[k]);
  }
  function play() {
    if (timer !== null) return;
    if (stopIndex(current) >= data.stops.length - 1) setDate(data.stops[0]);
    timer = setInterval(function () {
      if (stopIndex(current) >= data.stops.length - 1) { pause(); return; }
      step(1);
    }, STEP_MS);
    playButton.textContent = "\u275a\u275a";
    playButton.setAttribute("aria-label", "Pause");
    playButton.setAttribute("aria-pressed", "true");
  }
  function pause() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    playButton.textContent = "\u25b6";
    playButton.setAttribute("aria-label", "Play");
    playButton.setAttribute("aria-pressed", "false");
  }

  slider.addEventListener("input", function () { pause(); setDate(data.stops[Number(slider.value)]); });
  playButton.addEventListener("click", function () { if (timer === null) play(); else pause(); });
  $("hm-prev").addEventListener("click", function () { pause(); step(-1); });
  $("hm-next").addEventListener("click", function () { pause(); step(1); });

  // The map takes the page's scroll wheel only once the reader has clicked it.
  map.on("click", function () { map.scrollWheelZoom.enable(); });
  map.getContainer().addEventListener("mouseleave", function () { map.scrollWheelZoom.disable(); });

  function fromHash() {
    var match = /^#date=(\d{4}-\d{2}-\d{2})$/.exec(location.hash);
    return match ? match[1] : null;
  }
  window.addEventListener("hashchange", function () { var iso = fromHash(); if (iso && iso !== current) setDate(iso); });
  // A parent page can drive the map (scrollytelling): postMessage({type: "handover-map:setDate", date: "2020-11-25"}).
  window.addEventListener("message", function (event) {
    var message = event.data;
    if (!message || typeof message !== "object") return;
    if (message.type === "handover-map:setDate" && typeof message.date === "string" && ISO.test(message.date)) { pause(); setDate(message.date); }
    else if (message.type === "handover-map:play") play();
    else if (message.type === "handover-map:pause") pause();
  });

  window.handoverMap = {
    map: map,
    layer: districtLayer,
    dates: function () { return data.stops.slice(); },
    date: function () { return current; },
    setDate: setDate,
    stateOf: function (name) {
      var i = nameIndex[String(name).toLowerCase()];
      return i === undefined ? null : stateAt(data.districts[i], current);
    },
    events: function () {
      return data.events.map(function (e) {
        return { date: e.date, district: data.districts[e.d].name, kind: e.kind, evidence: e.evidence };
      });
    },
    districts: function () {
      return data.districts.map(function (d) {
        return { name: d.name, label: d.label, state: stateAt(d, current), areaKm2: d.areaKm2, districtKm2: d.districtKm2, labelAt: d.labelAt.slice() };
      });
    },
    play: play,
    pause: pause,
    playing: function () { return timer !== null; }
  };
  current = fromHash() || current;
  render();
})();
