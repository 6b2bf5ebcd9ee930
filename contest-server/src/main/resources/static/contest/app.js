// The contest page at /c/{slug}: a citizen's own attempt at a self-paced contest round, on a phone,
// any time in the round's window (docs/player-client.md, "The contest page"). Plain HTTP: every
// choice is saved at once through the outbox (queue.js), the countdown runs on the server's clock.
import { byId, h } from '../play/dom.js';
import { language, t, useLanguage } from '../play/i18n.js';
import { loadPrefs, read, savePrefs, write } from '../play/store.js';
import { serverNow } from '../play/clock.js';
import { call, NetworkError } from './api.js';
import * as queue from './queue.js';
import { identityForm } from './form.js';
import * as views from './views.js';

const CATALOGS = '/contest/i18n/';
const TICK_MS = 250;
const ATTEMPT_SCREENS = ['question', 'prediction', 'confirm', 'submitting'];
const LOW_TIME_MS = 60000;

const prefs = loadPrefs();
const S = {
  slug: null,
  contest: null,
  saved: {},
  myAttempts: [],
  screen: 'loading',
  round: null,
  formErrors: {},
  formError: null,
  attempt: null,
  answers: {},
  position: 0,
  saveState: 'saved',
  pending: 0,
  lostAnswers: 0,
  autoSubmitted: false,
};

function storageKey() {
  return 'quizfest.contest.' + S.slug;
}

function persist() {
  write(storageKey(), S.saved);
}

function attemptPath(suffix) {
  return '/api/public/attempts/' + encodeURIComponent(S.attempt.attemptId) + (suffix || '');
}

function deadlineMs() {
  return S.attempt ? Date.parse(S.attempt.deadline) : NaN;
}

function problemText(result) {
  const key = 'error.' + result.code;
  const text = t(key);
  if (text !== key) return text;
  return result.detail || t('error.unknown', { code: result.code });
}

// ---- screens ------------------------------------------------------------------------------------

function show(screen) {
  S.screen = screen;
  render(true);
}

function build() {
  switch (S.screen) {
    case 'loading': return views.loadingView();
    case 'missing': return views.missingView();
    case 'failed': return views.failedView(S, actions);
    case 'landing': return views.landingView(S, actions);
    case 'form':
      S.saved.fields = S.saved.fields || {};
      return views.formView(S, identityForm(S.contest, S.saved.fields, S.formErrors, S.formError, persist, actions.register), actions);
    case 'start': return views.startView(S, actions);
    case 'question': return views.questionView(S, actions);
    case 'prediction': return views.predictionView(S, actions);
    case 'confirm': return views.confirmView(S, actions);
    case 'submitting':
    case 'deadline': return views.waitingView(S, actions);
    case 'result': return views.resultView(S, actions);
    default: throw new Error('no screen ' + S.screen);
  }
}

/** Rebuilds the screen. moveFocus: a new screen, so its heading takes the focus for screen readers. */
function render(moveFocus) {
  const main = byId('screen');
  const view = build();
  const title = h('h1', { tabindex: '-1', id: view.titleId || null, class: view.titleClass || null, text: view.title });
  main.textContent = '';
  (view.head || []).forEach((part) => { if (part) main.appendChild(part); });
  main.appendChild(title);
  view.body.forEach((part) => { if (part) main.appendChild(part); });
  main.setAttribute('data-screen', S.screen);
  document.title = (S.contest ? S.contest.title + ' · ' : '') + 'QuizFest';
  drawChrome();
  if (moveFocus) {
    if (view.focus) view.focus();
    else title.focus();
    window.scrollTo(0, 0);
  }
  tick();
}

function drawChrome() {
  const lang = byId('lang');
  lang.textContent = language() === 'vi' ? 'English' : 'Tiếng Việt';
  lang.setAttribute('lang', language() === 'vi' ? 'en' : 'vi');
  lang.setAttribute('aria-label', t('lang.switch'));
  drawSave();
}

