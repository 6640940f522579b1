// Reports: the daily quick report, a period against its baseline (the same range a year earlier by
// default), and hot spots; charts here, and the same report as CSV, XLSX or PDF to download.
import { el, replace, field } from '../dom.js';
import { t, lang, formatNumber } from '../i18n.js';
import { api, apiUrl } from '../api.js';
import { pageHeader, section, errorBox, loading, table, empty } from '../ui.js';
import { barChart } from '../components/bar-chart.js';

function today() {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10); // Vietnam's day
}

function downloads(path, params) {
  return el('span', { class: 'downloads' }, ...['csv', 'xlsx', 'pdf'].map(format => el('a', {
    class: 'button secondary', text: format.toUpperCase(), data: { testid: 'report-' + format },
    attrs: { href: apiUrl(path, { ...params, format, lang: lang() }) } })));
}

function dateInput(name, value) {
  return el('input', { type: 'date', name, value, data: { testid: 'report-' + name } });
}

export async function render(container, ctx) {
  const kind = ctx.query.get('kind') || 'daily';
  const from = ctx.query.get('from') || today().slice(0, 8) + '01';
  const to = ctx.query.get('to') || today();
  const date = ctx.query.get('date') || today();
  const form = el('form', { class: 'report-form', data: { testid: 'report-form' } });
  const kindSelect = el('select', { name: 'kind', data: { testid: 'report-kind' } },
    ...['daily', 'period', 'hotspots'].map(k => el('option', { value: k, text: t('reports.' + k), attrs: { selected: k === kind ? '' : null } })));
  form.append(field(t('reports.kind'), kindSelect), field(t('reports.date'), dateInput('date', date)),
    field(t('reports.from'), dateInput('from', from)), field(t('reports.to'), dateInput('to', to)),
    el('button', { type: 'submit', class: 'button', text: t('reports.show') }));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams({ kind: data.get('kind'), date: data.get('date'), from: data.get('from'), to: data.get('to') });
    ctx.navigate('#/reports?' + params.toString());
  });
  const body = el('div', { data: { testid: 'report-body' } }, loading());
  replace(container, pageHeader(t('reports.title'), t('reports.subtitle')), form, body);
  try {
    if (kind === 'period') replace(body, ...period(await api.get('/reports/period', { from, to }), { from, to }));
    else if (kind === 'hotspots') replace(body, ...hotspots(await api.get('/reports/hotspots', { from, to }), { from, to }));
    else replace(body, ...daily(await api.get('/reports/daily', { date }), { date }));
  } catch (e) {
    replace(body, errorBox(e));
  }
}

function totals(tt) {
  return el('div', { class: 'stats' }, ...['detected', 'confirmed', 'dismissed', 'escalated', 'accounts'].map(k =>
    el('div', { class: 'stat', data: { testid: 'report-' + k } }, el('span', { class: 'stat-value', text: formatNumber(tt[k]) }),
      el('span', { class: 'stat-label', text: t('reports.m.' + k) }))));
}

function daily(r, params) {
  const out = [section(t('reports.dailyOf', { day: r.day }), downloads('/reports/daily', params), totals(r.totals))];
  for (const dim of ['platform', 'kind', 'productGroup', 'province']) {
    const counts = r.byDimension[dim] || [];
    out.push(section(t('reports.d.' + dim), counts.length
      ? barChart(counts.slice(0, 15).map(c => ({ label: c.key, values: [c.count] })), t('reports.d.' + dim)) : empty(t('reports.none'))));
  }
  out.push(section(t('reports.top'), r.topNewAccounts.length ? table([t('reports.account'), t('reports.name'), t('reports.cases')],
    r.topNewAccounts.map(a => [a.key, a.name || '', formatNumber(a.cases)])) : empty(t('reports.none'))));
  return out;
}

function period(r, params) {
  const totalsRows = r.measures.filter(m => m.key === '');
  return [section(t('reports.periodOf', { from: r.from, to: r.to, bFrom: r.baselineFrom, bTo: r.baselineTo }), downloads('/reports/period', params),
    barChart(totalsRows.map(m => ({ label: t('reports.m.' + m.measure), values: [m.value, m.baseline] })), t('reports.period'),
      [t('reports.thisPeriod'), t('reports.baseline')]),
    table([t('reports.measure'), t('reports.key'), t('reports.thisPeriod'), t('reports.baseline'), t('reports.change')],
      r.measures.map(m => [m.measure, m.key, formatNumber(m.value), formatNumber(m.baseline),
        m.changePercent === null ? '—' : (m.changePercent > 0 ? '+' : '') + m.changePercent + ' %']), { testid: 'report-measures' }))];
}

function hotspots(r, params) {
  const rows = list => list.map(h => [h.label, formatNumber(h.confirmed), formatNumber(h.accounts), (h.platforms || []).join(', ')]);
  const headers = [t('reports.name'), t('reports.m.confirmed'), t('reports.m.accounts'), t('reports.platforms')];
  return [section(t('reports.hotspotsOf', { from: r.from, to: r.to }), downloads('/reports/hotspots', params),
    r.provinces.length ? barChart(r.provinces.slice(0, 15).map(h => ({ label: h.label, values: [h.confirmed] })), t('reports.d.province')) : empty(t('reports.none'))),
  ...['sellers', 'shops', 'provinces'].map(k => section(t('reports.h.' + k), r[k].length ? table(headers, rows(r[k])) : empty(t('reports.none'))))];
}
