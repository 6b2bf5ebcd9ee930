// Message catalogs: one file per area and language under i18n/, Vietnamese by default.
const AREAS = ['common', 'accounts', 'bank', 'quiz', 'host', 'results', 'contest', 'system'];
const LANGUAGES = ['vi', 'en'];
const STORE_KEY = 'quizfest.console.lang';

let current = 'vi';
let messages = {};
const numberFormats = {};

export function languages() {
  return LANGUAGES.slice();
}

export function language() {
  return current;
}

/** The stored choice, else the browser's first supported language, else Vietnamese. */
export function preferredLanguage() {
  const stored = localStorage.getItem(STORE_KEY);
  if (LANGUAGES.indexOf(stored) >= 0) return stored;
  return 'vi';
}

export async function useLanguage(lang) {
  const chosen = LANGUAGES.indexOf(lang) >= 0 ? lang : 'vi';
  const loaded = await Promise.all(AREAS.map((area) => fetch('i18n/' + area + '.' + chosen + '.json')
    .then((r) => { if (!r.ok) throw new Error('catalog ' + area + '.' + chosen + ': HTTP ' + r.status); return r.json(); })));
  const merged = {};
  loaded.forEach((catalog) => Object.assign(merged, catalog));
  messages = merged;
  current = chosen;
  localStorage.setItem(STORE_KEY, chosen);
  document.documentElement.lang = chosen;
}

/** The message for a key with {name} placeholders filled; the key itself when missing (a test forbids that). */
export function t(key, params) {
  // "1 player", not "1 players": a count of exactly one takes the key's ".one" form when there is one.
  if (params && String(params.count) === '1' && has(key + '.one')) key = key + '.one';
  const text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (all, name) => (params[name] === undefined || params[name] === null ? all : String(params[name])));
}

/** Whether a key exists (for optional texts such as problem codes). */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

export function num(value, digits) {
  const key = current + ':' + (digits || 0);
  if (!numberFormats[key]) numberFormats[key] = new Intl.NumberFormat(current === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits || 0, minimumFractionDigits: digits || 0 });
  return numberFormats[key].format(value);
}

/** A PIN as every screen writes it, in two groups of three digits: "245 306" (the player page does the same). */
export function pinText(pin) {
  return pin && /^[0-9]{6}$/.test(pin) ? pin.slice(0, 3) + ' ' + pin.slice(3) : (pin || '');
}

export function dateTime(value) {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'number' ? new Date(value) : new Date(String(value));
  if (isNaN(date.getTime())) return String(value);
  // A four-digit year: "03/12/2026 09:30", never "3/12/26".
  return date.toLocaleString(current === 'vi' ? 'vi-VN' : 'en-GB',
    { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** A text for a refused request: the server's localised message, else a catalog text for its code. */
export function errorMessage(error) {
  if (!error) return '';
  if (error.code === 'network') return t('error.network');
  if (error.message && error.status) return error.message;
  if (error.code && has('error.' + error.code)) return t('error.' + error.code);
  return t('error.unexpected');
}
