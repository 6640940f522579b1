// A horizontal bar chart in SVG built with DOM calls (no markup), with one or two series (this
// period and a baseline); the numbers are also written beside the bars, for printouts and readers.
import { svg } from '../dom.js';
import { formatNumber } from '../i18n.js';

const ROW = 22;
const LABEL_W = 230;
const BAR_W = 330;

/** rows: [{label, values: [n, n?]}] */
export function barChart(rows, title, seriesNames) {
  const max = Math.max(1, ...rows.flatMap(r => r.values.map(v => Number(v) || 0)));
  const series = Math.max(1, ...rows.map(r => r.values.length));
  const h = rows.length * ROW * series + 28;
  const chart = svg('svg', { class: 'bar-chart', attrs: { viewBox: `0 0 ${LABEL_W + BAR_W + 70} ${h}`, role: 'img', 'aria-label': title } });
  rows.forEach((r, i) => {
    const y0 = 6 + i * ROW * series;
    chart.appendChild(svg('text', { class: 'bar-label', attrs: { x: LABEL_W - 8, y: y0 + 14, 'text-anchor': 'end' }, text: String(r.label) }));
    r.values.forEach((v, s) => {
      const w = Math.max(1, Math.round((Number(v) || 0) / max * BAR_W));
      const y = y0 + s * ROW;
      chart.appendChild(svg('rect', { class: 'bar bar-' + s, attrs: { x: LABEL_W, y: y + 3, width: w, height: ROW - 8 } }));
      chart.appendChild(svg('text', { class: 'bar-value', attrs: { x: LABEL_W + w + 6, y: y + 14 }, text: formatNumber(Number(v) || 0) }));
    });
  });
  if (seriesNames && seriesNames.length > 1) {
    seriesNames.forEach((name, s) => {
      chart.appendChild(svg('rect', { class: 'bar bar-' + s, attrs: { x: LABEL_W + s * 150, y: h - 16, width: 12, height: 10 } }));
      chart.appendChild(svg('text', { class: 'bar-value', attrs: { x: LABEL_W + s * 150 + 18, y: h - 7 }, text: name }));
    });
  }
  return chart;
}
