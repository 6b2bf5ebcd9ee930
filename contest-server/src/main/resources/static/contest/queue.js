// The phone's outbox: every choice, the prediction and the submit go through it, in order, and it is
// kept in localStorage, so a choice made offline or just before a reload still reaches the server.
// The server's PUTs are idempotent: sending an item twice is harmless, losing one is not.
import { read, write } from '../play/store.js';
import { call, NetworkError, retryable } from './api.js';

const KEY = 'quizfest.contest.outbox';
const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000];
const MAX_BACKOFF_MS = 30000;

let items = load();
let busy = false;
let timer = null;
let failures = 0;
let retryAt = 0;
let listener = () => {};

function load() {
  const stored = read(KEY);
  return Array.isArray(stored) ? stored.filter((item) => item && item.key && item.path) : [];
}

function persist() {
  write(KEY, items.length ? items : null);
}

/** onChange({ state: 'saved'|'saving'|'offline', pending, retryAt }, event?) */
export function onChange(callback) {
  listener = callback;
}

function report(event) {
  const state = items.length === 0 ? 'saved' : failures > 0 ? 'offline' : 'saving';
  listener({ state: state, pending: items.length, retryAt: retryAt }, event);
}

/**
 * Queues a request. An item with the same key (the same question of the same attempt) replaces the
 * older one: only the latest choice matters, and the server keeps the latest one it is sent.
 */
export function put(key, method, path, body, token) {
  const seq = Date.now() + Math.random();
  const item = { key: key, method: method, path: path, body: body, token: token, seq: seq };
  const at = items.findIndex((other) => other.key === key);
  if (at >= 0) items[at] = item;
  else items.push(item);
  persist();
  report();
  kick();
}

/** The body queued (and not yet confirmed) for a key, for restoring choices after a reload. */
export function pending(key) {
  const item = items.find((other) => other.key === key);
  return item ? item.body : undefined;
}

export function pendingCount(prefix) {
  return items.filter((item) => item.key.indexOf(prefix) === 0).length;
}

/** Drops what is queued for one attempt (after its deadline the server refuses it anyway). */
export function forget(prefix) {
  items = items.filter((item) => item.key.indexOf(prefix) !== 0);
  persist();
  report();
}

/** Try now: the network is back, the page is in front again, or the player pressed "retry". */
export function kick() {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  retryAt = 0;
  drain();
}

async function drain() {
  if (busy) return;
  busy = true;
  try {
    while (items.length) {
      const item = items[0];
      let result;
      try {
        result = await call(item.method, item.path, item.body, item.token);
      } catch (e) {
        if (!(e instanceof NetworkError)) throw e;
        result = null;
      }
      if (result === null || retryable(result)) {
        schedule(result && result.retryAfter ? result.retryAfter * 1000 : 0);
        return;
      }
      failures = 0;
      remove(item);
      // A refusal (deadline passed, attempt closed, bad choice) will not change by retrying.
      report(result.ok ? { kind: 'saved', item: item, result: result } : { kind: 'refused', item: item, result: result });
    }
  } finally {
    busy = false;
  }
}

function remove(item) {
  // A newer choice for the same question may have replaced the item while it was on the way.
  items = items.filter((other) => other.seq !== item.seq);
  persist();
}

function schedule(minimumMs) {
  const base = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)];
  failures += 1;
  // Jitter of +-50 %, so phones that lost the same Wi-Fi do not all come back at the same instant.
  const delay = Math.max(minimumMs, Math.min(MAX_BACKOFF_MS, base * (0.5 + Math.random())));
  retryAt = Date.now() + delay;
  report();
  timer = setTimeout(() => {
    timer = null;
    retryAt = 0;
    drain();
  }, delay);
}

window.addEventListener('online', kick);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && items.length) kick();
});
