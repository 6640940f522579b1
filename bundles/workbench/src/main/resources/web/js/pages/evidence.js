// Evidence packets: the list (newest first) and one packet with its progress; a READY packet's zip
// downloads with the session cookie; the server's public key is linked for verifying.
import { el, replace, routeLink, definitions } from '../dom.js';
import { t, formatDate, formatNumber } from '../i18n.js';
import { api, apiUrl, seg } from '../api.js';
import { pageHeader, section, errorBox, loading, empty, table } from '../ui.js';

function stateBadge(state) {
  return el('span', { class: ['badge', 'state-' + String(state).toLowerCase()], data: { testid: 'evidence-state' },
    text: t('evidence.state.' + state) });
}

function download(p) {
  return p.state === 'READY' ? el('a', { class: 'button', text: t('evidence.download'), data: { testid: 'evidence-download' },
    attrs: { href: apiUrl('/evidence/' + seg(p.id) + '/packet'), download: p.id + '.zip' } }) : null;
}

function progress(p) {
  const pct = p.total > 0 ? Math.round(100 * p.done / p.total) : 0;
  const bar = el('progress', { attrs: { max: 100, value: p.state === 'READY' ? 100 : pct }, data: { testid: 'evidence-progress' } });
  return el('span', { class: 'progress' }, bar, ' ', formatNumber(p.done), ' / ', formatNumber(p.total));
}

export async function render(container, ctx) {
  const id = ctx.params[0];
  container.appendChild(loading());
  if (id) {
    await renderOne(container, ctx, id);
    return;
  }
  let packets;
  try {
    packets = await api.get('/evidence');
  } catch (e) {
    replace(container, pageHeader(t('evidence.title')), errorBox(e));
    return;
  }
  replace(container, pageHeader(t('evidence.title'), t('evidence.subtitle'), keyLink()),
    packets.length ? table([t('evidence.id'), t('evidence.stateLabel'), t('evidence.by'), t('evidence.started'), t('evidence.listings'), ''],
      packets.map(p => [routeLink('#/evidence/' + seg(p.id), p.id), stateBadge(p.state), p.requestedBy,
        formatDate(p.startedAt), progress(p), download(p)]), { testid: 'evidence-list' })
      : empty(t('evidence.none')));
}

function keyLink() {
  return el('a', { class: 'button secondary', text: t('evidence.key'), attrs: { href: apiUrl('/evidence/key') } });
}

async function renderOne(container, ctx, id) {
  let timer = null;
  ctx.onLeave(() => clearTimeout(timer));
  const show = async () => {
    let p;
    try {
      p = await api.get('/evidence/' + seg(id));
    } catch (e) {
      replace(container, pageHeader(t('evidence.title')), errorBox(e));
      return;
    }
    replace(container, el('p', { class: 'crumbs' }, routeLink('#/evidence', t('evidence.title')), ' / ', el('span', { text: p.id })),
      pageHeader(p.id, t('evidence.subtitle'), download(p), keyLink()),
      section(t('evidence.status'), definitions([
        [t('evidence.stateLabel'), stateBadge(p.state)],
        [t('evidence.listings'), progress(p)],
        [t('evidence.by'), p.requestedBy],
        [t('evidence.started'), formatDate(p.startedAt)],
        [t('evidence.finished'), p.finishedAt ? formatDate(p.finishedAt) : null],
        [t('evidence.size'), p.bytes ? formatNumber(p.bytes) + ' B' : null],
        ['SHA-256', p.sha256],
        [t('evidence.message'), p.message || null],
      ])),
      section(t('evidence.verifyTitle'), el('p', { text: t('evidence.verifyHow') }),
        el('pre', { class: 'code', text: './markguard verify --key markguard-evidence-key.pub ' + p.id + '.zip' })));
    if (p.state === 'RUNNING') timer = setTimeout(show, 1000);
  };
  await show();
}
