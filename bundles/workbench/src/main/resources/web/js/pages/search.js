// Search: one box (the server ignores case and Vietnamese diacritics), facets as filters, sorting,
// cursor paging, saved searches and bulk review. The search is in the hash (#/search?q=…), so
// back/forward, bookmarks and saved searches all work the same way.
import { el, field, select, replace, append } from '../dom.js';
import { evidenceButton, canExport } from '../components/evidence-button.js';
import { t, label, formatNumber } from '../i18n.js';
import { api, seg } from '../api.js';
import { pageHeader, errorBox, loading, empty, notify, confirmButton } from '../ui.js';
import { resultsTable } from '../components/results.js';
import { facetPanel, facetValueLabel } from '../components/facets.js';
import { bulkBar } from '../components/bulk.js';
import { canReview } from '../session.js';

/** The parameters of GET /listings a search may carry (the server refuses unknown ones). */
export const SEARCH_PARAMS = ['q', 'flagged', 'kind', 'subject', 'platform', 'status', 'detector', 'risk', 'seller',
  'province', 'productGroup', 'assignee', 'from', 'to', 'sort'];
const FILTERS = SEARCH_PARAMS.filter(p => p !== 'q' && p !== 'sort');
const PAGE_SIZE = 25;

export function filtersFrom(query) {
  const filters = {};
  for (const name of SEARCH_PARAMS) {
    const value = query.get(name);
    if (value !== null && value !== '') filters[name] = value;
  }
  return filters;
}

export function searchHash(filters) {
  const params = new URLSearchParams();
  for (const name of SEARCH_PARAMS) if (filters[name]) params.set(name, filters[name]);
  const text = params.toString();
  return '#/search' + (text ? '?' + text : '');
}

function filterLabel(name, value) {
  const facet = name === 'from' || name === 'to' ? null : name;
  const shown = facet ? facetValueLabel(facet, value) : value;
  if (name === 'flagged') return t('search.flaggedOnly');
  return t('facet.' + name) + ': ' + shown;
}

export async function render(container, ctx) {
  const filters = filtersFrom(ctx.query);
  const go = next => ctx.navigate(searchHash(next));

  const q = el('input', { type: 'search', name: 'q', value: filters.q || '', data: { testid: 'search-q' },
    placeholder: t('search.placeholder'), attrs: { autocomplete: 'off', spellcheck: 'false' } });
  const sort = select([['', t('sort.default')], ['relevance', t('sort.relevance')], ['risk', t('sort.risk')], ['date', t('sort.date')]],
    filters.sort || '', { data: { testid: 'search-sort' } });
  const flagged = el('input', { type: 'checkbox', id: 'flagged-only', checked: filters.flagged === 'true', data: { testid: 'search-flagged' } });
  const form = el('form', { class: 'search-form', attrs: { role: 'search' } },
    field(t('search.label'), q),
    field(t('search.sort'), sort),
    el('div', { class: 'field checkbox' }, flagged, el('label', { htmlFor: 'flagged-only', text: t('search.flaggedOnly') })),
    el('div', { class: 'field submit' }, el('button', { type: 'submit', class: 'button primary', text: t('search.submit'), data: { testid: 'search-submit' } })));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = { ...filters, q: q.value.trim() };
    if (sort.value) next.sort = sort.value; else delete next.sort;
    if (flagged.checked) next.flagged = 'true'; else delete next.flagged;
    go(next);
  });
  sort.addEventListener('change', () => form.requestSubmit());
  flagged.addEventListener('change', () => form.requestSubmit());

  const chips = FILTERS.filter(name => filters[name]).map(name => el('button', {
    type: 'button', class: 'chip', data: { testid: 'active-filter' },
    attrs: { 'aria-label': t('search.removeFilter', { filter: filterLabel(name, filters[name]) }) },
    on: { click: () => { const next = { ...filters }; delete next[name]; go(next); } },
  }, el('span', { text: filterLabel(name, filters[name]) }), el('span', { class: 'chip-x', attrs: { 'aria-hidden': 'true' }, text: '×' })));

  const sidebar = el('div', { class: 'sidebar' });
  const results = el('div', { class: 'results-column' });
  append(container, [
    pageHeader(t('search.title'), t('search.subtitle') + ' ' + t('search.hint')),
    form,
    Object.keys(filters).length ? el('div', { class: 'search-export', title: t('search.exportHint') },
      evidenceButton({ query: filters }, ctx.navigate, 'export-search')) : null,
    chips.length ? el('div', { class: 'chips' }, chips,
      el('button', { type: 'button', class: 'button link', text: t('search.clearFilters'),
        on: { click: () => go(filters.q ? { q: filters.q } : {}) } })) : null,
    el('div', { class: 'search-layout' }, sidebar, results)]);

  const savedSlot = el('div', { class: 'saved-slot' });
  const facetSlot = el('div', { class: 'facet-slot' }, loading());
  sidebar.append(savedSlot, facetSlot);
  renderSaved(savedSlot, filters, ctx);

  const selection = new Set();
  const bar = bulkBar(selection, { onDone: () => loadPage(cursors[cursors.length - 1]), navigate: ctx.navigate });
  const summary = el('div', { class: 'results-summary' });
  const tableSlot = el('div', { class: 'table-slot' });
  const pager = el('div', { class: 'pager' });
  results.append(summary, bar.node, tableSlot, pager);
  const cursors = [null];

  async function loadPage(after) {
    replace(tableSlot, loading());
    try {
      const answer = await api.get('/listings', { ...filters, size: PAGE_SIZE, after, facets: after ? undefined : 'true' });
      if (!after && answer.facets) replace(facetSlot, facetPanel(answer.facets, filters, go));
      const page = cursors.length;
      replace(summary, el('p', { data: { testid: 'result-count' } },
        el('strong', { text: t('search.total', { n: formatNumber(answer.total) }) }),
        page > 1 ? el('span', { class: 'muted', text: ' · ' + t('search.page', { n: page }) }) : null),
        saveForm(filters, () => renderSaved(savedSlot, filters, ctx)));
      replace(tableSlot, answer.items.length ? resultsTable(answer.items, { selection: canReview() || canExport() ? selection : null, onSelect: bar.update, caption: t('search.title') })
        : empty(t('search.none')));
      bar.update();
      replace(pager,
        cursors.length > 1 ? el('button', { type: 'button', class: 'button secondary', text: t('search.first'),
          on: { click: () => { cursors.length = 1; loadPage(null); } } }) : null,
        answer.next ? el('button', { type: 'button', class: 'button secondary', text: t('search.next'), data: { testid: 'next-page' },
          on: { click: () => { cursors.push(answer.next); loadPage(answer.next); window.scrollTo(0, 0); } } }) : null);
    } catch (e) {
      replace(tableSlot, errorBox(e));
      if (!after) replace(facetSlot);
    }
  }
  await loadPage(null);
}

