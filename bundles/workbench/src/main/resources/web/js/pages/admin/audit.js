// The audit trail, newest first, with filters, and a check of its hash chain.
import { el, replace, field } from '../../dom.js';
import { t, formatDate } from '../../i18n.js';
import { api } from '../../api.js';
import { section, errorBox, loading, empty, table } from '../../ui.js';

const PAGE_SIZE = 1000;
const MAX_PAGES = 50;
const SHOWN = 500;

export async function render(container) {
  const inputs = {
    user: el('input', { type: 'text', attrs: { spellcheck: 'false' } }),
    action: el('input', { type: 'text', attrs: { spellcheck: 'false', list: 'audit-actions' } }),
    from: el('input', { type: 'date' }),
    to: el('input', { type: 'date' }),
  };
  const actions = el('datalist', { id: 'audit-actions' }, ['login', 'login.failed', 'logout', 'access.denied',
    'review.CONFIRMED', 'review.DISMISSED', 'review.ESCALATED', 'review.ASSIGNED', 'review.NOTED', 'registry.replace',
    'user.created', 'user.deleted'].map(a => el('option', { value: a })));
  const form = el('form', { class: 'inline-form' },
    field(t('audit.user'), inputs.user), field(t('audit.action'), inputs.action),
    field(t('audit.from'), inputs.from), field(t('audit.to'), inputs.to), actions,
    el('button', { type: 'submit', class: 'button primary', text: t('audit.filter') }));
  const verifySlot = el('span', { class: 'verify-result', attrs: { 'aria-live': 'polite' } });
  const verify = el('button', { type: 'button', class: 'button secondary', text: t('audit.verify'), data: { testid: 'audit-verify' },
    on: { click: async () => {
      replace(verifySlot, t('common.loading'));
      try {
        const result = await api.get('/audit/verify');
        const problems = result.problems || [];
        replace(verifySlot, el('span', { class: result.intact ? 'success' : 'strong-bad', data: { testid: 'audit-verdict' },
          text: result.intact ? t('audit.chainOk') : t('audit.chainBroken') }),
        problems.length ? el('ul', { class: 'problems' }, problems.map(p => el('li', { text: p }))) : null);
      } catch (e) {
        replace(verifySlot, errorBox(e));
      }
    } } });
  const listSlot = el('div', { data: { testid: 'audit-list' } });
  const note = el('p', { class: 'hint' });
  container.append(section(t('audit.title'), form, el('div', { class: 'toolbar' }, verify, verifySlot), note, listSlot));

  // the server pages oldest first; an admin wants the latest: read to the end, show newest first
  async function load() {
    replace(listSlot, loading());
    const params = { size: PAGE_SIZE };
    for (const [k, input] of Object.entries(inputs)) if (input.value.trim()) params[k] = input.value.trim();
    let rows = [];
    let after;
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await api.get('/audit', { ...params, after });
        rows = rows.concat(answer.items || []).slice(-SHOWN);
        after = answer.next;
        if (!after) break;
      }
    } catch (e) {
      replace(listSlot, errorBox(e));
      return;
    }
    rows.reverse();
    replace(listSlot, rows.length ? table([t('col.seq'), t('col.at'), t('col.user'), t('col.action'), t('col.target'), t('col.detail')],
      rows.map(e => [String(e.seq), formatDate(e.at), e.user || '—', el('code', { text: e.action }), e.target || '—',
        el('span', { class: 'small', text: typeof e.detail === 'string' ? e.detail || '—' : e.detail ? JSON.stringify(e.detail) : '—' })]))
      : empty(t('audit.none')));
    replace(note, after ? t('audit.truncated', { n: SHOWN }) : '');
  }
  form.addEventListener('submit', event => { event.preventDefault(); load(); });
  await load();
}
