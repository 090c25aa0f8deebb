// handover-map: colours districts by control state for the slider's date,
// drives the controls and the event list, and exposes window.handoverMap.
// All text arrives as JSON data (its layout: docs/page-data.md) and reaches
// the page through textContent only, so article text can never run as
// script. The parts below are small factories from templates/js/ (their
// comments are there), joined in the order render.SCRIPT_PARTS gives;
// main.js, last, puts them together.
(function () {
  "use strict";
  var data = {{ data }};
  var map = {{ map_name }};
{% for part in parts %}
{% filter without_comment_lines %}{% include part %}{% endfilter %}

{% endfor %}
})();
