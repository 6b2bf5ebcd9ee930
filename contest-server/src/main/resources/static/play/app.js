// The player page: PIN, nickname, lobby, questions, results, leaderboard, podium.
// The protocol is docs/protocol.md; this file keeps the game state and decides the screen.
import { h, svg, byId } from './dom.js';
import { t, useLanguage, language, errorText, closeText, num } from './i18n.js';
import { loadPrefs, savePrefs, loadSession, saveSession, clearSession } from './store.js';
import { Connection } from './connection.js';
import { serverNow, fromFrame } from './clock.js';
import { setSound, play } from './sound.js';
import { answerInput } from './answers.js';
import * as views from './views.js';
import * as elim from './elimination.js';
import { buzzerView, tickBuzzer } from './buzzer.js';
import * as numberJoin from './number-join.js';

/** Answering stops this long before closesAt: an answer sent later would arrive after the close. */
const LAST_MOMENT_MS = 250;
const TICK_MS = 200;
/** The PIN check waits this long on a slow network before letting the join itself decide. */
const PIN_CHECK_TIMEOUT_MS = 5000;

const S = {
  screen: 'pin',
  pin: '',
  pinDraft: '',
  checkingPin: false,
  gameTitle: null, // from the PIN check, shown on the nickname screen
  nickname: '',
  token: null,
  joining: false,
  player: null,
  game: null,
  lobbyCount: null,
  preview: null,
  open: null,
  answer: null, // { q, id, fields, acked, ms }
  draft: null, // { q, value }
  closed: null,
  outcome: null,
  leaderboard: null,
  podium: null,
  final: null,
  paused: null, // { remaining, at }
  ended: false,
  error: null,
  notice: null,
  status: 'idle',
  statusUntil: 0,
  wasOffline: false,
  // Team play by unit: the game's units (from the PIN check), the one chosen, the last team
  // leaderboard, and the player's place inside its unit.
  units: null,
  unitsAssigned: false,
  unit: '',
  teams: null,
  teamPlace: null,
  // Buzzer format: the latest board (contestants only) and the question this phone pressed for.
  buzzer: null,
  buzzPressedQ: null,
  // From the PIN check: the game's format, and 'NUMBER' when players join with their số báo danh.
  format: null,
  joinWith: null,
};

const prefs = loadPrefs();
let connection = null;
let input = null; // the answer input on the open screen
let renderedKey = '';

// ---- session ---------------------------------------------------------------------------------

function persist() {
  if (S.ended) return;
  saveSession({
    pin: S.pin, nickname: S.nickname, token: S.token, unit: S.unit,
    open: S.open, answer: S.answer, draft: S.draft,
  });
}

function restore() {
  const saved = loadSession();
  S.pin = /^\d{6}$/.test(saved.pin || '') ? saved.pin : '';
  S.nickname = typeof saved.nickname === 'string' ? saved.nickname : '';
  S.token = typeof saved.token === 'string' ? saved.token : null;
  S.unit = typeof saved.unit === 'string' ? saved.unit : '';
  S.open = saved.open && typeof saved.open.q === 'number' ? saved.open : null;
  S.answer = saved.answer && typeof saved.answer.q === 'number' ? saved.answer : null;
  S.draft = saved.draft && typeof saved.draft.q === 'number' ? saved.draft : null;
}

function resetGame() {
  S.token = null;
  S.player = S.game = S.preview = S.open = S.answer = S.draft = null;
  S.closed = S.outcome = S.leaderboard = S.podium = S.final = S.paused = null;
  S.teams = S.teamPlace = null;
  S.elim = null; // Rung chuông vàng: the player's fate
  S.lobbyCount = null;
  S.buzzer = null;
  S.buzzPressedQ = null;
  S.ended = false;
  S.joining = false;
}

// ---- connection --------------------------------------------------------------------------------

function socketUrl() {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/play';
}

function connect() {
  if (!connection) {
    connection = new Connection(socketUrl(), { onOpen, onFrame, onClosed, onStatus });
  }
  connection.start();
}

