// What survives a reload: the language, sound choice, and the player's session in one game
// (PIN, nickname, resume token, the answer to the current question). Cleared when the game ends.

const SESSION = 'quizfest.player.session';
const PREFS = 'quizfest.player.prefs';

export function read(key) {
  try {
    const text = window.localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch (e) {
    return null; // storage off (private mode) or broken JSON: start fresh
  }
}

export function write(key, value) {
  try {
    if (value == null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch (e) {
    // storage full or off: the game still works, only a reload would lose it
  }
}

export function loadPrefs() {
  const prefs = read(PREFS) || {};
  return { lang: prefs.lang === 'en' ? 'en' : 'vi', sound: prefs.sound === true };
}

export function savePrefs(prefs) {
  write(PREFS, { lang: prefs.lang, sound: prefs.sound });
}

export function loadSession() {
  const session = read(SESSION);
  return session && typeof session === 'object' ? session : {};
}

export function saveSession(session) {
  write(SESSION, session);
}

export function clearSession() {
  write(SESSION, null);
}
