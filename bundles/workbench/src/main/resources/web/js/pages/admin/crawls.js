// Sources and crawls with live progress: while a crawl runs, GET /crawls every 2 s.
import { el, replace } from '../../dom.js';
import { t, label, formatNumber, formatDate } from '../../i18n.js';
import { api, seg } from '../../api.js';
import { section, errorBox, loading, empty, table, notify } from '../../ui.js';

const POLL_MS = 2000;
// strings of the pause/resume controls, until they move to strings-vi.js / strings-en.js
const stateLabel = state => label('state', state);

function progress(crawl) {
  const done = Number(crawl.pagesFetched) || 0;
  const queued = Number(crawl.pagesQueued) || 0;
  const running = crawl.state === 'RUNNING' || crawl.state === 'PAUSED';
  const bar = el('progress', { attrs: { max: Math.max(1, done + queued), value: running ? done : Math.max(1, done + queued),
    'aria-label': t('crawls.progress', { id: crawl.id }) } });
  return el('div', { class: 'progress-cell' }, bar,
    el('span', { class: 'small', text: t('crawls.pages', { done: formatNumber(done), queued: formatNumber(queued) }) }));
}

export async function render(container, ctx) {
  const sourcesSlot = el('div', {}, loading());
  const crawlsSlot = el('div', { data: { testid: 'crawl-list' } }, loading());
  container.append(section(t('crawls.sources'), sourcesSlot), section(t('crawls.title'), crawlsSlot));
  let timer = null;
  let stopped = false;
  ctx.onLeave(() => { stopped = true; clearTimeout(timer); });

  async function start(source) {
    try {
      await api.post('/sources/' + seg(source.id) + '/crawls');
      notify(t('crawls.started', { source: source.name || source.id }), 'success');
    } catch (e) {
      notify(e.message, 'error');
    }
    refreshCrawls();
  }

  async function stop(crawl) {
    try {
      await api.post('/crawls/' + seg(crawl.id) + '/stop');
    } catch (e) {
      notify(e.message, 'error');
    }
    refreshCrawls();
  }

  // pause or resume: the server answers 409 when the crawl has moved on meanwhile
  async function act(crawl, action) {
    try {
      await api.post('/crawls/' + seg(crawl.id) + '/' + action);
    } catch (e) {
      notify(e.message, 'error');
    }
    refreshCrawls();
  }

  function controls(c) {
    const button = (text, cls, action, onClick) => el('button', { type: 'button', class: 'button ' + cls + ' small', text,
      data: { testid: 'crawl-' + action, crawl: c.id }, on: { click: onClick } });
    const stopButton = button(t('crawls.stop'), 'secondary', 'stop', () => stop(c));
    if (c.state === 'RUNNING') return el('span', { class: 'actions' }, button(t('crawls.pause'), 'secondary', 'pause', () => act(c, 'pause')), stopButton);
    if (c.state === 'PAUSED') return el('span', { class: 'actions' }, button(t('crawls.resume'), 'primary', 'resume', () => act(c, 'resume')), stopButton);
    return c.message ? el('span', { class: 'muted small', text: c.message }) : '';
  }

  async function refreshCrawls() {
    clearTimeout(timer);
    let list;
    try {
      list = await api.get('/crawls');
    } catch (e) {
      replace(crawlsSlot, errorBox(e));
      return;
    }
    if (stopped) return;
    list.sort((a, b) => String(b.startedAt).localeCompare(String(a.startedAt)));
    replace(crawlsSlot, list.length ? table(
      [t('col.crawl'), t('col.source'), t('col.state'), t('col.progress'), t('crawls.indexed'), t('crawls.flagged'),
        t('crawls.errors'), t('crawls.rate'), t('col.started'), t('col.finished'), ''],
      list.map(c => [
        el('code', { text: c.id }), c.sourceId,
        el('span', { class: ['badge', 'state-' + String(c.state).toLowerCase()], data: { testid: 'crawl-state', source: c.sourceId }, text: stateLabel(c.state) }),
        progress(c), formatNumber(c.listingsIndexed), formatNumber(c.listingsFlagged), formatNumber(c.errors),
        c.pagesPerSecond !== undefined && c.pagesPerSecond !== null ? formatNumber(c.pagesPerSecond, { maximumFractionDigits: 1 }) : '—',
        formatDate(c.startedAt), formatDate(c.finishedAt),
        controls(c),
      ])) : empty(t('crawls.none')));
    // poll only while something runs or is paused; a finished list stays still
    if (list.some(c => c.state === 'RUNNING' || c.state === 'PAUSED')) timer = setTimeout(refreshCrawls, POLL_MS);
  }

  try {
    const sources = await api.get('/sources');
    replace(sourcesSlot, sources.length ? table(
      [t('col.source'), t('col.platform'), t('crawls.seeds'), t('crawls.limits'), t('crawls.schedule'), ''],
      sources.map(s => [
        el('strong', { text: s.name || s.id }), s.platform,
        el('span', { class: 'small' }, (s.seeds || []).join(' ')),
        el('span', { class: 'small', text: t('crawls.limitText', { depth: s.maxDepth, pages: formatNumber(s.maxPages), delay: s.politenessDelayMs }) }),
        s.schedule || '—',
        el('button', { type: 'button', class: 'button primary small', text: t('crawls.start'),
          data: { testid: 'start-crawl', source: s.id }, on: { click: () => start(s) } }),
      ])) : empty(t('crawls.noSources')));
  } catch (e) {
    replace(sourcesSlot, errorBox(e));
  }
  await refreshCrawls();
}
