// The host controls: one big "next" button whose label follows the phase, pause/resume, skip, end,
// kick. Used on the run screen (laptop) and on /control/:id (a phone).
import { html, nothing } from 'lit-html';
import { t, num, language } from '../../lib/i18n.js';
import { HostConnection } from '../../lib/live.js';
import { reviveControls } from './elimination.js';
import { buzzerControls } from './buzzer.js';

const NEXT_LABEL = {
  LOBBY: 'host.next.LOBBY',
  PREVIEW: 'host.next.PREVIEW',
  OPEN: 'host.next.OPEN',
  CLOSED: 'host.next.CLOSED',
  LEADERBOARD: 'host.next.LEADERBOARD',
  PODIUM: 'host.next.PODIUM',
};

/** The phase's name for people. */
export function phaseLabel(phase) {
  switch (phase) {
    case 'LOBBY': return t('host.phase.LOBBY');
    case 'PREVIEW': return t('host.phase.PREVIEW');
    case 'OPEN': return t('host.phase.OPEN');
    case 'CLOSED': return t('host.phase.CLOSED');
    case 'LEADERBOARD': return t('host.phase.LEADERBOARD');
    case 'PODIUM': return t('host.phase.PODIUM');
    case 'ENDED': return t('host.phase.ENDED');
    default: return t('host.phase.unknown');
  }
}

/** The connection's state for people; null when all is well. */
export function connectionLabel(state) {
  switch (state.connection) {
    case 'open': return null;
    case 'connecting': return t('host.connection.connecting');
    case 'reconnecting': return t('host.connection.reconnecting');
    case 'refused': return t('host.connection.refused');
    case 'over': return t('host.connection.over');
    default: return t('host.connection.closed');
  }
}

/** Whole seconds left on the clock of the preview or the open question, or null. */
export function secondsLeft(connection) {
  const s = connection.state;
  if (!s.question || (s.phase !== 'PREVIEW' && s.phase !== 'OPEN')) return null;
  const deadline = s.phase === 'OPEN' ? s.question.closesAt : s.question.previewEndsAt;
  if (typeof deadline !== 'number') return null;
  return Math.ceil(connection.remaining(deadline) / 1000);
}

/** "Câu 3/10", or nothing in the lobby. */
export function questionNumber(state) {
  if (state.q < 0 || !state.count) return '';
  return t('host.questionOf', { n: state.q + 1, count: state.count });
}

export class HostControls {
  /**
   * Connects a screen to its game as a host and gives it controls: sets screen.connection,
   * screen.controls and a ticker that redraws the countdown. stop(screen) undoes it.
   */
  static attach(screen, token, onChange) {
    screen.connection = new HostConnection({
      game: screen.params.id, token, lang: language(),
      onChange: (state) => { if (onChange) onChange(state); screen.update(); },
      onError: (error) => screen.app.toast(error.message || error.code, 'error'),
    }).start();
    screen.controls = new HostControls(screen, screen.connection);
    screen.ticker = setInterval(() => screen.update(), 500);
  }

  static detach(screen) {
    if (screen.connection) screen.connection.stop();
    clearInterval(screen.ticker);
  }

  /** @param screen the screen that redraws; @param connection a HostConnection */
  constructor(screen, connection) {
    this.screen = screen;
    this.connection = connection;
    this.confirmEnd = false;
    this.confirmKick = null;
    this.search = '';
  }

  send(type, extra) {
    if (!this.connection.command(type, extra)) this.screen.app.toast(t('host.notConnected'), 'error');
    this.confirmEnd = false;
    this.confirmKick = null;
    this.screen.update();
  }

  nextButton(s) {
    if (s.phase === 'ENDED' || !s.phase) {
      return html`<button type="button" class="big primary" id="ctl-next" disabled>${t('host.next.ENDED')}</button>`;
    }
    const last = s.phase === 'LEADERBOARD' && s.q >= s.count - 1;
    const label = last ? t('host.next.LAST') : t(NEXT_LABEL[s.phase]);
    const lobby = s.phase === 'LOBBY';
    const disabled = s.connection !== 'open' || (s.paused && s.phase !== 'PODIUM') || (lobby && s.playerCount === 0);
    return html`<button type="button" class="big primary" id="ctl-next" data-phase=${s.phase} ?disabled=${disabled}
      @click=${() => this.send(lobby ? 'start' : 'next')}>${label}</button>
      ${lobby && s.playerCount === 0 ? html`<p class="hint">${t('host.waitPlayers')}</p>` : nothing}`;
  }

