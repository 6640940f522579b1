// Registries: upload a whole new brands or indications JSON file (PUT /registry/…). A rejected
// file leaves the old registry in force; its problems are listed one per line.
import { el, replace, field } from '../../dom.js';
import { t, formatNumber } from '../../i18n.js';
import { api } from '../../api.js';
import { section, errorBox, notify } from '../../ui.js';

const REGISTRIES = [['brands', 'brands'], ['indications', 'indications']];

/** "brands.json rejected, 2 problems: a; b" → ["a", "b"]; anything else → [message]. */
export function problemsOf(message) {
  const text = String(message || '');
  const match = text.match(/^(.*?\bproblems?): (.*)$/s);
  if (!match) return { head: text, items: [] };
  return { head: match[1], items: match[2].split('; ').map(s => s.trim()).filter(Boolean) };
}

async function count(name) {
  try {
    const answer = await api.get('/registry/' + name);
    return Array.isArray(answer[name]) ? answer[name].length : null;
  } catch {
    return null;
  }
}

function uploadForm(name, key, countSlot) {
  const file = el('input', { type: 'file', attrs: { accept: 'application/json,.json' }, data: { testid: 'registry-file-' + name } });
  const result = el('div', { class: 'form-message', data: { testid: 'registry-result-' + name } });
  const submit = el('button', { type: 'submit', class: 'button primary', text: t('registries.upload'), data: { testid: 'registry-upload-' + name } });
  const form = el('form', { class: 'registry-form' }, field(t('registries.file'), file, t('registries.fileHint')), submit, result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    result.replaceChildren();
    const chosen = file.files && file.files[0];
    if (!chosen) {
      result.appendChild(errorBox({ message: t('registries.pick') }));
      return;
    }
    submit.disabled = true;
    try {
      const answer = await api.put('/registry/' + name, await chosen.text());
      result.appendChild(el('p', { class: 'success', attrs: { role: 'status' },
        text: t('registries.replaced', { n: formatNumber(answer.entries), name: t('registries.' + key) }) }));
      notify(t('registries.replaced', { n: formatNumber(answer.entries), name: t('registries.' + key) }), 'success');
      replace(countSlot, formatNumber(answer.entries));
    } catch (e) {
      const { head, items } = problemsOf(e.message);
      result.appendChild(el('div', { class: 'error-box', attrs: { role: 'alert' } },
        el('strong', { text: t('registries.rejected') + (e.status ? ' (HTTP ' + e.status + ')' : '') }),
        el('p', { class: 'error-text', text: head }),
        items.length ? el('ol', { class: 'problems' }, items.map(p => el('li', { text: p }))) : null));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export async function render(container) {
  for (const [name, key] of REGISTRIES) {
    const countSlot = el('strong', { text: '…' });
    container.appendChild(section(t('registries.' + key),
      el('p', {}, t('registries.current'), ' ', countSlot, ' ', t('registries.entries')),
      uploadForm(name, key, countSlot)));
    count(name).then(n => replace(countSlot, n === null ? '—' : formatNumber(n)));
  }
}
