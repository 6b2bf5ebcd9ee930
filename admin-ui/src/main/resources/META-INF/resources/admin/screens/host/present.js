// The big-screen presenter for a projector: follows the game with no click (lobby, question, options
// and countdown, result chart, leaderboard, podium). It never shows the host controls.
import { html, nothing } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import { api } from '../../lib/api.js';
import { t, num, language, pinText } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { HostConnection } from '../../lib/live.js';
import { tokenForScreen, isLoopbackJoin } from './token.js';
import { connectionLabel, secondsLeft, questionNumber } from './controls.js';
import { shapeIcon, tileKind, LETTERS } from './shapes.js';
import { DistributionChart } from './chart.js';
import { teamBoard, teamPodium } from './teams.js';
import { floorView, floorCount, bellView } from './elimination.js';
import { buzzerStage } from './buzzer.js';

/** Places for name chips in the lobby (a 6 x 5 grid that fits under the PIN); the last one says "+N" when more joined. */
const CHIP_PLACES = 30;

export class PresenterScreen extends Screen {
  title() {
    const s = this.connection ? this.connection.state : null;
    return s && s.game ? s.game.title : t('present.title');
  }

  async enter() {
    this.token = tokenForScreen(this.params.id, this.query, '/present/' + this.params.id);
    if (!this.token) return;
    this.chart = new DistributionChart(true);
    this.connection = new HostConnection({
      game: this.params.id, token: this.token, lang: language(),
      onChange: (state) => { this.lookUpPin(state); this.update(); },
    }).start();
    this.ticker = setInterval(() => this.update(), 250);
    this.onFullscreen = () => this.update();
    document.addEventListener('fullscreenchange', this.onFullscreen);
  }

  leave() {
    if (this.connection) this.connection.stop();
    if (this.chart) this.chart.destroy();
    clearInterval(this.ticker);
    if (this.onFullscreen) document.removeEventListener('fullscreenchange', this.onFullscreen);
  }

  /** The phones' address for the PIN (GET /api/pins/{pin}, public); the console's own host until then. */
  lookUpPin(state) {
    if (!state.game || this.pinLooked === state.game.pin) return;
    this.pinLooked = state.game.pin;
    api.get('/api/pins/' + encodeURIComponent(state.game.pin), { quiet401: true })
      .then((found) => { this.joinHost = found.joinHost || null; this.update(); })
      .catch(() => { /* the console's own address serves */ });
  }

  fullscreen() {
    const root = document.documentElement;
    if (root.requestFullscreen) root.requestFullscreen().catch(() => {});
  }

  render() {
    if (!this.token) {
      return html`<div class="presenter message"><h1 id="page-title" tabindex="-1">${t('present.noToken.title')}</h1>
        <p>${t('present.noToken.lead')}</p></div>`;
    }
    const s = this.connection.state;
    const problem = connectionLabel(s);
    return html`<div class="presenter" id="present" data-phase=${s.phase || ''} data-paused=${s.paused ? 'true' : 'false'}>
      <header class="present-bar">
        <h1 id="page-title" tabindex="-1" class="present-title">${s.game ? s.game.title : t('present.title')}</h1>
        <span class="present-q" id="present-q">${questionNumber(s)}</span>
        ${s.game && s.phase !== 'LOBBY' ? html`<span class="present-pin-small">${t('present.pinSmall', { pin: pinText(s.game.pin) })}</span>` : nothing}
        ${document.fullscreenElement ? nothing : html`<button type="button" class="fullscreen" id="fullscreen" @click=${() => this.fullscreen()}>${t('present.fullscreen')}</button>`}
      </header>
      ${s.buzzer && s.phase !== 'PODIUM' && s.phase !== 'ENDED' ? buzzerStage(s, this.connection) : nothing}
      <div class="present-body">${this.body(s)}</div>
      ${problem && s.connection !== 'open' ? html`<p class="present-connection" role="status">${problem}</p>` : nothing}
      ${s.paused && s.phase !== 'ENDED' && s.phase !== 'PODIUM' ? html`<div class="paused-overlay" id="paused-overlay" role="status">
        <p>${t('present.paused')}</p></div>` : nothing}
    </div>`;
  }

