// The review decision form (one listing, or many in bulk): confirm with an infringement kind,
// dismiss with a reason, escalate, assign to a user, or add a note. Only the fields the chosen
// decision needs are shown; the server checks the same rules again.
import { el, field, select } from '../dom.js';
import { t, label } from '../i18n.js';
import { api } from '../api.js';
import { isAdmin } from '../session.js';
import { errorBox } from '../ui.js';

export const DECISIONS = ['CONFIRMED', 'DISMISSED', 'ESCALATED', 'ASSIGNED', 'NOTED'];
export const KINDS = ['TRADEMARK', 'GEOGRAPHICAL_INDICATION', 'COLLECTIVE_MARK', 'CERTIFICATION_MARK', 'OTHER'];
export const REASONS = ['OFFICIAL_SELLER', 'LAWFUL_DESCRIPTIVE_USE', 'WRONG_BRAND', 'OTHER'];
const NOTE_LIMIT = 4000;

let knownUsers = null;

/** User names for the assignee box (only admins may list users; others type the name). */
async function userNames() {
  if (knownUsers || !isAdmin()) return knownUsers || [];
  try {
    knownUsers = (await api.get('/users')).map(u => u.name);
  } catch {
    knownUsers = [];
  }
  return knownUsers;
}

/** The request body for the form's values, or an error message when something is missing. */
export function reviewBody({ decision, kind, reason, note, assignee }) {
  const body = { decision };
  const text = (note || '').trim();
  if (text.length > NOTE_LIMIT) return { error: t('review.noteTooLong', { max: NOTE_LIMIT }) };
  if (decision === 'CONFIRMED') {
    if (!kind) return { error: t('review.needKind') };
    body.kind = kind;
  }
  if (decision === 'DISMISSED') {
    if (!reason) return { error: t('review.needReason') };
    body.reason = reason;
    if (reason === 'OTHER' && !text) return { error: t('review.needNote') };
  }
  if (decision === 'NOTED' && !text) return { error: t('review.needNote') };
  if (decision === 'ASSIGNED') {
    if (!(assignee || '').trim()) return { error: t('review.needAssignee') };
    body.assignee = assignee.trim();
  }
  if (text) body.note = text;
  return { body };
}

/**
 * options: defaultKind, compact (one line, for the bulk bar), submitLabel(decision) and
 * onSubmit(body) → Promise of a message to show (the caller sends the request).
 */
export function reviewForm(options) {
  const decision = select(DECISIONS.map(d => [d, label('decision', d)]), options.defaultDecision || 'CONFIRMED',
    { data: { testid: 'review-decision' } });
  const kind = select(KINDS.map(k => [k, label('kind', k)]), options.defaultKind || 'TRADEMARK', { data: { testid: 'review-kind' } });
  const reason = select([['', t('review.pickReason')], ...REASONS.map(r => [r, label('reason', r)])], '',
    { data: { testid: 'review-reason' } });
  const note = el('textarea', { data: { testid: 'review-note' }, attrs: { rows: options.compact ? 1 : 3, maxlength: NOTE_LIMIT } });
  const listId = 'users-' + Math.random().toString(36).slice(2);
  const assignee = el('input', { type: 'text', data: { testid: 'review-assignee' },
    attrs: { list: listId, autocomplete: 'off', spellcheck: 'false' } });
  const users = el('datalist', { id: listId });
  const submit = el('button', { type: 'submit', class: 'button primary', data: { testid: 'review-submit' } });
  const message = el('div', { class: 'form-message', attrs: { 'aria-live': 'polite' } });

  const kindField = field(t('review.kind'), kind);
  const reasonField = field(t('review.reason'), reason);
  const noteField = field(t('review.note'), note);
  const assigneeField = field(t('review.assignee'), assignee);

  function update() {
    const d = decision.value;
    kindField.hidden = d !== 'CONFIRMED';
    reasonField.hidden = d !== 'DISMISSED';
    assigneeField.hidden = d !== 'ASSIGNED';
    note.required = d === 'NOTED' || (d === 'DISMISSED' && reason.value === 'OTHER');
    noteField.querySelector('label').textContent = t(note.required ? 'review.noteRequired' : 'review.note');
    submit.textContent = options.submitLabel ? options.submitLabel(d) : t('review.submit.' + d);
  }
  decision.addEventListener('change', update);
  reason.addEventListener('change', update);
  if (options.showAssignee !== false) {
    userNames().then(names => names.forEach(n => users.appendChild(el('option', { value: n }))));
  }

  const form = el('form', { class: ['review-form', options.compact ? 'compact' : null], data: { testid: 'review-form' } },
    el('div', { class: 'form-row' }, field(t('review.decision'), decision), kindField, reasonField, assigneeField, noteField, users),
    el('div', { class: 'form-actions' }, submit, message));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    message.replaceChildren();
    const { body, error } = reviewBody({ decision: decision.value, kind: kind.value, reason: reason.value,
      note: note.value, assignee: assignee.value });
    if (error) {
      message.appendChild(errorBox({ message: error }));
      return;
    }
    submit.disabled = true;
    try {
      const done = await options.onSubmit(body);
      note.value = '';
      if (done) message.appendChild(el('span', { class: 'success', text: done, attrs: { role: 'status' } }));
    } catch (e) {
      message.appendChild(errorBox(e));
    } finally {
      submit.disabled = false;
    }
  });
  update();
  return form;
}