  render(options) {
    const s = this.connection.state;
    const live = s.connection === 'open';
    const running = s.phase && s.phase !== 'LOBBY' && s.phase !== 'PODIUM' && s.phase !== 'ENDED';
    const seconds = secondsLeft(this.connection);
    const problem = connectionLabel(s);
    return html`<section class="controls" aria-labelledby="controls-title" data-phase=${s.phase || ''}>
      <h2 id="controls-title" class="visually-hidden">${t('host.controls.title')}</h2>
      <p class=${'connection ' + (problem ? 'bad' : 'ok')} id="ctl-connection" role="status">${problem || t('host.connection.open')}</p>
      <dl class="status">
        <div><dt>${t('host.status.phase')}</dt><dd id="ctl-phase">${phaseLabel(s.phase)}${s.paused ? html` · <strong>${t('host.paused')}</strong>` : nothing}</dd></div>
        ${s.q >= 0 ? html`<div><dt>${t('host.status.question')}</dt><dd id="ctl-question">${questionNumber(s)}</dd></div>` : nothing}
        ${seconds !== null ? html`<div><dt>${t('host.status.time')}</dt><dd id="ctl-countdown">${t('host.seconds', { n: seconds })}</dd></div>` : nothing}
        ${s.phase === 'OPEN' || s.phase === 'CLOSED' ? html`<div><dt>${t('host.status.answers')}</dt>
          <dd id="ctl-answers" aria-live="polite">${t('host.answered', { count: num(s.answers.count), of: num(s.answers.of) })}</dd></div>` : nothing}
        <div><dt>${t('host.status.players')}</dt><dd id="ctl-players" aria-live="polite">${num(s.playerCount)}</dd></div>
      </dl>
      ${this.nextButton(s)}
      ${buzzerControls(this, s, live)}
      <div class="control-row">
        ${s.paused
          ? html`<button type="button" class="big" id="ctl-resume" ?disabled=${!live} @click=${() => this.send('resume')}>${t('host.resume')}</button>`
          : html`<button type="button" class="big" id="ctl-pause" ?disabled=${!live || !running} @click=${() => this.send('pause')}>${t('host.pause')}</button>`}
        <button type="button" class="big" id="ctl-skip" ?disabled=${!live || s.paused || (s.phase !== 'PREVIEW' && s.phase !== 'OPEN')}
          @click=${() => this.send('skip')}>${t('host.skip')}</button>
      </div>
      ${this.lobbyControls(s, live)}
      ${live ? reviveControls(this, s) : nothing}
      ${this.endControl(s, live)}
      ${options && options.players === false ? nothing : this.players(s, live)}
    </section>`;
  }

  /** Against a flood of fake players: lock the lobby, and remove everyone who left without answering. */
  lobbyControls(s, live) {
    if (s.phase === 'ENDED' || s.phase === 'PODIUM' || !s.phase) return nothing;
    return html`<div class="control-row lobby-controls">
        ${s.locked
          ? html`<button type="button" class="big" id="ctl-unlock" aria-pressed="true" ?disabled=${!live}
              @click=${() => this.send('unlock')}>${t('host.unlock')}</button>`
          : html`<button type="button" class="big" id="ctl-lock" aria-pressed="false" ?disabled=${!live}
              @click=${() => this.send('lock')}>${t('host.lock')}</button>`}
        <button type="button" class="big" id="ctl-prune" ?disabled=${!live}
          @click=${() => this.send('prune')}>${t('host.prune')}</button>
      </div>
      ${s.locked ? html`<p class="hint" id="ctl-locked" role="status">${t('host.locked')}</p>` : nothing}
      ${s.pruned !== null ? html`<p class="hint" id="ctl-pruned" role="status">${t('host.pruned', { count: num(s.pruned) })}</p>` : nothing}`;
  }

  endControl(s, live) {
    if (s.phase === 'ENDED') return nothing;
    if (!this.confirmEnd) {
      return html`<button type="button" class="big danger-outline" id="ctl-end" ?disabled=${!live}
        @click=${() => { this.confirmEnd = true; this.screen.update(); }}>${t('host.end')}</button>`;
    }
    return html`<div class="confirm" role="alertdialog" aria-labelledby="end-question">
      <p id="end-question">${t('host.end.confirm')}</p>
      <div class="control-row">
        <button type="button" class="big danger" id="ctl-end-yes" @click=${() => this.send('end')}>${t('host.end.yes')}</button>
        <button type="button" class="big" id="ctl-end-no" @click=${() => { this.confirmEnd = false; this.screen.update(); }}>${t('common.cancel')}</button>
      </div>
    </div>`;
  }

  players(s, live) {
    const needle = this.search.trim().toLocaleLowerCase();
    const shown = needle ? s.players.filter((p) => p.nickname.toLocaleLowerCase().includes(needle)) : s.players;
    return html`<section class="player-list" aria-labelledby="players-title">
      <h3 id="players-title">${t('host.players.title', { count: num(s.playerCount) })}</h3>
      ${s.players.length > 6 || needle ? html`<div class="field"><label for="player-search">${t('host.players.search')}</label>
        <input id="player-search" type="search" .value=${this.search} @input=${(e) => { this.search = e.target.value; this.screen.update(); }}></div>` : nothing}
      ${shown.length === 0 ? html`<p class="hint">${needle ? t('host.players.noMatch') : t('host.players.none')}</p>` : html`<ul class="players">
        ${shown.slice(0, 200).map((p) => html`<li data-player=${p.player}><span class="nick">${p.nickname}</span>
          ${this.confirmKick === p.player ? html`<span class="kick-confirm">
              <button type="button" class="danger kick-yes" @click=${() => this.send('kick', { player: p.player })}>${t('host.kick.yes')}</button>
              <button type="button" class="kick-no" @click=${() => { this.confirmKick = null; this.screen.update(); }}>${t('common.cancel')}</button></span>`
            : html`<button type="button" class="kick" ?disabled=${!live || s.phase === 'ENDED'}
              aria-label=${t('host.kick.label', { name: p.nickname })}
              @click=${() => { this.confirmKick = p.player; this.screen.update(); }}>${t('host.kick')}</button>`}
        </li>`)}
      </ul>`}
    </section>`;
  }
}
