// Names on the map: the largest districts' labels, reference towns (a dot
// and the name beside it, while the whole name is in view) and country
// names, each at the first of its candidate points (nearest its centre
// first) where the whole name fits inside the visible map, away from the
// controls in the corners; hidden when none does. A name wider than the
// map never fits: it stands at the first point in view.
function Labels(data, map, timeline) {
  var D = layout(data.schema.labels), T = layout(data.schema.towns), C = layout(data.schema.countryLabels);
  data.labels.forEach(function (row) {
    L.tooltip({ permanent: true, direction: "center", className: "hm-label", interactive: false })
      .setLatLng([row[D.lat], row[D.lon]]).setContent(el("span", timeline.labelOf(row[D.district]))).addTo(map);
  });
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
