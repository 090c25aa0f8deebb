// GEOMETRY: the one place that reads the page's polygons. The districts and
// the context layers come in one topology (data.geometry, written by
// render._geometry_json, decoded by topology.js): the districts become
// Leaflet layers, one per district, with the district's index in
// feature.properties.i; each context layer (data.context) is drawn under the
// districts or over them, in its own style, never answering the mouse.
function drawDistricts(data, map, styleOf, eachLayer) {
  var shapes = decodeTopology(data.geometry);
  function drawContext(above) {
    data.context.forEach(function (layer) {
{% if canvas %}
      // Canvas: the context under the districts goes under their fills (fills.js).
      if (layer.above === above) L.geoJSON(shapes[layer.name], { style: layer.style, interactive: false, pane: above ? "overlayPane" : UNDER_FILLS }).addTo(map);
{% else %}
      if (layer.above === above) L.geoJSON(shapes[layer.name], { style: layer.style, interactive: false }).addTo(map);
{% endif %}
    });
  }
  drawContext(false);
  var districts = L.geoJSON(shapes.districts, {
    style: function (feature) { return styleOf(feature.properties.i); },
    onEachFeature: function (feature, layer) { eachLayer(feature.properties.i, layer); }
  }).addTo(map);
  drawContext(true);
  return districts;
}

