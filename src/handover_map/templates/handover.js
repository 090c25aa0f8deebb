// handover-map: colours districts by control state for the slider's date and
// exposes window.handoverMap. All text arrives as JSON data and reaches the
// page through textContent only, so article text can never run as script.
(function () {
  "use strict";
  var data = __DATA__;
  var map = __MAP__;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var ISO = /^\d{4}-\d{2}-\d{2}$/;
  var slider = document.getElementById(data.ids.slider);
  var dateLabel = document.getElementById(data.ids.date);
  var current = data.initial;
  var layers = [];
  var nameIndex = {};
  map.invalidateSize();  // the flex layout sized the map after Leaflet measured it

  function formatDate(iso) {
    var parts = iso.split("-");
    return Number(parts[2]) + " " + MONTHS[Number(parts[1]) - 1] + " " + parts[0];
  }
  function stateAt(district, iso) {
    var state = district.changes[0][1];
    for (var k = 1; k < district.changes.length; k++) {
      if (district.changes[k][0] > iso) break;
      state = district.changes[k][1];
    }
    return data.states[state];
  }
  function styleFor(state) {
    return { color: "#333333", weight: 1.2, fillColor: data.styles[state].color, fillOpacity: 0.75 };
  }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  function popupFor(i) {
    var district = data.districts[i];
    var box = el("div", null, "hm-popup");
    box.appendChild(el("h3", district.name));
    var state = stateAt(district, current);
    box.appendChild(el("p", "On " + formatDate(current) + ": " + data.styles[state].label, "hm-popup-state"));
    var list = el("ol");
    district.events.forEach(function (e) {
      var item = el("li");
      var parties = e.from && e.to ? " (" + e.from + " \u2192 " + e.to + ")" : "";
      item.appendChild(el("strong", formatDate(e.date) + ": " + data.kinds[e.kind] + parties));
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

  data.districts.forEach(function (district, i) {
    [district.name].concat(district.aliases).forEach(function (name) { nameIndex[name.toLowerCase()] = i; });
  });

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
  }
  function setDate(iso) {
    if (typeof iso !== "string" || !ISO.test(iso)) throw new TypeError("setDate expects an ISO date like 2020-11-25");
    current = iso;
    render();
    return current;
  }
  slider.addEventListener("input", function () { setDate(data.stops[Number(slider.value)]); });

  window.handoverMap = {
    map: map,
    layer: districtLayer,
    dates: function () { return data.stops.slice(); },
    date: function () { return current; },
    setDate: setDate,
    stateOf: function (name) {
      var i = nameIndex[String(name).toLowerCase()];
      return i === undefined ? null : stateAt(data.districts[i], current);
    }
  };
  render();
})();
