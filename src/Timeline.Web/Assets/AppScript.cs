namespace Timeline.Web.Assets;

/// <summary>
/// The page's script. Evidence is attacker-controlled: every value is inserted with textContent or
/// as an attribute value through the DOM API, never as markup. Pivots rewrite the query text.
/// </summary>
internal static class AppScript
{
    public const string Js = """
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';
  const PAGE = 200;
  const state = { q: '', from: null, to: null, offset: 0, histogram: null };

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function quote(value) {
    return '"' + String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  }

  function pivot(field, value) {
    const b = el('button', value, 'pivot');
    b.type = 'button';
    b.dataset.field = field;
    b.dataset.value = value;
    b.title = 'Filter: ' + field + ':' + value;
    b.addEventListener('click', (ev) => { ev.stopPropagation(); addFilter(field, value); });
    return b;
  }

  function addFilter(field, value) {
    const term = field + ':' + quote(value);
    const q = $('q').value.trim();
    $('q').value = !q ? term : (/\bOR\b|\|\|/.test(q) ? '(' + q + ') AND ' + term : q + ' AND ' + term);
    search(true);
  }

  function params(extra) {
    const p = new URLSearchParams();
    p.set('q', state.q);
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p.toString();
  }

  async function getJson(url) {
    const r = await fetch(url, { headers: { 'Accept': 'application/json' } });
    const body = await r.json();
    if (!r.ok) { const err = new Error(body.error || ('HTTP ' + r.status)); err.body = body; throw err; }
    return body;
  }

  function showError(err) {
    const s = $('status');
    s.replaceChildren();
    s.className = 'error';
    s.append(el('div', err.message));
    if (err.body && typeof err.body.position === 'number') {
      const pre = el('pre', state.q + '\n' + ' '.repeat(err.body.position) + '^'.repeat(Math.max(1, err.body.length || 1)));
      s.append(pre);
    }
  }

  function timeText(e) {
    if (e.time) return e.time.replace('T', ' ').replace(/0+Z$/, 'Z').replace(/\.Z$/, 'Z');
    if (e.sortTime) return '≤ ' + e.sortTime.replace('T', ' ');
    return '-';
  }

  async function search(reset) {
    if (reset) { state.q = $('q').value; state.offset = 0; }
    $('status').className = '';
    $('status').textContent = 'Searching…';
    try {
      const data = await getJson('/api/search?' + params({ offset: state.offset, limit: PAGE }));
      renderRows(data, state.offset > 0);
      const p = data.plan;
      $('status').textContent = (state.offset + data.events.length) + (data.more ? '+' : '') + ' events · ' +
        p.decoded + ' of ' + p.total + ' blocks decoded (' + (p.usesIndex ? p.chosen + ' chosen by index' : 'full scan') + ') · ' + data.ms + ' ms';
      if (state.offset === 0) loadHistogram();
    } catch (err) {
      showError(err);
    }
  }

  function renderRows(data, append) {
    const body = $('results').tBodies[0];
    if (!append) body.replaceChildren();
    for (const e of data.events) {
      const tr = document.createElement('tr');
      tr.dataset.id = e.id;
      tr.append(el('td', timeText(e), 'time'));
      const host = el('td'); host.append(pivot('host', e.host)); tr.append(host);
      tr.append(el('td', e.parser));
      tr.append(el('td', e.fields.event || ''));
      const user = el('td'); if (e.fields.user) user.append(pivot('user', e.fields.user)); tr.append(user);
      const ip = el('td'); if (e.fields.src_ip) ip.append(pivot('src_ip', e.fields.src_ip)); tr.append(ip);
      tr.append(el('td', e.message, 'message'));
      if (e.rules.length) tr.classList.add('matched');
      tr.addEventListener('click', () => showDetails(e, tr));
      body.append(tr);
    }
    $('more').hidden = !data.more;
  }

  function showDetails(e, row) {
    for (const r of document.querySelectorAll('#results tr.selected')) r.classList.remove('selected');
    if (row) row.classList.add('selected');
    const d = $('details');
    d.replaceChildren();
    d.className = '';
    const t = el('table', null, 'fields');
    const add = (k, v, pivotable) => {
      const tr = document.createElement('tr');
      tr.append(el('th', k));
      const td = el('td');
      if (pivotable) td.append(pivot(k, v)); else td.textContent = v;
      tr.append(td);
      t.append(tr);
    };
    add('id', e.id, true);
    add('time', e.time || ('≤ ' + (e.sortTime || '-')), false);
    add('timeQuality', e.timeQuality, false);
    add('host', e.host, true);
    add('parser', e.parser, true);
    for (const [k, v] of Object.entries(e.fields)) add(k, v, true);
    if (e.phase) add('phase', e.phase, true);
    add('file', e.origin.file + ':' + (e.origin.line ?? e.origin.record), false);
    add('sha256', e.origin.sha256, false);
    d.append(t);
    d.append(el('h3', 'Message'));
    d.append(el('pre', e.message, 'message'));
    if (e.rules.length) {
      d.append(el('h3', 'Rules'));
      const ul = el('ul');
      for (const r of e.rules) {
        const li = el('li');
        li.append(pivot('rule', r.id), el('span', ' ' + r.title + ' (' + r.level + ')'));
        for (const tag of r.tags) li.append(' ', pivot('tag', tag));
        li.append(el('div', 'author: ' + r.author, 'muted'));
        ul.append(li);
      }
      d.append(ul);
    }
    if (e.sortTime) {
      const around = el('button', 'Show ±10 min around this event', 'around');
      around.type = 'button';
      around.addEventListener('click', () => {
        const t0 = Date.parse(e.sortTime);
        zoom(new Date(t0 - 600000).toISOString(), new Date(t0 + 600001).toISOString());
      });
      d.append(around);
    }
  }

  function zoom(from, to) {
    state.from = from;
    state.to = to;
    $('zoom-reset').hidden = !from && !to;
    $('zoom-label').textContent = from || to ? 'Window: ' + (from || '*') + ' → ' + (to || '*') : 'Drag across the histogram to zoom into a time window.';
    search(true);
  }

  async function loadHistogram() {
    try {
      const h = await getJson('/api/histogram?' + params());
      state.histogram = h;
      drawHistogram(h);
    } catch (err) {
      showError(err);
    }
  }

  function drawHistogram(h) {
    const svg = $('histogram');
    svg.replaceChildren();
    const W = 1000, H = 110;
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + (H + 16));
    svg.setAttribute('preserveAspectRatio', 'none');
    if (!h.buckets.length) {
      const t = document.createElementNS(SVG, 'text');
      t.setAttribute('x', 8); t.setAttribute('y', 20); t.textContent = 'No timed events match.';
      svg.append(t);
      return;
    }
    const max = Math.max(...h.buckets.map(b => b.count), 1);
    const bw = W / h.buckets.length;
    h.buckets.forEach((b, i) => {
      const r = document.createElementNS(SVG, 'rect');
      const bh = b.count ? Math.max(1, (b.count / max) * H) : 0;
      r.setAttribute('x', i * bw); r.setAttribute('y', H - bh);
      r.setAttribute('width', Math.max(1, bw - 1)); r.setAttribute('height', bh);
      r.setAttribute('class', 'bar');
      const tip = document.createElementNS(SVG, 'title');
      tip.textContent = b.start + ' → ' + b.end + ': ' + b.count;
      r.append(tip);
      svg.append(r);
    });
    const label = (x, text, anchor) => {
      const t = document.createElementNS(SVG, 'text');
      t.setAttribute('x', x); t.setAttribute('y', H + 13); t.setAttribute('text-anchor', anchor);
      t.setAttribute('class', 'axis'); t.textContent = text;
      svg.append(t);
    };
    label(2, h.from, 'start');
    label(W - 2, h.to, 'end');
  }

  function histogramDrag() {
    const svg = $('histogram');
    let start = null, sel = null;
    const xOf = (ev) => { const r = svg.getBoundingClientRect(); return Math.min(1, Math.max(0, (ev.clientX - r.left) / r.width)); };
    svg.addEventListener('mousedown', (ev) => {
      if (!state.histogram || !state.histogram.buckets.length) return;
      start = xOf(ev);
      sel = document.createElementNS(SVG, 'rect');
      sel.setAttribute('class', 'selection'); sel.setAttribute('y', 0); sel.setAttribute('height', 110);
      svg.append(sel);
      ev.preventDefault();
    });
    svg.addEventListener('mousemove', (ev) => {
      if (start === null) return;
      const x = xOf(ev);
      sel.setAttribute('x', Math.min(start, x) * 1000); sel.setAttribute('width', Math.abs(x - start) * 1000);
    });
    window.addEventListener('mouseup', (ev) => {
      if (start === null) return;
      const x = xOf(ev);
      const a = Math.min(start, x), b = Math.max(start, x);
      start = null;
      const h = state.histogram;
      const t0 = Date.parse(h.from), t1 = Date.parse(h.to);
      if (b - a < 0.005) {
        const i = Math.min(h.buckets.length - 1, Math.floor(a * h.buckets.length));
        zoom(h.buckets[i].start, h.buckets[i].end);
      } else {
        zoom(new Date(t0 + a * (t1 - t0)).toISOString(), new Date(t0 + b * (t1 - t0)).toISOString());
      }
    });
  }

  async function loadChains() {
    const box = $('chains');
    box.replaceChildren();
    // The chain contract, exactly as `timeline chain --format json` prints it.
    const chains = (await getJson('/api/chains')).chains;
    if (!chains.length) {
      box.append(el('p', 'No attack chains are stored in this case yet. They appear here once the chain builder has run on the case.', 'muted'));
      return;
    }
    for (const c of chains) {
      const sec = el('section', null, 'chain');
      const h = el('h3');
      h.append(pivot('host', c.host));
      if (c.confidence !== undefined) h.append(el('span', ' confidence ' + Math.round(c.confidence * 100) + '%', 'muted'));
      sec.append(h);
      if (c.entry) sec.append(el('p', 'Entry: ' + c.entry.summary));
      if (c.rootCause) sec.append(el('p', c.rootCause, 'muted'));
      const ol = el('ol');
      for (const s of c.steps) {
        const li = el('li');
        const when = s.time ? s.time + ' ' : '';
        li.append(el('span', s.phase, 'phase'), el('span', ' ' + when + s.summary + ' '));
        for (const id of s.eventIds) li.append(pivot('id', id));
        ol.append(li);
      }
      sec.append(ol);
      box.append(sec);
    }
  }

  async function init() {
    $('search').addEventListener('submit', (ev) => { ev.preventDefault(); search(true); });
    $('more').addEventListener('click', () => { state.offset += PAGE; search(false); });
    $('zoom-reset').addEventListener('click', () => zoom(null, null));
    $('saved').addEventListener('change', () => { if ($('saved').value) { $('q').value = $('saved').value; search(true); } });
    histogramDrag();
    try {
      const info = await getJson('/api/info');
      $('case-info').textContent = info.case + ' · ' + info.events + ' events · ' + (info.first || '?') + ' → ' + (info.last || '?');
      for (const s of await getJson('/api/saved')) {
        const o = el('option', s.name + ': ' + s.query);
        o.value = s.query;
        $('saved').append(o);
      }
      await loadChains();
    } catch (err) {
      showError(err);
    }
    search(true);
  }

  init();
})();
""";
}
