// The parts put together. go(day, settled) is the one way to another day:
// it restyles the districts that changed, moves the list and the controls,
// tells an embedding page, and has the address written once the reader
// stops. window.handoverMap is the page's interface for scripts and tests.
var inFrame = window.parent !== window;
var canvas = data.canvas;
var words = Words(data), say = words.say;
var labels = null, slider = null;
var controls = MapControls(data, map, say, inFrame, function () { labels.place(); slider.thinTicks(); });
var timeline = Timeline(data, words);
var districts = Districts(data, map, words, timeline, Styling(data, canvas), canvas);
labels = Labels(data, map, timeline);
var list = EventList(data, words, timeline, function (day) { slider.pause(); go(day, true); });
slider = Slider(data, words, go);
var address = Address();
var embed = Embed(data, inFrame, controls.fullscreen);
var current = data.initial;

function show(day) {
  current = day;
  districts.show(day);
  slider.show(day);
  list.show(day);
}
function go(day, settled) {
  if (day !== current) show(day);
  embed.tellDate(words.isoOf(day));
  if (settled) address.now(words.isoOf(day));
  else address.later(words.isoOf(day));
  return words.isoOf(day);
}
function fromAddress() {
  var iso = address.read();
  if (iso === null) return null;
  try { return words.dayOf(iso); } catch (err) { return null; }
}
address.onEdit(function () { var day = fromAddress(); if (day !== null && day !== current) go(day, true); });
embed.listen({
  setDate: function (iso) { try { var day = words.dayOf(iso); slider.pause(); go(day, false); } catch (err) { /* not a date */ } },
  play: slider.play,
  pause: slider.pause
});

window.handoverMap = {
  map: map,
  layer: districts.group,
  dates: function () { return data.stops.map(words.isoOf); },
  date: function () { return words.isoOf(current); },
  setDate: function (iso) { return go(words.dayOf(iso), false); },
  claimedOf: function (name) { var i = timeline.find(name); return i === null ? null : districts.look(i).pale; },
  differsOf: function (name) { var i = timeline.find(name); return i === null ? null : districts.look(i).differs; },
  holderOf: function (name) {
    var i = timeline.find(name), holder = i === null ? -1 : districts.look(i).holder;
    return holder < 0 ? null : words.text(holder);
  },
  stateOf: function (name) { var i = timeline.find(name); return i === null ? null : data.states[districts.look(i).state]; },
  events: function () {
    var out = [];
    for (var k = 0; k < timeline.eventCount; k++) {
      out.push({ date: words.isoOf(timeline.ev(k, "day")), district: timeline.nameOf(timeline.ev(k, "district")), kind: data.kindNames[timeline.ev(k, "kind")],
                 evidence: words.text(timeline.ev(k, "evidence")), reportsDiffer: timeline.differText(k), claimed: timeline.claimText(k) });
    }
    return out;
  },
  districts: function () {
    var D = timeline.columns;
    return data.districts.map(function (row, i) {
      var anchor = L.latLng(districts.anchorOf(i));
      return { name: timeline.nameOf(i), label: timeline.labelOf(i), state: data.states[districts.look(i).state], areaKm2: row[D.areaKm2], districtKm2: row[D.districtKm2], labelAt: [anchor.lat, anchor.lng] };
    });
  },
  play: slider.play,
  pause: slider.pause,
  playing: slider.playing
};
var opened = fromAddress();
show(opened !== null ? opened : current);
