// The one way the workbench talks to the server: /api/v1 with the session cookie (same origin only),
// the CSRF token on every state-changing request, and errors turned into ApiError with the
// server's own message (shown to the user as text).

const BASE = '/api/v1';
const SESSION_HINT = 'markguard.session';

let csrfToken = null;
let onExpired = null;

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export function setCsrfToken(token) {
  csrfToken = token || null;
}

/** Called once when a request comes back 401 (the session expired or was ended elsewhere). */
export function onSessionExpired(fn) {
  onExpired = fn;
}

/**
 * Whether this browser logged in before and has not logged out. Only then does the workbench ask
 * the server for the session at start, so a first visit never meets a 401.
 */
export function hasSessionHint() {
  try {
    return window.localStorage.getItem(SESSION_HINT) === '1';
  } catch {
    return true;
  }
}

export function setSessionHint(on) {
  try {
    if (on) window.localStorage.setItem(SESSION_HINT, '1');
    else window.localStorage.removeItem(SESSION_HINT);
  } catch {
    // nothing to remember then
  }
}

/** A query string from an object; empty, null and undefined values are left out. */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/** The URL of an API path (for links: downloads, the capture frame). */
export function apiUrl(path, params) {
  return BASE + path + queryString(params);
}

/**
 * Sends one request. body: an object (sent as JSON), a string or a Blob (sent as is, as JSON).
 * Resolves to the parsed JSON (null for 204); rejects with ApiError.
 */
export async function request(method, path, { params, body } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'markguard-workbench' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(apiUrl(path, params), {
      method, headers, body: payload, credentials: 'same-origin', cache: 'no-store', redirect: 'error',
    });
  } catch (e) {
    throw new ApiError(0, 'network: ' + (e && e.message ? e.message : String(e)), null);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (type.includes('json')) {
    data = await response.json().catch(() => null);
  } else {
    data = await response.text().catch(() => '');
  }
  if (!response.ok) {
    const message = data && typeof data === 'object' && data.error ? String(data.error)
      : 'HTTP ' + response.status + (typeof data === 'string' && data ? ': ' + data.slice(0, 300) : '');
    if (response.status === 401 && path !== '/session' && onExpired) onExpired();
    throw new ApiError(response.status, message, data);
  }
  return data;
}

export const api = {
  get: (path, params) => request('GET', path, { params }),
  post: (path, body, params) => request('POST', path, { body, params }),
  put: (path, body) => request('PUT', path, { body }),
  del: path => request('DELETE', path),
};

/** Path segment encoding for ids and seller keys ("shopee:shop-1" → "shopee%3Ashop-1"). */
export function seg(value) {
  return encodeURIComponent(String(value));
}
