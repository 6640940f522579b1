// Review queue: every flagged listing nobody has decided yet, riskiest first, with bulk review.
import { el, replace } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { api } from '../api.js';
import { pageHeader, errorBox, loading, empty } from '../ui.js';
import { resultsTable } from '../components/results.js';
import { bulkBar } from '../components/bulk.js';
import { canReview } from '../session.js';

const QUERY = { flagged: 'true', status: 'OPEN', sort: 'risk' };
const PAGE_SIZE = 25;

export async function render(container) {
  const selection = new Set();
  const summary = el('div', { class: 'results-summary' });
  const tableSlot = el('div', { class: 'table-slot' });
  const pager = el('div', { class: 'pager' });
  const cursors = [null];
  const bar = bulkBar(selection, { onDone: () => load(cursors[cursors.length - 1]) });
  container.append(pageHeader(t('queue.title'), t('queue.subtitle')), summary, bar.node, tableSlot, pager);

  async function load(after) {
    replace(tableSlot, loading());
    try {
      const answer = await api.get('/listings', { ...QUERY, size: PAGE_SIZE, after });
      replace(summary, el('p', { data: { testid: 'result-count' } },
        el('strong', { text: t('queue.total', { n: formatNumber(answer.total) }) }),
        cursors.length > 1 ? el('span', { class: 'muted', text: ' · ' + t('search.page', { n: cursors.length }) }) : null));
      replace(tableSlot, answer.items.length
        ? resultsTable(answer.items, { selection: canReview() ? selection : null, onSelect: bar.update, caption: t('queue.title') })
        : empty(t('queue.none')));
      bar.update();
      replace(pager,
        cursors.length > 1 ? el('button', { type: 'button', class: 'button secondary', text: t('search.first'),
          on: { click: () => { cursors.length = 1; load(null); } } }) : null,
        answer.next ? el('button', { type: 'button', class: 'button secondary', text: t('search.next'), data: { testid: 'next-page' },
          on: { click: () => { cursors.push(answer.next); load(answer.next); window.scrollTo(0, 0); } } }) : null);
    } catch (e) {
      replace(tableSlot, errorBox(e));
    }
  }
  await load(null);
}
