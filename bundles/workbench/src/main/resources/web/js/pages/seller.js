// One seller account: how many listings, flags and decisions, whether it is a repeat infringer,
// where it says it is, and its riskiest listings.
import { el, replace, routeLink, definitions } from '../dom.js';
import { t, formatNumber, formatDate } from '../i18n.js';
import { api, seg } from '../api.js';
import { pageHeader, section, errorBox, loading, empty } from '../ui.js';
import { resultsTable } from '../components/results.js';
import { searchHash } from './search.js';
import { evidenceButton } from '../components/evidence-button.js';
import { network } from '../components/network.js';

function stat(name, value, testid, tone) {
  return el('div', { class: ['stat', tone ? 'stat-' + tone : null], data: { testid } },
    el('span', { class: 'stat-value', text: formatNumber(value ?? 0) }),
    el('span', { class: 'stat-label', text: name }));
}

export async function render(container, ctx) {
  const key = ctx.params[0];
  container.appendChild(loading());
  let seller;
  try {
    seller = await api.get('/sellers/' + seg(key));
  } catch (e) {
    replace(container, pageHeader(t('seller.title')), errorBox(e));
    return;
  }
  const names = seller.names && seller.names.length ? seller.names : [seller.sellerId || key];
  const marker = seller.repeatInfringer
    ? el('span', { class: 'badge repeat', data: { testid: 'repeat-infringer' }, text: t('seller.repeat') }) : null;
  replace(container,
    el('p', { class: 'crumbs' }, routeLink('#/sellers', t('nav.sellers')), ' / ', el('span', { text: seller.platform || '' })),
    el('div', { class: 'page-header' },
      el('div', { class: 'page-heading' },
        el('h1', { data: { testid: 'seller-title' } }, el('span', { text: names[0] }), ' ', marker),
        el('p', { class: 'subtitle', text: t('seller.account', { platform: seller.platform || '—', id: seller.sellerId || '—' }) })),
      el('div', { class: 'page-tools' },
        routeLink(searchHash({ seller: seller.key || key }), t('seller.searchAll'), { class: 'button secondary' }),
        evidenceButton({ sellerId: seller.key || key }, ctx.navigate))),
    el('div', { class: 'stats' },
      stat(t('seller.listings'), seller.listings, 'stat-listings'),
      stat(t('seller.flagged'), seller.flagged, 'stat-flagged', 'warn'),
      stat(t('seller.open'), seller.open, 'stat-open', 'warn'),
      stat(t('seller.confirmed'), seller.confirmed, 'stat-confirmed', 'bad'),
      stat(t('seller.dismissed'), seller.dismissed, 'stat-dismissed', 'ok'),
      el('div', { class: 'stat', data: { testid: 'stat-risk' } },
        el('span', { class: 'stat-value', text: Math.round(100 * (seller.riskScore || 0)) + '%' }),
        el('span', { class: 'stat-label', text: t('seller.risk') }))),
    el('div', { class: 'two-col' },
      section(t('seller.about'), definitions([
        [t('seller.names'), names.join(' · ')],
        [t('seller.platforms'), seller.platform],
        [t('seller.locations'), (seller.locations || []).join(' · ')],
        [t('seller.provinces'), (seller.provinces || []).join(' · ')],
        [t('seller.productGroups'), (seller.productGroups || []).join(' · ')],
        [t('seller.firstSeen'), seller.firstSeen ? formatDate(seller.firstSeen) : null],
        [t('seller.lastSeen'), seller.lastSeen ? formatDate(seller.lastSeen) : null],
      ])),
      section(t('seller.repeatTitle'), el('p', { text: seller.repeatInfringer
        ? t('seller.repeatYes', { n: seller.confirmed }) : t('seller.repeatNo') }))),
    section(t('seller.links'), (seller.links || []).length ? [
      network(names[0], seller.links, t('seller.network')),
      el('ul', { class: 'links', data: { testid: 'seller-links' } }, seller.links.map(l => el('li', {},
        routeLink('#/seller/' + seg(l.key), (l.name || l.key) + ' (' + l.platform + ')'), ' — ', t('seller.via'), ': ',
        el('span', { text: (l.via || []).join(', ') })))),
    ] : empty(t('seller.noLinks'))),
    section(t('seller.top'), (seller.top || []).length
      ? resultsTable(seller.top, { caption: t('seller.top') }) : empty(t('seller.noListings'))));
}