  body(s) {
    // Rung chuông vàng: the grid between questions, the golden bell at the end, the count under every question.
    if (s.elim) {
      if ((s.phase === 'PODIUM' || s.phase === 'ENDED') && s.elim.bell) return bellView(s.elim);
      if (s.phase === 'LEADERBOARD') return floorView(s.elim);
      if (s.phase === 'PREVIEW' || s.phase === 'OPEN' || s.phase === 'CLOSED') {
        return html`${this.phaseBody(s)}${floorCount(s.elim)}`;
      }
    }
    return this.phaseBody(s);
  }

  phaseBody(s) {
    // A phase frame can arrive a moment before its question (a catch-up, a relayed host): wait for it.
    if ((s.phase === 'PREVIEW' || s.phase === 'OPEN') && !s.question) {
      return html`<p class="present-wait">${t('common.loading')}</p>`;
    }
    switch (s.phase) {
      case 'LOBBY': return this.lobby(s);
      case 'PREVIEW': return this.preview(s);
      case 'OPEN': return this.open(s);
      case 'CLOSED': return this.closed(s);
      case 'LEADERBOARD': return this.leaderboard(s);
      case 'PODIUM': return this.podium(s, false);
      case 'ENDED': return this.podium(s, true);
      default: return html`<p class="present-wait">${t('common.loading')}</p>`;
    }
  }

  lobby(s) {
    const pin = s.game.pin;
    const where = this.joinHost || location.host;
    const shown = s.players.length > CHIP_PLACES ? CHIP_PLACES - 1 : s.players.length;
    const more = s.players.length - shown;
    return html`<section class="lobby">
      <div class="join">
        <p class="join-how" id="join-how">${t('present.join', { host: where })}</p>
        <p class="pin" id="present-pin" aria-label=${t('present.pinLabel', { pin: pinText(pin) })}>${pinText(pin)}</p>
        ${this.joinHost && isLoopbackJoin(this.joinHost) ? html`<p class="warning" id="loopback-warning" role="note">${t('host.loopback.warning')}</p>` : nothing}
        <p class="player-count" id="player-count" data-count=${s.playerCount} aria-live="polite">${t('present.players', { count: num(s.playerCount) })}</p>
        ${s.locked ? html`<p class="lobby-locked" id="present-locked" role="status">${t('present.locked')}</p>` : nothing}
      </div>
      <img class="qr" id="present-qr" src=${'/api/pins/' + encodeURIComponent(pin) + '/qr.svg'} alt=${t('present.qrAlt')}>
      <ul class="chips" id="chips" aria-label=${t('present.chips')}>
        ${s.players.slice(0, shown).map((p) => html`<li class="chip">${p.nickname}</li>`)}
        ${more > 0 ? html`<li class="chip more" id="chips-more">${t('present.more', { count: num(more) })}</li>` : nothing}
      </ul>
    </section>`;
  }

  preview(s) {
    const seconds = secondsLeft(this.connection);
    return html`<section class="question-view">
      <p class="question-text big" id="question-text">${s.question.text}</p>
      ${s.question.image ? html`<img class="question-image" src=${s.question.image} alt="">` : nothing}
      <p class="preview-note">${t('present.previewNote')}${seconds !== null ? html` <span id="preview-seconds">${seconds}</span>` : nothing}</p>
    </section>`;
  }

  open(s) {
    const question = s.question;
    const seconds = secondsLeft(this.connection);
    const options = question.options || [];
    return html`<section class="question-view open">
      <div class="open-head">
        <p class="question-text" id="question-text">${question.text}</p>
        <div class="clock" id="countdown" data-seconds=${seconds === null ? '' : seconds} role="timer" aria-live="off">${seconds === null ? '' : seconds}</div>
        <p class="answer-count" id="answer-count" data-count=${s.answers.count} aria-live="polite">
          <span class="n">${num(s.answers.count)}/${num(s.answers.of)}</span> ${t('present.answered')}</p>
      </div>
      ${question.image ? html`<img class="question-image" src=${question.image} alt="">` : nothing}
      ${options.length ? html`<ol class=${'tiles n' + Math.min(options.length, 6)}>
          ${options.map((text, i) => html`<li class=${'tile tile-' + tileKind(i)} data-option=${i}>
            <span class="tile-icon">${shapeIcon(i)}<span class="tile-letter">${LETTERS[i]}</span></span>
            <span class="tile-text">${text}</span></li>`)}
        </ol>`
        : html`<p class="type-note">${question.qtype === 'NUMERIC' ? t('present.typeNumber') : t('present.typeText')}</p>`}
    </section>`;
  }

