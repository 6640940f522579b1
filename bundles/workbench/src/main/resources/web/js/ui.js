// Small pieces every page uses: notices, error boxes, badges, headings, two-step buttons.
import { el, replace } from './dom.js';
import { t, label, formatPercent } from './i18n.js';

/** A short message in the notice area (polite live region), gone after a while. */
export function notify(text, kind = 'info') {
  const area = document.getElementById('notices');
  if (!area) return;
  const note = el('div', { class: ['notice', 'notice-' + kind], text });
  area.appendChild(note);
  setTimeout(() => note.remove(), kind === 'error' ? 10000 : 5000);
}

/** The error of a failed request as a box with role=alert; the server's message is text. */
export function errorBox(error, prefix) {
  const status = error && error.status ? ' (HTTP ' + error.status + ')' : '';
  const message = error && error.message ? error.message : String(error);
  return el('div', { class: 'error-box', attrs: { role: 'alert' } },
    el('strong', { text: (prefix || t('common.error')) + status }),
    el('span', { class: 'error-text', text: message }));
}

/** Shows an error inside a slot (replacing what was there). */
export function showError(slot, error, prefix) {
  replace(slot, errorBox(error, prefix));
}

export function loading() {
  return el('p', { class: 'loading', attrs: { 'aria-busy': 'true' }, text: t('common.loading') });
}

export function empty(text) {
  return el('p', { class: 'empty', text });
}

/** The page heading with an optional line under it and tools on the right. */
export function pageHeader(title, subtitle, ...tools) {
  return el('div', { class: 'page-header' },
    el('div', { class: 'page-heading' },
      el('h1', { text: title }),
      subtitle ? el('p', { class: 'subtitle', text: subtitle }) : null),
    tools.length ? el('div', { class: 'page-tools' }, tools) : null);
}

export function section(title, ...content) {
  return el('section', { class: 'panel' }, el('h2', { text: title }), content);
}

/** Risk band as the server defines it: HIGH ≥ 0.7, MEDIUM ≥ 0.4, LOW > 0, NONE 0. */
export function riskBand(risk) {
  const r = Number(risk) || 0;
  if (r >= 0.7) return 'HIGH';
  if (r >= 0.4) return 'MEDIUM';
  if (r > 0) return 'LOW';
  return 'NONE';
}

export function riskBadge(risk) {
  const band = riskBand(risk);
  return el('span', { class: ['badge', 'risk-' + band.toLowerCase()], title: label('risk', band) },
    formatPercent(risk || 0));
}

/** The review status of a listing; an unflagged listing without reviews shows a dash. */
export function statusOf(listing) {
  const review = listing.review;
  const reviewed = review && review.count > 0;
  if (!listing.flagged && !reviewed) return null; // nothing to decide, and nothing decided
  return (review && review.status) || 'OPEN';
}

export function statusBadge(status) {
  if (!status) return el('span', { class: 'muted', text: '—' });
  return el('span', { class: ['badge', 'status-' + String(status).toLowerCase()] }, label('status', status));
}

export function kindBadge(kind) {
  return el('span', { class: ['badge', 'kind'] }, label('kind', kind));
}

/**
 * A button that asks once more in place (no browser dialog): the first click turns it into
 * "Sure? Yes / No", the second runs action.
 */
export function confirmButton(text, question, action, props = {}) {
  const holder = el('span', { class: 'confirm-holder' });
  const start = el('button', { type: 'button', class: ['button', props.danger ? 'danger' : 'secondary'], text,
    data: props.data, attrs: props.label ? { 'aria-label': props.label } : undefined,
    on: { click: () => replace(holder, ask) } });
  const yes = el('button', { type: 'button', class: ['button', props.danger ? 'danger' : 'primary'], text: t('common.yes'),
    on: { click: async () => { yes.disabled = true; try { await action(); } finally { replace(holder, start); yes.disabled = false; } } } });
  const no = el('button', { type: 'button', class: 'button secondary', text: t('common.no'),
    on: { click: () => { replace(holder, start); start.focus(); } } });
  const ask = el('span', { class: 'confirm-ask' }, el('span', { text: question }), yes, no);
  return replace(holder, start);
}

/** Tabs as links (each tab is a route, so it can be bookmarked). */
export function tabs(items, active) {
  return el('nav', { class: 'tabs', attrs: { 'aria-label': t('common.sections') } },
    items.map(([key, hash, text]) => el('a', {
      class: ['tab', key === active ? 'active' : null], text,
      attrs: { href: hash, 'aria-current': key === active ? 'page' : null },
    })));
}

/** A table with a header row; rows are arrays of cells (node or text). */
export function table(headers, rows, props = {}) {
  return el('div', { class: 'table-wrap' },
    el('table', { class: ['data', props.class] },
      props.caption ? el('caption', { class: 'visually-hidden', text: props.caption }) : null,
      el('thead', {}, el('tr', {}, headers.map(h => el('th', { attrs: { scope: 'col' } }, h)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c)))))));
}
