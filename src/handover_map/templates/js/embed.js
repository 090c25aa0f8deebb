// Embedded in a frame: the page posts its date and the height of its
// content to the embedding page (whose snippet, handover-map embed, sizes
// the frame to fit), and the embedding page can drive it (scrollytelling):
// postMessage({type: "handover-map:setDate", date: "2020-11-25"}), or
// "handover-map:play" and "handover-map:pause". Only the embedding page
// may, and only from the origins the map was built for when it names any
// (data.origins); other windows are ignored.
function Embed(data, inFrame, fullscreen) {
  function trusted(origin) { return data.origins.length === 0 || data.origins.indexOf(origin) >= 0; }
  function tell(message) {
    if (!inFrame) return;
    // The date is public (it is in the address); still, with named origins
    // nothing is posted to a page of another origin.
    if (data.origins.length === 0) { window.parent.postMessage(message, "*"); return; }
    data.origins.forEach(function (origin) { window.parent.postMessage(message, origin); });
  }
  var postedHeight = 0;
  function postHeight() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (fullscreen() || height === postedHeight) return;
    postedHeight = height;
    tell({ type: "handover-map:height", height: height });
  }
  if (inFrame && window.ResizeObserver) new ResizeObserver(postHeight).observe(document.body);
  return {
    tellDate: function (iso) { tell({ type: "handover-map:date", date: iso }); },
    // handlers: {setDate(iso), play(), pause()}, called for trusted messages only.
    listen: function (handlers) {
      window.addEventListener("message", function (event) {
        var message = event.data;
        if (!inFrame || event.source !== window.parent || !trusted(event.origin)) return;
        if (!message || typeof message !== "object") return;
        if (message.type === "handover-map:setDate") handlers.setDate(message.date);
        else if (message.type === "handover-map:play") handlers.play();
        else if (message.type === "handover-map:pause") handlers.pause();
      });
    }
  };
}
