// Who is logged in, as the server said at login (or at GET /session).
import { api, setCsrfToken, setSessionHint, hasSessionHint } from './api.js';

let current = null;

export function session() {
  return current;
}

export function hasRole(role) {
  return !!current && (current.roles || []).map(r => String(r).toLowerCase()).includes(role);
}

export function isAdmin() {
  return hasRole('admin');
}

/** Analysts and admins decide; enforcement users read. */
export function canReview() {
  return hasRole('admin') || hasRole('analyst');
}

function adopt(answer) {
  current = { user: answer.user, roles: answer.roles || [], csrfToken: answer.csrfToken || null };
  setCsrfToken(current.csrfToken);
  setSessionHint(true);
  return current;
}

/** The running session, or null when there is none (no request at all on a first visit). */
export async function resume() {
  if (!hasSessionHint()) return null;
  try {
    return adopt(await api.get('/session'));
  } catch (e) {
    if (e.status === 401) {
      forget();
      return null;
    }
    throw e;
  }
}

export async function login(name, password) {
  return adopt(await api.post('/session', { name, password }));
}

export async function logout() {
  try {
    await api.del('/session');
  } finally {
    forget();
  }
}

/** Drops the session locally (after logout, or when the server answered 401). */
export function forget() {
  current = null;
  setCsrfToken(null);
  setSessionHint(false);
}
