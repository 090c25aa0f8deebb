// Names on the map: the largest districts' labels, reference towns (a dot
// and the name beside it, while the whole name is in view) and country
// names, each at the first of its candidate points (nearest its centre
// first) where the whole name fits inside the visible map, away from the
// controls in the corners; hidden when none does. A name wider than the
// map never fits: it stands at the first point in view.
function Labels(data, map, timeline) {
  var D = layout(data.schema.labels), T = layout(data.schema.towns), C = layout(data.schema.countryLabels);
  DistrictNames(data.labels.map(function (row) {
    var points = row[D.points], at = [];
    for (var k = 0; k + 1 < points.length; k += 2) at.push(L.latLng(points[k], points[k + 1]));
    return { at: at, text: timeline.labelOf(row[D.district]), area: timeline.row(row[D.district])[timeline.columns.areaKm2] };
  })).addTo(map);
  var towns = data.towns.map(function (row) {
    var name = row[T.name], at = [row[T.lat], row[T.lon]];
    var dot = L.circleMarker(at, { radius: 3, weight: 1, color: "#ffffff", fillColor: "#333333", fillOpacity: 1, interactive: false });
    var tip = L.tooltip({ permanent: true, direction: "right", offset: [3, 0], className: "hm-town-label", interactive: false })
      .setLatLng(at).setContent(el("span", name));
    return { width: name.length * 7 + 12, tip: tip, town: L.layerGroup([dot, tip]) };
  });
  var countries = data.countryLabels.map(function (row) {
    var name = row[C.name];
    var tip = L.tooltip({ permanent: true, direction: "center", className: "hm-country-label", interactive: false }).setContent(el("span", name));
    return { halfWidth: name.length * 5 + 8, points: row[C.points], tip: tip };
  });
  function place() {
    var size = map.getSize();
    towns.forEach(function (t) {
      var p = map.latLngToContainerPoint(t.tip.getLatLng());
      var inView = p.x >= 4 && p.x + t.width <= size.x - 4 && p.y >= 10 && p.y <= size.y - 34 && !(p.x < 52 && p.y < 150);
      if (inView && !map.hasLayer(t.town)) t.town.addTo(map);
      else if (!inView && map.hasLayer(t.town)) map.removeLayer(t.town);
    });
    countries.forEach(function (c) {
      var spot = null, half = 2 * c.halfWidth + 8 > size.x ? 0 : c.halfWidth;
      for (var k = 0; k + 1 < c.points.length && spot === null; k += 2) {
        var p = map.latLngToContainerPoint([c.points[k], c.points[k + 1]]);
        var inside = p.x >= half + 4 && p.x <= size.x - half - 4 && p.y >= 16 && p.y <= size.y - 34;
        var underControls = p.x - half < 52 && p.y < 150;
        if (inside && !underControls) spot = [c.points[k], c.points[k + 1]];
      }
      if (spot !== null) { c.tip.setLatLng(spot); if (!map.hasLayer(c.tip)) c.tip.addTo(map); }
      else if (map.hasLayer(c.tip)) map.removeLayer(c.tip);
    });
  }
  place();
  map.on("moveend resize", place);
  return { place: place };
}

// The districts' names, each centred on its point, drawn as Leaflet draws a permanent tooltip (its
// classes, opacity 0.9) but placed with a flat (2D) transform: Leaflet places a tooltip with
// translate3d, which makes each of up to 60 names a compositing layer of its own, and every frame
// a slider step paints pays for each of them. Moved with the map on a zoom (and while it animates).
// Each name stands at the first of its points (its own, then others deep inside its district) where
// it crosses no larger district's name, placed largest district first; where none is clear it is
// hidden at that zoom (zoom in to read it): on a phone, names of small neighbours would otherwise
// print over each other.
function DistrictNames(names) {
  var GAP = 2;  // px kept clear around a name shown
  var elements = [], halves = [], map = null;
  var largestFirst = names.map(function (name, k) { return k; }).sort(function (a, b) { return names[b].area - names[a].area || a - b; });
  function placeAll(pointOf) {
    var shown = [];
    function clear(box) { return shown.every(function (other) { return box[2] <= other[0] || other[2] <= box[0] || box[3] <= other[1] || other[3] <= box[1]; }); }
    largestFirst.forEach(function (k) {
      var spot = null, first = null;
      for (var c = 0; c < names[k].at.length && spot === null; c++) {
        var p = pointOf(names[k].at[c]), left = Math.round(p.x) - halves[k][0], top = Math.round(p.y) - halves[k][1];
        var box = [left - GAP, top - GAP, left + 2 * halves[k][0] + GAP, top + 2 * halves[k][1] + GAP];
        if (first === null) first = [left, top];
        if (clear(box)) { spot = [left, top]; shown.push(box); }
      }
      var at = spot || first, element = elements[k], visibility = spot ? "" : "hidden";
      element.style.transform = "translate(" + at[0] + "px," + at[1] + "px)";
      if (element.style.visibility !== visibility) element.style.visibility = visibility;
    });
  }
  function reset() {
    halves = elements.map(function (element) { return [Math.round(element.offsetWidth / 2), Math.round(element.offsetHeight / 2)]; });  // one layout for all
    placeAll(function (at) { return map.latLngToLayerPoint(at); });
  }
  // Where each name will be when the zoom ends (as Leaflet's own zoom animation computes it).
  function animate(event) {
    var pane = L.DomUtil.getPosition(map.getPane("mapPane"));
    var origin = map.project(event.center, event.zoom).subtract(map.getSize().divideBy(2)).add(pane).round();
    placeAll(function (at) { return map.project(at, event.zoom).round().subtract(origin); });
  }
  var Names = L.Layer.extend({
    onAdd: function (added) {
      map = added;
      var pane = map.getPane("tooltipPane");
      elements = names.map(function (name) {
        var element = L.DomUtil.create("div", "leaflet-tooltip leaflet-zoom-animated hm-label", pane);
        element.appendChild(el("span", name.text));
        element.style.left = element.style.top = "0";
        element.style.opacity = "0.9";
        return element;
      });
      reset();
    },
    onRemove: function () { elements.forEach(L.DomUtil.remove); elements = []; },
    getEvents: function () { return { zoomend: reset, viewreset: reset, zoomanim: animate }; }
  });
  return new Names();
}
