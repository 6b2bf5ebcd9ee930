// One catalog per language (i18n/vi.json, i18n/en.json); Vietnamese is the default.

export const LANGUAGES = ['vi', 'en'];

const catalogs = {};
let current = 'vi';

/** Loads a language's catalog; another page (the contest page) passes the folder of its own catalogs. */
export async function useLanguage(lang, folder) {
  const wanted = LANGUAGES.indexOf(lang) >= 0 ? lang : 'vi';
  if (!catalogs[wanted]) {
    const response = await fetch((folder || '/play/i18n/') + wanted + '.json', { cache: 'no-cache' });
    if (!response.ok) throw new Error('catalog ' + wanted + ' ' + response.status);
    catalogs[wanted] = await response.json();
  }
  current = wanted;
  document.documentElement.lang = wanted;
  return wanted;
}

export function language() {
  return current;
}

/** The text for a key with {name} placeholders filled in; the key itself if the catalog lacks it. */
export function t(key, params) {
  const catalog = catalogs[current] || {};
  // "1 player", not "1 players": a count of exactly one takes the key's ".one" form when there is one.
  const one = params && (String(params.count) === '1' || String(params.of) === '1') ? catalog[key + '.one'] : null;
  let text = one != null ? one : catalog[key];
  if (text == null) return key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (match, name) => (params[name] == null ? match : String(params[name])));
  }
  return text;
}

export function has(key) {
  const catalog = catalogs[current] || {};
  return Object.prototype.hasOwnProperty.call(catalog, key);
}

/** Numbers with the language's grouping: 12.500 in Vietnamese, 12,500 in English. */
export function num(value, digits) {
  const options = digits == null ? {} : { maximumFractionDigits: digits };
  return new Intl.NumberFormat(current === 'vi' ? 'vi-VN' : 'en-US', options).format(value);
}

/** The message for a server error code, from the catalog (never the server's text). */
export function errorText(code) {
  return has('error.' + code) ? t('error.' + code) : t('error.unknown', { code: code });
}

export function closeText(code) {
  return has('close.' + code) ? t('close.' + code) : t('close.unknown', { code: code });
}
