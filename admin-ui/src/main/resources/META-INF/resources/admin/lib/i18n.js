// Message catalogs: one file per area and language under i18n/, Vietnamese by default.
const AREAS = ['common', 'accounts', 'bank', 'quiz', 'host', 'results', 'contest'];
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

export function dateTime(value) {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'number' ? new Date(value) : new Date(String(value));
  if (isNaN(date.getTime())) return String(value);
  return date.toLocaleString(current === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

/** A text for a refused request: the server's localised message, else a catalog text for its code. */
export function errorMessage(error) {
  if (!error) return '';
  if (error.code === 'network') return t('error.network');
  if (error.message && error.status) return error.message;
  if (error.code && has('error.' + error.code)) return t('error.' + error.code);
  return t('error.unexpected');
}
