// One listing: what was extracted (and from where), why it was flagged, its price history, the raw
// capture (sandboxed, see below), its review history, and the review actions.
import { el, replace, highlighted, spansOf, externalLink, routeLink, definitions } from '../dom.js';
import { evidenceButton } from '../components/evidence-button.js';
import { t, formatMoney } from '../i18n.js';
import { api, apiUrl, seg } from '../api.js';
import { canReview } from '../session.js';
import { pageHeader, section, errorBox, loading, riskBadge, statusBadge, statusOf, notify } from '../ui.js';
import { sellerKeyOf } from '../components/results.js';
import { fieldsTable, findingsList, reviewHistory, listingFacts } from '../components/listing-parts.js';
import { priceHistory } from '../components/price-chart.js';
import { reviewForm } from '../components/review-form.js';

export async function render(container, ctx) {
  const id = ctx.params[0];
  container.appendChild(loading());
  let listing;
  try {
    listing = await api.get('/listings/' + seg(id));
  } catch (e) {
    replace(container, pageHeader(t('listing.title')), errorBox(e));
    return;
  }
  const head = el('div', { class: 'listing-head' });
  const historySlot = el('div', { class: 'history-slot' }, loading());
  const reviewSlot = el('div', { class: 'review-slot' });

  function renderHead() {
    const key = sellerKeyOf(listing);
    const seller = listing.seller || {};
    replace(head,
      el('p', { class: 'crumbs' }, routeLink('#/search', t('nav.search')), ' / ', el('span', { text: listing.platform || '' })),
      el('h1', { class: 'listing-heading', data: { testid: 'listing-title' } },
        highlighted(listing.title || t('common.untitled'), listing.title ? spansOf(listing, 'title') : [])),
      el('div', { class: 'listing-badges' },
        riskBadge(listing.risk),
        el('span', { data: { testid: 'listing-status' } }, statusBadge(statusOf(listing))),
        listing.history && listing.history.gone ? el('span', { class: 'badge gone', text: t('listing.gone') }) : null,
        el('span', { class: 'price-big', text: formatMoney(listing.price, listing.currency) })),
      el('div', { class: 'listing-links' },
        key ? routeLink('#/seller/' + seg(key), t('listing.sellerPage', { name: seller.name || seller.id }),
          { class: 'button secondary', data: { testid: 'seller-link' } }) : null,
        externalLink(listing.url, t('listing.openOriginal')),
        evidenceButton({ listingIds: [listing.id] }, ctx.navigate)),
      definitions(listingFacts(listing)));
  }

  async function refresh() {
    try {
      const [fresh, reviews] = await Promise.all([
        api.get('/listings/' + seg(id)), api.get('/listings/' + seg(id) + '/reviews')]);
      listing = fresh;
      renderHead();
      replace(historySlot, reviewHistory(reviews));
    } catch (e) {
      replace(historySlot, errorBox(e));
    }
  }

  if (canReview()) {
    const firstKind = (listing.findings || [])[0] && listing.findings[0].kind;
    replace(reviewSlot, reviewForm({
      defaultKind: firstKind,
      onSubmit: async body => {
        const review = await api.post('/listings/' + seg(id) + '/review', body);
        await refresh();
        notify(t('review.saved'), 'success');
        return t('review.savedAs', { decision: t('decision.' + review.decision) });
      },
    }));
  } else {
    replace(reviewSlot, el('p', { class: 'muted', text: t('review.readOnly') }));
  }

  renderHead();
  replace(container,
    head,
    el('div', { class: 'listing-layout' },
      el('div', { class: 'listing-main' },
        section(t('listing.findings'), findingsList(listing)),
        section(t('listing.fields'), fieldsTable(listing)),
        section(t('listing.prices'), priceHistory(listing.history && listing.history.prices)),
        section(t('listing.capture'), captureFrame(listing))),
      el('div', { class: 'listing-side' },
        el('section', { class: 'panel sticky', data: { testid: 'review-panel' } },
          el('h2', { text: t('review.title') }), reviewSlot),
        section(t('review.history'), historySlot))));
  await refresh();
}

/**
 * The page as it was captured, in a frame without any sandbox permission: no script, no forms, no
 * same-origin access; the server also sends it with a CSP that forbids script and network.
 */
function captureFrame(listing) {
  if (!listing.captureRef) return el('p', { class: 'muted', text: t('listing.noCapture') });
  const src = apiUrl('/listings/' + seg(listing.id) + '/capture');
  return el('div', { class: 'capture' },
    el('iframe', { class: 'capture-frame', title: t('listing.captureFrame'), data: { testid: 'capture-frame' },
      attrs: { sandbox: '', src, referrerpolicy: 'no-referrer' } }),
    el('p', { class: 'hint' }, t('listing.captureNote'), ' ',
      el('a', { text: t('listing.captureRaw'), attrs: { href: src, rel: 'noopener noreferrer', target: '_blank' } })));
}
