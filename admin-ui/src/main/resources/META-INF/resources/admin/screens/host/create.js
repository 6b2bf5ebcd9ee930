// Creating a game: a title, the format (classic, Rung chuông vàng, buzzer rounds), a quiz (or questions
// picked from the bank) and the language, the game settings of POST /api/games that the format uses
// (filled in from the chosen quiz's saved settings); and the organisation's games that are still live.
import { html, nothing } from 'lit-html';
import { api, query as qs } from '../../lib/api.js';
import { t, num, dateTime, pinText } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, field, pageHeader, spinner } from '../../lib/ui.js';
import { hostToken, saveHostToken } from './token.js';
import { phaseLabel } from './controls.js';
import { statusLabel } from '../results/list.js';
import { settingValues, readSettings, rangeProblems, settingsFields, settingsSummary, settingNames } from './settings.js';
import { teamValues, readTeams, teamFields } from './team-settings.js';
import { eliminationValues, eliminationFields, addElimination } from './elimination-form.js';
import { buzzerValues, applyBuzzer, buzzerFields, buzzerProblems } from './buzzer.js';
import { formatChoice, formatGroups, formatHasTeams } from './format-choice.js';

export class CreateGameScreen extends Screen {
  title() {
    return t('host.create.title');
  }

  async enter() {
    this.source = 'quiz';
    this.picked = [];
    this.found = null;
    this.invalid = {};
    this.elimination = eliminationValues();
    const [quizzes] = await Promise.all([api.get('/api/quizzes'), this.loadLive()]);
    this.quizzes = quizzes;
    const wanted = this.query.get('quiz');
    this.quizId = wanted && quizzes.some((q) => String(q.id) === wanted) ? wanted : (quizzes[0] ? String(quizzes[0].id) : '');
    if (!quizzes.length) this.source = 'questions';
    this.language = 'vi';
    if (this.source === 'questions') this.search();
    this.values = settingValues(this.chosenQuiz() && this.chosenQuiz().settings);
    this.teams = teamValues();
    // Folded: the one-line summary shows the values (a quiz's own included); a value out of range opens it.
    this.buzzer = buzzerValues();
    this.format = 'HOSTED';
  }

  /**
   * One format at a time: the formats' own values say whether they are on. Choosing Rung chuông vàng or
   * buzzer rounds opens the settings, where that format's rules have just appeared.
   */
  chooseFormat(kind) {
    this.format = kind;
    this.elimination.format = kind === 'ELIMINATION' ? 'ELIMINATION' : 'HOSTED';
    this.buzzer.on = kind === 'BUZZER';
    if (kind !== 'HOSTED') this.settingsOpen = true;
    this.update();
  }

  /**
   * The folded settings' line: the chosen format's own main values first (the time per question of
   * Rung chuông vàng, the questions of each buzzer round), then the shared settings it uses.
   */
  summary() {
    const own = [];
    if (this.format === 'ELIMINATION') own.push(t('elim.form.seconds') + ': ' + this.elimination.seconds);
    if (this.format === 'BUZZER') {
      const rounds = { WARMUP_INDIVIDUAL: 'host.buzzer.round.WARMUP_INDIVIDUAL', WARMUP_COMMON: 'host.buzzer.round.WARMUP_COMMON',
        ACCELERATION: 'host.buzzer.round.ACCELERATION', FINISH: 'host.buzzer.round.FINISH' };
      Object.keys(rounds).forEach((kind) => own.push(t(rounds[kind]) + ': ' + this.buzzer[kind]));
    }
    return own.concat([settingsSummary(this.values, formatGroups(this.format))]).join(' · ');
  }

  /** How many questions the game will have, when the form knows it (a chosen quiz, or the ticked questions). */
  questionCount() {
    if (this.source === 'questions') return this.picked.length;
    const quiz = this.chosenQuiz();
    return quiz ? quiz.questionCount : 0;
  }

  chosenQuiz() {
    return this.quizzes.find((q) => String(q.id) === this.quizId);
  }

  /**
   * Games of the organisation not yet ended (hidden ones left out), with their live phase; a game this
   * server does not hold (another server of the cluster, or one whose server stopped) shows its stored
   * status, so it can still be ended or hidden.
   */
  async loadLive() {
    try {
      const page = await api.get('/api/games' + qs({ page: 0, size: 50 }));
      const open = page.games.filter((g) => !g.endedAt);
      const live = await Promise.all(open.map((g) => api.get('/api/games/' + encodeURIComponent(g.game.id))
        .then((view) => Object.assign({ createdAt: g.createdAt }, view))
        .catch(() => ({ id: g.game.id, title: g.game.title, pin: g.game.pin, players: g.playerCount,
          createdAt: g.createdAt, stored: g.game.status }))));
      this.live = live.filter((g) => g && g.phase !== 'ENDED');
    } catch (e) {
      this.liveError = e;
      this.live = [];
    }
  }

