// The page's polygons from their topology (see topology.py): the arcs'
// integers summed in turn, across arcs, and divided by the scale, so every
// coordinate is the number a GeoJSON of the same decimals would hold; each
// ring joined from its arcs (~k: arc k backwards). Returns one GeoJSON
// FeatureCollection per object, each feature's properties.i its index.
function decodeTopology(topology) {
  var scale = topology.scale, x = topology.translate[0], y = topology.translate[1];
  var arcs = topology.arcs.map(function (numbers) {
    var points = [];
    for (var k = 0; k < numbers.length; k += 2) {
      x += numbers[k];
      y += numbers[k + 1];
      points.push([x / scale, y / scale]);
    }
    return points;
  });
  function ring(refs) {
    var points = [];
    refs.forEach(function (ref) {
      var arc = ref >= 0 ? arcs[ref] : arcs[~ref].slice().reverse();
      for (var k = points.length ? 1 : 0; k < arc.length; k++) points.push(arc[k]);  // arcs meet at a shared point
    });
    return points;
  }
  function polygon(rings) { return rings.map(ring); }
  function geometry(shape) {
    return shape.length && Array.isArray(shape[0][0])
      ? { type: "MultiPolygon", coordinates: shape.map(polygon) }
      : { type: "Polygon", coordinates: polygon(shape) };
  }
  var collections = {};
  Object.keys(topology.objects).forEach(function (name) {
    collections[name] = { type: "FeatureCollection", features: topology.objects[name].map(function (shape, i) {
      return { type: "Feature", properties: { i: i }, geometry: geometry(shape) };
    }) };
  });
  return collections;
}