function onOpen() {
  if (S.token) {
    connection.send({ type: 'resume', v: 1, pin: S.pin, token: S.token, lang: language() });
  } else if (S.joining) {
    const join = { type: 'join', v: 1, pin: S.pin, nickname: S.nickname, lang: language() };
    if (S.unit) join.unit = S.unit; // team play by unit
    connection.send(join);
  }
}

function onStatus(status, detail) {
  const was = S.status;
  S.status = status;
  S.statusUntil = detail && detail.until ? detail.until : 0;
  if (status === 'waiting' || status === 'retrying') S.wasOffline = true;
  if (status === 'online' && S.wasOffline) {
    S.wasOffline = false;
    S.backUntil = Date.now() + 2500;
  }
  drawConnection();
  if (S.screen === 'answered' && was !== status) render(true);
}

/** Close codes (docs/protocol.md section 13): returns whether to reconnect. */
function onClosed(code) {
  switch (code) {
    case 4000:
      if (!S.ended) finish();
      return false;
    case 4001:
      kicked();
      return false;
    case 4002:
      S.screen = 'replaced';
      render();
      return false;
    case 4004:
    case 4005:
    case 4008:
      fatal(closeText(code), true);
      return false;
    case 4003:
      return S.joining || !!S.token;
    case 4012:
      // The game moved to another server of the cluster: resume at once (the first retry has no delay).
      return !!S.token || S.joining;
    default:
      return !!S.token || S.joining;
  }
}

function send(frame) {
  return connection ? connection.send(frame) : false;
}

// ---- frames ------------------------------------------------------------------------------------

const handlers = {
  joined: onJoined,
  resumed: onJoined,
  lobby(f) {
    S.lobbyCount = f.players;
    if (S.screen === 'lobby' || S.screen === 'joining') show('lobby', true);
  },
  question(f) {
    newQuestion(f.q);
    S.preview = f;
    fromFrame(f.serverTime, Date.now());
    show('preview', true);
  },
  open: onOpenFrame,
  ack: onAck,
  closed(f) {
    S.closed = f;
    if (!S.outcome || S.outcome.q !== f.q) S.outcome = null;
    show('result', true);
  },
  outcome(f) {
    S.outcome = f;
    if (f.team) S.teamPlace = f.team;
    if (S.player) {
      S.player.score = f.score;
      S.player.streak = f.streak;
      S.player.rank = f.rank;
    }
    drawScore();
    const kind = S.closed && S.closed.q === f.q ? views.resultKind(S) : null;
    if (kind) {
      play(kind === 'correct' || kind === 'poll' ? 'correct' : 'wrong');
      announce(views.resultScreen(S).title + (f.points ? ' ' + t('result.points', { points: num(f.points) }) : ''));
    }
    if (S.screen === 'result' || S.screen === 'leaderboard') render(true);
  },
  leaderboard(f) {
    S.leaderboard = f;
    show('leaderboard', true);
  },
  skipped(f) {
    if (S.answer && S.answer.q === f.q) S.answer = null;
    persist();
    show('skipped', true);
  },
  podium(f) {
    S.podium = f;
    show(S.ended ? 'ended' : 'podium', true);
  },
  final(f) {
    S.final = f;
    if (f.team) S.teamPlace = f.team;
    if (S.player) {
      S.player.score = f.score;
      S.player.rank = f.rank;
    }
    drawScore();
    if (S.screen === 'podium' || S.screen === 'ended') render(true);
    else show('podium', true);
  },
  ended() {
    finish();
  },
  // Team play by unit: sent just before the closed (or podium) it belongs to.
  teams(f) {
    S.teams = f;
    if (['result', 'leaderboard', 'podium', 'ended'].indexOf(S.screen) >= 0) render(true);
  },
  paused(f) {
    S.paused = { remaining: f.remaining, at: Date.now() };
    announce(t('paused.title'));
    render(true);
  },
  unpaused() {
    S.paused = null;
    announce(t('unpaused'));
    render(true);
  },
  kicked() {
    kicked();
  },
  error(f) {
    onError(f.code);
  },

  // ---- Rung chuông vàng (elimination.js) ----
  fate(f) {
    elim.onFate(S, f);
    render(true);
  },
  floor(f) {
    elim.onFloor(S, f);
    render(true);
  },
  bell(f) {
    elim.onBell(S, f);
    render(true);
  },
  // ---- buzzer format (docs/protocol.md, "Buzzer rounds") ----
  buzzer(f) {
    const before = S.buzzer;
    S.buzzer = f;
    fromFrame(f.serverTime, Date.now());
    if (f.stage === 'ARMED' && f.presses.length === 0 && before && before.stage !== 'ARMED') S.buzzPressedQ = null;
    if (f.stage === 'ARMED' && f.eligible.indexOf(S.player ? S.player.number : -1) >= 0 && (!before || before.stage !== 'ARMED')) {
      play('open');
    }
    if (before && before.stage !== f.stage) S.notice = null;
    render(true);
  },
  buzzed() {
    if (S.buzzer) S.buzzPressedQ = S.buzzer.q;
    render(true);
  },
};

