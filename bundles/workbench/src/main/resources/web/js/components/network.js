// The accounts tied to a seller as a small network picture: the seller in the middle, each linked
// account around it, the line labelled with what ties them (phone, bank account, description, image).
import { svg } from '../dom.js';

const W = 640;
const H = 360;
const R = 135;

function short(text, n = 22) {
  const s = String(text || '');
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function tie(via) {
  return (via || []).map(v => v.split(':')[0]).filter((k, i, all) => all.indexOf(k) === i).join(' + ');
}

export function network(sellerLabel, links, title) {
  const chart = svg('svg', { class: 'network', attrs: { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title } });
  const cx = W / 2;
  const cy = H / 2;
  const shown = links.slice(0, 16);
  const points = shown.map((l, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, shown.length);
    return { x: cx + R * 1.6 * Math.cos(a), y: cy + R * Math.sin(a), link: l };
  });
  for (const p of points) {
    chart.appendChild(svg('line', { class: 'edge', attrs: { x1: cx, y1: cy, x2: p.x, y2: p.y } }));
    chart.appendChild(svg('text', { class: 'edge-label', attrs: { x: (cx + p.x) / 2, y: (cy + p.y) / 2 - 4, 'text-anchor': 'middle' },
      text: tie(p.link.via) }));
  }
  for (const p of points) {
    chart.appendChild(svg('circle', { class: 'node node-' + (p.link.platform || 'other'), attrs: { cx: p.x, cy: p.y, r: 9 } }));
    chart.appendChild(svg('text', { class: 'node-label', attrs: { x: p.x, y: p.y + 24, 'text-anchor': 'middle' },
      text: short(p.link.name || p.link.key) }));
    chart.appendChild(svg('text', { class: 'node-sub', attrs: { x: p.x, y: p.y + 37, 'text-anchor': 'middle' }, text: p.link.platform || '' }));
  }
  chart.appendChild(svg('circle', { class: 'node node-center', attrs: { cx, cy, r: 14 } }));
  chart.appendChild(svg('text', { class: 'node-label center', attrs: { x: cx, y: cy + 32, 'text-anchor': 'middle' }, text: short(sellerLabel, 28) }));
  return chart;
}
