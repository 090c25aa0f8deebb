// FILLS on Canvas pages (only these include this part): the districts'
// fills are painted by the page on a <canvas> of its own, in a pane between
// the context under the districts and Leaflet's overlay pane, where Leaflet
// draws the districts' outlines only (fill: false; its hit-testing is
// geometric, so they still answer the mouse). Why: Leaflet's Canvas renderer
// redraws the union of the bounds of the layers restyled in a frame, and a
// step's few scattered districts span the whole map; and filling thousands
// of paths again costs the most of a step (a third of the districts change
// on a day at N = 10,000, T = 30). So the page keeps the canvas's pixels
// itself: when the view changes (a move, zoom or resize), each district is
// rasterised once into the pixels it covers wholly (runs of a row) and
// those its edge crosses, with the share of the pixel it covers (exact area
// coverage, so edges are antialiased); a step writes the changed districts'
// pixels only, in their new fill, and puts them on the canvas. A pixel on
// an edge is the coverage-weighted sum of the fills of the districts that
// share it (no seam between neighbours), so a step leaves exactly what a
// full redraw paints. A district is filled as its layer's options say
// (fillColor, a colour or a CanvasPattern, read back as the canvas would
// paint it; fillOpacity). Only Leaflet's public API.
var UNDER_FILLS = "hmUnderFills";  // the pane of the context drawn under the districts

