// The listings table shared by search, review queue and seller page.
import { el, highlighted, spansOf, routeLink } from '../dom.js';
import { t, label, formatMoney, formatDate } from '../i18n.js';
import { riskBadge, statusBadge, statusOf } from '../ui.js';
import { seg } from '../api.js';

/** The seller key the server uses ("<platform>:<seller id>"), or null when the seller is unknown. */
export function sellerKeyOf(listing) {
  if (listing.sellerKey) return listing.sellerKey;
  const id = listing.seller && listing.seller.id;
  return id ? listing.platform + ':' + id : null;
}

export function sellerCell(listing) {
  const seller = listing.seller || {};
  const name = seller.name || seller.id || t('common.unknownSeller');
  const key = sellerKeyOf(listing);
  return el('div', { class: 'seller-cell' },
    key ? routeLink('#/seller/' + seg(key), name, { data: { testid: 'seller-link' } }) : el('span', { text: name }),
    seller.province || seller.location ? el('span', { class: 'muted small', text: seller.province || seller.location }) : null);
}

export function titleCell(listing) {
  const title = listing.title || t('common.untitled');
  const link = el('a', { class: 'listing-title', attrs: { href: '#/listing/' + seg(listing.id) }, data: { testid: 'result-title' } },
    highlighted(title, listing.title ? spansOf(listing, 'title') : []));
  const kinds = [...new Set((listing.findings || []).map(f => f.kind))];
  return el('div', { class: 'title-cell' }, link,
    kinds.length ? el('span', { class: 'muted small' }, kinds.map(k => label('kind', k)).join(' · ')) : null,
    listing.history && listing.history.gone ? el('span', { class: 'badge gone', text: t('listing.gone') }) : null);
}

/**
 * The table. With selection (a Set of ids) each row gets a checkbox; onSelect() is called after
 * every change so the page can update its bulk bar.
 */
export function resultsTable(items, { selection, onSelect, caption } = {}) {
  const selectable = !!selection;
  const boxes = [];
  let all = null;
  const header = el('tr', {},
    selectable ? el('th', { class: 'check', attrs: { scope: 'col' } }, selectAll()) : null,
    [t('col.title'), t('col.price'), t('col.seller'), t('col.platform'), t('col.risk'), t('col.status'), t('col.captured')]
      .map(h => el('th', { attrs: { scope: 'col' }, text: h })));
  const rows = items.map(item => {
    let box = null;
    if (selectable) {
      box = el('input', { type: 'checkbox', checked: selection.has(item.id), data: { id: item.id, testid: 'select-row' },
        attrs: { 'aria-label': t('results.select', { title: item.title || item.id }) },
        on: { change: () => { if (box.checked) selection.add(item.id); else selection.delete(item.id); sync(); } } });
      boxes.push(box);
    }
    return el('tr', { data: { id: item.id }, class: selection && selection.has(item.id) ? 'selected' : null },
      selectable ? el('td', { class: 'check' }, box) : null,
      el('td', {}, titleCell(item)),
      el('td', { class: 'num', text: formatMoney(item.price, item.currency) }),
      el('td', {}, sellerCell(item)),
      el('td', { text: item.platform || '—' }),
      el('td', {}, riskBadge(item.risk)),
      el('td', {}, statusBadge(statusOf(item))),
      el('td', { class: 'small', text: formatDate(item.captureTime) }));
  });
  function selectAll() {
    all = el('input', { type: 'checkbox', attrs: { 'aria-label': t('results.selectAll') }, data: { testid: 'select-all' },
      on: { change: () => {
        for (const b of boxes) {
          b.checked = all.checked;
          if (all.checked) selection.add(b.dataset.id); else selection.delete(b.dataset.id);
        }
        sync();
      } } });
    return all;
  }
  function sync() {
    for (const b of boxes) b.closest('tr').classList.toggle('selected', b.checked);
    if (all) {
      const n = boxes.filter(b => b.checked).length;
      all.checked = n > 0 && n === boxes.length;
      all.indeterminate = n > 0 && n < boxes.length;
    }
    if (onSelect) onSelect();
  }
  const tableNode = el('table', { class: 'data results', data: { testid: 'results' } },
    caption ? el('caption', { class: 'visually-hidden', text: caption }) : null,
    el('thead', {}, header), el('tbody', {}, rows));
  queueMicrotask(() => { if (selectable) sync(); });
  return el('div', { class: 'table-wrap' }, tableNode);
}
