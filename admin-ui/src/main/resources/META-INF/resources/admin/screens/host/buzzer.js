// Buzzer format (Olympia-style rounds, docs/organiser-console.md "Vòng bấm chuông"): the presenter's
// stage (contestants, scores, who pressed first and how far behind the others were, the timer), the
// host's judging and seating controls, and the rounds of the create form.
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { t, num } from '../../lib/i18n.js';
import { field } from '../../lib/ui.js';

const ROUND = {
  WARMUP_INDIVIDUAL: 'host.buzzer.round.WARMUP_INDIVIDUAL',
  WARMUP_COMMON: 'host.buzzer.round.WARMUP_COMMON',
  ACCELERATION: 'host.buzzer.round.ACCELERATION',
  FINISH: 'host.buzzer.round.FINISH',
};

const STAGE = {
  LOBBY: 'host.buzzer.stage.LOBBY',
  SHOWN: 'host.buzzer.stage.SHOWN',
  ARMED: 'host.buzzer.stage.ARMED',
  ANSWERING: 'host.buzzer.stage.ANSWERING',
  OPEN: 'host.buzzer.stage.OPEN',
  JUDGED: 'host.buzzer.stage.JUDGED',
  PODIUM: 'host.buzzer.stage.PODIUM',
  ENDED: 'host.buzzer.stage.ENDED',
};

function nickname(board, player) {
  const seat = board.contestants.find((c) => c.player === player);
  return seat ? seat.nickname : '#' + player;
}

/** Whole seconds left on the board's clock, or null when nothing is timed. */
function secondsLeft(board, connection) {
  if (!board || typeof board.deadline !== 'number' || board.deadline < 0) return null;
  return Math.ceil(connection.remaining(board.deadline) / 1000);
}

/** The presenter's stage: shown above the question in a buzzer game. */
export function buzzerStage(s, connection) {
  const board = s.buzzer;
  if (!board) return nothing;
  const seconds = secondsLeft(board, connection);
  const last = board.last;
  return html`<section class="buzzer-stage" id="buzzer-stage" data-stage=${board.stage} aria-labelledby="buzzer-stage-title">
    <h2 id="buzzer-stage-title" class="buzzer-round">${board.round ? t(ROUND[board.round]) : t('host.buzzer.title')}
      ${board.roundQ ? html` · ${t('host.buzzer.roundQ', { n: board.roundQ })}` : nothing}
      ${board.owner ? html` · <span id="buzzer-owner">${t('host.buzzer.owner', { name: nickname(board, board.owner), points: num(board.value) })}</span>` : nothing}
      ${board.star ? html` <span class="buzzer-star" id="buzzer-star">★ ${t('host.buzzer.star')}</span>` : nothing}</h2>
    <p class="buzzer-state" id="buzzer-state" aria-live="polite">${t(STAGE[board.stage])}${board.stealing ? ' · ' + t('host.buzzer.stealing') : ''}
      ${seconds !== null ? html` <span class="buzzer-clock" id="buzzer-clock" role="timer">${t('host.seconds', { n: seconds })}</span>` : nothing}</p>
    <ol class="buzzer-seats" id="buzzer-seats">
      ${board.contestants.map((c) => html`<li class=${'buzzer-seat' + (board.floor === c.player ? ' floor' : '') + (c.connected ? '' : ' away')
          + (board.stage === 'ARMED' && board.eligible.indexOf(c.player) >= 0 ? ' armed' : '')}
        data-player=${c.player} data-score=${c.score}>
        <span class="seat-name">${c.nickname}</span><span class="seat-score">${num(c.score)}</span>
        ${c.connected ? nothing : html`<span class="seat-away">${t('host.buzzer.away')}</span>`}</li>`)}
    </ol>
    ${board.presses.length ? html`<ol class="buzzer-presses" id="buzzer-presses" aria-label=${t('host.buzzer.order')}>
      ${board.presses.map((p, i) => html`<li data-player=${p.player} data-behind=${p.behind}>
        <span class="press-name">${p.nickname || nickname(board, p.player)}</span>
        <span class="press-behind">${i === 0 ? t('host.buzzer.first') : '+' + num(p.behind) + ' ms'}</span></li>`)}
    </ol>` : nothing}
    ${last ? html`<p class=${'buzzer-last ' + (last.correct ? 'right' : 'wrong')} id="buzzer-last">
      ${t(last.correct ? 'host.buzzer.right.was' : 'host.buzzer.wrong.was', { name: nickname(board, last.player), points: (last.points > 0 ? '+' : '') + num(last.points) })}</p>` : nothing}
  </section>`;
}