// The districts on the map: styled by their look on the shown day,
// restyled only when it changes, with popups, hover and keyboard access.
// Only Leaflet's public API: on SVG setStyle, or when only the fill
// changes setOptions and the path's two fill attributes (getElement); on
// Canvas the fills are fills.js's (from the layers' options, their two
// fill keys written directly) and setStyle is left for an outline that changes (Leaflet
// then redraws the outlines around it); popups and events.
function Districts(data, map, words, timeline, styling, canvas) {
  var say = words.say, layers = [], looks = [], day = data.initial, open = -1;
  var E = timeline.columns;

  function describe(i) {
    return timeline.labelOf(i) + ": " + timeline.stateLabel(i, day) + (looks[i].differs ? " (" + data.words.reportsDiffer + ")" : "");
  }
  function describeEvent(k) {
    var from = words.text(timeline.ev(k, "from")), to = words.text(timeline.ev(k, "to")), claim = timeline.claimText(k);
    var told = say("event", { date: words.day(timeline.ev(k, "day")), kind: data.kinds[timeline.ev(k, "kind")] });
    if (from && to) told = say("parties", { event: told, from: from, to: to });
    return claim ? told + ", " + claim : told;
  }
  function popupFor(i) {
    var row = timeline.row(i), box = el("div", null, "hm-popup");
    box.appendChild(el("h3", timeline.labelOf(i)));
    var others = data.otherNames[i].map(words.text);
    if (others.length) box.appendChild(el("p", say("also_written", { names: others.join(", ") }), "hm-popup-names"));
    box.appendChild(el("p", say("on_date", { date: words.day(day), state: timeline.stateLabel(i, day) }) +
      (looks[i].pale ? " (" + data.words.claimedByOneSide + ")" : ""), "hm-popup-state"));
    if (looks[i].differs) box.appendChild(el("p", data.words.reportsDiffer, "hm-popup-differ"));
    var area = row[E.areaKm2], total = row[E.districtKm2];
    box.appendChild(el("p", data.heldArea && area < total * 0.99
      ? say("area_changing", { area: words.km2(area), total: words.km2(total) })
      : say("area", { area: words.km2(area) }), "hm-popup-area"));
    var list = el("ol");
    for (var k = 0; k < timeline.eventCount; k++) {
      if (timeline.ev(k, "district") !== i) continue;
      var item = el("li"), evidence = timeline.ev(k, "evidence"), note = timeline.ev(k, "note"), source = timeline.ev(k, "source");
      item.appendChild(el("strong", describeEvent(k)));
      if (timeline.differs(k)) item.appendChild(el("p", null, "hm-differ-dates")).appendChild(timeline.differNode(k));
      if (evidence >= 0) item.appendChild(el("blockquote", say("quote", { text: words.text(evidence) })));
      if (note >= 0) item.appendChild(el("div", words.text(note)));
      if (source >= 0) item.appendChild(el("cite")).appendChild(words.linked(source));
      list.appendChild(item);
    }
    box.appendChild(list);
    return box;
  }
  var LB = layout(data.schema.labels), labelAt = {};
  data.labels.forEach(function (row) { labelAt[row[LB.district]] = row[LB.points].slice(0, 2); });  // its own point, the first
  function anchorOf(i) { return labelAt[i] || layers[i].getCenter(); }
  function emphasise(i, on) { layers[i].setStyle(on ? styling.emphasis : styling.outline(looks[i])); }

{% if canvas %}
  var fills = FillLayer(map);
{% endif %}
  var group = drawDistricts(data, map, function (i) {
    looks[i] = timeline.look(i, day);
    return styling.style(looks[i]);
  }, function (i, layer) {
    layers[i] = layer;
    layer.bindPopup(function () { return popupFor(i); }, { maxWidth: 320 });
    layer.on("popupopen", function () { open = i; });
    layer.on("popupclose", function () { if (open === i) open = -1; });
    layer.on("mouseover", function () { emphasise(i, true); });
    layer.on("mouseout", function () { emphasise(i, false); });
  });
{% if canvas %}
  fills.paint(layers);
{% else %}
  // Hatching (SVG): a path of its own per hatched fill and opacity, just under the districts,
  // made of the outlines of every district wearing it. A district's path keeps its fill
  // attribute (url(#hm-hatch-...)), but a rule of handover.css paints it transparent: a pattern
  // fill on each path a step changes cost about 9 ms of a jump at N = 1,000 (against the same page
  // drawn without hatching). The outlines stay on the districts' paths, all drawn over the
  // hatching, and the districts still answer the mouse and the keyboard.
  var hatchings = {}, hatchingOf = [], firstLayer = group.getLayers()[0];
  var firstPath = firstLayer ? firstLayer.getElement() : null;
  function hatchingFor(style) {
    if (!firstPath || String(style.fillColor).lastIndexOf("url(", 0) !== 0) return null;
    var key = style.fillColor + " " + style.fillOpacity;
    if (!hatchings[key]) {
      var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("class", "hm-hatching");
      path.setAttribute("fill", style.fillColor);
      path.setAttribute("fill-opacity", style.fillOpacity);
      path.setAttribute("fill-rule", "evenodd");
      path.setAttribute("stroke", "none");
      path.setAttribute("aria-hidden", "true");
      firstPath.parentNode.insertBefore(path, firstPath);
      hatchings[key] = { path: path, members: new Set(), stale: false };
    }
    return hatchings[key];
  }
  function wear(i, style) {
    var now = hatchingFor(style), before = hatchingOf[i] || null;
    if (now === before) return;
    if (before) { before.members.delete(i); before.stale = true; }
    if (now) { now.members.add(i); now.stale = true; }
    hatchingOf[i] = now;
  }
  // Each hatching's outline: its districts' own path data, as Leaflet last projected them (read once a projection).
  var outlines = [];
  function outlineOf(i) { return outlines[i] || (outlines[i] = layers[i].getElement().getAttribute("d")); }
  function redrawHatchings(all) {
    if (all) outlines = [];
    for (var key in hatchings) {
      var hatching = hatchings[key];
      if (!all && !hatching.stale) continue;
      var members = Array.from(hatching.members).sort(function (a, b) { return a - b; });  // the districts' order, whatever the steps
      hatching.path.setAttribute("d", members.map(outlineOf).join("") || "M0 0");
      hatching.stale = false;
    }
  }
  layers.forEach(function (layer, i) { wear(i, styling.style(looks[i])); });
  redrawHatchings(true);
  if (firstLayer) map.getRenderer(firstLayer).on("update", function () { redrawHatchings(true); });  // after Leaflet has projected the paths again (zoom, pan)
{% endif %}
  // Districts in the tab order (SVG only: the Canvas renderer draws no elements); Enter opens the popup.
  layers.forEach(function (layer, i) {
    var path = canvas ? null : layer.getElement();
    if (!path) return;
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    path.setAttribute("aria-label", describe(i));
    path.addEventListener("focus", function () { emphasise(i, true); });
    path.addEventListener("blur", function () { emphasise(i, false); });
    path.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      layer.openPopup(anchorOf(i));
    });
  });
  // A popup never wider than the map leaves room for (phones): set when it opens.
  map.on("popupopen", function (e) {
    var width = Math.max(160, Math.min(320, map.getSize().x - 80));
    if (e.popup.options.maxWidth !== width) { e.popup.options.maxWidth = width; e.popup.update(); }
  });

  // Show another day: restyle the districts whose look changed since the
  // shown day (timeline.changedBetween), and the open popup's text.
  function show(next) {
    var candidates = timeline.changedBetween(day, next);
    day = next;
{% if canvas %}
    // Canvas: Leaflet redraws an outline that changes; fills.js repaints the changed fills, each in its own box.
    var changed = [];
    candidates.forEach(function (i) {
      var now = timeline.look(i, day), before = looks[i];
      if (timeline.sameLook(now, before)) return;
      looks[i] = now;
      var style = styling.style(now), options = layers[i].options;
      if (now.differs !== before.differs) layers[i].setStyle(style);
      else { options.fillColor = style.fillColor; options.fillOpacity = style.fillOpacity; }  // the layer's own options (setStyle made them); setOptions copies every key
      changed.push(i);
    });
    fills.repaint(changed);
{% else %}
    candidates.forEach(function (i) {
      var now = timeline.look(i, day), before = looks[i];
      if (timeline.sameLook(now, before)) return;
      looks[i] = now;
      var style = styling.style(now), path = canvas ? null : layers[i].getElement();
      if (!path || now.differs !== before.differs) layers[i].setStyle(style);  // on Canvas, Leaflet redraws the layer's bounds only
      else {
        // SVG, same outline: only the fill changes, and setStyle would rewrite all ten attributes of the path.
        L.Util.setOptions(layers[i], style);
        path.setAttribute("fill", style.fillColor);
        path.setAttribute("fill-opacity", style.fillOpacity);
      }
      if (path) path.setAttribute("aria-label", describe(i));
      wear(i, style);
    });
    redrawHatchings(false);
{% endif %}
    if (open >= 0) layers[open].setPopupContent(popupFor(open));
  }
  return {
    group: group,
    show: show,
    look: function (i) { return looks[i]; },
    anchorOf: anchorOf
  };
}