function saveForm(filters, onSaved) {
  const name = el('input', { type: 'text', data: { testid: 'save-name' }, placeholder: t('saved.namePlaceholder'),
    attrs: { maxlength: 100, 'aria-label': t('saved.name') } });
  const form = el('form', { class: 'save-search' }, name,
    el('button', { type: 'submit', class: 'button secondary', text: t('saved.save'), data: { testid: 'save-search' } }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const text = name.value.trim();
    if (!text) { name.focus(); return; }
    const params = {};
    for (const p of SEARCH_PARAMS) if (filters[p]) params[p] = filters[p];
    try {
      await api.post('/searches', { name: text, params });
      name.value = '';
      notify(t('saved.done', { name: text }), 'success');
      onSaved();
    } catch (e) {
      notify(e.message, 'error');
    }
  });
  return form;
}

async function renderSaved(slot, filters, ctx) {
  let saved;
  try {
    saved = await api.get('/searches');
  } catch (e) {
    replace(slot, errorBox(e, t('saved.title')));
    return;
  }
  const list = saved.map(s => {
    const params = s.params || {};
    const summaryText = Object.entries(params).map(([k, v]) => (k === 'q' ? '"' + v + '"' : label('facet', k) + '=' + v)).join(', ');
    return el('li', {},
      el('button', { type: 'button', class: 'button link saved-run', text: s.name, title: summaryText, data: { testid: 'saved-run' },
        on: { click: () => ctx.navigate(searchHash(params)) } }),
      confirmButton('×', t('saved.deleteQ'), async () => {
        try { await api.del('/searches/' + seg(s.id)); renderSaved(slot, filters, ctx); } catch (e) { notify(e.message, 'error'); }
      }, { data: { testid: 'saved-delete' }, label: t('saved.delete', { name: s.name }) }));
  });
  replace(slot, el('section', { class: 'saved', attrs: { 'aria-label': t('saved.title') } },
    el('h3', { text: t('saved.title') }),
    list.length ? el('ul', { class: 'saved-list' }, list) : el('p', { class: 'muted small', text: t('saved.none') })));
}
