// The REST API client: session cookie, CSRF header on every change, problem documents as errors.
import { language } from './i18n.js';

/** A refused request: HTTP status, the problem's stable code, its message (already localised). */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.code = problem && problem.code ? problem.code : 'http.' + status;
    this.problem = problem || {};
  }
}

let unauthorized = () => {};

/** Called when any request answers 401 (the session ended): the app shows the login screen. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : null;
}

async function ensureCsrf() {
  if (!csrfToken()) await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  return csrfToken();
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { return await response.json(); } catch (e) { return null; }
  }
  return null;
}

/**
 * Sends a request. body: a plain object (sent as JSON), FormData, or nothing.
 * Resolves to the parsed JSON (or null for 204); rejects with ApiError.
 */
export async function request(method, path, body, options = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': language() };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = await ensureCsrf();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined && body !== null) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: options.signal });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'network' });
  }
  if (response.status === 401 && !options.quiet401) unauthorized();
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  if (options.blob) return response.blob();
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) return response.json();
  return response.text();
}

export const api = {
  get: (path, options) => request('GET', path, undefined, options),
  post: (path, body, options) => request('POST', path, body, options),
  put: (path, body, options) => request('PUT', path, body, options),
  del: (path, options) => request('DELETE', path, undefined, options),
};

/**
 * Fetches a file (an export) with the console's language; resolves to {blob, filename}, the name
 * taken from Content-Disposition (filename* first) or the fallback.
 */
export async function download(path, fallbackName) {
  let response;
  try {
    response = await fetch(path, { headers: { 'Accept-Language': language() }, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { code: 'network' });
  }
  if (response.status === 401) unauthorized();
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return { blob: await response.blob(), filename: dispositionName(response.headers.get('Content-Disposition'), fallbackName) };
}

function dispositionName(header, fallback) {
  if (!header) return fallback;
  const star = header.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) { try { return decodeURIComponent(star[1]); } catch (e) { /* the plain name follows */ } }
  const plain = header.match(/filename="?([^";]+)"?/i);
  return plain ? plain[1] : fallback;
}

/** Builds a query string from the non-empty fields of an object. */
export function query(params) {
  const parts = [];
  Object.keys(params).forEach((key) => {
    const value = params[key];
    if (value !== undefined && value !== null && value !== '') parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(value));
  });
  return parts.length ? '?' + parts.join('&') : '';
}
