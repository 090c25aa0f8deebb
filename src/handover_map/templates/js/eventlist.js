// The event list, beside or below the map. Only a window of events around
// the shown day is in the page: every item added on a step costs style,
// layout and paint, and a step far from the last one replaces the window
// whole. The window, a few screens of items, moves only when the current
// event leaves its place (a quarter of the way down), by removing and
// adding items at its ends; a step changes only the classes of the items
// that move between past, current and future. A reader who goes on past
// either end (Tab or Shift+Tab onto the first or last item, or scrolling
// the last item into view) gets the next events added there, so every
// event can be reached without the slider.
function EventList(data, words, timeline, pick) {
  // More than a screen of the shortest items (36 px; a desktop list shows a dozen): the rest waits for a reader who goes on.
  var WINDOW = Math.max(32, Math.ceil(window.innerHeight / 25));
  var say = words.say, count = timeline.eventCount;
  var list = document.getElementById("hm-event-list"), note = document.getElementById("hm-event-window");
  var items = [], start = 0, end = 0, currentItem = null;
  var first = 0, future = 0;  // events before first are past, from first to future current, the rest future

  function makeItem(k) {
    var item = el("li", null, "hm-event");
    var button = el("button", null, "hm-event-button");
    button.type = "button";
    button.appendChild(el("time", words.day(timeline.ev(k, "day")), "hm-event-date"));
    button.appendChild(el("span", " " + say("district_event", { district: timeline.labelOf(timeline.ev(k, "district")), kind: data.kinds[timeline.ev(k, "kind")] }), "hm-event-what"));
    if (timeline.claimed(k)) button.appendChild(el("span", " (" + timeline.claimText(k) + ")", "hm-event-claim"));
    button.addEventListener("click", function () { pick(timeline.ev(k, "day")); });
    item.appendChild(button);
    if (timeline.differs(k)) item.appendChild(el("p", timeline.differText(k), "hm-differ-dates"));
    var evidence = timeline.ev(k, "evidence"), remark = timeline.ev(k, "note"), source = timeline.ev(k, "source");
    if (evidence >= 0) item.appendChild(el("blockquote", say("quote", { text: words.text(evidence) }), "hm-event-evidence"));
    if (remark >= 0) item.appendChild(el("p", words.text(remark), "hm-event-note"));
    if (source >= 0) item.appendChild(el("cite", words.text(source), "hm-event-source"));
    return item;
  }
  function classOf(k) {
    return (k >= future ? "hm-event hm-future" : k >= first ? "hm-event hm-current" : "hm-event hm-past") +
      (timeline.differs(k) ? " hm-event-differs" : "") + (timeline.claimed(k) ? " hm-event-claimed" : "");
  }
  function item(k) {
    if (!items[k]) items[k] = makeItem(k);
    if (items[k].className !== classOf(k)) items[k].className = classOf(k);
    return items[k];
  }
  function fragmentOf(from, to) {
    var fragment = document.createDocumentFragment();
    for (var k = from; k < to; k++) fragment.appendChild(item(k));
    return fragment;
  }
  function moveTo(newStart, newEnd) {
    if (newStart === start && newEnd === end) return;
    var k;
    if (newStart >= end || newEnd <= start) {
      list.textContent = "";
      list.appendChild(fragmentOf(newStart, newEnd));
    } else {
      for (k = start; k < newStart; k++) list.removeChild(items[k]);
      for (k = newEnd; k < end; k++) list.removeChild(items[k]);
      if (newStart < start) list.insertBefore(fragmentOf(newStart, start), list.firstChild);
      if (newEnd > end) list.appendChild(fragmentOf(end, newEnd));
    }
    start = newStart;
    end = newEnd;
    note.textContent = count > WINDOW ? say("event_window", { first: words.number(start + 1), last: words.number(end), count: words.number(count) }) : "";
  }
  // Sets the classes of the items in the window from one index to another.
  function reclass(from, to) {
    for (var k = Math.max(from, start); k < Math.min(to, end); k++) item(k);
  }
  function show(day) {
    var oldFirst = first, oldFuture = future;
    future = timeline.firstEventAfter(day);
    first = future > 0 ? timeline.firstEventAfter(timeline.ev(future - 1, "day") - 1) : future;
    var newStart = Math.max(0, Math.min(count - WINDOW, first - (WINDOW >> 2)));
    moveTo(newStart, Math.min(count, newStart + WINDOW));
    reclass(Math.min(oldFirst, first), Math.max(oldFirst, first));
    reclass(Math.min(oldFuture, future), Math.max(oldFuture, future));
    var now = future > 0 ? items[first] : null;
    if (now !== currentItem) {
      if (currentItem) currentItem.removeAttribute("aria-current");
      if (now) now.setAttribute("aria-current", "true");
      currentItem = now;
    }
  }
  // Reading on: more items at an end of the window, which keeps the rest.
  function growBefore() { if (start > 0) moveTo(Math.max(0, start - WINDOW), end); }
  function growAfter() { if (end < count) moveTo(start, Math.min(count, end + WINDOW)); }
  list.addEventListener("focusin", function (event) {
    var at = items.indexOf(event.target.closest(".hm-event"));
    if (at === start && start > 0) { growBefore(); event.target.scrollIntoView({ block: "nearest" }); }  // kept in view above the new items
    if (at === end - 1) growAfter();
  });
  // The last item scrolled into view (in the list's own scroller or in the page, on phones) adds
  // the next ones: a scroll listener, which costs a slider step nothing (an observer of the last
  // item would be updated on every frame).
  var scroller = list.parentNode;
  document.addEventListener("scroll", function () {
    if (end >= count) return;
    var bottom = Math.min(window.innerHeight, scroller.getBoundingClientRect().bottom);
    if (items[end - 1].getBoundingClientRect().top < bottom) growAfter();
  }, { capture: true, passive: true });
  return { show: show };
}