  /** Ends a game without its host code (any organiser of its organisation); its results are kept. */
  async endGame(id) {
    try {
      await api.post('/api/games/' + encodeURIComponent(id) + '/end');
      this.app.toast(t('host.live.ended'));
    } catch (e) {
      this.liveError = e;
    }
    this.ending = null;
    await this.loadLive();
    this.update();
  }

  /** Hides a game from this list and from Results (its results stay; Results can show it again). */
  async hideGame(id) {
    try {
      await api.post('/api/games/' + encodeURIComponent(id) + '/hide');
      this.app.toast(t('host.live.hidden'));
    } catch (e) {
      this.liveError = e;
    }
    this.hiding = null;
    await this.loadLive();
    this.update();
  }

  /** A quiz's saved settings replace what the fields show (the user may still change them). */
  chooseQuiz(event) {
    this.quizId = event.target.value;
    this.values = settingValues(this.chosenQuiz() && this.chosenQuiz().settings);
    // Folded: the one-line summary shows the values (a quiz's own included); a value out of range opens it.
    this.invalid = {};
    this.update();
  }

  /** Published questions in the game's language (the first page at once, before any search). */
  async search(event) {
    if (event) event.preventDefault();
    const input = document.getElementById('question-search');
    const text = input ? input.value.trim() : '';
    try {
      this.found = await api.get('/api/questions' + qs({ q: text, status: 'PUBLISHED', lang: this.language, size: 20 }));
      this.searchError = null;
    } catch (e) {
      this.searchError = e;
    }
    this.update();
  }

  toggle(question) {
    const at = this.picked.findIndex((q) => q.id === question.id);
    if (at >= 0) this.picked.splice(at, 1);
    else this.picked.push({ id: question.id, text: question.text });
    this.update();
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    this.error = null;
    const { settings, invalid } = readSettings(this.values, settingNames(formatGroups(this.format)));
    this.invalid = invalid;
    const title = form.elements.title.value.trim();
    const problems = [];
    if (!title) problems.push(t('host.create.titleRequired'));
    if (this.source === 'quiz' && !this.quizId) problems.push(t('host.create.quizRequired'));
    if (this.source === 'questions' && !this.picked.length) problems.push(t('host.create.questionsRequired'));
    problems.push(...rangeProblems(invalid));
    const teams = formatHasTeams(this.format) ? readTeams(this.teams, problems) : null; // team play by unit
    if (teams) settings.teams = teams;
    problems.push(...addElimination(this.elimination, settings));
    const rounds = buzzerProblems(this.buzzer, this.questionCount());
    problems.push(...rounds);
    if (Object.keys(invalid).length || rounds.length) this.settingsOpen = true;
    if (problems.length) {
      this.error = problems.join(' ');
      this.update();
      return;
    }
    const body = { title, language: form.elements.language.value, settings: applyBuzzer(this.buzzer, settings) };
    if (this.source === 'quiz') body.quizId = Number(this.quizId);
    else body.questionIds = this.picked.map((q) => q.id);
    this.busy = true;
    this.update();
    try {
      const created = await api.post('/api/games', body);
      saveHostToken(created.id, created.hostToken);
      this.app.toast(t('host.create.created', { pin: pinText(created.pin) }));
      this.app.navigate('/games/' + encodeURIComponent(created.id) + '/run');
    } catch (e) {
      this.error = e;
      this.busy = false;
      this.update();
    }
  }

  render() {
    if (!this.quizzes) return html`${pageHeader(t('host.create.title'))}${spinner()}`;
    // The form first: its button must show without scrolling, however many games are in progress.
    return html`${pageHeader(t('host.create.title'))}
      <form id="create-game" class="card create-game" @submit=${(e) => this.submit(e)} novalidate>
        <h2>${t('host.create.new')}</h2>
        ${errorBox(this.error)}
        ${field('game-title', t('host.create.gameTitle'), html`<input id="game-title" name="title" required maxlength="200"
          placeholder=${t('host.create.gameTitle.placeholder')}>`)}
        ${formatChoice(this.format, (kind) => this.chooseFormat(kind))}
        <div class="source-detail">
          <fieldset class="source">
            <legend>${t('host.create.source')}</legend>
            <label class="radio"><input type="radio" name="source" value="quiz" ?checked=${this.source === 'quiz'}
              @change=${() => { this.source = 'quiz'; this.update(); }}> ${t('host.create.source.quiz')}</label>
            <label class="radio"><input type="radio" name="source" value="questions" ?checked=${this.source === 'questions'}
              @change=${() => { this.source = 'questions'; this.update(); if (!this.found) this.search(); }}> ${t('host.create.source.questions')}</label>
          </fieldset>
          ${field('game-language', t('host.create.language'), html`<select id="game-language" name="language" .value=${this.language}
            @change=${(e) => { this.language = e.target.value; if (this.source === 'questions') this.search(); }}>
            <option value="vi">${t('host.language.vi')}</option><option value="en">${t('host.language.en')}</option></select>`,
            t('host.create.language.hint'))}
          ${this.source === 'quiz' ? this.quizChoice() : this.questionPicker()}
        </div>
        <details class="settings" id="create-settings" ?open=${this.settingsOpen}
          @toggle=${(e) => { if (this.settingsOpen !== e.target.open) { this.settingsOpen = e.target.open; this.update(); } }}>
          <summary>${t('host.create.settings')}</summary>
          ${eliminationFields(this.elimination, () => this.update())}
          ${buzzerFields(this.buzzer, () => this.update())}
          <p class="hint">${t('host.create.settings.hint')}</p>
          <p class="hint" id="settings-from-quiz" aria-live="polite">${this.source === 'quiz' && this.chosenQuiz() && this.chosenQuiz().settings
            ? t('host.create.settings.fromQuiz') : ''}</p>
          ${settingsFields(this.values, this.invalid, false, formatGroups(this.format))}
          ${formatHasTeams(this.format) ? teamFields(this.teams, () => this.update()) : nothing}
        </details>
        ${this.settingsOpen ? nothing : html`<p class="hint settings-summary" id="settings-summary">${this.summary()}</p>`}
        <button type="submit" class="primary" id="create-submit" ?disabled=${this.busy}>${t('host.create.submit')}</button>
      </form>
      ${this.liveGames()}`;
  }