function onFrame(frame) {
  const handler = handlers[frame.type];
  if (handler) handler(frame);
}

function onJoined(f) {
  const rejoin = !!S.token && S.token === f.token;
  fromFrame(f.serverTime, Date.now());
  S.token = f.token;
  S.joining = false;
  S.player = f.player;
  S.game = f.game;
  S.pin = f.game.pin;
  S.error = null;
  persist();
  drawScore();
  if (f.phase === 'LOBBY') show('lobby', true);
  else if (!rejoin || S.screen === 'joining') show('joining', true); // the catch-up frame follows
  if (!f.paused) S.paused = null;
}

function newQuestion(q) {
  if (!S.open || S.open.q !== q) elim.newQuestion(S);
  S.closed = null;
  if (S.outcome && S.outcome.q !== q) S.outcome = null;
  if (S.answer && S.answer.q !== q) S.answer = null;
  if (S.draft && S.draft.q !== q) S.draft = null;
  if (S.open && S.open.q !== q) S.open = null;
}

function onOpenFrame(f) {
  const fresh = !S.open || S.open.q !== f.q;
  newQuestion(f.q);
  S.open = f;
  S.preview = null;
  S.notice = null;
  fromFrame(f.serverTime, Date.now());
  persist();
  if (S.answer && S.answer.q === f.q) {
    if (!S.answer.acked) sendAnswer(); // same id: the server acks the first answer again
    show('answered', true);
    return;
  }
  if (fresh) play('open');
  show(serverNow() >= f.closesAt - LAST_MOMENT_MS ? 'late' : 'open', true);
}

function onAck(f) {
  if (!S.open || S.open.q !== f.q) return;
  if (f.accepted) {
    if (!S.answer || S.answer.q !== f.q) S.answer = { q: f.q, id: null, fields: null };
    S.answer.acked = true;
    S.answer.ms = f.ms;
    persist();
    show('answered', true);
    return;
  }
  if (f.error === 'NOT_JOINED') return onError('NOT_JOINED');
  if (f.error === 'UNKNOWN_QUESTION') return;
  S.answer = null; // a refused answer does not use up the player's one answer
  persist();
  if (f.error === 'QUESTION_CLOSED') return show('late', true);
  S.notice = errorText(f.error);
  show('open', true);
}

function onError(code) {
  switch (code) {
    case 'BAD_PIN':
    case 'TOO_MANY_ATTEMPTS': // too many wrong PINs from this network: back to the PIN, the wait is in the text
      S.pinDraft = S.pin;
      resetGame();
      S.pin = '';
      persist();
      stopConnection();
      S.error = errorText(code);
      return show('pin', true);
    case 'NUMBER_UNKNOWN': // Rung chuông vàng with the organiser's list: the player joins with the number
      S.joining = false;
      if (numberJoin.numberNeeded(S)) {
        S.nickname = ''; // what was typed was a name, not the number
        S.error = t('number.needed');
      } else {
        S.error = errorText(code);
      }
      return show('nick', true);
    case 'NICKNAME_EMPTY':
    case 'NICKNAME_INVALID':
    case 'NICKNAME_TOO_LONG':
    case 'NICKNAME_BLOCKED':
    case 'NICKNAME_TAKEN':
    case 'JOIN_RATE_LIMITED':
    case 'LOBBY_LOCKED':
    case 'UNIT_REQUIRED':
    case 'UNIT_UNKNOWN':
    case 'NUMBER_TAKEN':
      S.joining = false;
      S.error = errorText(code);
      return show('nick', true);
    case 'RESUME_UNKNOWN':
      S.token = null;
      resetGame();
      persist();
      S.error = errorText(code);
      return show('nick', true);
    case 'KICKED':
      return kicked();
    case 'GAME_OVER':
    case 'JOIN_CLOSED':
    case 'GAME_FULL':
    case 'ADDRESS_FULL':
      return fatal(errorText(code), false);
    case 'UNSUPPORTED_VERSION':
    case 'ABUSE':
      return fatal(errorText(code), true);
    case 'NOT_JOINED':
      if (S.token) onOpen();
      return;
    case 'ALREADY_JOINED':
      return;
    default:
      S.notice = errorText(code);
      announce(S.notice);
      if (S.screen === 'open' || S.buzzer) render(true);
  }
}

