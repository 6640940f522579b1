// The parts of the listing page: its fields with where each came from, its findings with their
// reasons and evidence, and its review history.
import { el, highlighted, spansOf, externalLink } from '../dom.js';
import { t, label, formatMoney, formatDate, formatNumber, formatPercent } from '../i18n.js';
import { table, empty, kindBadge } from '../ui.js';

const DETAIL_FIELDS = ['brand', 'sku', 'gtin', 'availability', 'originalPrice', 'priceHigh', 'rating', 'soldCount',
  'livestreamHost', 'imageAlts', 'language', 'productGroup', 'images'];

/** A fetched product photo: perceptual hash, size, metadata (EXIF: crawled, so text only), warnings. */
function photoFacts(image) {
  const parts = [image.perceptualHash ? 'dHash ' + image.perceptualHash : '—'];
  if (image.width && image.height) parts.push(image.width + '×' + image.height);
  for (const [k, v] of Object.entries(image.metadata || {})) parts.push(k + ': ' + v);
  for (const w of image.warnings || []) parts.push('⚠ ' + w);
  return el('li', {}, externalLink(image.url), el('span', { class: 'muted', text: ' — ' + parts.join(' · ') }));
}

/** A value at a dotted path ("seller.name", "details.brand"), also looked up under details. */
export function valueAt(listing, path) {
  const walk = (root, keys) => keys.reduce((v, k) => (v === null || v === undefined ? undefined : v[k]), root);
  const keys = path.split('.');
  const direct = walk(listing, keys);
  return direct !== undefined ? direct : walk(listing.details || {}, keys);
}

function shown(listing, key, value) {
  if (value === null || value === undefined || value === '') return null;
  if (key === 'description' || key === 'title') return highlighted(String(value), spansOf(listing, key));
  if (key === 'price' || key === 'originalPrice' || key === 'priceHigh') return formatMoney(value, listing.currency);
  if (key === 'url') return externalLink(value);
  if (key === 'imageUrls') return el('ul', { class: 'plain-list' }, value.map(u => el('li', {}, externalLink(u))));
  if (key === 'soldCount') return formatNumber(value);
  if (key === 'images') return value.length ? el('ul', { class: 'plain-list' }, value.map(photoFacts)) : null;
  if (Array.isArray(value)) return value.length ? value.join(' · ') : null;
  if (typeof value === 'object') {
    return Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => k + ': ' + v).join(' · ');
  }
  return String(value);
}

/** Each extracted field, its value, and the source it was taken from (JSON_LD, OPENGRAPH, HTML…). */
export function fieldsTable(listing) {
  const sources = listing.fieldSources || {};
  const keys = ['title', 'description', 'price', 'currency', 'seller.name', 'seller.id', 'seller.location',
    'seller.province', 'url', 'imageUrls', ...DETAIL_FIELDS];
  for (const key of Object.keys(sources)) if (!keys.includes(key)) keys.push(key);
  const rows = [];
  for (const key of keys) {
    const value = shown(listing, key.split('.').pop(), valueAt(listing, key));
    const source = sources[key] ?? sources[key.split('.')[0]];
    if (value === null && !source) continue;
    rows.push([el('span', { class: 'field-name', text: label('field', key) }),
      value === null ? el('span', { class: 'muted', text: '—' }) : el('div', { class: 'field-value' }, value),
      source ? el('span', { class: 'badge source', text: source }) : el('span', { class: 'muted', text: '—' })]);
  }
  return table([t('col.field'), t('col.value'), t('col.source')], rows, { class: 'fields' });
}

/** One finding: kind, subject, score, detector, the reasons, and its spans shown in their field. */
function findingCard(listing, finding) {
  const byField = new Map();
  for (const span of finding.spans || []) {
    if (!byField.has(span.field)) byField.set(span.field, []);
    byField.get(span.field).push(span);
  }
  const evidence = [...byField.entries()].map(([fieldName, spans]) => {
    const text = valueAt(listing, fieldName);
    return el('div', { class: 'evidence' },
      el('span', { class: 'evidence-field', text: label('field', fieldName) }),
      el('p', { class: 'evidence-text' }, typeof text === 'string'
        ? highlighted(text, spans) : spans.map(s => el('mark', { text: s.text || '' }))));
  });
  return el('article', { class: ['finding', finding.detectorActive === false ? 'inactive' : null], data: { testid: 'finding' } },
    el('header', { class: 'finding-head' },
      kindBadge(finding.kind),
      el('strong', { class: 'finding-subject', text: finding.subject || '—' }),
      el('span', { class: 'finding-score', text: t('finding.score', { score: formatPercent(finding.score) }) }),
      el('span', { class: 'muted small', text: finding.detectorId + '@' + finding.detectorVersion }),
      finding.detectorActive === false ? el('span', { class: 'badge muted', text: t('finding.inactive') }) : null),
    (finding.reasons || []).length ? el('ul', { class: 'reasons' }, finding.reasons.map(r => el('li', { text: r }))) : null,
    evidence);
}

export function findingsList(listing) {
  const findings = listing.findings || [];
  if (!findings.length) return empty(t('listing.noFindings'));
  return el('div', { class: 'findings' }, findings.map(f => findingCard(listing, f)));
}

/** The review history as a timeline, oldest first as the server sends it. */
export function reviewHistory(reviews) {
  if (!reviews || !reviews.length) return empty(t('review.noHistory'));
  return el('ol', { class: 'timeline', data: { testid: 'review-history' } }, reviews.map(r => {
    const detail = [r.kind ? label('kind', r.kind) : null, r.reason ? label('reason', r.reason) : null,
      r.assignee ? '→ ' + r.assignee : null].filter(Boolean).join(' · ');
    return el('li', { class: 'timeline-entry', data: { decision: r.decision } },
      el('div', { class: 'timeline-head' },
        el('span', { class: ['badge', 'decision-' + String(r.decision).toLowerCase()], text: label('decision', r.decision) }),
        el('span', { class: 'muted small', text: (r.reviewer || '—') + ' · ' + formatDate(r.at) })),
      detail ? el('div', { class: 'small', text: detail }) : null,
      r.note ? el('p', { class: 'note', text: r.note }) : null);
  }));
}

/** The facts shown beside the title: platform, seller place, capture and re-crawl times. */
export function listingFacts(listing) {
  const h = listing.history || {};
  return [
    [t('col.platform'), listing.platform],
    [t('listing.captured'), formatDate(listing.captureTime)],
    [t('listing.firstSeen'), h.firstSeen ? formatDate(h.firstSeen) : null],
    [t('listing.lastSeen'), h.lastSeen ? formatDate(h.lastSeen) : null],
    [t('listing.goneAt'), h.gone ? formatDate(h.goneAt) : null],
    [t('listing.extraction'), listing.extractionSource],
    [t('listing.assignee'), listing.review && listing.review.assignee],
    [t('listing.warnings'), (listing.warnings || []).join(' · ')],
  ];
}