  quizChoice() {
    if (!this.quizzes.length) return html`<p class="hint">${t('host.create.noQuizzes')}</p>`;
    return field('game-quiz', t('host.create.quiz'), html`<select id="game-quiz" name="quiz" @change=${(e) => this.chooseQuiz(e)}>
      ${this.quizzes.map((q) => html`<option value=${String(q.id)} ?selected=${String(q.id) === this.quizId}>${q.title} (${t('host.create.questionCount', { count: num(q.questionCount) })})</option>`)}
    </select>`);
  }

  questionPicker() {
    return html`<div class="picker">
      <div class="picker-search">
        ${field('question-search', t('host.create.searchQuestions'), html`<input id="question-search" type="search"
          @keydown=${(e) => { if (e.key === 'Enter') this.search(e); }}>`, t('host.create.searchQuestions.hint'))}
        <button type="button" id="question-search-go" @click=${(e) => this.search(e)}>${t('common.search')}</button>
      </div>
      ${errorBox(this.searchError)}
      ${this.found ? html`<ul class="found">${this.found.items.length ? this.found.items.map((q) => html`<li>
          <label><input type="checkbox" .checked=${this.picked.some((p) => p.id === q.id)} @change=${() => this.toggle(q)}>
            <span class="badge">${t('language.' + q.language)}</span> ${q.text}</label></li>`)
        : html`<li class="hint">${t('host.create.noQuestions')}</li>`}</ul>` : nothing}
      <p id="picked-count" aria-live="polite">${t('host.create.picked', { count: num(this.picked.length) })}</p>
      ${this.picked.length ? html`<ol class="picked">${this.picked.map((q) => html`<li>${q.text}</li>`)}</ol>` : nothing}
    </div>`;
  }

  liveGames() {
    if (!this.live || !this.live.length) return errorBox(this.liveError);
    return html`<section class="card live-games" aria-labelledby="live-title">
      <h2 id="live-title">${t('host.live.title')}</h2>
      <ul class="live-list">${this.live.map((g) => html`<li data-game=${g.id}>
        <span class="live-name">${g.title}</span>
        <span class="badge">${t('host.live.pin', { pin: pinText(g.pin) })}</span>
        <span class="badge ok">${g.stored ? statusLabel(g.stored) : phaseLabel(g.phase)}</span>
        <span class="hint">${t('host.live.players', { count: num(g.players) })} · ${dateTime(g.createdAt)}</span>
        ${hostToken(g.id) ? html`<a class="button" href=${'#/games/' + encodeURIComponent(g.id) + '/run'}>${t('host.live.open')}</a>`
          : html`<span class="hint">${t('host.live.noToken')}</span>`}
        ${this.ending === g.id ? html`<span class="confirm">${t('host.live.endConfirm')}
            <button type="button" class="danger" data-end-confirm @click=${() => this.endGame(g.id)}>${t('host.live.end')}</button>
            <button type="button" @click=${() => { this.ending = null; this.update(); }}>${t('common.cancel')}</button></span>`
          : html`<button type="button" class="link danger-link" data-end=${g.id} @click=${() => { this.ending = g.id; this.hiding = null; this.update(); }}>${t('host.live.end')}</button>`}
        ${this.hiding === g.id ? html`<span class="confirm">${t('host.live.hideConfirm')}
            <button type="button" data-hide-confirm @click=${() => this.hideGame(g.id)}>${t('host.live.hide')}</button>
            <button type="button" @click=${() => { this.hiding = null; this.update(); }}>${t('common.cancel')}</button></span>`
          : html`<button type="button" class="link" data-hide=${g.id} @click=${() => { this.hiding = g.id; this.ending = null; this.update(); }}>${t('host.live.hide')}</button>`}
      </li>`)}</ul>
    </section>`;
  }
}
