// The event list, beside or below the map. Only a window of events around
// the shown day is in the page, in items that are kept and filled again:
// a step far from the last one writes the new events' texts into the
// items already laid out instead of replacing them (new elements cost
// style, layout and paint; a changed text costs only its line). The
// window, a few screens of items, moves only when the current event
// nears its top or passes its middle, by moving items from one end to the
// other; a step changes only the classes of the items that move between
// past, current and future. A reader who goes on past either end (Tab or
// Shift+Tab onto the first or last item, or scrolling the last item into
// view) gets the next events added there, so every event can be reached
// without the slider.
function EventList(data, words, timeline, pick) {
  // More than a screen of the shortest items (36 px; a desktop list shows a dozen): the rest waits for a reader who goes on.
  var WINDOW = Math.max(32, Math.ceil(window.innerHeight / 25));
  var say = words.say, count = timeline.eventCount;
  var list = document.getElementById("hm-event-list"), note = document.getElementById("hm-event-window");
  var shown = [], spare = [], start = 0, end = 0, currentItem = null;  // shown[j] shows event start + j
  var first = 0, future = 0;  // events before first are past, from first to future current, the rest future
  // An item's parts that only some events have, in the order they take in it (the claim inside the button).
  var OPTIONAL = [["claim", "span", "hm-event-claim"], ["differ", "p", "hm-differ-dates"], ["evidence", "blockquote", "hm-event-evidence"],
                  ["note", "p", "hm-event-note"], ["source", "cite", "hm-event-source"]];
  // The parts whose web addresses are links: built from what they show (an event, a string), not written as one text.
  var LINKED = { differ: timeline.differNode, source: words.linked };

  function textNode(parent) { var text = document.createTextNode(""); parent.appendChild(text); return text; }
  function makeItem() {
    var item = { li: el("li", null, "hm-event"), button: el("button", null, "hm-event-button"), k: -1, parts: {}, texts: {} };
    item.button.type = "button";
    item.date = textNode(item.button.appendChild(el("time", null, "hm-event-date")));
    item.what = textNode(item.button.appendChild(el("span", null, "hm-event-what")));
    OPTIONAL.forEach(function (part) {
      item.parts[part[0]] = el(part[1], null, part[2]);
      if (!LINKED[part[0]]) item.texts[part[0]] = textNode(item.parts[part[0]]);
    });
    item.built = {};  // what each linked part was built from
    item.button.addEventListener("click", function () {
      picking = true;  // the reader's own step: the list stays where it is under the pointer and the focus
      try { pick(timeline.ev(item.k, "day")); } finally { picking = false; }
    });
    item.li.appendChild(item.button);
    return item;
  }
  function optionalTexts(k) {
    var evidence = timeline.ev(k, "evidence"), remark = timeline.ev(k, "note"), source = timeline.ev(k, "source");
    return {
      claim: timeline.claimed(k) ? " (" + timeline.claimText(k) + ")" : null,
      differ: timeline.differs(k) ? k : null,  // (built by LINKED.differ from the event)
      evidence: evidence >= 0 ? say("quote", { text: words.text(evidence) }) : null,
      note: remark >= 0 ? words.text(remark) : null,
      source: source >= 0 ? source : null  // (built by LINKED.source from the string)
    };
  }
  // Shows event k in an item: only the texts that differ are written, a part is added or taken out only when it comes or goes.
  function fill(item, k) {
    item.k = k;
    setText(item.date, words.day(timeline.ev(k, "day")));
    setText(item.what, " " + say("district_event", { district: timeline.labelOf(timeline.ev(k, "district")), kind: data.kinds[timeline.ev(k, "kind")] }));
    var texts = optionalTexts(k);
    OPTIONAL.forEach(function (optional, at) {
      var name = optional[0], part = item.parts[name], text = texts[name];
      if (text === null) { if (part.parentNode) part.parentNode.removeChild(part); return; }
      if (!LINKED[name]) setText(item.texts[name], text);
      else if (item.built[name] !== text) { part.textContent = ""; part.appendChild(LINKED[name](text)); item.built[name] = text; }
      if (part.parentNode) return;
      var parent = name === "claim" ? item.button : item.li, next = null;
      for (var later = at + 1; later < OPTIONAL.length && next === null; later++) {
        if (item.parts[OPTIONAL[later][0]].parentNode === parent) next = item.parts[OPTIONAL[later][0]];
      }
      parent.insertBefore(part, next);
    });
    setClass(item, k);
    return item;
  }
  function setText(node, text) { if (node.data !== text) node.data = text; }
  function classOf(k) {
    return (k >= future ? "hm-event hm-future" : k >= first ? "hm-event hm-current" : "hm-event hm-past") +
      (timeline.differs(k) ? " hm-event-differs" : "") + (timeline.claimed(k) ? " hm-event-claimed" : "");
  }
  function setClass(item, k) { var name = classOf(k); if (item.li.className !== name) item.li.className = name; }
  function filled(k) { return fill(spare.pop() || makeItem(), k); }
  function fragmentOf(from, to) {
    var fragment = document.createDocumentFragment(), made = [];
    for (var k = from; k < to; k++) { var item = filled(k); made.push(item); fragment.appendChild(item.li); }
    return { fragment: fragment, items: made };
  }
  function moveTo(newStart, newEnd) {
    if (newStart === start && newEnd === end) return;
    var k, j, added;
    if (newStart >= end || newEnd <= start) {
      // No event stays: the items in the page show the new ones, in their places.
      while (shown.length > newEnd - newStart) { var extra = shown.pop(); list.removeChild(extra.li); spare.push(extra); }
      for (j = 0; j < shown.length; j++) fill(shown[j], newStart + j);
      added = fragmentOf(newStart + shown.length, newEnd);
      list.appendChild(added.fragment);
      shown = shown.concat(added.items);
    } else {
      for (k = start; k < newStart; k++) { list.removeChild(shown[0].li); spare.push(shown.shift()); }
      for (k = newEnd; k < end; k++) { var last = shown.pop(); list.removeChild(last.li); spare.push(last); }
      if (newStart < start) { added = fragmentOf(newStart, start); list.insertBefore(added.fragment, list.firstChild); shown = added.items.concat(shown); }
      if (newEnd > end) { added = fragmentOf(end, newEnd); list.appendChild(added.fragment); shown = shown.concat(added.items); }
    }
    start = newStart;
    end = newEnd;
    note.textContent = count > WINDOW ? say("event_window", { first: words.number(start + 1), last: words.number(end), count: words.number(count) }) : "";
  }
  // Sets the classes of the items in the window from one index to another.
  function reclass(from, to) {
    for (var k = Math.max(from, start); k < Math.min(to, end); k++) setClass(shown[k - start], k);
  }
  function show(day) {
    var oldFirst = first, oldFuture = future;
    future = timeline.firstEventAfter(day);
    first = future > 0 ? timeline.firstEventAfter(timeline.ev(future - 1, "day") - 1) : future;
    // The window stays while the current events are in its upper half (and not on its first item, unless it starts the list).
    var placed = end - start === Math.min(WINDOW, count) && first >= start + (start > 0 ? 1 : 0) && (first - start <= (WINDOW >> 1) || end === count);
    if (!placed) {
      var newStart = Math.max(0, Math.min(count - WINDOW, first - (WINDOW >> 2)));
      moveTo(newStart, Math.min(count, newStart + WINDOW));
    }
    reclass(Math.min(oldFirst, first), Math.max(oldFirst, first));
    reclass(Math.min(oldFuture, future), Math.max(oldFuture, future));
    var now = future > 0 && first >= start && first < end ? shown[first - start].li : null;
    if (now !== currentItem) {
      if (currentItem) currentItem.removeAttribute("aria-current");
      if (now) now.setAttribute("aria-current", "true");
      currentItem = now;
    }
    if ((now !== null || first === 0) && (first !== oldFirst || !placed) && !picking && !inViewQueued) {
      inViewQueued = true;
      requestAnimationFrame(keepInView);
    }
  }
  // Where the list scrolls in its own box (beside the map), a step of the slider that takes the
  // current events out of view scrolls them to its top (before any, to the first event), with the
  // one before just showing; a step the reader takes in the list (a click on an item, or with the
  // focus on one) scrolls nothing. Where the list is in the page's flow (below the map on a
  // phone) nothing scrolls: the reader is on the map. Done in the next frame's callback, after
  // every change of the step, so the layout it reads is the one that frame lays out anyway.
  var inViewQueued = false, picking = false, ABOVE = 24;  // px of the item before left showing
  var ownScrollTop = -1;  // where keepInView last scrolled the list: that scroll is no reader going on
  function keepInView() {
    inViewQueued = false;
    var target = currentItem || (first === 0 && start === 0 && shown.length ? shown[0].li : null);
    // (Nor while the reader is in the list: a keyboard going through its items moves it itself.)
    if (target === null || list.contains(document.activeElement) || scroller.scrollHeight <= scroller.clientHeight || getComputedStyle(scroller).overflowY === "visible") return;
    var box = scroller.getBoundingClientRect(), at = target.getBoundingClientRect();
    if (at.top >= box.top && at.top <= box.bottom - Math.min(at.height, box.height / 3)) return;
    if (target.previousSibling) scroller.scrollTop += at.top - box.top - ABOVE;
    else scroller.scrollTop = 0;  // the first event: the list's heading shows too
    ownScrollTop = scroller.scrollTop;
  }
  // Reading on: more items at an end of the window, which keeps the rest.
  function growBefore() { if (start > 0) moveTo(Math.max(0, start - WINDOW), end); }
  function growAfter() { if (end < count) moveTo(start, Math.min(count, end + WINDOW)); }
  list.addEventListener("focusin", function (event) {
    var li = event.target.closest(".hm-event"), at = start;
    while (at < end && shown[at - start].li !== li) at++;
    if (at === start && start > 0) { growBefore(); event.target.scrollIntoView({ block: "nearest" }); }  // kept in view above the new items
    if (at === end - 1) growAfter();
  });
  // The last item scrolled into view (in the list's own scroller or in the page, on phones) adds
  // the next ones: a scroll listener, which costs a slider step nothing (an observer of the last
  // item would be updated on every frame).
  var scroller = list.parentNode;
  document.addEventListener("scroll", function (event) {
    if (event.target === scroller && scroller.scrollTop === ownScrollTop) return;
    ownScrollTop = -1;
    if (end >= count) return;
    var bottom = Math.min(window.innerHeight, scroller.getBoundingClientRect().bottom);
    if (shown[end - 1 - start].li.getBoundingClientRect().top < bottom) growAfter();
  }, { capture: true, passive: true });
  return { show: show };
}