function drawSave() {
  const box = byId('save');
  const inAttempt = ATTEMPT_SCREENS.indexOf(S.screen) >= 0;
  box.hidden = !inAttempt && S.pending === 0;
  box.setAttribute('data-state', S.saveState);
  box.className = 'conn ' + (S.saveState === 'offline' ? 'conn-bad' : S.saveState === 'saving' ? 'conn-warn' : 'conn-ok');
  const text = S.saveState === 'offline' ? t('save.offline', { count: S.pending })
    : S.saveState === 'saving' ? t('save.saving') : t('save.saved');
  if (byId('save-text').textContent !== text) byId('save-text').textContent = text;
  const retry = byId('save-retry');
  retry.textContent = t('save.retry');
  retry.hidden = S.saveState !== 'offline';
}

function announce(text) {
  const region = byId('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

// ---- the clock ----------------------------------------------------------------------------------

let deadlineHandled = false;

function tick() {
  const timer = byId('timer');
  const running = S.attempt && S.attempt.state === 'IN_PROGRESS' && ATTEMPT_SCREENS.indexOf(S.screen) >= 0;
  timer.hidden = !running;
  if (!running) return;
  const left = Math.max(0, deadlineMs() - serverNow());
  const text = views.clockText(left);
  if (timer.textContent !== text) {
    timer.textContent = text;
    timer.setAttribute('aria-label', t('timer.left', { time: text }));
  }
  timer.setAttribute('data-left-ms', String(Math.floor(left)));
  timer.classList.toggle('timer-low', left < LOW_TIME_MS);
  if (left <= 0 && !deadlineHandled) {
    deadlineHandled = true;
    show('deadline');
    announce(t('deadline.title'));
    fetchResult(S.attempt.attemptId, 0);
  }
}

// ---- attempts -----------------------------------------------------------------------------------

function answerKey(index) {
  return S.attempt.attemptId + ':' + index;
}

function openAttempt(view) {
  S.attempt = view;
  S.answers = Object.assign({}, view.answers || {});
  // Choices still in the outbox are newer than what the server has.
  view.questions.forEach((question) => {
    const queued = queue.pending(view.attemptId + ':' + question.index);
    if (queued !== undefined) S.answers[question.index] = queued;
  });
  const queuedPrediction = queue.pending(view.attemptId + ':prediction');
  if (view.prediction && queuedPrediction) view.prediction.value = queuedPrediction.value;
  const sameAttempt = S.saved.attemptId === view.attemptId;
  S.saved.attemptId = view.attemptId;
  S.saved.roundId = view.roundId;
  if (view.state !== 'IN_PROGRESS') {
    persist();
    return showResult(view);
  }
  deadlineHandled = false;
  S.lostAnswers = 0;
  const stored = sameAttempt ? Number(S.saved.position) : 0;
  S.position = stored >= 0 && stored < view.questions.length ? stored : 0;
  S.saved.position = S.position;
  persist();
  if (sameAttempt && S.saved.screen === 'prediction' && view.prediction) show('prediction');
  else if (sameAttempt && S.saved.screen === 'submitting' && queue.pending(view.attemptId + ':submit')) show('submitting');
  else show('question');
}

function submittedByServer(view) {
  if (view.submittedBy) return view.submittedBy !== 'ENTRANT';
  const result = view.result || {};
  if (typeof result.autoSubmitted === 'boolean') return result.autoSubmitted;
  return Date.parse(result.submittedAt) >= Date.parse(view.deadline);
}

function showResult(view) {
  S.attempt = view;
  S.autoSubmitted = submittedByServer(view);
  queue.forget(view.attemptId + ':');
  S.saved.screen = 'result';
  persist();
  show('result');
  announce(t('result.title'));
}

/** Reads an attempt until the server has submitted it (at the deadline it does so on the next read). */
async function fetchResult(attemptId, tries) {
  let result = null;
  try {
    result = await call('GET', '/api/public/attempts/' + encodeURIComponent(attemptId), undefined, S.saved.token);
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
  }
  if (result && result.ok && result.data.state !== 'IN_PROGRESS') return showResult(result.data);
  if (result && !result.ok && result.status < 500 && result.status !== 429) {
    S.error = problemText(result);
    return show('failed');
  }
  // Not yet submitted (the server's clock is a little behind ours), or no network: ask again.
  const delay = Math.min(10000, 1000 * Math.pow(2, Math.min(tries, 4))) * (0.5 + Math.random());
  setTimeout(() => fetchResult(attemptId, tries + 1), delay);
}

function onOutbox(status, event) {
  const changed = S.saveState !== status.state;
  S.saveState = status.state;
  S.pending = status.pending;
  drawSave();
  if (changed && S.screen === 'submitting') render(false); // "offline, will be submitted" or back
  if (!event || !S.attempt) return;
  const item = event.item;
  if (item.key.indexOf(S.attempt.attemptId + ':') !== 0) return;
  if (event.kind === 'saved' && item.key === S.attempt.attemptId + ':submit') {
    fetchResult(S.attempt.attemptId, 0);
    return;
  }
  if (event.kind === 'refused') {
    const result = event.result;
    if (result.status === 409 || result.code === 'attempt.closed') {
      if (/:\d+$/.test(item.key)) S.lostAnswers += 1;
      if (!deadlineHandled && ATTEMPT_SCREENS.indexOf(S.screen) >= 0) {
        deadlineHandled = true;
        show('deadline');
        fetchResult(S.attempt.attemptId, 0);
      }
      return;
    }
    S.questionNotice = problemText(result);
    if (S.screen === 'question') render(false);
  }
}

/** The rounds' states change while the page is open; a failed refresh keeps what the page has. */
async function refreshContest() {
  try {
    const result = await call('GET', '/api/public/contests/' + encodeURIComponent(S.slug));
    if (result.ok) S.contest = result.data;
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
  }
}

async function loadMine() {
  S.myAttempts = [];
  if (!S.saved.token) return;
  try {
    const me = await call('GET', '/api/public/contests/' + encodeURIComponent(S.slug) + '/me', undefined, S.saved.token);
    if (me.ok) S.myAttempts = me.data.attempts || [];
    else if (me.status === 401 || me.status === 403) dropToken();
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
  }
}

function dropToken() {
  S.saved.token = null;
  S.saved.label = null;
  S.saved.attemptId = null;
  persist();
}

/** A start that lost its race to another phone of the same entrant (503 attempt.start.busy) is tried again this many times. */
const START_RETRIES = 5;

async function beginAttempt(round) {
  S.round = round;
  let result;
  for (let tries = 0; ; tries++) {
    try {
      result = await call('POST', '/api/public/contests/' + encodeURIComponent(S.slug) + '/rounds/' + encodeURIComponent(round.id) + '/attempts', {}, S.saved.token);
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      S.roundNotice = { roundId: round.id, text: t('error.network') };
      return show('landing');
    }
    if (result.ok || result.code !== 'attempt.start.busy' || tries >= START_RETRIES) break;
    const wait = (result.retryAfter || 1) * 1000;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  if (result.ok) return openAttempt(result.data);
  if (result.status === 401 || result.status === 403) {
    dropToken();
    S.formErrors = {};
    S.formError = null;
    return show('form');
  }
  S.roundNotice = { roundId: round.id, text: problemText(result) };
  if (S.screen === 'form') {
    S.formError = S.roundNotice.text;
    return show('form');
  }
  show('landing');
}

/** An attempt in progress (this phone's or another's) goes on at once; a new one waits for "start". */
function readyOrResume(round) {
  const inProgress = S.myAttempts.some((attempt) => attempt.roundId === round.id && attempt.state === 'IN_PROGRESS');
  if (inProgress) return beginAttempt(round);
  show('start');
  return Promise.resolve();
}

function labelOf(fields, entrant) {
  if (fields.fullName) return fields.fullName;
  const masked = entrant && entrant.fields ? entrant.fields.cccd || entrant.fields.phone : null;
  return masked || fields.cccd || fields.phone || '';
}

const PREDICTION_DEBOUNCE_MS = 600;
let predictionTimer = null;

/** A whole number from 0 to 10^9 ("1.250" and "1 250" as typed in Vietnam), or null. */
function predictionValue(text) {
  const value = String(text).replace(/[\s.,]/g, '');
  return /^\d{1,10}$/.test(value) && Number(value) <= 1e9 ? Number(value) : null;
}

function savePrediction(value) {
  if (!S.attempt || S.attempt.state !== 'IN_PROGRESS' || !S.attempt.prediction) return;
  S.attempt.prediction.value = value;
  queue.put(S.attempt.attemptId + ':prediction', 'PUT', attemptPath('/prediction'), { value: value }, S.saved.token);
}

const actions = {
  reload() {
    location.reload();
  },
  home() {
    S.attempt = null;
    S.saved.attemptId = null;
    S.saved.screen = null;
    persist();
    S.roundNotice = null;
    refreshContest().then(loadMine).then(() => show('landing'));
  },
  forgetMe() {
    S.saved = {};
    persist();
    S.myAttempts = [];
    show('landing');
  },
  startRound(round) {
    S.roundNotice = null;
    S.round = round;
    if (S.saved.token) return readyOrResume(round);
    S.formErrors = {};
    S.formError = null;
    show('form');
  },
  /** The clock of a new attempt starts here, not when the entrant registered. */
  begin() {
    beginAttempt(S.round);
  },
  async register(fields) {
    let result;
    try {
      result = await call('POST', '/api/public/contests/' + encodeURIComponent(S.slug) + '/entrants', { fields: fields, consent: true });
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      S.formErrors = {};
      S.formError = t('error.network');
      return show('form');
    }
    if (!result.ok) {
      S.formErrors = {};
      S.formError = null;
      const known = (S.contest.form || []).map((spec) => spec.field).concat(['consent']);
      result.errors.forEach((error) => {
        if (known.indexOf(error.field) >= 0 && !S.formErrors[error.field]) S.formErrors[error.field] = error.message || problemText(error);
        else S.formError = error.message || problemText(error);
      });
      if (!result.errors.length) S.formError = problemText(result);
      return show('form');
    }
    S.formErrors = {};
    S.formError = null;
    // Consent is given for each entry: the form asks again after "not me".
    S.saved.fields.consent = false;
    S.saved.token = result.data.token;
    S.saved.label = labelOf(fields, result.data.entrant);
    persist();
    await loadMine();
    await readyOrResume(S.round);
  },
  showAttempt(attemptId) {
    S.saved.attemptId = attemptId;
    persist();
    fetchResult(attemptId, 0);
  },
  choose(question, optionId) {
    if (S.attempt.state !== 'IN_PROGRESS' || deadlineHandled) return;
    let answer;
    if (question.type === 'MULTIPLE_SELECT') {
      const before = (S.answers[question.index] && S.answers[question.index].choices) || [];
      const next = before.indexOf(optionId) >= 0 ? before.filter((id) => id !== optionId) : before.concat([optionId]);
      // The options' order, not the tapping order: the same set is the same body (idempotent PUT).
      answer = { choices: question.options.map((option) => option.id).filter((id) => next.indexOf(id) >= 0) };
    } else {
      answer = { choice: optionId };
    }
    S.answers[question.index] = answer;
    S.questionNotice = null;
    queue.put(answerKey(question.index), 'PUT', attemptPath('/answers/' + question.index), answer, S.saved.token);
    render(false);
  },
  go(position) {
    S.position = Math.max(0, Math.min(S.attempt.questions.length - 1, position));
    S.saved.position = S.position;
    S.saved.screen = 'question';
    S.questionNotice = null;
    persist();
    show('question');
  },
  afterLast() {
    if (S.attempt.prediction) {
      S.saved.screen = 'prediction';
      persist();
      show('prediction');
    } else {
      actions.confirmSubmit();
    }
  },
  typePrediction(text) {
    S.predictionDraft = text;
    clearTimeout(predictionTimer);
    const value = predictionValue(text);
    if (value === null || value === S.attempt.prediction.value) return;
    predictionTimer = setTimeout(() => savePrediction(value), PREDICTION_DEBOUNCE_MS);
  },
  /** Saves the prediction; false (with the reason under the box) when it is not a whole number. */
  predict(text, errorEl) {
    clearTimeout(predictionTimer);
    const value = String(text).replace(/[\s.,]/g, '');
    if (value === '') {
      S.predictionError = null;
      return true;
    }
    if (!/^\d{1,10}$/.test(value) || Number(value) > 1e9) {
      S.predictionError = t('prediction.invalid');
      errorEl.textContent = S.predictionError;
      byId('prediction').setAttribute('aria-invalid', 'true');
      byId('prediction').focus();
      return false;
    }
    S.predictionError = null;
    errorEl.textContent = '';
    byId('prediction').removeAttribute('aria-invalid');
    savePrediction(Number(value));
    return true;
  },
  confirmSubmit() {
    show('confirm');
  },
  submit() {
    S.saved.screen = 'submitting';
    persist();
    // After the answers in the outbox, so the server grades every choice the player made.
    queue.put(S.attempt.attemptId + ':submit', 'POST', attemptPath('/submit'), {}, S.saved.token);
    show('submitting');
  },
  retryNow() {
    queue.kick();
  },
};

// ---- start --------------------------------------------------------------------------------------

async function start() {
  await useLanguage(prefs.lang, CATALOGS);
  byId('lang').addEventListener('click', async () => {
    prefs.lang = language() === 'vi' ? 'en' : 'vi';
    savePrefs(prefs);
    await useLanguage(prefs.lang, CATALOGS);
    render(false);
  });
  byId('save-retry').addEventListener('click', actions.retryNow);
  queue.onChange(onOutbox);
  setInterval(tick, TICK_MS);

  const match = /^\/c\/([^/]+)\/?$/.exec(location.pathname);
  if (!match) return show('missing');
  S.slug = decodeURIComponent(match[1]);
  S.saved = read(storageKey()) || {};
  show('loading');
  queue.kick();
  await loadContest();
}

async function loadContest() {
  let result;
  try {
    result = await call('GET', '/api/public/contests/' + encodeURIComponent(S.slug));
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    S.error = t('error.network');
    return show('failed');
  }
  if (result.status === 404) return show('missing');
  if (!result.ok) {
    S.error = problemText(result);
    return show('failed');
  }
  S.contest = result.data;
  await loadMine();
  if (S.saved.token && S.saved.attemptId) {
    try {
      const attempt = await call('GET', '/api/public/attempts/' + encodeURIComponent(S.saved.attemptId), undefined, S.saved.token);
      if (attempt.ok && (attempt.data.state === 'IN_PROGRESS' || S.saved.screen !== null)) return openAttempt(attempt.data);
      if (!attempt.ok && attempt.status < 500) {
        S.saved.attemptId = null;
        persist();
      }
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
    }
  }
  show('landing');
}

start().catch((e) => {
  const failed = byId('load-failed');
  if (failed) {
    // Without a catalog there is no text to show but the page's own bilingual notice.
    failed.hidden = false;
    byId('loading').hidden = true;
  } else {
    S.error = null;
    show('failed');
  }
  throw e;
});
