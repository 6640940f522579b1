// Users of the Karaf realm: list, create (name, password ≥ 12, roles), delete (not oneself).
import { el, replace, field } from '../../dom.js';
import { t, label } from '../../i18n.js';
import { api, seg } from '../../api.js';
import { session } from '../../session.js';
import { section, errorBox, loading, table, confirmButton, notify } from '../../ui.js';

const ROLES = ['analyst', 'enforcement', 'admin'];
const NAME = /^[a-z0-9._-]{1,64}$/;

export async function render(container) {
  const listSlot = el('div', { data: { testid: 'user-list' } }, loading());
  container.append(section(t('users.title'), listSlot), section(t('users.create'), createForm(load)));

  async function load() {
    try {
      const users = await api.get('/users');
      const me = session() && session().user;
      replace(listSlot, table([t('col.user'), t('col.roles'), ''], users.map(u => [
        el('strong', { text: u.name }),
        (u.roles || []).map(r => label('role', r)).join(', ') || '—',
        u.name === me ? el('span', { class: 'muted small', text: t('users.you') })
          : confirmButton(t('users.delete'), t('users.deleteQ', { name: u.name }), async () => {
            try {
              await api.del('/users/' + seg(u.name));
              notify(t('users.deleted', { name: u.name }), 'success');
            } catch (e) {
              notify(e.message, 'error');
            }
            load();
          }, { danger: true, data: { testid: 'delete-user' } }),
      ])));
    } catch (e) {
      replace(listSlot, errorBox(e));
    }
  }
  await load();
}

function createForm(onCreated) {
  const name = el('input', { type: 'text', required: true, data: { testid: 'new-user-name' },
    attrs: { autocomplete: 'off', spellcheck: 'false', pattern: '[a-z0-9._-]{1,64}' } });
  const password = el('input', { type: 'password', required: true, data: { testid: 'new-user-password' },
    attrs: { autocomplete: 'new-password', minlength: 12 } });
  const roles = ROLES.map(r => el('input', { type: 'checkbox', value: r, checked: r === 'analyst', id: 'role-' + r }));
  const message = el('div', { class: 'form-message' });
  const form = el('form', { class: 'user-form' },
    field(t('users.name'), name, t('users.nameHint')),
    field(t('users.password'), password, t('users.passwordHint')),
    el('fieldset', { class: 'roles' }, el('legend', { text: t('col.roles') }),
      roles.map(box => el('span', { class: 'checkbox' }, box, el('label', { htmlFor: box.id, text: label('role', box.value) })))),
    el('button', { type: 'submit', class: 'button primary', text: t('users.createButton'), data: { testid: 'create-user' } }),
    message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    message.replaceChildren();
    const chosen = roles.filter(b => b.checked).map(b => b.value);
    const problem = !NAME.test(name.value) ? t('users.badName')
      : password.value.length < 12 ? t('users.shortPassword') : chosen.length === 0 ? t('users.noRole') : null;
    if (problem) {
      message.appendChild(errorBox({ message: problem }));
      return;
    }
    try {
      const created = await api.post('/users', { name: name.value, password: password.value, roles: chosen });
      notify(t('users.created', { name: created.name }), 'success');
      name.value = '';
      password.value = '';
      onCreated();
    } catch (e) {
      message.appendChild(errorBox(e));
    }
  });
  return form;
}
