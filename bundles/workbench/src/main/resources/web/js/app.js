// Start-up, the header and hash routing (#/search, #/listing/<id>, #/seller/<key>, #/admin/<tab>…).
// Each page is a module with render(container, ctx); ctx.onLeave registers clean-up (timers).
import { el, replace, routeLink } from './dom.js';
import { t, lang, setLang, onLangChange, LANGUAGES } from './i18n.js';
import { onSessionExpired } from './api.js';
import { session, resume, logout, forget, isAdmin } from './session.js';
import { errorBox, notify } from './ui.js';
import * as loginPage from './pages/login.js';
import * as searchPage from './pages/search.js';
import * as queuePage from './pages/queue.js';
import * as listingPage from './pages/listing.js';
import * as sellerPage from './pages/seller.js';
import * as suspiciousPage from './pages/suspicious.js';
import * as adminPage from './pages/admin.js';
import * as evidencePage from './pages/evidence.js';
import * as reportsPage from './pages/reports.js';
import { canExport } from './components/evidence-button.js';

const ROUTES = [
  { name: 'search', pattern: /^(?:search)?$/, page: searchPage, nav: true },
  { name: 'queue', pattern: /^queue$/, page: queuePage, nav: true },
  { name: 'sellers', pattern: /^sellers$/, page: suspiciousPage, nav: true },
  { name: 'listing', pattern: /^listing\/([^/]+)$/, page: listingPage },
  { name: 'seller', pattern: /^seller\/([^/]+)$/, page: sellerPage },
  { name: 'reports', pattern: /^reports$/, page: reportsPage, nav: true },
  { name: 'evidence', pattern: /^evidence(?:\/([^/]+))?$/, page: evidencePage, nav: true, exporter: true },
  { name: 'admin', pattern: /^admin(?:\/([a-z]+))?$/, page: adminPage, nav: true, admin: true },
  { name: 'login', pattern: /^login$/, page: loginPage, public: true },
];

let leaveHandlers = [];
let wantedHash = null;

/** "#/seller/shopee%3Ax?y=1" → {path: "seller/shopee%3Ax", query: URLSearchParams("y=1")}. */
export function parseHash(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const at = raw.indexOf('?');
  return { path: at < 0 ? raw : raw.slice(0, at), query: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)) };
}

export function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function leave() {
  for (const fn of leaveHandlers) {
    try { fn(); } catch { /* a page's clean-up must not stop the next page */ }
  }
  leaveHandlers = [];
}

async function render(moveFocus = false) {
  leave();
  const { path, query } = parseHash(location.hash);
  let route = ROUTES.find(r => r.pattern.test(path));
  const main = document.getElementById('main');
  renderHeader(route);
  if (!route) {
    replace(main, el('div', { class: 'page-body' }, el('h1', { text: t('common.notFound') }), routeLink('#/search', t('nav.search'))));
    return;
  }
  if (!route.public && !session()) {
    wantedHash = location.hash;
    route = ROUTES.find(r => r.name === 'login');
  } else if (route.name === 'login' && session()) {
    navigate('#/search');
    return;
  }
  if ((route.admin && !isAdmin()) || (route.exporter && !canExport())) {
    replace(main, el('div', { class: 'page-body' }, errorBox({ status: 403, message: t('admin.only') })));
    return;
  }
  const match = path.match(route.pattern); // null when the login page stands in for the page asked for
  const params = match ? match.slice(1).map(p => (p === undefined ? undefined : decodeURIComponent(p))) : [];
  const container = el('div', { class: ['page-body', 'page-' + route.name], data: { page: route.name } });
  replace(main, container);
  document.title = t('title.' + route.name) + ' · markguard';
  const ctx = {
    params, query, navigate,
    onLeave: fn => leaveHandlers.push(fn),
    afterLogin: () => { const next = wantedHash && !wantedHash.startsWith('#/login') ? wantedHash : '#/search'; wantedHash = null; renderHeader(); navigate(next); },
  };
  try {
    await route.page.render(container, ctx);
  } catch (e) {
    container.appendChild(errorBox(e));
  }
  if (moveFocus) focusHeading(container);
}

/** After a navigation, screen readers start at the new page's heading (unless the page chose a field). */
function focusHeading(container) {
  if (container.contains(document.activeElement)) return;
  const heading = container.querySelector('h1');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}

function renderHeader(route) {
  const nav = document.getElementById('mainnav');
  const active = route ? route.name : null;
  const s = session();
  nav.setAttribute('aria-label', t('nav.label'));
  replace(nav, s ? ROUTES.filter(r => r.nav && (!r.admin || isAdmin()) && (!r.exporter || canExport())).map(r => el('a', {
    class: ['nav-link', r.name === active ? 'active' : null], text: t('nav.' + r.name),
    attrs: { href: '#/' + r.name, 'aria-current': r.name === active ? 'page' : null }, data: { testid: 'nav-' + r.name },
  })) : []);
  const switcher = document.getElementById('lang-switch');
  switcher.setAttribute('aria-label', t('lang.label'));
  replace(switcher, Object.keys(LANGUAGES).map(code => el('button', {
    type: 'button', class: ['lang', code === lang() ? 'active' : null], text: code.toUpperCase(),
    title: t('lang.' + code), data: { testid: 'lang-' + code },
    attrs: { 'aria-pressed': code === lang() ? 'true' : 'false', lang: code },
    on: { click: () => setLang(code) },
  })));
  const userBox = document.getElementById('user-box');
  replace(userBox, s ? [
    el('span', { class: 'user-name', text: s.user, title: (s.roles || []).join(', '), data: { testid: 'user-name' } }),
    el('button', { type: 'button', class: 'button link', text: t('nav.logout'), data: { testid: 'logout' },
      on: { click: async () => {
        try { await logout(); } catch (e) { notify(e.message, 'error'); }
        navigate('#/login');
      } } }),
  ] : []);
  document.getElementById('skip-link').textContent = t('nav.skip');
  document.getElementById('brand-sub').textContent = t('brand.sub');
}

async function start() {
  onLangChange(() => render());
  onSessionExpired(() => {
    if (!session()) return;
    forget();
    notify(t('login.expired'), 'error');
    wantedHash = location.hash;
    navigate('#/login');
  });
  window.addEventListener('hashchange', () => render(true));
  try {
    await resume();
  } catch (e) {
    notify(e.message, 'error');
  }
  render();
}

start();
