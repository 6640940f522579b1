// The facet sidebar of the search page: each value of GET /listings?facets=true is a filter button.
import { el } from '../dom.js';
import { t, label, formatNumber, formatDate } from '../i18n.js';

/** Facet name → the query parameter it sets (the date facet sets from and to to one day). */
export const FACETS = ['status', 'risk', 'kind', 'platform', 'subject', 'detector', 'productGroup', 'province', 'seller', 'date'];
const LABELLED = { kind: 'kind', risk: 'risk', status: 'status' };
const SHOWN = 8;

export function facetValueLabel(facet, value) {
  if (LABELLED[facet]) return label(LABELLED[facet], value);
  if (facet === 'date') return formatDate(value, false);
  return String(value);
}

export function isActive(filters, facet, value) {
  if (facet === 'date') return filters.from === value && filters.to === value;
  return filters[facet] === value;
}

/** The filters after clicking a value: on when it was off, off when it was on. */
export function toggled(filters, facet, value) {
  const next = { ...filters };
  if (facet === 'date') {
    if (isActive(filters, facet, value)) { delete next.from; delete next.to; } else { next.from = value; next.to = value; }
  } else if (next[facet] === value) {
    delete next[facet];
  } else {
    next[facet] = value;
  }
  return next;
}

/** filters: the current parameters; onChange(newFilters) runs a new search. */
export function facetPanel(facets, filters, onChange) {
  const groups = FACETS.filter(name => facets && Array.isArray(facets[name]) && facets[name].length > 0).map(name => {
    const values = facets[name];
    const list = el('ul', { class: 'facet-values' });
    values.forEach((entry, index) => {
      const active = isActive(filters, name, String(entry.value));
      list.appendChild(el('li', { hidden: index >= SHOWN && !active },
        el('button', {
          type: 'button', class: ['facet-value', active ? 'active' : null],
          attrs: { 'aria-pressed': active ? 'true' : 'false' },
          data: { testid: 'facet-' + name, value: entry.value },
          on: { click: () => onChange(toggled(filters, name, String(entry.value))) },
        }, el('span', { class: 'facet-label', text: facetValueLabel(name, entry.value) }),
        el('span', { class: 'facet-count', text: formatNumber(entry.count) }))));
    });
    let more = null;
    if (values.length > SHOWN) {
      more = el('button', { type: 'button', class: 'button link small', text: t('facets.more', { n: values.length - SHOWN }),
        on: { click: () => { list.querySelectorAll('li[hidden]').forEach(li => { li.hidden = false; }); more.remove(); } } });
    }
    return el('section', { class: 'facet', attrs: { 'aria-label': t('facet.' + name) } },
      el('h3', { text: t('facet.' + name) }), list, more);
  });
  return el('aside', { class: 'facets', attrs: { 'aria-label': t('facets.label') } },
    groups.length ? groups : el('p', { class: 'muted small', text: t('facets.none') }));
}
