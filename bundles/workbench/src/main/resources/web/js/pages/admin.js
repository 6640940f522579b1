// Administration (role admin only): one tab per area, each a module of its own.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { pageHeader, tabs } from '../ui.js';
import * as crawls from './admin/crawls.js';
import * as detectors from './admin/detectors.js';
import * as registries from './admin/registries.js';
import * as users from './admin/users.js';
import * as audit from './admin/audit.js';

const TABS = { crawls, detectors, registries, users, audit };

export async function render(container, ctx) {
  const active = ctx.params[0] in TABS ? ctx.params[0] : 'crawls';
  const body = el('div', { class: 'admin-body', data: { testid: 'admin-' + active } });
  container.append(
    pageHeader(t('admin.title'), t('admin.subtitle')),
    tabs(Object.keys(TABS).map(key => [key, '#/admin/' + key, t('admin.tab.' + key)]), active),
    body);
  await TABS[active].render(body, ctx);
}
