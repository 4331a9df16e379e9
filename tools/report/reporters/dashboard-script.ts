/**
 * The dashboard's inline script: renders the items × lanes matrix from the embedded data and
 * applies the filters. It only ever sets `textContent` and attributes built on the server side
 * (hrefs come pre-encoded), so no data string is parsed as HTML. Groups render their rows on first
 * open, which keeps a large workspace's page instant.
 */
export const DASHBOARD_JS = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var STATUS = data.statuses, KINDS = data.kinds, GROUPS = data.groups, LANES = data.lanes;
  var text = document.getElementById('filter-text');
  var category = document.getElementById('filter-category');
  var status = document.getElementById('filter-status');
  var matrix = document.getElementById('matrix');
  var shown = document.getElementById('shown-count');
  function el(tag, cls, txt) { var e = document.createElement(tag); if (cls) e.className = cls; if (txt != null) e.textContent = txt; return e; }
  function link(href, txt) { var a = el('a', null, txt); if (href) a.setAttribute('href', href); return a; }
  function row(it) {
    var tr = el('tr'); tr.dataset.status = STATUS[it[4]];
    var name = el('td'); var code = el('code', null, it[0]); name.appendChild(code);
    if (it[7] && it[7].length) { var ul = el('ul', 'gaps'); it[7].forEach(function (g) { ul.appendChild(el('li', null, g)); }); name.appendChild(ul); }
    tr.appendChild(name);
    tr.appendChild(el('td', null, KINDS[it[1]]));
    var st = el('td'); st.appendChild(el('span', 'badge s-' + STATUS[it[4]], STATUS[it[4]] + (it[8] ? ' (manual)' : ''))); tr.appendChild(st);
    var anchor = el('td'); if (it[3]) anchor.appendChild(link(it[6], it[3])); tr.appendChild(anchor);
    LANES.forEach(function (lane, li) {
      var locs = it[5][li], td;
      if (locs && locs.length) {
        td = el('td', 'cell has'); td.title = locs.map(function (l) { return data.files[l[0]] + ':' + l[1] + ' ' + l[2] + (l[3] ? ' (' + l[3] + ')' : ''); }).join('\\n');
        locs.forEach(function (l) { td.appendChild(link(data.hrefs[l[0]] + '#L' + l[1], l[2])); });
      } else if (lane.kinds.indexOf(it[1]) < 0) { td = el('td', 'cell na', ''); }
      else { td = el('td', lane.required ? 'cell need' : 'cell', '—'); }
      tr.appendChild(td);
    });
    return tr;
  }
  function table(items) {
    var t = el('table'), head = el('tr');
    ['Item', 'Kind', 'Status', 'Spec anchor'].concat(LANES.map(function (l) { return l.title; })).forEach(function (h) { head.appendChild(el('th', null, h)); });
    var thead = el('thead'); thead.appendChild(head); t.appendChild(thead);
    var body = el('tbody'); items.forEach(function (it) { body.appendChild(row(it)); }); t.appendChild(body);
    return t;
  }
  function matches(it, q, c, s) {
    if (c !== '' && String(it[2]) !== c) return false;
    if (s !== '' && String(it[4]) !== s) return false;
    if (q && (it[0] + ' ' + (it[3] || '') + ' ' + (it[7] || []).join(' ')).toLowerCase().indexOf(q) < 0) return false;
    return true;
  }
  function render() {
    var q = text.value.trim().toLowerCase(), c = category.value, s = status.value;
    var byGroup = GROUPS.map(function () { return []; }), n = 0;
    data.items.forEach(function (it) { if (matches(it, q, c, s)) { byGroup[it[2]].push(it); n++; } });
    var filtered = q !== '' || c !== '' || s !== '';
    matrix.textContent = '';
    byGroup.forEach(function (items, gi) {
      if (!items.length) return;
      var d = el('details', 'group'); d.dataset.group = GROUPS[gi];
      d.appendChild(el('summary', null, GROUPS[gi] + ' (' + items.length + ')'));
      var built = false;
      function build() { if (!built) { built = true; d.appendChild(table(items)); } }
      d.addEventListener('toggle', function () { if (d.open) build(); });
      if ((filtered && n <= 400) || data.items.length <= 300) { d.open = true; build(); }
      matrix.appendChild(d);
    });
    shown.textContent = n + ' of ' + data.items.length + ' items shown';
  }
  [text, category, status].forEach(function (e) { e.addEventListener('input', render); e.addEventListener('change', render); });
  render();
})();
`;
