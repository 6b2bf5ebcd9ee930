// The contest's vocabulary as the API spells it, the round window in Vietnam's time, and the tabs
// shared by a contest's screens.
import { html } from 'lit-html';
import { api } from '../../lib/api.js';
import { t, language } from '../../lib/i18n.js';

export const FIELDS = ['fullName', 'birthYear', 'gender', 'cccd', 'phone', 'email', 'unitCode', 'freeText'];
export const IDENTITY_KEYS = ['CCCD', 'PHONE'];
export const POLICIES = ['ONE_PER_CONTEST', 'ONE_PER_ROUND', 'BEST_OF'];
export const PREDICTIONS = ['PERFECT_SCORES', 'ENTRANTS', 'NONE'];
export const TIE_BREAK = ['SCORE', 'PREDICTION', 'TIME_USED', 'SUBMITTED_AT'];
export const ROUND_STATES = ['SCHEDULED', 'OPEN', 'CLOSED'];
export const ZONE = 'Asia/Ho_Chi_Minh';

/** The field an identity key is checked against. */
export function keyField(identityKey) {
  return identityKey === 'PHONE' ? 'phone' : 'cccd';
}

// Vietnam has kept UTC+7 all year since 1975 (no daylight saving), so the offset is a constant.
const OFFSET_MS = 7 * 3600 * 1000;

/** An instant as the value of a datetime-local input, read as Asia/Ho_Chi_Minh ('' for none). */
export function toWindowInput(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  if (isNaN(date.getTime())) return '';
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value (Vietnam's time) as an ISO instant with offset; null when it is not a 4-digit-year time. */
export function fromWindowInput(value) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value || '')) return null;
  return value + ':00+07:00';
}

const formats = {};

/** An instant shown in Vietnam's time with a 4-digit year, whatever the browser's zone. */
export function windowTime(instant) {
  if (!instant) return '–';
  const date = new Date(instant);
  if (isNaN(date.getTime())) return String(instant);
  const lang = language();
  if (!formats[lang]) {
    formats[lang] = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: ZONE, year: 'numeric',
      month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  }
  return formats[lang].format(date);
}

/** A list answer that may come as an array or as a page ({items}, {rows} or {content}). */
export function itemsOf(answer) {
  if (Array.isArray(answer)) return answer;
  if (answer && Array.isArray(answer.items)) return answer.items;
  if (answer && Array.isArray(answer.rows)) return answer.rows;
  if (answer && Array.isArray(answer.content)) return answer.content;
  return [];
}

export function contestPath(id, rest) {
  return '/api/contests/' + encodeURIComponent(id) + (rest || '');
}

/** The contest with its rounds (the rounds list is read separately when the contest does not carry it). */
export async function loadContest(id) {
  const contest = await api.get(contestPath(id));
  if (!Array.isArray(contest.rounds)) {
    try {
      contest.rounds = itemsOf(await api.get(contestPath(id, '/rounds')));
    } catch (e) {
      contest.rounds = [];
    }
  }
  return contest;
}

export function stateBadge(state) {
  const kind = state === 'OPEN' ? 'badge ok' : state === 'CLOSED' ? 'badge' : 'badge warn';
  return html`<span class=${kind} data-state=${state}>${t('contest.state.' + state)}</span>`;
}

/** The tabs of one contest: settings, rounds, units, entrants, dashboard. */
export function contestTabs(id, current) {
  const tabs = [['settings', ''], ['rounds', '/rounds'], ['units', '/units'], ['entrants', '/entrants'], ['dashboard', '/dashboard']];
  return html`<nav class="contest-tabs" aria-label=${t('contest.tabs.label')}><ul>
    ${tabs.map(([tab, rest]) => html`<li><a href=${'#/contests/' + encodeURIComponent(id) + rest} data-tab=${tab}
      aria-current=${tab === current ? 'page' : 'false'}>${t('contest.tabs.' + tab)}</a></li>`)}</ul></nav>`;
}

/** Sorts rows by a column: numbers descending, text ascending in Vietnamese order. */
export function sortRows(rows, column, numeric) {
  const copy = rows.slice();
  copy.sort(numeric ? (a, b) => (Number(b[column]) || 0) - (Number(a[column]) || 0)
    : (a, b) => String(a[column] || '').localeCompare(String(b[column] || ''), 'vi'));
  return copy;
}

/** A percentage of a share between 0 and 1 ('–' when unknown). */
export function percent(share, num) {
  if (share === null || share === undefined || isNaN(Number(share))) return '–';
  // two decimals: a commune's first entrants are a few hundredths of a percent of its population
  return num(Number(share) * 100, 2) + ' %';
}
