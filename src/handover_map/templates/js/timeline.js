// The timeline: what each district shows on a day (its state, who holds
// it, whether its state rests on a claim, whether reports differ on a date
// in play), and which districts can show something else between two days.
// Rows are read by the column names of data.schema (docs/page-data.md).

// {column name: position} of a table of data.schema; a row's repeated
// groups start at .then, each .step long, with .pair naming their fields.
function layout(table) {
  var at = { then: table.columns.length, step: (table.then || []).length, pair: {} };
  table.columns.forEach(function (name, k) { at[name] = k; });
  (table.then || []).forEach(function (name, k) { at.pair[name] = k; });
  return at;
}

function Timeline(data, words) {
  var schema = data.schema, rows = data.districts, count = data.eventCount;
  var D = layout(schema.districts), E = layout(schema.events), H = layout(schema.holders);
  var C = layout(schema.claims), S = layout(schema.differSpans), F = layout(schema.differ), B = layout(schema.claimedBy);
  var styles = data.styles;
  function byDistrict(table, at) {
    var out = {};
    table.forEach(function (row) { out[row[at.district]] = row; });
    return out;
  }
  var holdersOf = byDistrict(data.holders, H), claimsOf = byDistrict(data.claims, C), spanOf = byDistrict(data.differSpans, S);
  var differOf = {}, claimantOf = {};
  data.differ.forEach(function (row) { differOf[row[F.event]] = row; });
  data.claimedBy.forEach(function (row) { claimantOf[row[B.event]] = row[B.claimant]; });

  // The value of a row's repeated (day, field) groups on a day: the last on or before it.
  function seriesAt(row, at, field, day, value) {
    for (var k = at.then; k < row.length && row[k + at.pair.day] <= day; k += at.step) value = row[k + at.pair[field]];
    return value;
  }
  function stateAt(i, day) { return seriesAt(rows[i], D, "state", day, rows[i][D.state]); }
  function holderAt(i, day) { return holdersOf[i] ? seriesAt(holdersOf[i], H, "party", day, -1) : -1; }
  function claimedOn(i, day) { return claimsOf[i] ? seriesAt(claimsOf[i], C, "claimed", day, 0) === 1 : false; }
  function differsOn(i, day) { var span = spanOf[i]; return span !== undefined && day >= span[S.first] && day <= span[S.last]; }
  // Everything a district's style and description depend on, on a day.
  function look(i, day) {
    var state = stateAt(i, day), holder = holderAt(i, day);
    return { state: state, holder: holder, pale: styles[state].claimPale && claimedOn(i, day), differs: differsOn(i, day) };
  }
  function sameLook(a, b) { return a.state === b.state && a.holder === b.holder && a.pale === b.pale && a.differs === b.differs; }

  // Every day on which some district's look may change, sorted, with the
  // district: a step from one day to another visits only the days between.
  var moments = [];
  function addSeries(row, at, i) { for (var k = at.then; k < row.length; k += at.step) moments.push([row[k + at.pair.day], i]); }
  rows.forEach(function (row, i) { addSeries(row, D, i); });
  data.holders.forEach(function (row) { addSeries(row, H, row[H.district]); });
  data.claims.forEach(function (row) { addSeries(row, C, row[C.district]); });
  data.differSpans.forEach(function (span) { moments.push([span[S.first], span[S.district]], [span[S.last] + 1, span[S.district]]); });
  moments.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
  var momentDays = moments.map(function (m) { return m[0]; }), momentDistricts = moments.map(function (m) { return m[1]; });
  var seen = new Uint32Array(rows.length), visit = 0;
  function firstMomentAfter(day) {
    var lo = 0, hi = momentDays.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (momentDays[mid] <= day) lo = mid + 1; else hi = mid; }
    return lo;
  }
  // The districts that may look different on day b than on day a (each once).
  function changedBetween(a, b) {
    var out = [], from = firstMomentAfter(Math.min(a, b)), to = firstMomentAfter(Math.max(a, b));
    visit += 1;
    for (var m = from; m < to; m++) {
      var i = momentDistricts[m];
      if (seen[i] !== visit) { seen[i] = visit; out.push(i); }
    }
    return out;
  }

  function ev(k, field) { var column = data.events[E[field]]; return typeof column === "number" ? column : column[k]; }
  function firstEventAfter(day) {
    var lo = 0, hi = count;  // events are sorted by day
    while (lo < hi) { var mid = (lo + hi) >> 1; if (ev(mid, "day") <= day) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function nameOf(i) { return words.text(rows[i][D.name]); }
  function labelOf(i) { return rows[i][D.label] >= 0 ? words.text(rows[i][D.label]) : nameOf(i); }
  var nameIndex = new Map();  // any string is a safe key: no "constructor" or "__proto__" surprises
  rows.forEach(function (row, i) { nameIndex.set(nameOf(i).toLowerCase(), i); });
  var A = layout(schema.aliases);
  data.aliases.forEach(function (pair) { nameIndex.set(pair[A.spelling], pair[A.district]); });

  function stateLabel(i, day) {
    var state = stateAt(i, day), holder = holderAt(i, day), holderLabel = styles[state].holderLabel;
    if (holderLabel && holder >= 0) return holderLabel.replace("{party}", function () { return words.text(holder); });  // a name's "$&" stays as written
    return styles[state].label;
  }
  // Reports that differ on a date: each date with the source that gives it.
  // What reports say of an event's date where they differ: each date with its report, the reports'
  // web addresses linked by their sites (words.linked); differText is its text.
  function differNode(k) {
    var row = differOf[k], node = document.createDocumentFragment();
    node.appendChild(document.createTextNode(data.words.reportsDiffer + ": "));
    for (var g = F.then; row && g < row.length; g += F.step) {
      var source = row[g + F.pair.source];
      node.appendChild(document.createTextNode((g > F.then ? "; " : "") + words.day(row[g + F.pair.day]) + (source >= 0 ? " (" : "")));
      if (source >= 0) { node.appendChild(words.linked(source)); node.appendChild(document.createTextNode(")")); }
    }
    return node;
  }
  function claimed(k) { return k in claimantOf; }
  function claimText(k) {
    if (!claimed(k)) return "";
    return data.words.claimedBy + " " + (claimantOf[k] >= 0 ? words.text(claimantOf[k]) : data.words.oneSide);
  }
  return {
    count: rows.length,
    eventCount: count,
    row: function (i) { return rows[i]; },
    columns: D,
    stateAt: stateAt,
    stateName: function (i, day) { return data.states[stateAt(i, day)]; },
    holderAt: holderAt,
    differsOn: differsOn,
    look: look,
    sameLook: sameLook,
    changedBetween: changedBetween,
    ev: ev,
    firstEventAfter: firstEventAfter,
    nameOf: nameOf,
    labelOf: labelOf,
    find: function (name) { var i = nameIndex.get(String(name).toLowerCase()); return i === undefined ? null : i; },
    stateLabel: stateLabel,
    differs: function (k) { return k in differOf; },
    differText: function (k) { return k in differOf ? differNode(k).textContent : ""; },
    differNode: differNode,
    claimed: claimed,
    claimText: claimText
  };
}
