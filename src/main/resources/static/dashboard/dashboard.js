// Baton's operations dashboard: reads GET /api/dashboard with the Camunda login of this browser
// session and draws plain SVG charts. Text from the server goes in as text, never as markup.
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const WIDTH = 560;
  const LABEL = 150;
  const TEXT = 200;
  const ROW = 24;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function money(n) {
    return Number(n).toLocaleString('en', { maximumFractionDigits: 4 });
  }

  function percent(x) {
    return x === null || x === undefined ? 'n/a' : Math.round(x * 1000) / 10 + '%';
  }

  function empty(target, text) {
    target.replaceChildren(el('p', { class: 'empty' }, text));
  }

  // a row's name, cut to fit left of the bars; the whole name shows on hover
  function label(text, y) {
    const shown = text.length > 22 ? text.substring(0, 21) + '…' : text;
    const node = svgEl('text', { x: 0, y: y + 15 }, shown);
    node.append(svgEl('title', {}, text));
    return node;
  }

  // rows: [{label, value, text, cls}]; limit: a value drawn as a dashed line; max: the full bar
  function bars(target, rows, limit, max) {
    if (!rows.length) return empty(target, 'Nothing in this window.');
    max = max || Math.max(limit || 0, ...rows.map((r) => Number(r.value))) || 1;
    const span = WIDTH - LABEL - TEXT;
    const svg = svgEl('svg', { width: WIDTH, height: rows.length * ROW + 8, role: 'img' });
    rows.forEach((r, i) => {
      const y = i * ROW + 4;
      const w = Math.max(1, (Number(r.value) / max) * span);
      svg.append(label(r.label, y));
      svg.append(svgEl('rect', { class: 'bar ' + (r.cls || ''), x: LABEL, y: y + 3, width: w, height: ROW - 8 }));
      svg.append(svgEl('text', { x: LABEL + w + 6, y: y + 15 }, r.text));
    });
    if (limit) {
      const x = LABEL + (limit / max) * span;
      svg.append(svgEl('line', { class: 'limit', x1: x, x2: x, y1: 0, y2: rows.length * ROW + 8 }));
    }
    target.replaceChildren(svg);
  }

  // rows: [{label, parts: [{name, value}], text}], each bar the whole of its parts
  function stacked(target, rows, names) {
    if (!rows.length) return empty(target, 'Nothing in this window.');
    const span = WIDTH - LABEL - TEXT;
    const svg = svgEl('svg', { width: WIDTH, height: rows.length * ROW + 8, role: 'img' });
    rows.forEach((r, i) => {
      const y = i * ROW + 4;
      const total = r.parts.reduce((s, p) => s + p.value, 0) || 1;
      let x = LABEL;
      svg.append(label(r.label, y));
      r.parts.forEach((p) => {
        const w = (p.value / total) * span;
        if (w <= 0) return;
        const known = names.includes(p.name) ? p.name : 'other';
        const rect = svgEl('rect', { class: known, x: x, y: y + 3, width: w, height: ROW - 8 });
        rect.append(svgEl('title', {}, p.name + ': ' + p.value));
        svg.append(rect);
        x += w;
      });
      svg.append(svgEl('text', { x: LABEL + span + 6, y: y + 15 }, r.text));
    });
    const legend = el('p', { class: 'legend' });
    names.forEach((n) => {
      const key = el('span', {});
      key.append(el('i', { class: 'swatch ' + n }), n.toLowerCase().replace(/_/g, ' '));
      legend.append(key);
    });
    target.replaceChildren(svg, legend);
  }

  function tile(name, value, alert) {
    const t = el('div', { class: 'tile' + (alert ? ' alert' : '') });
    t.append(el('div', { class: 'value' }, value), el('div', { class: 'name' }, name));
    return t;
  }

  function render(d) {
    const started = d.processes.reduce((s, p) => s + p.started, 0);
    const completed = d.processes.reduce((s, p) => s + p.completed, 0);
    const ended = d.processes.reduce((s, p) => s + p.completed + p.terminated, 0);
    document.getElementById('tiles').replaceChildren(
      tile('Model cost', money(d.costs.total)),
      tile('Average cost per case', money(d.costs.averagePerCase)),
      tile('Cases started', String(started)),
      tile('Success rate', ended ? percent(completed / ended) : 'n/a'),
      tile('Open incidents', String(d.incidents.open), d.incidents.open > 0));

    bars(document.getElementById('cost-per-process'), d.costPerProcess.map((p) => ({
      label: p.processDefinitionKey || '(case no longer in history)',
      value: p.cost,
      text: money(p.cost) + ' · ' + p.cases + ' cases',
    })));
    bars(document.getElementById('cost-per-case'), d.costs.top.map((c) => ({
      label: c.businessKey || c.processInstanceId.substring(0, 8),
      value: c.cost,
      text: money(c.cost) + ' · ' + c.calls + ' calls',
    })));

    const perCase = d.budgets.find((b) => b.scope === 'case');
    document.getElementById('budget-note').textContent = perCase && perCase.limit !== null
      ? 'Limit per case: ' + money(perCase.limit) + ' (' + perCase.setting + '), dashed line.'
      : 'No limit per case is set (' + (perCase ? perCase.setting : 'baton.budgets.per-case') + ').';
    bars(document.getElementById('budgets'), (perCase ? perCase.top : []).map((s) => ({
      label: s.label || s.id.substring(0, 8),
      value: s.spent,
      text: money(s.spent) + (s.share === null ? '' : ' · ' + percent(s.share) + ' of limit'),
      cls: s.share !== null && s.share >= 1 ? 'over' : '',
    })), perCase && perCase.limit !== null ? Number(perCase.limit) : 0);
    const daily = document.getElementById('budgets-today');
    const today = d.budgets.filter((b) => b.scope !== 'case' && b.top.length);
    if (!today.length) {
      empty(daily, 'No budget per process or per tenant has been used today.');
    } else {
      daily.replaceChildren();
      today.forEach((b) => {
        const part = document.createElement('div');
        daily.appendChild(part);
        bars(part, b.top.map((s) => ({
          label: b.scope + ' ' + s.label,
          value: s.spent,
          text: money(s.spent) + (s.share === null ? '' : ' · ' + percent(s.share) + ' of its day (' + b.setting + ')'),
          cls: s.share !== null && s.share >= 1 ? 'over' : '',
        })));
      });
    }

    const latency = document.getElementById('latency');
    if (!d.latency.length) {
      empty(latency, 'No successful calls in this window.');
    } else {
      const rows = [];
      d.latency.forEach((m) => {
        rows.push({ label: m.model + ' p50', value: m.p50Ms, text: m.p50Ms + ' ms' });
        rows.push({ label: m.model + ' p95', value: m.p95Ms, text: m.p95Ms + ' ms · ' + m.calls + ' calls', cls: 'p95' });
      });
      bars(latency, rows);
    }

    stacked(document.getElementById('outcomes'), d.outcomes.map((m) => ({
      label: m.model,
      parts: Object.entries(m.byOutcome).map(([name, value]) => ({ name, value })),
      text: percent(m.successRate) + ' OK',
    })), ['OK', 'UNAVAILABLE', 'INVALID_OUTPUT', 'CIRCUIT_OPEN', 'BUDGET_EXCEEDED', 'ERROR']);

    stacked(document.getElementById('processes'), d.processes.map((p) => ({
      label: p.processDefinitionKey,
      parts: [
        { name: 'completed', value: p.completed },
        { name: 'terminated', value: p.terminated },
        { name: 'running', value: p.running },
      ],
      text: percent(p.successRate) + (p.withOpenIncident ? ' · ' + p.withOpenIncident + ' with incident' : ''),
    })), ['completed', 'terminated', 'running']);

    const reviews = document.getElementById('reviews');
    if (!d.reviews.length) {
      empty(reviews, 'No reviewer decisions in this window.');
    } else {
      bars(reviews, d.reviews.map((r) => ({
        label: r.taskType + ' (' + r.model + ')',
        value: r.accuracy === null ? 0 : r.accuracy,
        text: 'accuracy ' + percent(r.accuracy) + ' · agreement ' + percent(r.agreement),
      })), 0, 1);
      const table = el('table');
      const head = el('tr');
      ['Task type', 'Model', 'Kept', 'Corrected', 'Rejected'].forEach((h) => head.append(el('th', {}, h)));
      table.append(head);
      d.reviews.forEach((r) => {
        const row = el('tr');
        [r.taskType, r.model, r.approved, r.corrected, r.rejected]
          .forEach((v) => row.append(el('td', {}, String(v))));
        table.append(row);
      });
      reviews.append(table);
    }

    const incidents = document.getElementById('incidents');
    if (!d.incidents.latest.length) {
      empty(incidents, 'No open incidents.');
    } else {
      const table = el('table');
      const head = el('tr');
      ['Raised', 'Process', 'Activity', 'Message'].forEach((h) => head.append(el('th', {}, h)));
      table.append(head);
      d.incidents.latest.forEach((i) => {
        const row = el('tr');
        [new Date(i.raisedAt).toLocaleString(), i.processDefinitionKey || '', i.activityId || '', i.message || i.type]
          .forEach((v) => row.append(el('td', {}, v)));
        table.append(row);
      });
      incidents.replaceChildren(table);
    }

    document.getElementById('generated').textContent =
      'since ' + new Date(d.since).toLocaleString() + ' · as of ' + new Date(d.generatedAt).toLocaleTimeString();
    document.getElementById('problem').hidden = true;
    document.getElementById('figures').hidden = false;
  }

  function problem(text) {
    const p = document.getElementById('problem');
    p.textContent = text;
    p.hidden = false;
    document.getElementById('figures').hidden = true;
  }

  async function load() {
    const days = document.getElementById('days').value;
    let response;
    try {
      response = await fetch('/api/dashboard?days=' + encodeURIComponent(days), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } catch (e) {
      return problem('The figures could not be loaded: ' + e.message);
    }
    if (response.status === 401) return problem('Your login has ended: log in again, then reload this page.');
    if (response.status === 403) return problem('Only operators, supervisors, auditors and admins may see the dashboard.');
    if (!response.ok) return problem('The figures could not be loaded (HTTP ' + response.status + ').');
    render(await response.json());
  }

  document.getElementById('days').addEventListener('change', load);
  load();
})();
