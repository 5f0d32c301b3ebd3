namespace Timeline.Report.Html;

/// <summary>
/// The report's only script: it builds the event table from the inline JSON data with
/// <c>textContent</c> (never as HTML), filters and sorts it, and copies indicator lists. Allowed by
/// its hash in the Content-Security-Policy; evidence never appears in it.
/// </summary>
internal static class ReportScript
{
    public const string Js = """
(function () {
  'use strict';
  var source = document.getElementById('event-data');
  var body = document.getElementById('event-rows');
  var shown = document.getElementById('event-shown');
  if (source && body) {
    var data = JSON.parse(source.textContent);
    var cols = data.columns;
    var rows = data.rows;
    var c = {}; cols.forEach(function (n, i) { c[n] = i; });
    var trs = rows.map(function (r) {
      var tr = document.createElement('tr');
      if (r[c.chain]) tr.className = 'chain';
      if (/^[0-9a-f]+-[0-9]+$/.test(r[c.id])) tr.id = 'ev-' + r[c.id];
      ['time', 'quality', 'host', 'phase', 'rules', 'message'].forEach(function (name) {
        var td = document.createElement('td');
        var v = r[c[name]];
        if (name === 'phase' && v) {
          var s = document.createElement('span');
          s.className = 'phase phase-' + (/^[a-z]+$/.test(v) ? v : 'other');
          s.textContent = v; td.appendChild(s);
        } else if (name === 'rules') {
          td.textContent = v;
          if (/^[a-z]+$/.test(r[c.level])) td.className = 'level-' + r[c.level];
        } else {
          td.textContent = v;
          if (name === 'message') td.className = 'msg';
        }
        tr.appendChild(td);
      });
      var where = document.createElement('td');
      var a = document.createElement('a');
      if (/^[0-9a-f]+$/.test(r[c.sha])) a.href = '#f-' + r[c.sha];
      a.textContent = r[c.file] + ':' + r[c.line];
      where.appendChild(a); tr.appendChild(where);
      tr.dataset.search = r.join(' ').toLowerCase();
      body.appendChild(tr);
      return { tr: tr, r: r };
    });
    var text = document.getElementById('event-filter');
    var phase = document.getElementById('event-phase');
    var chainOnly = document.getElementById('event-chain-only');
    function apply() {
      var q = text.value.toLowerCase(), p = phase.value, only = chainOnly.checked, n = 0;
      trs.forEach(function (x) {
        var ok = (!q || x.tr.dataset.search.indexOf(q) >= 0) && (!p || x.r[c.phase] === p) && (!only || x.r[c.chain]);
        x.tr.hidden = !ok; if (ok) n++;
      });
      shown.textContent = n + ' of ' + trs.length + ' events shown';
    }
    [text, phase, chainOnly].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
    var sortKeys = ['sort', 'quality', 'host', 'phase', 'rules', 'message', 'file'];
    var ths = document.querySelectorAll('#events thead th');
    ths.forEach(function (th, i) {
      th.addEventListener('click', function () {
        var key = c[sortKeys[i]], desc = th.classList.contains('sorted-asc');
        ths.forEach(function (h) { h.classList.remove('sorted-asc', 'sorted-desc'); });
        th.classList.add(desc ? 'sorted-desc' : 'sorted-asc');
        trs.sort(function (x, y) {
          var a = x.r[key], b = y.r[key];
          var d = (typeof a === 'number' && typeof b === 'number') ? a - b : String(a).localeCompare(String(b));
          return desc ? -d : d;
        });
        trs.forEach(function (x) { body.appendChild(x.tr); });
      });
    });
    apply();
    document.getElementById('events').classList.add('ready');
  }
  document.querySelectorAll('button[data-copy]').forEach(function (b) {
    b.addEventListener('click', function () {
      var box = document.getElementById(b.getAttribute('data-copy'));
      if (!box) return;
      box.focus(); box.select();
      if (navigator.clipboard) navigator.clipboard.writeText(box.value).catch(function () {});
      b.textContent = 'Copied';
    });
  });
  document.documentElement.classList.add('js');
})();
""";
}