function finish() {
  S.ended = true;
  clearSession();
  stopConnection();
  play('end');
  show('ended', true);
}

function kicked() {
  resetGame();
  clearSession();
  stopConnection();
  S.screen = 'kicked';
  render(true);
}

function fatal(message, reload) {
  clearSession();
  stopConnection();
  S.fatal = { message: message, reload: reload };
  show('fatal', true);
}

function stopConnection() {
  if (connection) connection.stop();
}

// Asks the server whether a PIN is live before the player types a nickname. Resolves to the game
// ({title, joinable}), false for an unknown PIN, or null when the server could not be asked.
function checkPin(pin) {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), PIN_CHECK_TIMEOUT_MS) : null;
  return fetch('/api/pins/' + pin, { cache: 'no-store', signal: controller ? controller.signal : undefined })
    .then((response) => {
      if (response.status === 404) return false;
      return response.ok ? response.json() : null;
    })
    .catch(() => null)
    .then((result) => { if (timer) clearTimeout(timer); return result; });
}

// ---- actions -----------------------------------------------------------------------------------

const actions = {
  buzz() {
    if (!S.buzzer || S.buzzPressedQ === S.buzzer.q) return;
    // Marked at once, so a second tap of a shaking hand sends nothing; the board says who was first.
    S.buzzPressedQ = S.buzzer.q;
    send({ type: 'buzz' });
    play('open');
    render(true);
  },
  pinTyped(value) {
    S.pinDraft = value;
  },
  submitPin(value) {
    const digits = String(value).replace(/\s/g, '');
    S.pinDraft = digits;
    if (!/^\d{6}$/.test(digits)) {
      S.error = t('pin.invalid');
      return show('pin', true);
    }
    S.error = null;
    S.checkingPin = true;
    show('pin', true);
    checkPin(digits).then((found) => {
      S.checkingPin = false;
      if (found && !found.joinable) {
        S.error = errorText('GAME_OVER');
        return show('pin', true);
      }
      if (found === false) {
        S.error = errorText('BAD_PIN');
        return show('pin', true);
      }
      // Unknown (offline, timeout): go on; the join itself will tell.
      S.pin = digits;
      S.gameTitle = found ? found.title : null;
      S.units = found && Array.isArray(found.units) ? found.units : null;
      S.unitsAssigned = !!(found && found.unitsAssigned);
      numberJoin.fromLookup(S, found);
      persist();
      show('nick');
    });
  },
  nicknameTyped(value) {
    S.nickname = value;
    persist();
  },
  unitChosen(value) {
    S.unit = value;
    persist();
  },
  submitNickname(value) {
    const name = String(value).trim().replace(/\s+/g, ' ');
    S.nickname = name;
    if (!name) {
      S.error = numberJoin.emptyText(S);
      return show('nick', true);
    }
    if (S.units && S.units.length && !S.unit && !S.unitsAssigned) {
      S.error = errorText('UNIT_REQUIRED');
      return show('nick', true);
    }
    S.error = null;
    S.joining = true;
    persist();
    show('joining');
    if (connection && connection.isOpen) onOpen();
    else connect();
  },
  changePin() {
    S.pinDraft = S.pin;
    S.pin = '';
    S.error = null;
    persist();
    if (location.pathname !== '/') history.replaceState(null, '', '/');
    show('pin');
  },
  playAgain() {
    resetGame();
    clearSession();
    S.pin = S.pinDraft = '';
    if (location.pathname !== '/') history.replaceState(null, '', '/');
    show('pin');
  },
  continueHere() {
    S.screen = 'joining';
    render();
    connect();
  },
  reload() {
    location.reload();
  },
  retryNow() {
    if (connection) connection.retryNow();
  },
};

