// The public contest API (docs/contests.md). Every response carries serverTime, which keeps the
// countdown on the server's clock; a failure comes back as { status, code, errors } and never throws,
// except a network failure, which throws so the caller can queue and retry.
import { fromPong } from '../play/clock.js';
import { language } from '../play/i18n.js';

export class NetworkError extends Error {}

function cookie(name) {
  const found = document.cookie.split('; ').filter((part) => part.indexOf(name + '=') === 0)[0];
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

export async function call(method, path, body, token) {
  const headers = { Accept: 'application/json', 'Accept-Language': language() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['X-Entrant-Token'] = token;
  // Harmless where the public API needs no CSRF token, required where it does.
  const xsrf = cookie('XSRF-TOKEN');
  if (xsrf) headers['X-XSRF-TOKEN'] = xsrf;
  const sentAt = Date.now();
  let response;
  try {
    response = await fetch(path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new NetworkError(String(e));
  }
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    data = null; // an empty body, or a proxy's HTML error page
  }
  const receivedAt = Date.now();
  if (data && typeof data.serverTime === 'number') fromPong({ t: sentAt, serverTime: data.serverTime }, receivedAt);
  if (response.ok) return { ok: true, status: response.status, data: data };
  const retryAfter = Number(response.headers.get('Retry-After'));
  return {
    ok: false,
    status: response.status,
    code: (data && data.code) || 'http.' + response.status,
    detail: data && data.detail,
    errors: (data && Array.isArray(data.errors) && data.errors) || [],
    retryAfter: isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 0,
    data: data,
  };
}

/** Worth trying again later: the server is overloaded, restarting or rate-limiting. */
export function retryable(result) {
  return result.status === 429 || result.status === 408 || result.status >= 500;
}
