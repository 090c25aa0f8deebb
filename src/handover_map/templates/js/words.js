// Words and dates: texts from the table of distinct strings, the page's
// words in its language with {placeholders} filled in (values are text,
// never markup), dates by the locale's patterns (data.strings, data.words,
// data.dates, data.locale: see docs/page-data.md). Days are whole numbers
// counted from data.epoch.
function Words(data) {
  var DAY_MS = 86400000;
  var epochMs = Date.parse(data.epoch + "T00:00:00Z");
  function text(index) { return index >= 0 ? data.strings[index] : ""; }
  function isoOf(day) { return new Date(epochMs + day * DAY_MS).toISOString().slice(0, 10); }
  function dayOf(iso) {
    var ms = typeof iso === "string" && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(iso + "T00:00:00Z") : NaN;
    var day = Math.round((ms - epochMs) / DAY_MS);
    if (isNaN(ms) || isoOf(day) !== iso) throw new TypeError("setDate expects an ISO date like 2020-11-25");
    return day;
  }
  function say(key, values) {
    return data.words[key].replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  // A pattern from Babel: texts as they stand, fields as ["d"], ["MMM"], ["y"].
  function formatWith(pattern, day) {
    var parts = isoOf(day).split("-");
    return pattern.map(function (part) {
      if (typeof part === "string") return part;
      var code = part[0];
      if (code === "d") return String(Number(parts[2]));
      if (code === "dd") return parts[2];
      if (code === "M") return String(Number(parts[1]));
      if (code === "MM") return parts[1];
      if (code === "y") return String(Number(parts[0]));
      if (code === "yyyy") return parts[0];
      return data.dates.months[code][Number(parts[1]) - 1];
    }).join("");
  }
  // A text whose web addresses are links named by their site, as the page's credits print them
  // (data.links: the addresses render.linked found in it, each with its site; docs/page-data.md).
  var LK = layout(data.schema.links), linksOf = {};
  data.links.forEach(function (row) { linksOf[row[LK.text]] = row; });
  function linked(index) {
    var whole = text(index), fragment = document.createDocumentFragment(), row = linksOf[index], at = 0;
    for (var k = LK.then; row && k < row.length; k += LK.step) {
      var address = row[k + LK.pair.address], found = whole.indexOf(address, at);
      if (found < 0) continue;
      if (found > at) fragment.appendChild(document.createTextNode(whole.slice(at, found)));
      var link = el("a", row[k + LK.pair.site]);
      link.href = address;  // an http(s) address only (render.linked)
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.title = address;
      fragment.appendChild(link);
      at = found + address.length;
    }
    if (at < whole.length) fragment.appendChild(document.createTextNode(whole.slice(at)));
    return fragment;
  }
  var numbers = new Intl.NumberFormat(data.locale);  // toLocaleString would build a formatter on every call
  function number(value) { return numbers.format(value); }
  return {
    text: text,
    linked: linked,
    isoOf: isoOf,
    dayOf: dayOf,
    say: say,
    day: function (day) { return formatWith(data.dates.day, day); },
    dayMonth: function (day) { return formatWith(data.dates.dayMonth, day); },
    number: number,
    km2: function (value) { return say("km2", { value: number(value) }); }
  };
}

// An element with its text (never parsed as markup) and class.
function el(tag, content, className) {
  var node = document.createElement(tag);
  if (content) node.textContent = content;
  if (className) node.className = className;
  return node;
}
