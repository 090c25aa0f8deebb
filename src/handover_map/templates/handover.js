// handover-map: colours districts by control state for the slider's date,
// drives the controls and the event list, and exposes window.handoverMap.
// All text arrives as JSON data and reaches the page through textContent
// only, so article text can never run as script. Days are whole numbers
// counted from data.epoch; the data layout is described in render.py.
(function () {
  "use strict";
  var data = __DATA__;
  var map = __MAP__;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
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

  map.invalidateSize();  // the grid layout sized the map after Leaflet measured it
  map.fitBounds(data.bounds, { padding: [8, 8], animate: false });  // no slide on opening

  function text(index) { return index >= 0 ? strings[index] : ""; }
  function isoOf(day) { return new Date(epochMs + day * DAY_MS).toISOString().slice(0, 10); }
  function dayOf(iso) {
    var ms = typeof iso === "string" && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(iso + "T00:00:00Z") : NaN;
    var day = Math.round((ms - epochMs) / DAY_MS);
    if (isNaN(ms) || isoOf(day) !== iso) throw new TypeError("setDate expects an ISO date like 2020-11-25");
    return day;
  }
  function formatDay(day) {
    var parts = isoOf(day).split("-");
    return Number(parts[2]) + " " + MONTHS[Number(parts[1]) - 1] + " " + parts[0];
  }
  function formatKm2(value) { return value.toLocaleString("en-GB") + " km\u00b2"; }
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
  function el(tag, content, className) {
    var node = document.createElement(tag);
    if (content) node.textContent = content;
    if (className) node.className = className;
    return node;
  }
  function describe(k) {
    var from = text(ev(k, 3)), to = text(ev(k, 4));
    return formatDay(ev(k, 0)) + ": " + data.kinds[ev(k, 2)] + (from && to ? " (" + from + " \u2192 " + to + ")" : "");
  }
  function popupFor(i) {
    var row = districts[i], box = el("div", null, "hm-popup");
    box.appendChild(el("h3", nameOf(i)));
    box.appendChild(el("p", "On " + formatDay(current) + ": " + data.styles[stateAt(i, current)].label, "hm-popup-state"));
    box.appendChild(el("p", data.heldArea && row[2] < row[3] * 0.99
      ? "Area changing hands: " + formatKm2(row[2]) + " of the district\u2019s " + formatKm2(row[3])
      : "Area: " + formatKm2(row[2]), "hm-popup-area"));
    var list = el("ol");
    for (var k = 0; k < eventCount; k++) {
      if (ev(k, 1) !== i) continue;
      var item = el("li");
      item.appendChild(el("strong", describe(k)));
      if (ev(k, 5) >= 0) item.appendChild(el("blockquote", "\u201c" + text(ev(k, 5)) + "\u201d"));
      if (ev(k, 6) >= 0) item.appendChild(el("div", text(ev(k, 6))));
      if (ev(k, 7) >= 0) item.appendChild(el("cite", text(ev(k, 7))));
      list.appendChild(item);
    }
    box.appendChild(list);
    return box;
  }

  var districtLayer = L.geoJSON(data.geometry, {
    style: function (feature) { return styleFor(stateAt(feature.properties.i, current)); },
    onEachFeature: function (feature, layer) {
      var i = feature.properties.i;
      layers[i] = layer;
      shown[i] = stateAt(i, current);
      layer.bindPopup(function () { return popupFor(i); }, { maxWidth: 320 });
    }
  }).addTo(map);

  function label(content, latlng, className) {
    L.tooltip({ permanent: true, direction: "center", className: className, interactive: false })
      .setLatLng(latlng).setContent(el("span", content)).addTo(map);
  }
  districts.forEach(function (row, i) { nameIndex.set(nameOf(i).toLowerCase(), i); });
  data.aliases.forEach(function (pair) { nameIndex.set(pair[0], pair[1]); });
  data.labels.forEach(function (l) { label(labelOf(l[0]), [l[1], l[2]], "hm-label"); });
  data.countryLabels.forEach(function (c) { label(c[0], [c[1], c[2]], "hm-country-label"); });

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
    button.appendChild(el("span", " " + labelOf(ev(k, 1)) + ": " + data.kinds[ev(k, 2)], "hm-event-what"));
    button.addEventListener("click", function () { pause(); setDay(ev(k, 0)); });
    item.appendChild(button);
    if (ev(k, 5) >= 0) item.appendChild(el("blockquote", "\u201c" + text(ev(k, 5)) + "\u201d", "hm-event-evidence"));
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
      ? "Events " + (start + 1).toLocaleString("en-GB") + "\u2013" + end.toLocaleString("en-GB") + " of " +
        eventCount.toLocaleString("en-GB") + ", around the slider\u2019s date"
      : "";
  }
  function updateList(future, first, latest) {
    // Keep the current event a quarter of the way down the window.
    showWindow(Math.max(0, Math.min(eventCount - LIST_WINDOW, first - (LIST_WINDOW >> 2))));
    var end = Math.min(eventCount, windowStart + LIST_WINDOW);
    for (var k = windowStart; k < end; k++) {
      var className = k >= future ? "hm-event hm-future" : latest !== null && k >= first ? "hm-event hm-current" : "hm-event hm-past";
      if (eventItems[k].className !== className) eventItems[k].className = className;
    }
    var item = latest === null ? null : eventItems[first];
    if (item !== currentItem) {
      if (currentItem) currentItem.removeAttribute("aria-current");
      if (item) item.setAttribute("aria-current", "true");
      currentItem = item;
    }
  }

  // Tick marks at the event dates, placed under the slider thumb's positions.
  var ticks = $("hm-ticks"), last = data.stops.length - 1;
  data.stops.forEach(function (stop, k) {
    if (data.ticks.indexOf(stop) < 0) return;
    var tick = el("span", null, "hm-tick");
    tick.style.left = "calc(8px + (100% - 16px) * " + (last > 0 ? k / last : 0) + ")";
    tick.title = formatDay(stop);
    ticks.appendChild(tick);
  });
  slider.max = String(last);

  function stopIndex(day) {
    var lo = 0, hi = last;  // the last stop on or before day
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (data.stops[mid] <= day) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function restyle(layer, state) {
    var style = styleFor(state);
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
      if (shown[i] !== state) { restyle(layers[i], state); shown[i] = state; }
      if (layers[i].isPopupOpen()) layers[i].setPopupContent(popupFor(i));
    }
    dateLabel.textContent = formatDay(current);
    slider.value = String(stopIndex(current));
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

  slider.addEventListener("input", function () { pause(); setDay(data.stops[Number(slider.value)]); });
  playButton.addEventListener("click", function () { if (timer === null) play(); else pause(); });
  $("hm-prev").addEventListener("click", function () { pause(); step(-1); });
  $("hm-next").addEventListener("click", function () { pause(); step(1); });

  // The map takes the page's scroll wheel only once the reader has clicked it.
  map.on("click", function () { map.scrollWheelZoom.enable(); });
  map.getContainer().addEventListener("mouseleave", function () { map.scrollWheelZoom.disable(); });

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
    stateOf: function (name) {
      var i = nameIndex.get(String(name).toLowerCase());
      return i === undefined ? null : stateAt(i, current);
    },
    events: function () {
      var out = [];
      for (var k = 0; k < eventCount; k++) {
        out.push({ date: isoOf(ev(k, 0)), district: nameOf(ev(k, 1)), kind: data.kindNames[ev(k, 2)], evidence: text(ev(k, 5)) });
      }
      return out;
    },
    districts: function () {
      var at = {};
      data.labels.forEach(function (l) { at[l[0]] = [l[1], l[2]]; });
      return districts.map(function (row, i) {
        var center = at[i] || (layers[i] ? [layers[i].getCenter().lat, layers[i].getCenter().lng] : null);
        return { name: nameOf(i), label: labelOf(i), state: stateAt(i, current), areaKm2: row[2], districtKm2: row[3], labelAt: center };
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