function submitAnswer(fields) {
  if (!S.open || S.answer) return;
  S.answer = { q: S.open.q, id: 'a' + S.open.q + '-' + Math.random().toString(36).slice(2, 8), fields: fields, acked: false };
  S.notice = null;
  persist();
  sendAnswer();
  show('answered', true);
}

function sendAnswer() {
  const a = S.answer;
  send(Object.assign({ type: 'answer', q: a.q, id: a.id }, a.fields));
}

// ---- rendering ---------------------------------------------------------------------------------

function show(screen, force) {
  const changed = S.screen !== screen;
  S.screen = screen;
  render(force || changed);
}

function screenView() {
  const buzzing = buzzerView(S, S.screen, { press: actions.buzz, onSubmit: submitAnswer });
  if (buzzing) {
    input = null;
    return buzzing;
  }
  switch (S.screen) {
    case 'pin': return views.pinScreen(S, actions);
    case 'nick': return numberJoin.joinsWithNumber(S) ? numberJoin.numberScreen(S, actions, views.spacedPin) : views.nicknameScreen(S, actions);
    case 'joining': return views.joiningScreen();
    case 'lobby': return views.lobbyScreen(S);
    case 'preview': return S.preview ? views.previewScreen(S) : views.joiningScreen();
    case 'open': return openView();
    case 'answered': return S.open ? views.answeredScreen(S) : views.joiningScreen();
    case 'late': return views.lateScreen(S);
    case 'result': return views.resultScreen(S);
    case 'leaderboard': return views.leaderboardScreen(S);
    case 'skipped': return views.skippedScreen();
    case 'podium': return views.podiumScreen(S, actions, false);
    case 'ended': return views.podiumScreen(S, actions, true);
    case 'kicked': return views.messageScreen('kicked.title', errorText('KICKED'), newPinButton());
    case 'replaced': return views.messageScreen('replaced.title', t('replaced.hint'),
      h('button', { type: 'button', class: 'primary', onclick: actions.continueHere, text: t('replaced.here') }));
    case 'fatal': return views.messageScreen('fatal.title', S.fatal.message, S.fatal.reload
      ? h('button', { type: 'button', class: 'primary', onclick: actions.reload, text: t('fatal.reload') }) : newPinButton());
    default: return views.joiningScreen();
  }
}

function newPinButton() {
  return h('button', { type: 'button', class: 'primary', onclick: actions.playAgain, text: t('fatal.newPin') });
}

function openView() {
  if (elim.watching(S)) {
    input = null;
    return elim.watchScreen(S, h('div', { class: 'question-top' }, views.questionHead(S.open), views.timer()));
  }
  const q = S.open.q;
  input = answerInput(S.open, {
    draft: S.draft && S.draft.q === q ? S.draft.value : null,
    onDraft(value) {
      S.draft = { q: q, value: value };
      persist();
    },
    onSubmit: submitAnswer,
  });
  return views.openScreen(S, input);
}

/** Rebuilds the screen. A new screen moves focus to its heading so screen readers read it. */
function render(force) {
  const key = S.screen + ':' + language();
  if (!force && key === renderedKey) return;
  const moved = key !== renderedKey;
  renderedKey = key;
  if (S.screen !== 'open') input = null;
  const view = screenView();
  const main = byId('screen');
  const title = h('h1', { id: 'screen-title', class: view.titleClass || null, tabindex: '-1', text: view.title });
  main.setAttribute('data-screen', S.screen);
  main.replaceChildren();
  if (view.before) main.appendChild(view.before);
  main.appendChild(title);
  view.body.forEach((el) => { if (el) main.appendChild(el); });
  if (S.paused && ['preview', 'open', 'answered', 'late', 'result', 'leaderboard'].indexOf(S.screen) >= 0) {
    main.insertBefore(views.pausedBanner(), main.firstChild);
  }
  if (S.elim && S.screen !== 'pin' && S.screen !== 'nick') {
    const bell = S.screen === 'podium' || S.screen === 'ended' ? elim.bellPanel(S) : null;
    if (bell) main.insertBefore(bell, main.firstChild);
    main.insertBefore(elim.banner(S), main.firstChild);
  }
  drawChrome();
  tick();
  if (moved) {
    window.scrollTo(0, 0);
    (view.focus || title).focus();
  } else if (view.focus) {
    view.focus.focus();
  }
}

