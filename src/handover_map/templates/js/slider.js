// The time controls. The slider runs through time: a week is seven times as
// wide as a day, except that a long gap between two stops (a look back from
// years later) is drawn shorter, with a break mark (data.stopValues: the
// slider's value at each stop); moving it lands on the nearest stop (data.stops), and the
// keys, the buttons and play step from stop to stop. Tick marks at the event
// dates sit under the thumb's positions for them, labelled with their dates
// where the labels do not crowd each other. go(day, settled) shows a day;
// settled is true once the reader has stopped (the slider released, a button
// clicked), false while it moves.
function Slider(data, words, go) {
  var STEP_MS = 1500;
  var say = words.say, stops = data.stops, last = stops.length - 1, at = data.stopValues, lastAt = at[last];
  var slider = document.getElementById("hm-slider"), dateLabel = document.getElementById("hm-date");
  var playButton = document.getElementById("hm-play"), ticks = document.getElementById("hm-ticks");
  var shown = data.initial, timer = null, tickLabels = [];

  function valueOf(day) {  // the slider's value for a day (between two stops: in proportion within their gap)
    var k = stopIndex(day);
    return k < last && day > stops[k] ? at[k] + (day - stops[k]) * (at[k + 1] - at[k]) / (stops[k + 1] - stops[k]) : at[k];
  }
  function nearestStopAt(value) {
    var k = indexAtOrBefore(at, value);
    return k < last && at[k + 1] - value < value - at[k] ? stops[k + 1] : stops[k];
  }
  function share(day) { return lastAt > 0 ? valueOf(day) / lastAt : 0; }

  // Marks in the flow of one grid cell, placed by their margin, and thinned labels out of the
  // rendering (display none): hundreds of positioned boxes would each be a layer the browser
  // paints and composites again whenever the thumb moves.
  function position(fraction) { return "calc(8px + (100% - 16px) * " + fraction + ")"; }
  stops.forEach(function (day, k) {
    if (k === last || at[k + 1] - at[k] === stops[k + 1] - day) return;
    var mark = el("span", "\u2248", "hm-break");  // a gap drawn shorter than its time
    mark.style.marginLeft = "calc(" + position((at[k] + at[k + 1]) / 2 / lastAt) + " - 4px)";
    mark.title = words.day(stops[k]) + " \u2013 " + words.day(stops[k + 1]);
    ticks.appendChild(mark);
  });
  // Over several years, the labels give their years: "2 Apr 1982", "14 Jun 1982", ... "1 Jan 2020".
  var years = words.isoOf(stops[0]).slice(0, 4) !== words.isoOf(stops[last]).slice(0, 4);
  data.ticks.forEach(function (day) {
    var tick = el("span", null, "hm-tick");
    tick.style.marginLeft = "calc(" + position(share(day)) + " - 1px)";
    tick.title = words.day(day);
    ticks.appendChild(tick);
    var tickLabel = el("span", (years ? words.day : words.dayMonth)(day), "hm-tick-label");
    tickLabel.style.left = position(share(day));
    ticks.appendChild(tickLabel);
    tickLabels.push(tickLabel);
  });
  function thinTicks() {
    // Left to right, a label shows only if it clears the last one shown by 6 px.
    var right = -Infinity;
    tickLabels.forEach(function (tickLabel) { tickLabel.style.visibility = tickLabel.style.display = ""; });
    var boxes = tickLabels.map(function (tickLabel) { return tickLabel.getBoundingClientRect(); });  // one layout for all
    tickLabels.forEach(function (tickLabel, k) {
      if (boxes[k].left >= right + 6) { right = boxes[k].right; return; }
      tickLabel.style.visibility = "hidden";
      tickLabel.style.display = "none";
    });
  }
  if (window.ResizeObserver) new ResizeObserver(thinTicks).observe(ticks);
  thinTicks();
  slider.max = String(lastAt);

  function indexAtOrBefore(values, value) {
    var lo = 0, hi = last;  // the last stop whose value is on or before value (the first, before all)
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (values[mid] <= value) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function stopIndex(day) { return indexAtOrBefore(stops, day); }
  function step(delta, settled) { go(stops[Math.min(last, Math.max(0, stopIndex(shown) + delta))], settled); }
  function setPlaying(on) {
    playButton.textContent = on ? "\u275a\u275a" : "\u25b6";
    playButton.setAttribute("aria-label", say(on ? "pause" : "play"));
    playButton.setAttribute("aria-pressed", String(on));
  }
  function play() {
    if (timer !== null) return;
    if (stopIndex(shown) >= last) go(stops[0], false);
    timer = setInterval(function () {
      if (stopIndex(shown) >= last) { pause(); return; }
      step(1, false);
    }, STEP_MS);
    setPlaying(true);
  }
  function pause() {
    if (timer === null) return;  // every slider input pauses: rewriting the button each step would restyle it
    clearInterval(timer);
    timer = null;
    setPlaying(false);
  }
  slider.addEventListener("input", function () { pause(); go(nearestStopAt(Number(slider.value)), false); });
  slider.addEventListener("change", function () { go(shown, true); });  // released: the reader has stopped here
  slider.addEventListener("keydown", function (event) {
    var delta = { ArrowRight: 1, ArrowUp: 1, PageUp: 1, ArrowLeft: -1, ArrowDown: -1, PageDown: -1 }[event.key];
    if (event.key === "Home") delta = -last;
    if (event.key === "End") delta = last;
    if (delta === undefined) return;
    event.preventDefault();
    pause();
    step(delta, false);  // a held key repeats: the address waits until it is let go
  });
  playButton.addEventListener("click", function () { if (timer === null) play(); else pause(); });
  document.getElementById("hm-prev").addEventListener("click", function () { pause(); step(-1, true); });
  document.getElementById("hm-next").addEventListener("click", function () { pause(); step(1, true); });

  // Shows a day on the controls (the map and list are the caller's).
  function show(day) {
    shown = day;
    dateLabel.textContent = words.day(day);
    slider.value = String(valueOf(day));
    slider.setAttribute("aria-valuetext", words.day(day));
  }
  return { show: show, play: play, pause: pause, playing: function () { return timer !== null; }, thinTicks: thinTicks };
}
