// The address (#date=2020-11-25): read when the page opens and when the
// reader edits it; written with history.replaceState once the reader
// stops, not on every step of a drag or of play, and never more often than
// browsers allow (Safari refuses more than 100 calls in 30 seconds).
function Address() {
  var QUIET_MS = 250, MIN_GAP_MS = 350;
  var pending = null, timer = null, lastWrite = -Infinity;
  function write() {
    clearTimeout(timer);
    timer = null;
    var wait = lastWrite + MIN_GAP_MS - performance.now();
    if (wait > 0) { timer = setTimeout(write, wait); return; }
    var hash = pending === null ? null : "#date=" + pending;
    pending = null;
    if (hash === null || location.hash === hash) return;
    lastWrite = performance.now();
    try { history.replaceState(null, "", hash); } catch (err) { /* sandboxed frame: no history */ }
  }
  return {
    // The date in the address, or null.
    read: function () {
      var match = /^#date=(\d{4}-\d{2}-\d{2})$/.exec(location.hash);
      return match ? match[1] : null;
    },
    // Write the date once nothing has moved for a moment.
    later: function (iso) { pending = iso; clearTimeout(timer); timer = setTimeout(write, QUIET_MS); },
    // Write the date now (or as soon as the rate allows): the reader has stopped.
    now: function (iso) { pending = iso; write(); },
    onEdit: function (listener) { window.addEventListener("hashchange", listener); }
  };
}
