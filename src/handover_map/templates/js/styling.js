// Map styling: a district's Leaflet path style from its look (see
// Timeline.look). States, colours and which states are hatched come from
// data.styles (settings.py's vocabulary, written by render.py).
function Styling(data, canvas) {
  var P = layout(data.schema.partyColours);
  var colourOf = {};
  data.partyColours.forEach(function (row) { colourOf[row[P.party]] = row[P.colour]; });
  var plainOutline = { color: "#2b2b2b", weight: canvas ? 0.6 : 1.2, dashArray: null };
  // Hatching: an SVG pattern in the page, or a canvas pattern for the Canvas renderer.
  var patterns = {};
  function hatch(state) {
    var style = data.styles[state];
    if (!canvas) return "url(#hm-hatch-" + data.states[state] + ")";
    if (!patterns[state]) {
      var tile = document.createElement("canvas");
      tile.width = tile.height = 8;
      var ctx = tile.getContext("2d");
      ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, 8, 8);
      ctx.strokeStyle = style.color; ctx.lineWidth = 3;
      ctx.beginPath(); ctx.moveTo(-2, 10); ctx.lineTo(10, -2); ctx.moveTo(-2, 2); ctx.lineTo(2, -2); ctx.moveTo(6, 10); ctx.lineTo(10, 6); ctx.stroke();
      patterns[state] = ctx.createPattern(tile, "repeat");
    }
    return patterns[state];
  }
  // The outline: dotted while reports give different dates for one of its events.
  function outline(look) { return look.differs ? data.differOutline : plainOutline; }
  function style(look) {
    var state = data.styles[look.state], out = {}, line = outline(look);
    for (var key in line) out[key] = line[key];
    out.fillOpacity = look.pale ? data.claimedOpacity : state.hatched ? 0.9 : 0.8;
    // With several parties taking districts, a district someone took wears its holder's colour.
    var colour = state.holderLabel && look.holder >= 0 ? colourOf[look.holder] : undefined;
    out.fillColor = colour || (state.hatched ? hatch(look.state) : state.color);
{% if canvas %}
    out.fill = false;  // Canvas: the fill is painted by fills.js, from fillColor and fillOpacity
{% endif %}
    return out;
  }
  // Hover and keyboard focus outline a district.
  var emphasis = { weight: 3.5, color: "#000000", dashArray: null };
  return { style: style, outline: outline, emphasis: emphasis };
}