function FillLayer(map) {
  var PADDING = 0.1;  // of the view on each side, as Leaflet's renderers draw
  var WHOLE = 0.999, NONE = 0.001;  // coverage of a pixel counted as whole, as none
  [[UNDER_FILLS, 380], ["hmFills", 390]].forEach(function (pane) {
    var element = map.createPane(pane[0]);
    element.style.zIndex = String(pane[1]);  // under the overlay pane (400), over the tiles (200)
    element.style.pointerEvents = "none";
  });
  var canvas = L.DomUtil.create("canvas", "leaflet-zoom-animated hm-fills", map.getPane("hmFills"));
  var ctx = canvas.getContext("2d");
  var layers = [], rings = [], boxes = null;
  // The view drawn: its layer-point bounds, zoom, pixel origin, pixel ratio and size in device pixels.
  var bounds = null, drawnZoom = null, origin = null, ratio = 1, width = 0, height = 0;
  var image = null, pixels = null, coverage = null, groupAt = null;  // the canvas's pixels (RGBA as one number) and scratch
  // From the last redraw, per district i: its runs of whole pixels (row, from, to: spans[3 * (spanFrom[i] ...)]),
  // its edge pixels (edgeGroup[edgeFrom[i] ...], each a group: a pixel and the districts sharing it, with their
  // coverage) and its box in device pixels (area[4 * i ...]); and the fill each district wears (fillOf[i]: a style).
  var spanFrom = null, spans = null, edgeFrom = null, edgeGroup = null, area = null, fillOf = null;
  var groupPixel = null, groupFrom = null, memberDistrict = null, memberCoverage = null, stamp = null, visit = 0;
  // Four bytes (RGBA) read as one number, whatever the machine's byte order.
  var bytes = new Uint8ClampedArray(4), word = new Uint32Array(bytes.buffer);

  // Each district's rings as world pixels at zoom 0 (x, y pairs), and their box.
  function project(latLngs, out) {
    if (latLngs.length && !Array.isArray(latLngs[0])) {
      var ring = new Float64Array(2 * latLngs.length);
      latLngs.forEach(function (latLng, k) { var p = map.project(latLng, 0); ring[2 * k] = p.x; ring[2 * k + 1] = p.y; });
      out.push(ring);
    } else latLngs.forEach(function (part) { project(part, out); });
    return out;
  }

  // The fills worn, in the order first seen: each a colour or a pattern and an opacity, with the
  // pixels of a tile of it (8 CSS px, the patterns' period) as the canvas paints it from the view's
  // origin: red, green, blue, alpha (the colour's own times the opacity) and the pixel as a number.
  var styles = [], side = 8, phaseX = 0, phaseY = 0;
  function styleOf(i) {
    var options = layers[i].options;
    for (var s = 0; s < styles.length; s++) {
      if (styles[s].fill === options.fillColor && styles[s].opacity === options.fillOpacity) return s;
    }
    styles.push({ fill: options.fillColor, opacity: options.fillOpacity, at: -1 });
    return styles.length - 1;
  }
  var tileCanvas = document.createElement("canvas"), tileCtx = tileCanvas.getContext("2d"), tileRatio = -1, redraws = 0;
  function tile(s) {
    var style = styles[s];
    if (style.at === redraws) return style;
    if (tileRatio !== ratio) { tileCanvas.width = tileCanvas.height = side; tileRatio = ratio; }
    tileCtx.setTransform(ratio, 0, 0, ratio, 0, 0);
    tileCtx.clearRect(0, 0, 8, 8);
    tileCtx.fillStyle = style.fill;
    tileCtx.fillRect(0, 0, 8, 8);
    var rgba = tileCtx.getImageData(0, 0, side, side).data, count = side * side;
    style.red = new Float32Array(count); style.green = new Float32Array(count); style.blue = new Float32Array(count);
    style.alpha = new Float32Array(count);
    style.word = new Uint32Array(count);
    style.solid = typeof style.fill === "string";
    for (var t = 0; t < count; t++) {
      style.red[t] = bytes[0] = rgba[4 * t];
      style.green[t] = bytes[1] = rgba[4 * t + 1];
      style.blue[t] = bytes[2] = rgba[4 * t + 2];
      style.alpha[t] = rgba[4 * t + 3] / 255 * style.opacity;
      bytes[3] = 255 * style.alpha[t];
      style.word[t] = word[0];
    }
    style.at = redraws;
    return style;
  }

  // Rasterising: the signed area each edge leaves to its right, accumulated along each row, is the
  // share of a pixel inside the outline (even-odd). `coverage` holds a district's box (w columns, two
  // more than the box, for the area left past its right edge), zero outside the one district drawn.
  function edge(w, h, xa, ya, xb, yb) {
    if (ya === yb) return;
    var dir = 1, t;
    if (ya > yb) { dir = -1; t = xa; xa = xb; xb = t; t = ya; ya = yb; yb = t; }
    var slope = (xb - xa) / (yb - ya), top = Math.max(0, Math.floor(ya)), bottom = Math.min(h, Math.ceil(yb));
    var x = xa + slope * (Math.max(top, ya) - ya);
    for (var y = top; y < bottom; y++) {
      var row = y * w, dy = Math.min(y + 1, yb) - Math.max(y, ya), next = x + slope * dy, d = dy * dir;
      var x0 = Math.min(x, next), x1 = Math.max(x, next), c0 = Math.floor(x0), c1 = Math.ceil(x1);
      if (c1 <= c0 + 1) {  // within one column: the pixel gets the part right of the edge, the next ones all
        var middle = 0.5 * (x + next) - c0;
        coverage[row + c0] += d * (1 - middle);
        coverage[row + c0 + 1] += d * middle;
      } else {  // across columns: a triangle in the first, equal steps between, the rest in the last
        var s = 1 / (x1 - x0), f0 = x0 - c0, first = 0.5 * s * (1 - f0) * (1 - f0);
        var f1 = x1 - c1 + 1, last = 0.5 * s * f1 * f1;
        coverage[row + c0] += d * first;
        if (c1 === c0 + 2) coverage[row + c0 + 1] += d * (1 - first - last);
        else {
          var second = s * (1.5 - f0);
          coverage[row + c0 + 1] += d * (second - first);
          for (var c = c0 + 2; c < c1 - 1; c++) coverage[row + c] += d * s;
          coverage[row + c1 - 1] += d * (1 - second - (c1 - c0 - 3) * s - last);
        }
        coverage[row + c1] += d * last;
      }
      x = next;
    }
  }
  // An edge clipped to columns 0 ... right: the parts beyond either side run along it (their area still counts).
  function clippedEdge(w, h, right, xa, ya, xb, yb) {
    var cuts = [];
    if ((xa < 0) !== (xb < 0)) cuts.push((0 - xa) / (xb - xa));
    if ((xa > right) !== (xb > right)) cuts.push((right - xa) / (xb - xa));
    cuts.sort();
    cuts.push(1);
    var px = xa, py = ya;
    cuts.forEach(function (t) {
      var qx = t === 1 ? xb : xa + t * (xb - xa), qy = t === 1 ? yb : ya + t * (yb - ya);
      edge(w, h, Math.min(right, Math.max(0, px)), py, Math.min(right, Math.max(0, qx)), qy);
      px = qx; py = qy;
    });
  }

  // Everything again, for the view as it is now (after a move, zoom or resize).
  function redraw() {
    if (!layers.length) return;
    var size = map.getSize(), min = map.containerPointToLayerPoint(size.multiplyBy(-PADDING)).round();
    var extent = size.multiplyBy(1 + 2 * PADDING).round(), zoom = map.getZoom();
    if (!extent.x || !extent.y) { bounds = null; return; }  // a map not laid out (a hidden frame): drawn when it is resized
    bounds = L.bounds(min, min.add(extent));
    drawnZoom = zoom;
    origin = map.getPixelOrigin();
    ratio = L.Browser.retina ? 2 : 1;  // as Leaflet's Canvas renderer does, so fills and outlines match
    side = 8 * ratio;
    redraws += 1;
    L.DomUtil.setPosition(canvas, min);
    if (width !== ratio * extent.x || height !== ratio * extent.y) {
      width = canvas.width = ratio * extent.x;
      height = canvas.height = ratio * extent.y;
      canvas.style.width = extent.x + "px";
      canvas.style.height = extent.y + "px";
      image = ctx.createImageData(width, height);
      pixels = new Uint32Array(image.data.buffer);
      coverage = new Float32Array((width + 2) * height);
      groupAt = new Int32Array(width * height).fill(-1);  // -1 again after each redraw
    }
    pixels.fill(0);
    phaseX = ((ratio * min.x) % side + side) % side;  // patterns repeat from layer point 0, 0, as on Leaflet's canvas
    phaseY = ((ratio * min.y) % side + side) % side;
    var scale = map.getZoomScale(zoom, 0), n = layers.length;
    var runs = [], edges = [], shares = [], pixelOf = [];
    spanFrom = new Int32Array(n + 1); edgeFrom = new Int32Array(n + 1); area = new Int32Array(4 * n);
    for (var i = 0; i < n; i++) {
      spanFrom[i] = runs.length / 3;
      edgeFrom[i] = edges.length;
      // The district's box in device pixels, clipped to the canvas; its points as Leaflet rounds them (layer points).
      var left = Math.max(0, Math.floor(ratio * (Math.round(boxes[4 * i] * scale) - origin.x - min.x)));
      var up = Math.max(0, Math.floor(ratio * (Math.round(boxes[4 * i + 1] * scale) - origin.y - min.y)));
      var right = Math.min(width, Math.ceil(ratio * (Math.round(boxes[4 * i + 2] * scale) - origin.x - min.x)));
      var down = Math.min(height, Math.ceil(ratio * (Math.round(boxes[4 * i + 3] * scale) - origin.y - min.y)));
      area[4 * i] = left; area[4 * i + 1] = up; area[4 * i + 2] = right; area[4 * i + 3] = down;
      if (left >= right || up >= down) continue;  // out of the drawn view
      var w = right - left + 2, h = down - up, dx = -origin.x - min.x, dy = -origin.y - min.y;
      rings[i].forEach(function (ring) {
        var count = ring.length / 2;
        for (var k = 0; k < count; k++) {
          var m = (k + 1) % count;
          clippedEdge(w, h, right - left,
            ratio * (Math.round(ring[2 * k] * scale) + dx) - left, ratio * (Math.round(ring[2 * k + 1] * scale) + dy) - up,
            ratio * (Math.round(ring[2 * m] * scale) + dx) - left, ratio * (Math.round(ring[2 * m + 1] * scale) + dy) - up);
        }
      });
      for (var y = 0; y < h; y++) {
        var sum = 0, run = -1, at = (up + y) * width + left;
        for (var x = 0; x < w; x++) {
          var cell = y * w + x;
          sum += coverage[cell];
          coverage[cell] = 0;
          var share = Math.abs(sum);
          if (share > 1) { share %= 2; if (share > 1) share = 2 - share; }
          var whole = share >= WHOLE && x < w - 2;
          if (whole && run < 0) run = x;
          if (!whole && run >= 0) { runs.push(up + y, left + run, left + x); run = -1; }
          if (whole || share <= NONE || x >= w - 2) continue;
          var group = groupAt[at + x];
          if (group < 0) { group = groupAt[at + x] = pixelOf.length; pixelOf.push(at + x); }
          edges.push(group);
          shares.push(share);
        }
      }
    }
    spanFrom[n] = runs.length / 3;
    edgeFrom[n] = edges.length;
    spans = Int32Array.from(runs);
    edgeGroup = Int32Array.from(edges);
    // Each group's members, in the districts' order.
    var groups = pixelOf.length;
    groupPixel = Int32Array.from(pixelOf);
    pixelOf.forEach(function (pixel) { groupAt[pixel] = -1; });
    groupFrom = new Int32Array(groups + 1);
    edges.forEach(function (g) { groupFrom[g + 1] += 1; });
    for (var g = 0; g < groups; g++) groupFrom[g + 1] += groupFrom[g];
    var filled = groupFrom.slice(0, groups);
    memberDistrict = new Int32Array(edges.length);
    memberCoverage = new Float32Array(edges.length);
    for (var d = 0; d < n; d++) {
      for (var e = edgeFrom[d]; e < edgeFrom[d + 1]; e++) {
        memberDistrict[filled[edges[e]]] = d;
        memberCoverage[filled[edges[e]]++] = shares[e];
      }
    }
    stamp = new Uint32Array(groups);
    fillOf = new Int32Array(n);
    for (var j = 0; j < n; j++) { fillOf[j] = styleOf(j); paintWhole(j); }
    for (var q = 0; q < groups; q++) paintEdge(q);
    ctx.putImageData(image, 0, 0);
  }
  // A district's whole pixels in its fill.
  function paintWhole(i) {
    var style = tile(fillOf[i]);
    for (var k = 3 * spanFrom[i]; k < 3 * spanFrom[i + 1]; k += 3) {
      var row = spans[k] * width, from = spans[k + 1], to = spans[k + 2];
      if (style.solid) { pixels.fill(style.word[0], row + from, row + to); continue; }
      var tileRow = side * ((spans[k] + phaseY) % side);
      for (var x = from, t = (from + phaseX) % side; x < to; x++, t = t + 1 === side ? 0 : t + 1) pixels[row + x] = style.word[tileRow + t];
    }
  }
  // An edge pixel: the fills of the districts sharing it, each weighted by the share it covers.
  function paintEdge(g) {
    var pixel = groupPixel[g], x = pixel % width, t = side * (((pixel - x) / width + phaseY) % side) + (x + phaseX) % side;
    var alpha = 0, red = 0, green = 0, blue = 0;
    for (var m = groupFrom[g]; m < groupFrom[g + 1]; m++) {
      var style = tile(fillOf[memberDistrict[m]]), weight = memberCoverage[m] * style.alpha[t];
      alpha += weight;
      red += weight * style.red[t]; green += weight * style.green[t]; blue += weight * style.blue[t];
    }
    if (alpha <= 0) { pixels[pixel] = 0; return; }
    bytes[0] = red / alpha; bytes[1] = green / alpha; bytes[2] = blue / alpha; bytes[3] = 255 * Math.min(1, alpha);
    pixels[pixel] = word[0];
  }
  // The fills of districts [i...] again: their pixels written in their fills, and put on the
  // canvas in their boxes (one box around them all when there are many).
  function repaint(changed) {
    if (!bounds) return;
    var x0 = width, y0 = height, x1 = 0, y1 = 0, shown = [];
    visit += 1;
    changed.forEach(function (i) { fillOf[i] = styleOf(i); });  // all first: an edge pixel may be shared by two of them
    changed.forEach(function (i) {
      if (area[4 * i] >= area[4 * i + 2] || area[4 * i + 1] >= area[4 * i + 3]) return;  // out of the drawn view
      paintWhole(i);
      for (var e = edgeFrom[i]; e < edgeFrom[i + 1]; e++) {
        var g = edgeGroup[e];
        if (stamp[g] !== visit) { stamp[g] = visit; paintEdge(g); }
      }
      shown.push(i);
      x0 = Math.min(x0, area[4 * i]); y0 = Math.min(y0, area[4 * i + 1]);
      x1 = Math.max(x1, area[4 * i + 2]); y1 = Math.max(y1, area[4 * i + 3]);
    });
    if (!shown.length) return;
    if (shown.length > 16) { ctx.putImageData(image, 0, 0, x0, y0, x1 - x0, y1 - y0); return; }
    shown.forEach(function (i) { ctx.putImageData(image, 0, 0, area[4 * i], area[4 * i + 1], area[4 * i + 2] - area[4 * i], area[4 * i + 3] - area[4 * i + 1]); });
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
      layer.addTo(map);
    },
    repaint: repaint
  };
}
