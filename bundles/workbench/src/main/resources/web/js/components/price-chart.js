// Price history: a small SVG line chart (built with DOM calls, no markup) and the same points as a
// table, which is what screen readers and printouts use.
import { el, svg } from '../dom.js';
import { t, formatMoney, formatDate } from '../i18n.js';
import { table, empty } from '../ui.js';

const W = 560;
const H = 180;
const PAD = { left: 88, right: 16, top: 14, bottom: 30 };

/** Chart coordinates of the points: x by time (or by order when times are equal), y by price. */
export function layout(points) {
  const times = points.map(p => new Date(p.seenAt).getTime());
  const prices = points.map(p => Number(p.price));
  const tMin = Math.min(...times);
  const tMax = Math.max(...times);
  let pMin = Math.min(...prices);
  let pMax = Math.max(...prices);
  if (pMin === pMax) { pMin = pMin * 0.9; pMax = pMax * 1.1 || 1; }
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  return points.map((p, i) => ({
    x: PAD.left + (tMax > tMin && Number.isFinite(times[i]) ? (times[i] - tMin) / (tMax - tMin) : points.length > 1 ? i / (points.length - 1) : 0.5) * innerW,
    y: PAD.top + (1 - (prices[i] - pMin) / (pMax - pMin)) * innerH,
    point: p,
  }));
}

export function priceHistory(prices) {
  const points = (prices || []).filter(p => p && p.price !== null && p.price !== undefined);
  if (points.length === 0) return empty(t('listing.noPrices'));
  const placed = layout(points);
  const currency = points[points.length - 1].currency;
  const values = points.map(p => Number(p.price));
  const chart = svg('svg', { class: 'price-chart', attrs: { viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': t('listing.priceChart', { n: points.length }) } },
    svg('line', { class: 'axis', attrs: { x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom } }),
    svg('line', { class: 'axis', attrs: { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom } }),
    svg('text', { class: 'tick', attrs: { x: PAD.left - 8, y: PAD.top + 4, 'text-anchor': 'end' }, text: formatMoney(Math.max(...values), currency) }),
    svg('text', { class: 'tick', attrs: { x: PAD.left - 8, y: H - PAD.bottom, 'text-anchor': 'end' }, text: formatMoney(Math.min(...values), currency) }),
    svg('text', { class: 'tick', attrs: { x: PAD.left, y: H - 8 }, text: formatDate(points[0].seenAt, false) }),
    svg('text', { class: 'tick', attrs: { x: W - PAD.right, y: H - 8, 'text-anchor': 'end' }, text: formatDate(points[points.length - 1].seenAt, false) }),
    placed.length > 1 ? svg('polyline', { class: 'line', attrs: { points: placed.map(p => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ') } }) : null,
    placed.map(p => svg('circle', { class: 'dot', attrs: { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: 4 } },
      svg('title', { text: formatMoney(p.point.price, p.point.currency) + ' · ' + formatDate(p.point.seenAt) }))));
  const rows = points.map(p => [formatDate(p.seenAt), formatMoney(p.price, p.currency)]);
  return el('div', { class: 'price-history' }, chart,
    el('details', { class: 'price-table' }, el('summary', { text: t('listing.priceTable') }),
      table([t('col.seenAt'), t('col.price')], rows)));
}
