// One function per screen. Each returns { title, body }: the h1 text and the elements below it.
import { h } from './dom.js';
import { t, num } from './i18n.js';
import { shapeIcon, checkIcon, crossIcon, LETTERS, tileKind } from './shapes.js';
import { describeAnswer } from './answers.js';
import { unitField, teamPanel } from './teams.js';
import { numberNote } from './number-join.js';

function lead(key, params) {
  return h('p', { class: 'lead', text: t(key, params) });
}

function errorBox(message) {
  return h('p', { class: 'field-error', role: 'alert', text: message || '' });
}

export function pinScreen(state, actions) {
  const input = h('input', { id: 'pin', name: 'pin', class: 'big-input pin-input', type: 'text', inputmode: 'numeric', pattern: '[0-9]*', maxlength: 7, autocomplete: 'off', 'aria-describedby': 'pin-hint pin-error', 'aria-invalid': state.error ? 'true' : null });
  input.value = state.pinDraft || '';
  input.addEventListener('input', () => {
    const digits = input.value.replace(/\D/g, '').slice(0, 6);
    if (digits !== input.value.replace(/\s/g, '')) input.value = digits;
    actions.pinTyped(input.value);
  });
  const error = errorBox(state.error);
  error.id = 'pin-error';
  const form = h('form', { class: 'stack', novalidate: true, onsubmit: (e) => { e.preventDefault(); actions.submitPin(input.value); } },
    h('label', { for: 'pin', class: 'field-label', text: t('pin.label') }), input, error,
    h('button', { type: 'submit', class: 'primary', disabled: state.checkingPin ? true : null, 'aria-busy': state.checkingPin ? 'true' : null, text: t(state.checkingPin ? 'pin.checking' : 'pin.submit') }));
  return { title: t('pin.title'), body: [h('p', { id: 'pin-hint', class: 'lead', text: t('pin.hint') }), form], focus: state.error ? input : null };
}

export function nicknameScreen(state, actions) {
  const input = h('input', { id: 'nickname', name: 'nickname', class: 'big-input', type: 'text', maxlength: 40, autocomplete: 'nickname', autocapitalize: 'words', enterkeyhint: 'go', 'aria-describedby': 'nick-hint nick-error', 'aria-invalid': state.error ? 'true' : null });
  input.value = state.nickname || '';
  input.addEventListener('input', () => actions.nicknameTyped(input.value));
  const error = errorBox(state.error);
  error.id = 'nick-error';
  const form = h('form', { class: 'stack', novalidate: true, onsubmit: (e) => { e.preventDefault(); actions.submitNickname(input.value); } },
    h('label', { for: 'nickname', class: 'field-label', text: t('nick.label') }), input, unitField(state, actions), error,
    h('button', { type: 'submit', class: 'primary', text: t('nick.submit') }),
    h('button', { type: 'button', class: 'link', onclick: actions.changePin, text: t('nick.changePin') }));
  return {
    title: t('nick.title'),
    body: [h('p', { class: 'pin-chip', text: t('nick.pin', { pin: spacedPin(state.pin) }) }),
      state.gameTitle ? h('p', { id: 'game-title', class: 'game-title', text: state.gameTitle }) : null,
      h('p', { id: 'nick-hint', class: 'lead', text: t('nick.hint') }), numberNote(state), form],
    focus: state.error ? input : null,
  };
}

export function spacedPin(pin) {
  return pin && pin.length === 6 ? pin.slice(0, 3) + ' ' + pin.slice(3) : pin || '';
}

export function joiningScreen() {
  return { title: t('joining.title'), body: [h('div', { class: 'spinner', 'aria-hidden': 'true' }), lead('joining.hint')] };
}

export function lobbyScreen(state) {
  const count = state.lobbyCount;
  return {
    title: t('lobby.title'),
    body: [
      h('p', { class: 'big-name', text: state.player ? state.player.nickname : '' }),
      state.game ? h('p', { class: 'game-title', text: state.game.title }) : null,
      lead('lobby.wait'),
      count == null ? null : h('p', { class: 'count', 'data-count': count, text: count === 1 ? t('lobby.onePlayer') : t('lobby.players', { count: num(count) }) }),
    ],
  };
}

export function questionHead(frame) {
  const tags = [h('span', { class: 'counter', text: t('question.counter', { number: frame.q + 1, count: frame.count }) })];
  if (frame.points === 'DOUBLE') tags.push(h('span', { class: 'tag tag-double', text: t('question.double') }));
  if (frame.points === 'NONE' || frame.qtype === 'POLL') tags.push(h('span', { class: 'tag', text: t('question.noPoints') }));
  return h('div', { class: 'question-head' }, tags);
}

function questionImage(frame) {
  return frame.image ? h('img', { class: 'question-image', src: frame.image, alt: t('question.image') }) : null;
}

export function timer() {
  return h('div', { class: 'timer', role: 'timer', 'aria-label': t('timer.label') },
    h('span', { class: 'timer-number', 'aria-hidden': 'true' }),
    h('span', { class: 'sr-only timer-text' }));
}

