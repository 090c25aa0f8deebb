// handover-map: colours districts by control state for the slider's date,
// drives the controls and the event list, and exposes window.handoverMap.
// All text arrives as JSON data and reaches the page through textContent
// only, so article text can never run as script. Days are whole numbers
// counted from data.epoch; the data layout is described in render.py. The
// page's own words and date patterns, in its language, are data too
// (data.words, data.dates: see words.py).
(function () {
  "use strict";
  var data = __DATA__;
  var map = __MAP__;
  var decodeTopology = __TOPOLOGY__;
  var DAY_MS = 86400000, STEP_MS = 1500;
  var $ = function (id) { return document.getElementById(id); };
  var slider = $("hm-slider"), dateLabel = $("hm-date"), playButton = $("hm-play");
  var epochMs = Date.parse(data.epoch + "T00:00:00Z");
  var strings = data.strings, districts = data.districts, events = data.events;
  var eventCount = data.eventCount;
  var current = data.initial;
  var layers = [], shown = [], eventItems = [], timer = null;
  var nameIndex = new Map();  // any string is a safe key: no "constructor" or "__proto__" surprises
  var inFrame = window.parent !== window;
  var container = map.getContainer(), home = L.latLngBounds(data.bounds);

  // In a frame the page takes the height its content needs (handover.css) and
  // tells the embedding page (see postHeight); a window it fills.
  if (inFrame) document.documentElement.classList.add("hm-framed");
  map.invalidateSize();  // the grid layout sized the map after Leaflet measured it
  if (map.attributionControl) map.attributionControl.setPrefix(false);  // the credits line names Leaflet
  // Leaflet's own controls, in the page's language.
  [["leaflet-control-zoom-in", "zoom_in"], ["leaflet-control-zoom-out", "zoom_out"]].forEach(function (pair) {
    var button = container.querySelector("." + pair[0]);
    if (button) { button.title = say(pair[1]); button.setAttribute("aria-label", say(pair[1])); }
  });
  map.on("popupopen", function (event) {
    var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) close.setAttribute("aria-label", say("close_popup"));
  });
  map.setMaxBounds(L.latLngBounds(data.region));
  function limitZoom() {
    // Out to one level beyond the view of the districts, in to six levels closer.
    var fitted = map.getBoundsZoom(home, false, L.point(16, 16));
    map.setMinZoom(Math.max(0, fitted - 1));
    map.setMaxZoom(fitted + 6);
  }
  function resetView() { map.fitBounds(home, { padding: [8, 8], animate: false }); }
  resetView();  // no slide on opening
  limitZoom();  // after fitting: a zoom below the new minimum would be animated

  function text(index) { return index >= 0 ? strings[index] : ""; }
  function isoOf(day) { return new Date(epochMs + day * DAY_MS).toISOString().slice(0, 10); }
  function dayOf(iso) {
    var ms = typeof iso === "string" && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(iso + "T00:00:00Z") : NaN;
    var day = Math.round((ms - epochMs) / DAY_MS);
    if (isNaN(ms) || isoOf(day) !== iso) throw new TypeError("setDate expects an ISO date like 2020-11-25");
    return day;
  }
  // A word of the page with its {placeholders} filled in (values are text, never markup).
  function say(key, values) {
    return data.words[key].replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  // A date by the locale's pattern from Babel: texts as they stand, fields as ["d"], ["MMM"], ["y"].
  function formatWith(pattern, day) {
    var iso = isoOf(day), parts = iso.split("-");
    return pattern.map(function (part) {
      if (typeof part === "string") return part;
      var code = part[0];
      if (code === "d") return String(Number(parts[2]));
      if (code === "dd") return parts[2];
      if (code === "M") return String(Number(parts[1]));
      if (code === "MM") return parts[1];
      if (code === "y") return String(Number(parts[0]));
      if (code === "yyyy") return parts[0];
      return data.dates.months[code][Number(parts[1]) - 1];
    }).join("");
  }
  function formatDayMonth(day) { return formatWith(data.dates.dayMonth, day); }
  function formatDay(day) { return formatWith(data.dates.day, day); }
  function formatNumber(value) { return value.toLocaleString(data.locale); }
  function formatKm2(value) { return say("km2", { value: formatNumber(value) }); }
  function stateAt(i, day) {
    var row = districts[i], state = row[4];
    for (var k = 5; k < row.length && row[k] <= day; k += 2) state = row[k + 1];
    return data.states[state];
  }
  function nameOf(i) { return text(districts[i][0]); }
  function labelOf(i) { return districts[i][1] >= 0 ? text(districts[i][1]) : nameOf(i); }
  function ev(k, field) { var column = events[field]; return typeof column === "number" ? column : column[k]; }

  // Hatching: an SVG pattern in the page, or a canvas pattern for the Canvas renderer.
  var hatches = {};
  function hatch(state) {
    if (!data.canvas) return "url(#hm-hatch-" + state + ")";
    if (!hatches[state]) {
      var tile = document.createElement("canvas");
      tile.width = tile.height = 8;
      var ctx = tile.getContext("2d");
      ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, 8, 8);
      ctx.strokeStyle = data.styles[state].color; ctx.lineWidth = 3;
      ctx.beginPath(); ctx.moveTo(-2, 10); ctx.lineTo(10, -2); ctx.moveTo(-2, 2); ctx.lineTo(2, -2); ctx.moveTo(6, 10); ctx.lineTo(10, 6); ctx.stroke();
      hatches[state] = ctx.createPattern(tile, "repeat");
    }
    return hatches[state];
  }
  function styleFor(state) {
    var hatched = data.hatched.indexOf(state) >= 0;
    return { color: "#2b2b2b", weight: data.canvas ? 0.6 : 1.2, fillOpacity: hatched ? 0.9 : 0.8,
             fillColor: hatched ? hatch(state) : data.styles[state].color };
  }
  // Reports that differ on a date: each date with its source, and a dotted
  // outline on the district while the dates are in play (data.differSpans).
  var differOf = {}, differSpanOf = {}, outlined = [];
  data.differ.forEach(function (row) { differOf[row[0]] = row.slice(1); });
  data.differSpans.forEach(function (span) { differSpanOf[span[0]] = [span[1], span[2]]; });
  function differsOn(i, day) { var span = differSpanOf[i]; return span !== undefined && day >= span[0] && day <= span[1]; }
  function differText(k) {
    var pairs = differOf[k], parts = [];
    if (!pairs) return "";
    for (var p = 0; p < pairs.length; p += 2) parts.push(formatDay(pairs[p]) + (pairs[p + 1] >= 0 ? " (" + text(pairs[p + 1]) + ")" : ""));
    return data.words.reportsDiffer + ": " + parts.join("; ");
  }
  function outlineFor(i, day) {
    return differsOn(i, day) ? data.differOutline : { color: "#2b2b2b", weight: data.canvas ? 0.6 : 1.2, dashArray: null };
  }
  function districtStyle(i, day) {
    var state = stateAt(i, day), style = styleFor(state), outline = outlineFor(i, day);
    for (var key in outline) style[key] = outline[key];
    var colour = holderColour(i, day, state);
    if (colour) style.fillColor = colour;
    if (paleOn(i, day, state)) style.fillOpacity = data.claimedOpacity;
    return style;
  }

  // Parties: who holds a district after a change of control names it in the
  // popup ("Taken by X"), and colours it when several parties take districts.
  var holdersOf = {}, colourOf = {}, holderShown = [];
  data.holders.forEach(function (row) { holdersOf[row[0]] = row.slice(1); });
  data.partyColours.forEach(function (pair) { colourOf[pair[0]] = pair[1]; });
  function holderAt(i, day) {
    var series = holdersOf[i], holder = -1;
    if (!series) return -1;
    for (var k = 0; k < series.length && series[k] <= day; k += 2) holder = series[k + 1];
    return holder;
  }
  function holderColour(i, day, state) {
    if (!(state in data.partyLabels) || state === "held") return null;
    var holder = holderAt(i, day);
    return holder >= 0 && colourOf[holder] ? colourOf[holder] : null;
  }
  function stateLabel(i, day) {
    var state = stateAt(i, day), holder = holderAt(i, day);
    if (state !== "held" && state in data.partyLabels && holder >= 0) return data.partyLabels[state].replace("{party}", function () { return text(holder); });  // a name's "$&" stays as written
    return data.styles[state].label;
  }

  // Claimed events (one side's word only): "claimed by ..." in the list and
  // popups, and a pale fill while the district's latest event is a claim.
  var claimantOf = {}, claimsOf = {}, pale = [];
  data.claimedBy.forEach(function (row) { claimantOf[row[0]] = row[1]; });
  data.claims.forEach(function (row) { claimsOf[row[0]] = row.slice(1); });
  function claimedOn(i, day) {
    var series = claimsOf[i], claimed = false;
    if (!series) return false;
    for (var k = 0; k < series.length && series[k] <= day; k += 2) claimed = series[k + 1] === 1;
    return claimed;
  }
  function paleOn(i, day, state) { return state !== "held" && state !== "unreported" && claimedOn(i, day); }
  function claimText(k) {
    if (!(k in claimantOf)) return "";
    return data.words.claimedBy + " " + (claimantOf[k] >= 0 ? text(claimantOf[k]) : data.words.oneSide);
  }
  function updateOutline(i) {
    var on = differsOn(i, current);
    if (outlined[i] === on) return;
    outlined[i] = on;
    layers[i].setStyle(outlineFor(i, current));
  }

  function el(tag, content, className) {
    var node = document.createElement(tag);
    if (content) node.textContent = content;
    if (className) node.className = className;
    return node;
  }
  function describe(k) {
    var from = text(ev(k, 3)), to = text(ev(k, 4)), claim = claimText(k);
    var event = say("event", { date: formatDay(ev(k, 0)), kind: data.kinds[ev(k, 2)] });
    var told = from && to ? say("parties", { event: event, from: from, to: to }) : event;
    return claim ? told + ", " + claim : told;
  }
  function popupFor(i) {
    var row = districts[i], box = el("div", null, "hm-popup");
    box.appendChild(el("h3", labelOf(i)));
    var others = data.otherNames[i].map(text);
    if (others.length) box.appendChild(el("p", say("also_written", { names: others.join(", ") }), "hm-popup-names"));
    box.appendChild(el("p", say("on_date", { date: formatDay(current), state: stateLabel(i, current) }) +
      (paleOn(i, current, stateAt(i, current)) ? " (" + data.words.claimedByOneSide + ")" : ""), "hm-popup-state"));
    if (differsOn(i, current)) box.appendChild(el("p", data.words.reportsDiffer, "hm-popup-differ"));
    box.appendChild(el("p", data.heldArea && row[2] < row[3] * 0.99
      ? say("area_changing", { area: formatKm2(row[2]), total: formatKm2(row[3]) })
      : say("area", { area: formatKm2(row[2]) }), "hm-popup-area"));
    var list = el("ol");
    for (var k = 0; k < eventCount; k++) {
      if (ev(k, 1) !== i) continue;
      var item = el("li");
      item.appendChild(el("strong", describe(k)));
      if (differOf[k]) item.appendChild(el("p", differText(k), "hm-differ-dates"));
      if (ev(k, 5) >= 0) item.appendChild(el("blockquote", say("quote", { text: text(ev(k, 5)) })));
      if (ev(k, 6) >= 0) item.appendChild(el("div", text(ev(k, 6))));
      if (ev(k, 7) >= 0) item.appendChild(el("cite", text(ev(k, 7))));
      list.appendChild(item);
    }
    box.appendChild(list);
    return box;
  }

  var labelAt = {};
  data.labels.forEach(function (l) { labelAt[l[0]] = [l[1], l[2]]; });
  function anchorOf(i) { return labelAt[i] || layers[i].getCenter(); }
  // Hover and keyboard focus outline a district; no private Leaflet fields.
  function emphasise(i, on) { layers[i].setStyle(on ? { weight: 3.5, color: "#000000", dashArray: null } : outlineFor(i, current)); }
  function describeDistrict(i) { return labelOf(i) + ": " + stateLabel(i, current) + (differsOn(i, current) ? " (" + data.words.reportsDiffer + ")" : ""); }

  // Districts and context come in one topology (topology.js); context is drawn under the districts or over them.
  var shapes = decodeTopology(data.geometry);
  function drawContext(above) {
    data.context.forEach(function (layer) {
      if (layer.above === above) L.geoJSON(shapes[layer.name], { style: layer.style, interactive: false }).addTo(map);
    });
  }
  drawContext(false);
  var districtLayer = L.geoJSON(shapes.districts, {
    style: function (feature) { return districtStyle(feature.properties.i, current); },
    onEachFeature: function (feature, layer) {
      var i = feature.properties.i;
      layers[i] = layer;
      shown[i] = stateAt(i, current);
      pale[i] = paleOn(i, current, shown[i]);
      holderShown[i] = holderAt(i, current);
      layer.bindPopup(function () { return popupFor(i); }, { maxWidth: 320 });
      layer.on("mouseover", function () { emphasise(i, true); });
      layer.on("mouseout", function () { emphasise(i, false); });
    }
  }).addTo(map);
  drawContext(true);
  // A popup never wider than the map leaves room for (phones): set when it opens.
  map.on("popupopen", function (e) {
    var width = Math.max(160, Math.min(320, map.getSize().x - 80));
    if (e.popup.options.maxWidth !== width) { e.popup.options.maxWidth = width; e.popup.update(); }
  });
  // Districts in the tab order (SVG only: the Canvas renderer draws no elements); Enter opens the popup.
  layers.forEach(function (layer, i) {
    var path = data.canvas ? null : layer.getElement();
    if (!path) return;
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    path.setAttribute("aria-label", describeDistrict(i));
    path.addEventListener("focus", function () { emphasise(i, true); });
    path.addEventListener("blur", function () { emphasise(i, false); });
    path.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      layer.openPopup(anchorOf(i));
    });
  });

  function label(content, latlng, className) {
    L.tooltip({ permanent: true, direction: "center", className: className, interactive: false })
      .setLatLng(latlng).setContent(el("span", content)).addTo(map);
  }
  districts.forEach(function (row, i) { nameIndex.set(nameOf(i).toLowerCase(), i); });
  data.aliases.forEach(function (pair) { nameIndex.set(pair[0], pair[1]); });
  data.labels.forEach(function (l) { label(labelOf(l[0]), [l[1], l[2]], "hm-label"); });
  // Reference towns: a dot and the name beside it, while the whole name is in view.
  var townTips = data.towns.map(function (t) {
    var dot = L.circleMarker([t[1], t[2]], { radius: 3, weight: 1, color: "#ffffff", fillColor: "#333333", fillOpacity: 1, interactive: false });
    var tip = L.tooltip({ permanent: true, direction: "right", offset: [3, 0], className: "hm-town-label", interactive: false })
      .setLatLng([t[1], t[2]]).setContent(el("span", t[0]));
    return { width: t[0].length * 7 + 12, tip: tip, town: L.layerGroup([dot, tip]) };
  });

  // Country names: each at the first of its candidate points (nearest its
  // centre first) where the whole name fits inside the visible map, away
  // from the controls in the corners; hidden when none does. A name wider
  // than the map never fits: it stands at the first point in view.
  var countryTips = data.countryLabels.map(function (c) {
    var tip = L.tooltip({ permanent: true, direction: "center", className: "hm-country-label", interactive: false }).setContent(el("span", c[0]));
    return { halfWidth: c[0].length * 5 + 8, points: c[1], tip: tip };
  });
  function placeLabels() {
    var size = map.getSize();
    townTips.forEach(function (t) {
      var p = map.latLngToContainerPoint(t.tip.getLatLng());
      var inView = p.x >= 4 && p.x + t.width <= size.x - 4 && p.y >= 10 && p.y <= size.y - 34 && !(p.x < 52 && p.y < 150);
      if (inView && !map.hasLayer(t.town)) t.town.addTo(map);
      else if (!inView && map.hasLayer(t.town)) map.removeLayer(t.town);
    });
    countryTips.forEach(function (c) {
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
  placeLabels();
  map.on("moveend resize", placeLabels);

  // Event list, beside or below the map. Only a window of events around the
  // slider's date is in the page at a time: a list of thousands would cost
  // seconds of style and layout on every step.
  var LIST_WINDOW = 120;
  var list = $("hm-event-list"), listNote = $("hm-event-window"), windowStart = -1, currentItem = null;
  function makeItem(k) {
    var item = el("li", null, "hm-event");
    var button = el("button", null, "hm-event-button");
    button.type = "button";
    button.appendChild(el("time", formatDay(ev(k, 0)), "hm-event-date"));
    button.appendChild(el("span", " " + say("district_event", { district: labelOf(ev(k, 1)), kind: data.kinds[ev(k, 2)] }), "hm-event-what"));
    if (k in claimantOf) { item.classList.add("hm-event-claimed"); button.appendChild(el("span", " (" + claimText(k) + ")", "hm-event-claim")); }
    button.addEventListener("click", function () { pause(); setDay(ev(k, 0)); });
    item.appendChild(button);
    if (differOf[k]) { item.classList.add("hm-event-differs"); item.appendChild(el("p", differText(k), "hm-differ-dates")); }
    if (ev(k, 5) >= 0) item.appendChild(el("blockquote", say("quote", { text: text(ev(k, 5)) }), "hm-event-evidence"));
    if (ev(k, 6) >= 0) item.appendChild(el("p", text(ev(k, 6)), "hm-event-note"));
    if (ev(k, 7) >= 0) item.appendChild(el("cite", text(ev(k, 7)), "hm-event-source"));
    return item;
  }
  function showWindow(start) {
    if (start === windowStart) return;
    windowStart = start;
    var fragment = document.createDocumentFragment(), end = Math.min(eventCount, start + LIST_WINDOW);
    for (var k = start; k < end; k++) {
      if (!eventItems[k]) eventItems[k] = makeItem(k);
      fragment.appendChild(eventItems[k]);
    }
    list.textContent = "";
    list.appendChild(fragment);
    listNote.textContent = eventCount > LIST_WINDOW
      ? say("event_window", { first: formatNumber(start + 1), last: formatNumber(end), count: formatNumber(eventCount) })
      : "";
  }
  function updateList(future, first, latest) {
    // Keep the current event a quarter of the way down the window.
    showWindow(Math.max(0, Math.min(eventCount - LIST_WINDOW, first - (LIST_WINDOW >> 2))));
    var end = Math.min(eventCount, windowStart + LIST_WINDOW);
    for (var k = windowStart; k < end; k++) {
      var className = (k >= future ? "hm-event hm-future" : latest !== null && k >= first ? "hm-event hm-current" : "hm-event hm-past") + (differOf[k] ? " hm-event-differs" : "") + (k in claimantOf ? " hm-event-claimed" : "");
      if (eventItems[k].className !== className) eventItems[k].className = className;
    }
    var item = latest === null ? null : eventItems[first];
    if (item !== currentItem) {
      if (currentItem) currentItem.removeAttribute("aria-current");
      if (item) item.setAttribute("aria-current", "true");
      currentItem = item;
    }
  }

  // The slider runs through time: its value is a day, so a week is seven
  // times as wide as a day; moving it lands on the nearest stop. Tick marks
  // at the event dates sit under the thumb's positions for them, labelled
  // with their dates where the labels do not crowd each other.
  var ticks = $("hm-ticks"), last = data.stops.length - 1, lastDay = data.stops[last];
  var tickLabels = [];
  data.ticks.forEach(function (day) {
    var at = "calc(8px + (100% - 16px) * " + (lastDay > 0 ? day / lastDay : 0) + ")";
    var tick = el("span", null, "hm-tick");
    tick.style.left = at;
    tick.title = formatDay(day);
    ticks.appendChild(tick);
    var tickLabel = el("span", formatDayMonth(day), "hm-tick-label");
    tickLabel.style.left = at;
    ticks.appendChild(tickLabel);
    tickLabels.push(tickLabel);
  });
  function thinTickLabels() {
    // Left to right, a label shows only if it clears the last one shown by 6 px.
    var right = -Infinity;
    tickLabels.forEach(function (tickLabel) {
      tickLabel.style.visibility = "";
      var box = tickLabel.getBoundingClientRect();
      if (box.left < right + 6) tickLabel.style.visibility = "hidden";
      else right = box.right;
    });
  }
  if (window.ResizeObserver) new ResizeObserver(thinTickLabels).observe(ticks);
  thinTickLabels();
  slider.max = String(lastDay);

  function stopIndex(day) {
    var lo = 0, hi = last;  // the last stop on or before day
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (data.stops[mid] <= day) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function restyle(i) {
    var layer = layers[i], style = districtStyle(i, current);
    if (data.canvas) { layer.setStyle(style); return; }
    // SVG: only the fill changes with the state; setStyle would rewrite every attribute.
    L.Util.setOptions(layer, style);
    layer._path.setAttribute("fill", style.fillColor);
    layer._path.setAttribute("fill-opacity", style.fillOpacity);
  }
  function firstEventAfter(day) {
    var lo = 0, hi = eventCount;  // events are sorted by day
    while (lo < hi) { var mid = (lo + hi) >> 1; if (ev(mid, 0) <= day) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function render() {
    for (var i = 0; i < layers.length; i++) {
      var state = stateAt(i, current);
      var isPale = paleOn(i, current, state), holder = holderAt(i, current);
      if (shown[i] !== state || pale[i] !== isPale || holderShown[i] !== holder) {
        pale[i] = isPale;
        holderShown[i] = holder;
        restyle(i);
        shown[i] = state;
        var path = data.canvas ? null : layers[i].getElement();
        if (path) path.setAttribute("aria-label", describeDistrict(i));
      }
      updateOutline(i);
      if (layers[i].isPopupOpen()) layers[i].setPopupContent(popupFor(i));
    }
    dateLabel.textContent = formatDay(current);
    slider.value = String(Math.max(0, Math.min(lastDay, current)));
    slider.setAttribute("aria-valuetext", formatDay(current));
    var future = firstEventAfter(current);
    var latest = future > 0 ? ev(future - 1, 0) : null;
    var first = latest === null ? future : firstEventAfter(latest - 1);
    updateList(future, first, latest);
  }
  function setHash(iso) {
    if (location.hash === "#date=" + iso) return;
    try { history.replaceState(null, "", "#date=" + iso); } catch (err) { /* sandboxed frame: no history */ }
  }
  function setDay(day) {
    current = day;
    render();
    var iso = isoOf(day);
    setHash(iso);
    if (inFrame) tellParent({ type: "handover-map:date", date: iso });
    return iso;
  }
  function setDate(iso) { return setDay(dayOf(iso)); }
  function step(delta) { setDay(data.stops[Math.min(last, Math.max(0, stopIndex(current) + delta))]); }
  function play() {
    if (timer !== null) return;
    if (stopIndex(current) >= last) setDay(data.stops[0]);
    timer = setInterval(function () {
      if (stopIndex(current) >= last) { pause(); return; }
      step(1);
    }, STEP_MS);
    playButton.textContent = "\u275a\u275a";
    playButton.setAttribute("aria-label", say("pause"));
    playButton.setAttribute("aria-pressed", "true");
  }
  function pause() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    playButton.textContent = "\u25b6";
    playButton.setAttribute("aria-label", say("play"));
    playButton.setAttribute("aria-pressed", "false");
  }

  function nearestStop(day) {
    var k = stopIndex(day);
    return k < last && data.stops[k + 1] - day < day - data.stops[k] ? data.stops[k + 1] : data.stops[k];
  }
  slider.addEventListener("input", function () { pause(); setDay(nearestStop(Number(slider.value))); });
  // The keys step from stop to stop, not from day to day.
  slider.addEventListener("keydown", function (event) {
    var delta = { ArrowRight: 1, ArrowUp: 1, PageUp: 1, ArrowLeft: -1, ArrowDown: -1, PageDown: -1 }[event.key];
    if (event.key === "Home") delta = -last;
    if (event.key === "End") delta = last;
    if (delta === undefined) return;
    event.preventDefault();
    pause();
    step(delta);
  });
  playButton.addEventListener("click", function () { if (timer === null) play(); else pause(); });
  $("hm-prev").addEventListener("click", function () { pause(); step(-1); });
  $("hm-next").addEventListener("click", function () { pause(); step(1); });

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
  map.on("resize", limitZoom);

  // In a frame, the page posts the height of its content to the embedding
  // page, whose snippet (handover-map embed) sizes the frame to fit.
  var postedHeight = 0;
  function postHeight() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (fullscreen() || height === postedHeight) return;
    postedHeight = height;
    tellParent({ type: "handover-map:height", height: height });
  }
  if (inFrame && window.ResizeObserver) new ResizeObserver(postHeight).observe(document.body);

  // Printing: the map is laid out again for the paper, on the districts.
  var printing = window.matchMedia ? window.matchMedia("print") : null;
  function relayout() { map.invalidateSize(); resetView(); placeLabels(); thinTickLabels(); }
  if (printing && printing.addEventListener) printing.addEventListener("change", relayout);
  window.addEventListener("beforeprint", relayout);
  window.addEventListener("afterprint", relayout);

  function fromHash() {
    var match = /^#date=(\d{4}-\d{2}-\d{2})$/.exec(location.hash);
    if (!match) return null;
    try { return dayOf(match[1]); } catch (err) { return null; }
  }
  window.addEventListener("hashchange", function () { var day = fromHash(); if (day !== null && day !== current) setDay(day); });
  // A parent page can drive the map (scrollytelling): postMessage({type: "handover-map:setDate", date: "2020-11-25"}).
  // Only the embedding page may, and only from the origins the map was built
  // for when it names any (data.origins); other windows are ignored.
  function trusted(origin) { return data.origins.length === 0 || data.origins.indexOf(origin) >= 0; }
  function tellParent(message) {
    // The date is public (it is in the address); still, with named origins
    // nothing is posted to a page of another origin.
    if (data.origins.length === 0) { window.parent.postMessage(message, "*"); return; }
    data.origins.forEach(function (origin) { window.parent.postMessage(message, origin); });
  }
  window.addEventListener("message", function (event) {
    var message = event.data;
    if (!inFrame || event.source !== window.parent || !trusted(event.origin)) return;
    if (!message || typeof message !== "object") return;
    if (message.type === "handover-map:setDate") { try { var day = dayOf(message.date); pause(); setDay(day); } catch (err) { /* not a date */ } }
    else if (message.type === "handover-map:play") play();
    else if (message.type === "handover-map:pause") pause();
  });

  window.handoverMap = {
    map: map,
    layer: districtLayer,
    dates: function () { return data.stops.map(isoOf); },
    date: function () { return isoOf(current); },
    setDate: setDate,
    claimedOf: function (name) {
      var i = nameIndex.get(String(name).toLowerCase());
      return i === undefined ? null : paleOn(i, current, stateAt(i, current));
    },
    differsOf: function (name) {
      var i = nameIndex.get(String(name).toLowerCase());
      return i === undefined ? null : differsOn(i, current);
    },
    holderOf: function (name) {
      var i = nameIndex.get(String(name).toLowerCase());
      return i === undefined || holderAt(i, current) < 0 ? null : text(holderAt(i, current));
    },
    stateOf: function (name) {
      var i = nameIndex.get(String(name).toLowerCase());
      return i === undefined ? null : stateAt(i, current);
    },
    events: function () {
      var out = [];
      for (var k = 0; k < eventCount; k++) {
        out.push({ date: isoOf(ev(k, 0)), district: nameOf(ev(k, 1)), kind: data.kindNames[ev(k, 2)], evidence: text(ev(k, 5)), reportsDiffer: differText(k), claimed: claimText(k) });
      }
      return out;
    },
    districts: function () {
      return districts.map(function (row, i) {
        var anchor = L.latLng(anchorOf(i));
        return { name: nameOf(i), label: labelOf(i), state: stateAt(i, current), areaKm2: row[2], districtKm2: row[3], labelAt: [anchor.lat, anchor.lng] };
      });
    },
    play: play,
    pause: pause,
    playing: function () { return timer !== null; }
  };
  var start = fromHash();
  current = start !== null ? start : current;
  render();
})();
