// FILLS on Canvas pages (only these include this part): the districts'
// fills are painted by the page on a <canvas> of its own, in a pane between
// the context under the districts and Leaflet's overlay pane, where Leaflet
// draws the districts' outlines only (fill: false; its hit-testing is
// geometric, so they still answer the mouse). Why: Leaflet's Canvas renderer
// redraws the union of the bounds of the layers restyled in a frame, and a
// step's few scattered districts span the whole map. Here a step clears the
// box of each changed district and fills again every district that meets
// one, inside the boxes only: the canvas is what a full redraw paints (but
// for the antialiasing of a few edge pixels). A district is filled as its
// layer's options say (fillColor, a colour or a CanvasPattern;
// fillOpacity). Only Leaflet's public API.
var UNDER_FILLS = "hmUnderFills";  // the pane of the context drawn under the districts

function FillLayer(map) {
  var PADDING = 0.1;  // of the view on each side, as Leaflet's renderers draw
  [[UNDER_FILLS, 380], ["hmFills", 390]].forEach(function (pane) {
    var element = map.createPane(pane[0]);
    element.style.zIndex = String(pane[1]);  // under the overlay pane (400), over the tiles (200)
    element.style.pointerEvents = "none";
  });
  var canvas = L.DomUtil.create("canvas", "leaflet-zoom-animated hm-fills", map.getPane("hmFills"));
  var ctx = canvas.getContext("2d");
  var layers = [], rings = [], boxes = null, grid = null;
  // The view drawn: its layer-point bounds, zoom, pixel origin and pixel ratio.
  var bounds = null, drawnZoom = null, origin = null, scale = 1, ratio = 1;
  var paths = [], pathOf = 0, seen = null, visit = 0, drawn = 0;

  // Each district's rings as world pixels at zoom 0 (x, y pairs), and their box.
  function project(latLngs, out) {
    if (latLngs.length && !Array.isArray(latLngs[0])) {
      var ring = new Float64Array(2 * latLngs.length);
      latLngs.forEach(function (latLng, k) { var p = map.project(latLng, 0); ring[2 * k] = p.x; ring[2 * k + 1] = p.y; });
      out.push(ring);
    } else latLngs.forEach(function (part) { project(part, out); });
    return out;
  }
  // A uniform grid over the districts' boxes (zoom 0): the districts near a box, fast.
  function buildGrid() {
    var n = layers.length, side = Math.max(1, Math.ceil(Math.sqrt(n)));
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (var i = 0; i < n; i++) {
      x0 = Math.min(x0, boxes[4 * i]); y0 = Math.min(y0, boxes[4 * i + 1]);
      x1 = Math.max(x1, boxes[4 * i + 2]); y1 = Math.max(y1, boxes[4 * i + 3]);
    }
    grid = { x0: x0, y0: y0, w: (x1 - x0) / side || 1, h: (y1 - y0) / side || 1, side: side, cells: [] };
    for (var c = 0; c < side * side; c++) grid.cells.push([]);
    for (var j = 0; j < n; j++) eachCell(boxes[4 * j], boxes[4 * j + 1], boxes[4 * j + 2], boxes[4 * j + 3], function (cell) { cell.push(j); });
  }
  function eachCell(xa, ya, xb, yb, visitCell) {
    var clamp = function (v) { return Math.max(0, Math.min(grid.side - 1, v)); };
    var ca = clamp(Math.floor((xa - grid.x0) / grid.w)), cb = clamp(Math.floor((xb - grid.x0) / grid.w));
    var ra = clamp(Math.floor((ya - grid.y0) / grid.h)), rb = clamp(Math.floor((yb - grid.y0) / grid.h));
    for (var r = ra; r <= rb; r++) for (var c = ca; c <= cb; c++) visitCell(grid.cells[r * grid.side + c]);
  }

  // A district's box in layer points at the drawn zoom, a pixel wider for antialiasing.
  function boxOf(i) {
    return [boxes[4 * i] * scale - origin.x - 1, boxes[4 * i + 1] * scale - origin.y - 1,
            boxes[4 * i + 2] * scale - origin.x + 1, boxes[4 * i + 3] * scale - origin.y + 1];
  }
  function meets(box, x0, y0, x1, y1) { return box[0] <= x1 && box[2] >= x0 && box[1] <= y1 && box[3] >= y0; }
  // A district's outline in layer points at the drawn zoom, rounded as Leaflet rounds its points; built once a view.
  function pathFor(i) {
    if (paths[i] && paths[i].at === pathOf) return paths[i].path;
    var path = new Path2D();
    rings[i].forEach(function (ring) {
      for (var k = 0; k < ring.length; k += 2) {
        var x = Math.round(ring[k] * scale) - origin.x, y = Math.round(ring[k + 1] * scale) - origin.y;
        if (k === 0) path.moveTo(x, y); else path.lineTo(x, y);
      }
      path.closePath();
    });
    paths[i] = { at: pathOf, path: path };
    return path;
  }
  // Fill districts [i...], those of one style (colour or pattern, opacity) as one path in one call: a
  // call per district would cost more than its pixels, and one path has no seam between like neighbours.
  // The styles go in the order first seen, the same for a full redraw and a repaint.
  var styles = [];
  function styleOf(i) {
    var options = layers[i].options;
    for (var s = 0; s < styles.length; s++) {
      if (styles[s].fill === options.fillColor && styles[s].opacity === options.fillOpacity) return s;
    }
    styles.push({ fill: options.fillColor, opacity: options.fillOpacity });
    return styles.length - 1;
  }
  function fillAll(indexes) {
    var groups = [];
    indexes.forEach(function (i) {
      var s = styleOf(i);
      if (!groups[s]) groups[s] = new Path2D();
      groups[s].addPath(pathFor(i));
    });
    groups.forEach(function (path, s) {
      ctx.globalAlpha = styles[s].opacity;
      ctx.fillStyle = styles[s].fill;
      ctx.fill(path, "evenodd");  // the districts do not overlap
    });
  }

  // Everything again, for the view as it is now (after a move, zoom or resize).
  function redraw() {
    if (!layers.length) return;
    var size = map.getSize(), min = map.containerPointToLayerPoint(size.multiplyBy(-PADDING)).round();
    var extent = size.multiplyBy(1 + 2 * PADDING).round(), zoom = map.getZoom(), pixelOrigin = map.getPixelOrigin();
    if (zoom !== drawnZoom || !origin || !pixelOrigin.equals(origin)) pathOf += 1;  // the outlines move: build them again
    bounds = L.bounds(min, min.add(extent));
    drawnZoom = zoom;
    origin = pixelOrigin;
    scale = map.getZoomScale(zoom, 0);
    ratio = L.Browser.retina ? 2 : 1;  // as Leaflet's Canvas renderer does, so fills and outlines match
    L.DomUtil.setPosition(canvas, min);
    canvas.width = ratio * extent.x;
    canvas.height = ratio * extent.y;
    canvas.style.width = extent.x + "px";
    canvas.style.height = extent.y + "px";
    ctx.setTransform(ratio, 0, 0, ratio, -ratio * min.x, -ratio * min.y);
    var shown = [];
    for (var i = 0; i < layers.length; i++) {
      if (meets(boxOf(i), min.x, min.y, bounds.max.x, bounds.max.y)) shown.push(i);
    }
    drawn = shown.length;
    fillAll(shown);
  }
  // The fills of districts [i...] again: their boxes (whole pixels, so the clip has no soft
  // edge) cleared, and every district that meets one filled again inside them. When that is
  // most of the view (a jump across many days), everything is drawn again instead.
  function repaint(changed) {
    if (!bounds) return;
    var rects = [], near = [];
    visit += 1;
    changed.forEach(function (i) {
      var box = boxOf(i);
      var x0 = Math.max(bounds.min.x, Math.floor(box[0])), y0 = Math.max(bounds.min.y, Math.floor(box[1]));
      var x1 = Math.min(bounds.max.x, Math.ceil(box[2])), y1 = Math.min(bounds.max.y, Math.ceil(box[3]));
      if (x0 >= x1 || y0 >= y1) return;  // out of the drawn view
      rects.push([x0, y0, x1 - x0, y1 - y0]);
      eachCell((x0 + origin.x) / scale, (y0 + origin.y) / scale, (x1 + origin.x) / scale, (y1 + origin.y) / scale, function (cell) {
        cell.forEach(function (j) {
          if (seen[j] !== visit && meets(boxOf(j), x0, y0, x1, y1)) { seen[j] = visit; near.push(j); }
        });
      });
    });
    if (!rects.length) return;
    if (2 * near.length > drawn) { redraw(); return; }
    near.sort(function (a, b) { return a - b; });  // the order of a full redraw, which decides the shared edges' pixels
    ctx.save();
    ctx.beginPath();
    rects.forEach(function (rect) { ctx.rect(rect[0], rect[1], rect[2], rect[3]); });
    ctx.clip();
    rects.forEach(function (rect) { ctx.clearRect(rect[0], rect[1], rect[2], rect[3]); });
    fillAll(near);
    ctx.restore();
  }
  // While Leaflet animates a zoom (or pinches), the drawn fills are scaled with the map, as its renderers are.
  function follow(center, zoom) {
    if (!bounds) return;
    var by = map.getZoomScale(zoom, drawnZoom);
    var newOrigin = map.project(center, zoom).subtract(map.getSize().divideBy(2)).add(L.DomUtil.getPosition(map.getPane("mapPane"))).round();
    L.DomUtil.setTransform(canvas, bounds.min.add(origin).multiplyBy(by).subtract(newOrigin), by);
  }

  var Layer = L.Layer.extend({
    onAdd: function () { redraw(); },
    onRemove: function () { bounds = null; },
    getEvents: function () {
      return {
        moveend: redraw,  // also ends a view reset, a zoom and a resize
        zoom: function () { follow(map.getCenter(), map.getZoom()); },
        zoomanim: function (event) { follow(event.center, event.zoom); }
      };
    }
  });
  var layer = new Layer();
  return {
    // Fill these polygon layers (index i: district i) and keep them filled.
    paint: function (polygons) {
      layers = polygons;
      rings = layers.map(function (polygon) { return project(polygon.getLatLngs(), []); });
      boxes = new Float64Array(4 * layers.length);
      seen = new Uint32Array(layers.length);
      rings.forEach(function (parts, i) {
        var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        parts.forEach(function (ring) {
          for (var k = 0; k < ring.length; k += 2) {
            x0 = Math.min(x0, ring[k]); x1 = Math.max(x1, ring[k]);
            y0 = Math.min(y0, ring[k + 1]); y1 = Math.max(y1, ring[k + 1]);
          }
        });
        boxes.set([x0, y0, x1, y1], 4 * i);
      });
      buildGrid();
      layer.addTo(map);
    },
    repaint: repaint
  };
}
