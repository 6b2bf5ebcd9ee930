// Buzzer format (docs/protocol.md, "Buzzer rounds"): a contestant's phone is one big buzzer.
// The board frame says everything; this module only draws it. The audience never gets the board:
// their phones play along on the classic question screens.
import { h } from './dom.js';
import { t, num } from './i18n.js';
import { answerInput } from './answers.js';
import { serverNow } from './clock.js';

/** The screens the buzzer view replaces for a seated contestant. */
const OVER = ['lobby', 'joining', 'preview', 'open', 'answered', 'late', 'result', 'leaderboard', 'skipped'];

/** Whether this phone's player sits on stage in the board's game. */
export function seated(state) {
  const board = state.buzzer;
  if (!board || !state.player) return false;
  return board.contestants.some((c) => c.player === state.player.number);
}

function nickname(board, player) {
  const seat = board.contestants.find((c) => c.player === player);
  return seat ? seat.nickname : '#' + player;
}

function statusText(state, board, me) {
  const stage = board.stage;
  if (stage === 'LOBBY') return t('buzzer.seated');
  if (stage === 'SHOWN') {
    if (board.owner === me) return t(board.star ? 'buzzer.yours.star' : 'buzzer.yours', { points: num(board.value) });
    return t('buzzer.ready');
  }
  if (stage === 'ARMED') {
    if (board.eligible.indexOf(me) < 0) return t('buzzer.locked');
    return state.buzzPressedQ === board.q ? t('buzzer.pressed') : t(board.stealing ? 'buzzer.steal' : 'buzzer.open');
  }
  if (stage === 'ANSWERING') {
    return board.floor === me ? t('buzzer.floor.you') : t('buzzer.floor.other', { name: nickname(board, board.floor) });
  }
  if (stage === 'JUDGED' && board.last) {
    const who = board.last.player === me ? t('buzzer.you') : nickname(board, board.last.player);
    return t(board.last.correct ? 'buzzer.judged.right' : 'buzzer.judged.wrong',
      { name: who, points: (board.last.points > 0 ? '+' : '') + num(board.last.points) });
  }
  return t('buzzer.over');
}

/**
 * The contestant's screen, or null when the classic screen applies (the audience, acceleration
 * questions which every contestant answers on the normal answer screen, the podium).
 * ctx: { press(), onSubmit(fields) }.
 */
export function buzzerView(state, screen, ctx) {
  const board = state.buzzer;
  if (OVER.indexOf(screen) < 0 || !seated(state)) return null;
  if (board.stage === 'OPEN' || board.stage === 'PODIUM' || board.stage === 'ENDED') return null;
  const me = state.player.number;
  const mine = board.contestants.find((c) => c.player === me);
  const question = state.open && state.open.q === board.q ? state.open
    : state.preview && state.preview.q === board.q ? state.preview : null;
  // Inside the window after the first press a press still counts: it is shown in order, behind the first.
  const canPress = board.eligible.indexOf(me) >= 0 && state.buzzPressedQ !== board.q
    && (board.stage === 'ARMED' || board.stage === 'ANSWERING' && board.floor !== me && serverNow() <= board.windowEndsAt);
  const button = h('button', {
    type: 'button', id: 'buzzer-button', class: 'buzzer-button' + (canPress ? ' buzzer-live' : ''),
    disabled: canPress ? null : 'disabled', onclick: ctx.press, 'aria-describedby': 'buzzer-status',
    'data-window-ends': board.stage === 'ANSWERING' ? String(board.windowEndsAt) : null,
  }, h('span', { class: 'buzzer-label', text: t('buzzer.press') }));
  const presses = board.presses.length ? h('ol', { class: 'buzzer-presses', 'aria-label': t('buzzer.order') },
    board.presses.map((p, i) => h('li', { class: p.player === me ? 'mine' : null,
      text: (p.player === me ? t('buzzer.you') : (p.nickname || '#' + p.player))
        + (i === 0 ? '' : ' ' + t('buzzer.behind', { ms: num(p.behind) })) }))) : null;
  let input = null;
  if (board.stage === 'ANSWERING' && board.floor === me && state.open && state.open.q === board.q) {
    input = answerInput(state.open, { draft: null, onDraft() {}, onSubmit: ctx.onSubmit });
  }
  const round = board.round ? t('buzzer.round.' + board.round) : '';
  return {
    title: question ? question.text : t('buzzer.title'),
    titleClass: question ? 'question-text' : null,
    before: h('div', { class: 'buzzer-top' },
      h('span', { class: 'buzzer-round', text: round + (board.roundQ ? ' · ' + t('buzzer.roundQ', { n: board.roundQ }) : '') }),
      h('span', { class: 'buzzer-score', text: t('buzzer.score', { score: num(mine ? mine.score : 0) }) }),
      h('span', { class: 'buzzer-clock', 'data-deadline': String(board.deadline) })),
    body: [
      h('p', { id: 'buzzer-status', class: 'buzzer-status', role: 'status', 'aria-live': 'assertive', text: statusText(state, board, me) }),
      state.notice ? h('p', { class: 'notice', role: 'alert', text: state.notice }) : null,
      presses,
      input ? input.el : null,
      input ? null : button,
    ],
    focus: canPress ? button : null,
  };
}

/** Counts the board's deadline down (the clock is synced with the server's). */
export function tickBuzzer(main, now) {
  const button = main.querySelector('#buzzer-button[data-window-ends]');
  if (button && !button.disabled && now > Number(button.getAttribute('data-window-ends'))) {
    button.disabled = true;
    button.classList.remove('buzzer-live');
  }
  const clock = main.querySelector('.buzzer-clock');
  if (!clock) return;
  const deadline = Number(clock.getAttribute('data-deadline'));
  const text = deadline > 0 ? t('buzzer.seconds', { seconds: Math.max(0, Math.ceil((deadline - now) / 1000)) }) : '';
  if (clock.textContent !== text) clock.textContent = text;
}