function drawChrome() {
  const lang = byId('lang');
  lang.textContent = t('lang.switch');
  lang.setAttribute('aria-label', t('lang.switch.label'));
  lang.setAttribute('lang', language() === 'vi' ? 'en' : 'vi');
  const sound = byId('sound');
  const state = prefs.sound ? t('sound.on') : t('sound.off');
  sound.replaceChildren(speakerIcon(prefs.sound), h('span', { text: state }));
  sound.setAttribute('aria-pressed', prefs.sound ? 'true' : 'false');
  sound.setAttribute('aria-label', t('sound.label', { state: state }));
  document.title = t('app.name');
  drawScore();
  drawConnection();
}

function speakerIcon(on) {
  return svg('svg', { viewBox: '0 0 24 24', class: 'speaker', 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { d: 'M3 9h4l5-4v14l-5-4H3z', fill: 'currentColor' }),
    svg('path', { d: on ? 'M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13' : 'M16 9l6 6M22 9l-6 6', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round' }));
}

function drawScore() {
  const score = byId('score');
  const visible = !!S.player && S.screen !== 'pin' && S.screen !== 'nick';
  score.hidden = !visible;
  byId('bar').classList.toggle('in-game', visible);
  if (visible) {
    score.textContent = t('score.value', { score: num(S.player.score || 0) });
    score.setAttribute('aria-label', t('score.label') + ': ' + num(S.player.score || 0));
    score.setAttribute('data-score', S.player.score || 0);
  }
}

function drawConnection() {
  const banner = byId('conn');
  let text = '';
  let kind = '';
  if (S.status === 'waiting') {
    const seconds = Math.max(0, Math.ceil((S.statusUntil - Date.now()) / 1000));
    text = navigator.onLine === false ? t('conn.offline') : t('conn.waiting', { seconds: seconds });
    kind = 'bad';
  } else if (S.status === 'retrying' || (S.status === 'connecting' && (S.token || S.joining))) {
    text = S.status === 'retrying' ? t('conn.retrying') : t('conn.connecting');
    kind = 'warn';
  } else if (S.status === 'online' && S.backUntil && Date.now() < S.backUntil) {
    text = t('conn.back');
    kind = 'ok';
  }
  banner.hidden = !text;
  banner.className = 'conn conn-' + (kind || 'none');
  banner.setAttribute('data-state', S.status);
  const message = byId('conn-text');
  if (message.textContent !== text) message.textContent = text;
  const retry = byId('conn-retry');
  retry.textContent = t('conn.retry');
  retry.hidden = S.status !== 'waiting';
}

function announce(text) {
  const region = byId('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

// ---- the clock on screen ------------------------------------------------------------------------

function tick() {
  const now = serverNow();
  const main = byId('screen');
  tickBuzzer(main, now);
  const frame = S.open;
  if (frame && (S.screen === 'open' || S.screen === 'answered')) {
    const remaining = S.paused ? S.paused.remaining : Math.max(0, frame.closesAt - now);
    const timerEl = main.querySelector('.timer');
    if (timerEl) {
      const seconds = Math.ceil(remaining / 1000);
      timerEl.setAttribute('data-ms', String(remaining));
      timerEl.classList.toggle('timer-low', seconds <= 5);
      setText(timerEl.querySelector('.timer-number'), S.paused ? '||' : String(seconds));
      setText(timerEl.querySelector('.timer-text'), S.paused ? t('timer.paused') : seconds % 5 === 0 ? t('timer.left', { seconds: seconds }) : null);
    }
    if (S.screen === 'open' && input) {
      const waiting = now < frame.opensAt;
      const tooLate = !S.paused && now >= frame.closesAt - LAST_MOMENT_MS;
      setEnabled(!waiting && !tooLate && !S.paused);
      const hint = main.querySelector('.answer-hint');
      if (hint) hint.classList.toggle('waiting', waiting);
      if (tooLate) show('late', true);
    }
  }
  if (S.screen === 'preview' && S.preview) {
    const bar = main.querySelector('.progress-bar');
    const total = Math.max(1, S.preview.previewEndsAt - S.preview.serverTime);
    const left = S.paused ? S.paused.remaining : Math.max(0, S.preview.previewEndsAt - now);
    if (bar) bar.style.width = Math.round((left / total) * 100) + '%';
  }
  if (S.status === 'waiting' || (S.backUntil && Date.now() >= S.backUntil)) {
    if (S.backUntil && Date.now() >= S.backUntil) S.backUntil = 0;
    drawConnection();
  }
}

function setText(el, text) {
  if (el && text != null && el.textContent !== text) el.textContent = text;
}

function setEnabled(enabled) {
  if (input.enabled === enabled) return;
  input.enabled = enabled;
  input.disabled = !enabled;
  input.controls.forEach((control) => { control.disabled = !enabled; });
  if (enabled && input.refresh) input.refresh(); // e.g. "send" stays off until something is picked
}

// ---- start -------------------------------------------------------------------------------------

async function start() {
  await useLanguage(prefs.lang);
  setSound(prefs.sound);
  byId('lang').addEventListener('click', async () => {
    prefs.lang = language() === 'vi' ? 'en' : 'vi';
    savePrefs(prefs);
    await useLanguage(prefs.lang);
    render(true);
  });
  byId('sound').addEventListener('click', () => {
    prefs.sound = !prefs.sound;
    savePrefs(prefs);
    setSound(prefs.sound);
    drawChrome();
  });
  byId('conn-retry').addEventListener('click', actions.retryNow);
  setInterval(tick, TICK_MS);

  restore();
  const match = /^\/join\/([^/]*)\/?$/.exec(location.pathname);
  const linkPin = match ? decodeURIComponent(match[1]).replace(/\s/g, '') : null;
  if (S.token && (!linkPin || linkPin === S.pin)) {
    show('joining');
    connect();
    return;
  }
  if (linkPin !== null && linkPin !== S.pin) {
    resetGame();
    S.pin = '';
    if (/^\d{6}$/.test(linkPin)) S.pin = linkPin;
    else {
      S.pinDraft = linkPin.replace(/\D/g, '').slice(0, 6);
      S.error = t('pin.invalid');
    }
    persist();
  }
  show(S.pin ? 'nick' : 'pin');
  if (S.pin) {
    // A QR link goes straight to the nickname; a stale or mistyped link comes back to the PIN screen.
    const pin = S.pin;
    checkPin(pin).then((found) => {
      if (S.pin !== pin || S.screen !== 'nick' || S.joining || found === null) return;
      if (found === false || !found.joinable) {
        S.pinDraft = pin;
        S.pin = '';
        S.error = errorText(found === false ? 'BAD_PIN' : 'GAME_OVER');
        persist();
        return show('pin', true);
      }
      S.gameTitle = found.title;
      S.units = Array.isArray(found.units) ? found.units : null;
      S.unitsAssigned = !!found.unitsAssigned;
      numberJoin.fromLookup(S, found);
      // the unit picker, the number screen or the number note appears
      if (S.units && S.units.length || S.format === 'ELIMINATION') return show('nick', true);
      showGameTitle();
    });
  }
}

// Puts the game's title on the nickname screen in place. Rendering the screen again here could
// swap the form under a finger that is tapping "join" just as a slow PIN check comes back.
function showGameTitle() {
  const main = byId('screen');
  if (S.screen !== 'nick' || !S.gameTitle) return;
  let title = byId('game-title');
  if (!title) {
    const chip = main.querySelector('.pin-chip');
    if (!chip) return render(true);
    title = h('p', { id: 'game-title', class: 'game-title' });
    chip.parentNode.insertBefore(title, chip.nextSibling);
  }
  title.textContent = S.gameTitle;
}

start().catch((e) => {
  // Without a catalog there is no text to show but the page's own bilingual notice.
  byId('load-failed').hidden = false;
  byId('loading').hidden = true;
  throw e;
});
