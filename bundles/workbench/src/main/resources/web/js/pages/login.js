// The login form: POST /api/v1/session, then the page that was asked for.
import { el, field } from '../dom.js';
import { t } from '../i18n.js';
import { login } from '../session.js';
import { errorBox } from '../ui.js';

export async function render(container, ctx) {
  const name = el('input', { type: 'text', name: 'name', required: true,
    attrs: { autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' }, data: { testid: 'login-name' } });
  const password = el('input', { type: 'password', name: 'password', required: true,
    attrs: { autocomplete: 'current-password' }, data: { testid: 'login-password' } });
  const submit = el('button', { type: 'submit', class: 'button primary wide', text: t('login.submit'), data: { testid: 'login-submit' } });
  const message = el('div', { class: 'form-message' });
  const form = el('form', { class: 'login-form', attrs: { novalidate: true, 'aria-labelledby': 'login-title' } },
    field(t('login.name'), name),
    field(t('login.password'), password),
    message,
    submit);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    message.replaceChildren();
    if (!name.value.trim() || !password.value) {
      message.appendChild(errorBox({ message: t('login.missing') }));
      return;
    }
    submit.disabled = true;
    try {
      await login(name.value.trim(), password.value);
      password.value = '';
      ctx.afterLogin();
    } catch (e) {
      message.appendChild(errorBox(e.status === 401 ? { status: 401, message: t('login.wrong') } : e));
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  container.appendChild(el('div', { class: 'login-wrap' },
    el('div', { class: 'login-card' },
      el('h1', { id: 'login-title', text: t('login.title') }),
      el('p', { class: 'subtitle', text: t('login.intro') }),
      form),
    el('p', { class: 'login-foot', text: t('login.foot') })));
  name.focus();
}
