// Suspicious accounts by product group (accounts with a confirmed or open flag), with the same
// rows as CSV and XLSX downloads for the enforcement file.
import { el, replace, routeLink, field, externalLink } from '../dom.js';
import { t, formatNumber, formatDate } from '../i18n.js';
import { api, apiUrl, seg } from '../api.js';
import { pageHeader, section, errorBox, loading, empty, table } from '../ui.js';

export async function render(container, ctx) {
  const group = ctx.query.get('productGroup') || '';
  const input = el('input', { type: 'text', value: group, data: { testid: 'group-filter' }, attrs: { spellcheck: 'false' } });
  const form = el('form', { class: 'inline-form' }, field(t('suspicious.group'), input, t('suspicious.groupHint')),
    el('button', { type: 'submit', class: 'button primary', text: t('suspicious.filter') }));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const value = input.value.trim();
    ctx.navigate('#/sellers' + (value ? '?productGroup=' + encodeURIComponent(value) : ''));
  });
  const params = group ? { productGroup: group } : {};
  const downloads = el('div', { class: 'downloads' },
    el('a', { class: 'button secondary', text: t('suspicious.csv'), data: { testid: 'download-csv' },
      attrs: { href: apiUrl('/sellers/suspicious', { ...params, format: 'csv' }), download: true } }),
    el('a', { class: 'button secondary', text: t('suspicious.xlsx'), data: { testid: 'download-xlsx' },
      attrs: { href: apiUrl('/sellers/suspicious', { ...params, format: 'xlsx' }), download: true } }));
  const body = el('div', {}, loading());
  container.append(pageHeader(t('suspicious.title'), t('suspicious.subtitle'), downloads), form, body);
  let answer;
  try {
    answer = await api.get('/sellers/suspicious', { ...params, format: 'json' });
  } catch (e) {
    replace(body, errorBox(e));
    return;
  }
  const groups = answer.groups || [];
  if (!groups.length) {
    replace(body, empty(t('suspicious.none')));
    return;
  }
  replace(body, groups.map(g => section(t('suspicious.groupTitle', { group: g.productGroup || t('suspicious.noGroup'), n: g.sellers.length }),
    table([t('col.seller'), t('col.platform'), t('seller.confirmed'), t('seller.open'), t('seller.listings'),
      t('seller.locations'), t('seller.firstSeen'), t('seller.lastSeen'), t('suspicious.links')],
    g.sellers.map(s => [
      routeLink('#/seller/' + seg(s.key), s.name || s.sellerId || s.key),
      s.platform || '—',
      el('span', { class: s.confirmed ? 'strong-bad' : null, text: formatNumber(s.confirmed) }),
      formatNumber(s.open), formatNumber(s.listings),
      (s.locations || []).join(' · ') || '—',
      formatDate(s.firstSeen, false), formatDate(s.lastSeen, false),
      el('span', { class: 'links' }, (s.links || []).slice(0, 3).map((u, i) => [i ? ' ' : null, externalLink(u, '↗ ' + (i + 1))])),
    ])))));
}
