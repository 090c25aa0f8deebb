{#- handover-map: colours districts by control state for the slider's date,
    drives the controls and the event list, and exposes window.handoverMap.
    All text arrives as JSON data (its layout: docs/page-data.md) and reaches
    the page through textContent only, so article text can never run as
    script. `code` is the parts from templates/js/ (their comments are
    there), small factories joined in the order render.SCRIPT_PARTS gives and
    minified (render._page_code); main.js, last, puts them together. -#}
(function () {
  "use strict";
  var data = {{ data }};
  var map = {{ map_name }};
{{ code }}
})();