export function previewScreen(state) {
  const frame = state.preview;
  return {
    title: frame.text,
    titleClass: 'question-text',
    before: questionHead(frame),
    body: [questionImage(frame), h('div', { class: 'progress', 'aria-hidden': 'true' }, h('div', { class: 'progress-bar' })), lead('question.getReady')],
  };
}

export function openScreen(state, input) {
  const frame = state.open;
  return {
    title: frame.text,
    titleClass: 'question-text',
    before: h('div', { class: 'question-top' }, questionHead(frame), timer()),
    body: [questionImage(frame), h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', text: state.notice || '' }), input.el],
  };
}

function answerList(state) {
  const lines = state.answer && state.open ? describeAnswer(state.open, state.answer.fields) : [];
  if (!lines.length) return null;
  return h('div', { class: 'panel' }, h('h2', { class: 'small-heading', text: t('answered.yours') }),
    h('ul', { class: 'plain-list' }, lines.map((line) => h('li', { text: line }))));
}

export function answeredScreen(state) {
  const acked = state.answer && state.answer.acked;
  const parts = [h('div', { class: 'question-top' }, questionHead(state.open), timer())];
  if (!acked) {
    return { title: t('answer.sending'), before: parts[0], body: [h('div', { class: 'spinner', 'aria-hidden': 'true' }), state.status === 'online' ? null : lead('answer.queued'), answerList(state)] };
  }
  return {
    title: t('answered.title'),
    titleClass: 'title-ok',
    before: parts[0],
    body: [
      h('div', { class: 'big-mark mark-ok' }, checkIcon()),
      typeof state.answer.ms === 'number' ? lead('answered.time', { seconds: num(state.answer.ms / 1000, 1) }) : null,
      answerList(state),
      lead('answered.wait'),
    ],
  };
}

export function lateScreen(state) {
  return { title: t('late.title'), before: h('div', { class: 'question-top' }, questionHead(state.open || state.preview)), body: [lead('late.hint')] };
}

function correctAnswer(state) {
  const closed = state.closed;
  const open = state.open && state.open.q === closed.q ? state.open : null;
  const correct = closed.correct || {};
  let content = null;
  if (Array.isArray(correct.choices)) {
    content = h('ul', { class: 'option-list' }, correct.choices.map((i) => optionRow(open, i)));
  } else if (Array.isArray(correct.order)) {
    content = h('ol', { class: 'option-list' }, correct.order.map((i) => optionRow(open, i)));
  } else if (Array.isArray(correct.accepted)) {
    content = h('p', { class: 'answer-value', text: correct.accepted.join(' · ') });
  } else if (typeof correct.value === 'number') {
    content = h('p', { class: 'answer-value', text: correct.tolerance ? t('result.valueTolerance', { value: num(correct.value, 6), tolerance: num(correct.tolerance, 6) }) : num(correct.value, 6) });
  }
  if (!content) return null;
  return h('div', { class: 'panel' }, h('h2', { class: 'small-heading', text: t('result.correctAnswer') }), content);
}

function optionRow(open, index) {
  return h('li', { class: 'option-row tile-' + tileKind(index) },
    h('span', { class: 'tile-icon' }, shapeIcon(index), h('span', { class: 'tile-letter', 'aria-hidden': 'true', text: LETTERS[index] })),
    h('span', { class: 'tile-text', text: open ? open.options[index] : LETTERS[index] }));
}

function pollBars(state) {
  const closed = state.closed;
  const open = state.open && state.open.q === closed.q ? state.open : null;
  const dist = closed.distribution || [];
  if (!open || !dist.length) return null;
  const total = dist.reduce((a, b) => a + b, 0) || 1;
  return h('ul', { class: 'option-list' }, dist.map((count, i) => {
    const bar = h('span', { class: 'poll-bar' });
    bar.style.width = Math.round((count / total) * 100) + '%';
    return h('li', { class: 'option-row poll-row tile-' + tileKind(i) },
      h('span', { class: 'tile-icon' }, shapeIcon(i)),
      h('span', { class: 'tile-text', text: open.options[i] }),
      h('span', { class: 'poll-count', text: num(count) }), bar);
  }));
}

export function resultKind(state) {
  const outcome = state.outcome && state.closed && state.outcome.q === state.closed.q ? state.outcome : null;
  const qtype = state.open && state.open.q === state.closed.q ? state.open.qtype : null;
  if (qtype === 'POLL' || (state.closed.correct && Object.keys(state.closed.correct).length === 0)) return 'poll';
  if (!outcome) return 'waiting';
  if (!outcome.answered) return 'none';
  if (outcome.correct) return 'correct';
  if (typeof outcome.credit === 'number' && outcome.credit > 0) return 'partial';
  return 'wrong';
}

export function resultScreen(state) {
  const kind = resultKind(state);
  const outcome = state.outcome && state.outcome.q === state.closed.q ? state.outcome : null;
  const titles = { correct: 'result.correct', partial: 'result.partial', wrong: 'result.wrong', none: 'result.none', poll: 'result.poll', waiting: 'result.waiting' };
  const icon = kind === 'correct' || kind === 'poll' ? checkIcon() : kind === 'waiting' ? null : crossIcon();
  const stats = [];
  if (outcome && kind !== 'poll') {
    stats.push(h('p', { class: 'points', 'data-points': outcome.points, text: outcome.points > 0 ? t('result.points', { points: num(outcome.points) }) : t('result.zero') }));
    if (outcome.bonus) stats.push(h('p', { class: 'stat', text: t('result.bonus', { bonus: num(outcome.bonus) }) }));
    stats.push(h('p', { class: 'stat', text: t('result.streak', { streak: outcome.streak }) }));
  }
  if (outcome) {
    stats.push(h('p', { class: 'stat', 'data-rank': outcome.rank, text: t('result.rank', { rank: outcome.rank, of: outcome.of }) }));
    stats.push(h('p', { class: 'stat', text: t('result.score', { score: num(outcome.score) }) }));
  }
  const closed = state.closed;
  return {
    title: t(titles[kind]),
    titleClass: 'result-title',
    before: h('div', { class: 'result-banner result-' + kind, 'data-result': kind }, icon ? h('div', { class: 'big-mark' }, icon) : null),
    body: [
      h('div', { class: 'stats' }, stats),
      kind === 'poll' ? pollBars(state) : correctAnswer(state),
      answerList(state),
      closed.explanation ? h('div', { class: 'panel explanation' }, h('h2', { class: 'small-heading', text: t('result.explanation') }), h('p', { text: closed.explanation })) : null,
      state.teams && state.teams.q === closed.q ? teamPanel(state, false) : null,
    ],
  };
}

export function leaderboardScreen(state) {
  const board = state.leaderboard;
  const me = state.player ? state.player.number : -1;
  const rows = board.top.map((entry) => h('li', {
    class: 'board-row' + (entry.player === me ? ' me' : ''),
    'aria-label': t('leaderboard.entry', { rank: entry.rank, name: entry.nickname, score: num(entry.score) }) + (entry.player === me ? ' ' + t('leaderboard.youMark') : ''),
  },
    h('span', { class: 'board-rank', 'aria-hidden': 'true', text: String(entry.rank) }),
    h('span', { class: 'board-name', 'aria-hidden': 'true', text: entry.nickname }),
    h('span', { class: 'board-score', 'aria-hidden': 'true', text: num(entry.score) })));
  const mine = state.player && state.player.rank ? h('p', { class: 'you-line', text: t('leaderboard.you', { rank: state.player.rank, score: num(state.player.score) }) }) : null;
  return {
    title: t('leaderboard.title'),
    before: h('div', { class: 'question-head' }, h('span', { class: 'counter', text: t('leaderboard.after', { number: board.q + 1, count: board.count }) })),
    body: [mine, h('ol', { class: 'board' }, rows), h('p', { class: 'muted', text: t('leaderboard.players', { count: num(board.players) }) }), teamPanel(state, false)],
  };
}

export function skippedScreen() {
  return { title: t('skipped.title'), body: [lead('skipped.hint')] };
}

export function podiumScreen(state, actions, ended) {
  const fin = state.final;
  const top = state.podium ? state.podium.top : [];
  const me = state.player ? state.player.number : -1;
  const body = [];
  if (fin) {
    body.push(h('div', { class: 'final', 'data-rank': fin.rank },
      h('p', { class: 'final-rank', text: t('podium.yourRank', { rank: fin.rank }) }),
      h('p', { class: 'final-of', text: t('podium.of', { of: num(fin.of) }) }),
      h('p', { class: 'final-score', text: t('podium.score', { score: num(fin.score) }) }),
      state.game ? h('p', { class: 'stat', text: t('podium.correct', { correct: fin.correctCount, count: state.game.questions }) }) : null));
  } else if (state.podium) {
    body.push(lead('podium.waiting'));
  }
  if (top.length) {
    body.push(h('h2', { class: 'small-heading', text: t('podium.top') }));
    body.push(h('ol', { class: 'podium' }, top.map((entry) => h('li', { class: 'podium-step place-' + entry.rank + (entry.player === me ? ' me' : '') },
      h('span', { class: 'podium-rank', text: t('podium.place', { rank: entry.rank }) }),
      h('span', { class: 'podium-name', text: entry.nickname }),
      h('span', { class: 'podium-score', text: num(entry.score) })))));
  }
  body.push(teamPanel(state, true));
  if (ended) {
    body.push(lead('ended.thanks'));
    body.push(h('button', { type: 'button', class: 'primary', onclick: actions.playAgain, text: t('ended.again') }));
  }
  return { title: ended ? t('ended.title') : t('podium.title'), body: body };
}

export function messageScreen(titleKey, message, button) {
  return { title: t(titleKey), body: [h('p', { class: 'lead', role: 'alert', text: message }), button] };
}

export function pausedBanner() {
  return h('div', { class: 'paused', role: 'status' }, h('p', { class: 'paused-title', text: t('paused.title') }), h('p', { text: t('paused.hint') }));
}
