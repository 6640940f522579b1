// Detectors (state, version, findings, errors, last backfill) and backfills, with a button that
// re-assesses the whole index; polled every 2 s while a backfill runs.
import { el, replace } from '../../dom.js';
import { t, label, formatNumber, formatDate } from '../../i18n.js';
import { api } from '../../api.js';
import { section, errorBox, loading, empty, table, notify } from '../../ui.js';

const POLL_MS = 2000;

export async function render(container, ctx) {
  const detectorsSlot = el('div', { data: { testid: 'detector-list' } }, loading());
  const backfillSlot = el('div', {}, loading());
  const startButton = el('button', { type: 'button', class: 'button primary', text: t('detectors.backfill'),
    data: { testid: 'start-backfill' }, on: { click: startBackfill } });
  container.append(section(t('detectors.title'), detectorsSlot),
    section(t('detectors.backfills'), el('div', { class: 'toolbar' }, startButton,
      el('span', { class: 'hint', text: t('detectors.backfillHint') })), backfillSlot));
  let timer = null;
  let stopped = false;
  ctx.onLeave(() => { stopped = true; clearTimeout(timer); });

  async function startBackfill() {
    startButton.disabled = true;
    try {
      await api.post('/detectors/backfill');
      notify(t('detectors.backfillStarted'), 'success');
    } catch (e) {
      notify(e.message, 'error');
    } finally {
      startButton.disabled = false;
    }
    refresh();
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const [detectors, backfills] = await Promise.all([api.get('/detectors'), api.get('/detectors/backfill')]);
      if (stopped) return;
      replace(detectorsSlot, detectors.length ? table(
        [t('col.detector'), t('col.version'), t('col.state'), t('detectors.findings'), t('detectors.errors'),
          t('detectors.lastBackfill'), t('detectors.bundle')],
        detectors.map(d => [
          el('div', {}, el('strong', { text: d.name || d.id }), el('div', { class: 'muted small', text: d.id })),
          d.version,
          el('span', { class: ['badge', 'state-' + String(d.state).toLowerCase()], text: label('state', d.state) }),
          formatNumber(d.findings),
          el('span', { class: d.errors > 0 ? 'strong-bad' : null, text: formatNumber(d.errors) }),
          formatDate(d.lastBackfill), el('span', { class: 'small', text: d.bundle || '—' }),
        ])) : empty(t('detectors.none')));
      replace(backfillSlot, backfills.length ? table(
        [t('col.started'), t('col.state'), t('col.reason'), t('col.progress'), t('detectors.changed'), t('col.finished'), t('col.message')],
        backfills.map(b => [
          formatDate(b.startedAt),
          el('span', { class: ['badge', 'state-' + String(b.state).toLowerCase()], text: label('state', b.state) }),
          b.reason || '—',
          el('div', { class: 'progress-cell' },
            el('progress', { attrs: { max: Math.max(1, Number(b.total) || 0), value: Number(b.done) || 0, 'aria-label': t('col.progress') } }),
            el('span', { class: 'small', text: formatNumber(b.done) + ' / ' + formatNumber(b.total) })),
          formatNumber(b.changed), formatDate(b.finishedAt), b.message || '—',
        ])) : empty(t('detectors.noBackfills')));
      if (backfills.some(b => b.state === 'RUNNING')) timer = setTimeout(refresh, POLL_MS);
    } catch (e) {
      replace(detectorsSlot, errorBox(e));
    }
  }
  await refresh();
}
