// The host token: shown once by POST /api/games, kept in this browser's localStorage so that the
// presenter window and a reload still have it. It only ever travels after the '#' (never to the server in a URL).
const PREFIX = 'quizfest.host.';

export function hostToken(gameId) {
  try { return localStorage.getItem(PREFIX + gameId); } catch (e) { return null; }
}

export function saveHostToken(gameId, token) {
  try { localStorage.setItem(PREFIX + gameId, token); } catch (e) { /* private mode: the link still works */ }
}

/**
 * The token for a screen opened with '?t=<token>' in the hash: stored, then removed from the visible
 * address (history.replaceState keeps it out of the history and off the screen); else the stored one.
 */
export function tokenForScreen(gameId, query, path) {
  const given = query.get('t');
  if (given) {
    saveHostToken(gameId, given);
    history.replaceState(null, '', location.pathname + location.search + '#' + path);
    return given;
  }
  return hostToken(gameId);
}

/** The link that opens the host controls on a phone, token after the '#'. */
export function controlLink(gameId, token) {
  return location.origin + location.pathname + '#/control/' + encodeURIComponent(gameId) + '?t=' + encodeURIComponent(token);
}

/**
 * Whether a join address (a URL or host:port) names this machine only: phones cannot open it. The
 * server gives such an address when it found no network address and no public URL is set.
 */
export function isLoopbackJoin(address) {
  if (!address) return false;
  let host = String(address).replace(/^[a-z]+:\/\//i, '').split('/')[0];
  host = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  host = host.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1';
}