/** The host's buzzer controls: judge the contestant with the floor, the finish round's picks, the seats. */
export function buzzerControls(controls, s, live) {
  if (s.format !== 'BUZZER') return nothing;
  const board = s.buzzer;
  const answering = board && board.stage === 'ANSWERING';
  const picking = board && board.stage === 'SHOWN' && board.round === 'FINISH';
  const seatable = !board || board.stage === 'LOBBY' || board.stage === 'JUDGED';
  const seated = new Set(board ? board.contestants.map((c) => c.player) : []);
  return html`<section class="buzzer-controls" aria-labelledby="buzzer-controls-title">
    <h3 id="buzzer-controls-title">${t('host.buzzer.controls')}</h3>
    ${board ? buzzerStage(s, controls.connection) : html`<p class="hint">${t('host.buzzer.seatFirst')}</p>`}
    ${answering ? html`<div class="control-row">
      <button type="button" class="big primary" id="ctl-right" ?disabled=${!live} @click=${() => controls.send('right')}>${t('host.buzzer.right')}</button>
      <button type="button" class="big danger" id="ctl-wrong" ?disabled=${!live} @click=${() => controls.send('wrong')}>${t('host.buzzer.wrong')}</button>
    </div>` : nothing}
    ${picking ? html`<div class="control-row">
      <button type="button" class="big" id="ctl-pick20" aria-pressed=${board.value === 20 ? 'true' : 'false'} ?disabled=${!live} @click=${() => controls.send('pick20')}>${t('host.buzzer.pick', { points: 20 })}</button>
      <button type="button" class="big" id="ctl-pick30" aria-pressed=${board.value === 30 ? 'true' : 'false'} ?disabled=${!live} @click=${() => controls.send('pick30')}>${t('host.buzzer.pick', { points: 30 })}</button>
      <button type="button" class="big" id="ctl-star" aria-pressed=${board.star ? 'true' : 'false'} ?disabled=${!live} @click=${() => controls.send('star')}>★ ${t('host.buzzer.star')}</button>
    </div>` : nothing}
    ${/* Keyed by player: when the list changes under a finger (a join, a seat), each button stays with its
       own player instead of a reused row taking the click for someone else. */ ''}
    ${seatable ? html`<ul class="players buzzer-seating" id="buzzer-seating" aria-label=${t('host.buzzer.seating')}>
      ${repeat(s.players.slice(0, 200), (p) => p.player, (p) => html`<li data-player=${p.player}><span class="nick">${p.nickname}</span>
        ${seated.has(p.player)
          ? html`<button type="button" class="unseat" ?disabled=${!live} aria-label=${t('host.buzzer.unseat.label', { name: p.nickname })}
              @click=${() => controls.send('unseat', { player: p.player })}>${t('host.buzzer.unseat')}</button>`
          : html`<button type="button" class="seat" ?disabled=${!live || seated.size >= 8} aria-label=${t('host.buzzer.seat.label', { name: p.nickname })}
              @click=${() => controls.send('seat', { player: p.player })}>${t('host.buzzer.seat')}</button>`}</li>`)}
    </ul>` : nothing}
  </section>`;
}

// ---- the create form -----------------------------------------------------------------------------

/** The form's buzzer values: off (a classic game) until the organiser chooses buzzer rounds as the format. */
export function buzzerValues() {
  return { on: false, WARMUP_INDIVIDUAL: '0', WARMUP_COMMON: '0', ACCELERATION: '4', FINISH: '0', afterWrong: 'REOPEN', starWrongLoses: true };
}

/** Adds format and buzzer settings to the request body's settings when buzzer rounds are the format. */
export function applyBuzzer(values, settings) {
  if (!values.on) return settings;
  const rounds = Object.keys(ROUND)
    .map((kind) => ({ kind, questions: Number(String(values[kind]).trim()) }))
    .filter((r) => Number.isInteger(r.questions) && r.questions > 0);
  return Object.assign({}, settings, { format: 'BUZZER',
    buzzer: { rounds, afterWrong: values.afterWrong, starWrongLoses: Boolean(values.starWrongLoses) } });
}

/**
 * What is wrong with the rounds, before the server is asked: a count that is not a whole number from 0
 * to 200, or (when the form knows the game's questions) a total that differs. All 0 is right: every
 * question is then a common warm-up buzzer question.
 */
export function buzzerProblems(values, questionCount) {
  if (!values.on) return [];
  const counts = Object.keys(ROUND).map((kind) => String(values[kind]).trim());
  if (counts.some((c) => !/^\d+$/.test(c) || Number(c) > 200)) return [t('host.buzzer.rounds.invalid')];
  const total = counts.reduce((sum, c) => sum + Number(c), 0);
  if (total > 0 && questionCount && total !== questionCount) {
    return [t('host.buzzer.rounds.total', { total: num(total), count: num(questionCount) })];
  }
  return [];
}

/** The fieldset: the rounds (how many of the game's questions, in order, each takes) and the rules. */
export function buzzerFields(values, update) {
  const number = (kind) => field('buzzer-' + kind, t(ROUND[kind]), html`<input id=${'buzzer-' + kind} type="number" min="0" max="200" step="1"
    inputmode="numeric" .value=${live(String(values[kind]))} @input=${(e) => { values[kind] = e.target.value; }}>`);
  if (!values.on) return nothing;
  return html`<fieldset class="settings-group buzzer-form" id="buzzer-form"><legend>${t('host.buzzer.form')}</legend>
    <div class="settings-grid">
      ${Object.keys(ROUND).map(number)}
      ${field('buzzer-afterWrong', t('host.buzzer.afterWrong'), html`<select id="buzzer-afterWrong" .value=${live(values.afterWrong)}
        @change=${(e) => { values.afterWrong = e.target.value; }}>
        <option value="REOPEN" ?selected=${values.afterWrong === 'REOPEN'}>${t('host.buzzer.afterWrong.REOPEN')}</option>
        <option value="NEXT_IN_ORDER" ?selected=${values.afterWrong === 'NEXT_IN_ORDER'}>${t('host.buzzer.afterWrong.NEXT_IN_ORDER')}</option>
      </select>`)}
      <div class="field check"><label><input type="checkbox" id="buzzer-starWrongLoses" .checked=${live(Boolean(values.starWrongLoses))}
        @change=${(e) => { values.starWrongLoses = e.target.checked; }}> ${t('host.buzzer.starWrongLoses')}</label></div>
    </div>
    <p class="hint">${t('host.buzzer.form.rounds')}</p>
  </fieldset>`;
}