  closed(s) {
    const closed = s.closed;
    const question = s.question || {};
    const options = question.options || [];
    const distribution = closed.distribution || [];
    const correct = closed.correct && closed.correct.choices ? closed.correct.choices : [];
    if (distribution.length) this.chart.show({ counts: distribution, correct });
    return html`<section class="result-view">
      <p class="question-text small" id="question-text">${question.text || ''}</p>
      <div class="result-grid">
        ${distribution.length ? html`<figure class="distribution" id="distribution" data-counts=${distribution.join(',')}
            data-correct=${correct.join(',')}>
            <div class="chart-box"><canvas ${ref(this.chart.attach)} role="img" aria-label=${t('present.chartLabel')}></canvas></div>
            <figcaption><ol class="legend">${distribution.map((n, i) => html`<li class=${'legend-item tile-' + tileKind(i) + (correct.indexOf(i) >= 0 ? ' right' : '')}>
              <span class="tile-icon">${shapeIcon(i)}</span><span class="legend-text">${correct.indexOf(i) >= 0 ? '✓ ' : ''}${options[i] || LETTERS[i]}</span>
              <span class="legend-count">${num(n)}</span></li>`)}</ol></figcaption>
          </figure>` : html`<div class="answer-key" id="answer-key">${this.answerKey(closed, options)}</div>`}
        <aside class="result-side">
          <p class="result-counts" id="result-counts">${t('present.resultCounts', { correct: num(closed.correctCount), answered: num(closed.answered), players: num(closed.players) })}</p>
          ${closed.explanation ? html`<p class="explanation" id="explanation">${closed.explanation}</p>` : nothing}
        </aside>
      </div>
    </section>`;
  }

  answerKey(closed, options) {
    const key = closed.correct || {};
    if (key.accepted) return html`<p>${t('present.accepted')}</p><ul>${key.accepted.map((a) => html`<li>${a}</li>`)}</ul>`;
    if (key.order) return html`<p>${t('present.order')}</p><ol>${key.order.map((i) => html`<li>${options[i]}</li>`)}</ol>`;
    if (typeof key.value === 'number') return html`<p>${t('present.value')}</p><p class="value">${num(key.value, key.value % 1 ? 2 : 0)}</p>`;
    return html`<p>${t('present.poll')}</p>`;
  }

  leaderboard(s) {
    const board = s.leaderboard;
    return html`<section class="leaderboard-view">
      <h2>${t('present.leaderboard')}</h2>
      <ol class="leaders" id="leaders">
        ${board.top.map((e) => html`<li class="leader-row" data-nickname=${e.nickname} data-score=${e.score} data-rank=${e.rank}>
          <span class="rank">${e.rank}</span><span class="nick">${e.nickname}</span>
          <span class=${'move' + (e.move > 0 ? ' up' : e.move < 0 ? ' down' : '')}>${this.move(e.move)}</span>
          <span class="score">${num(e.score)}</span></li>`)}
      </ol>
      <p class="ranked">${t('present.ranked', { count: num(board.players) })}</p>
    </section>${teamBoard(s)}`;
  }

  move(move) {
    if (move === null || move === undefined || move === 0) return '';
    return move > 0 ? html`<span aria-label=${t('present.up', { n: move })}>▲${move}</span>`
      : html`<span aria-label=${t('present.down', { n: -move })}>▼${-move}</span>`;
  }

  podium(s, ended) {
    const top = s.podium ? s.podium.top : [];
    const place = (rank) => {
      const e = top.find((x) => x.rank === rank);
      return html`<li class=${'podium-place p' + rank} data-rank=${rank} data-nickname=${e ? e.nickname : ''}>
        <span class="podium-name">${e ? e.nickname : ''}</span>
        <span class="podium-score">${e ? num(e.score) : ''}</span>
        <span class="podium-step">${rank}</span></li>`;
    };
    return html`<section class="podium-view">
      <h2>${ended ? t('present.ended') : t('present.podium')}</h2>
      <ol class="podium" id="podium">${place(2)}${place(1)}${place(3)}</ol>
      ${s.podium ? html`<p class="ranked">${t('present.ranked', { count: num(s.podium.players) })}</p>` : nothing}
    </section>${teamPodium(s)}`;
  }
}
