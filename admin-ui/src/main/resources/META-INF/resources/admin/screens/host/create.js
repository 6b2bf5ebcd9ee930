// Creating a game: a title, a quiz (or questions picked from the bank), the language, every game
// setting of POST /api/games; and the organisation's games that are still live.
import { html, nothing } from 'lit-html';
import { api, query as qs } from '../../lib/api.js';
import { t, num, dateTime } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, field, pageHeader, spinner } from '../../lib/ui.js';
import { hostToken, saveHostToken } from './token.js';
import { phaseLabel } from './controls.js';

/** Every game setting with its default and range (docs/protocol.md section 2). */
export const SETTINGS = [
  { name: 'previewSeconds', kind: 'number', value: 3, min: 0, max: 60 },
  { name: 'scoring', kind: 'choice', value: 'SPEED', choices: ['SPEED', 'ACCURACY'] },
  { name: 'streaks', kind: 'check', value: true },
  { name: 'leaderboardSize', kind: 'number', value: 5, min: 1, max: 50 },
  { name: 'autoAdvance', kind: 'check', value: false },
  { name: 'resultSeconds', kind: 'number', value: 8, min: 1, max: 120 },
  { name: 'leaderboardSeconds', kind: 'number', value: 8, min: 1, max: 120 },
  { name: 'typeAnswerIgnoresDiacritics', kind: 'check', value: true },
  { name: 'openLeadMillis', kind: 'number', value: 300, min: 0, max: 5000 },
  { name: 'maxPlayers', kind: 'number', value: 20000, min: 1, max: 50000 },
];

const LABELS = {
  previewSeconds: ['host.setting.previewSeconds', 'host.setting.previewSeconds.hint'],
  scoring: ['host.setting.scoring', 'host.setting.scoring.hint'],
  streaks: ['host.setting.streaks', 'host.setting.streaks.hint'],
  leaderboardSize: ['host.setting.leaderboardSize', 'host.setting.leaderboardSize.hint'],
  autoAdvance: ['host.setting.autoAdvance', 'host.setting.autoAdvance.hint'],
  resultSeconds: ['host.setting.resultSeconds', 'host.setting.resultSeconds.hint'],
  leaderboardSeconds: ['host.setting.leaderboardSeconds', 'host.setting.leaderboardSeconds.hint'],
  typeAnswerIgnoresDiacritics: ['host.setting.typeAnswerIgnoresDiacritics', 'host.setting.typeAnswerIgnoresDiacritics.hint'],
  openLeadMillis: ['host.setting.openLeadMillis', 'host.setting.openLeadMillis.hint'],
  maxPlayers: ['host.setting.maxPlayers', 'host.setting.maxPlayers.hint'],
};

const SCORING = { SPEED: 'host.scoring.SPEED', ACCURACY: 'host.scoring.ACCURACY' };

export class CreateGameScreen extends Screen {
  title() {
    return t('host.create.title');
  }

  async enter() {
    this.source = 'quiz';
    this.picked = [];
    this.found = null;
    this.invalid = {};
    const [quizzes] = await Promise.all([api.get('/api/quizzes'), this.loadLive()]);
    this.quizzes = quizzes;
    const wanted = this.query.get('quiz');
    this.quizId = wanted && quizzes.some((q) => String(q.id) === wanted) ? wanted : (quizzes[0] ? String(quizzes[0].id) : '');
    if (!quizzes.length) this.source = 'questions';
  }

  /** Games of the organisation not yet ended, with their live phase (a game the server no longer holds is left out). */
  async loadLive() {
    try {
      const page = await api.get('/api/games' + qs({ page: 0, size: 50 }));
      const open = page.games.filter((g) => !g.endedAt);
      const live = await Promise.all(open.map((g) => api.get('/api/games/' + encodeURIComponent(g.game.id))
        .then((view) => Object.assign({ createdAt: g.createdAt }, view)).catch(() => null)));
      this.live = live.filter((g) => g && g.phase !== 'ENDED');
    } catch (e) {
      this.liveError = e;
      this.live = [];
    }
  }

  chooseQuiz(event) {
    this.quizId = event.target.value;
    this.update();
  }

  async search(event) {
    event.preventDefault();
    const text = event.target.closest('.picker').querySelector('#question-search').value.trim();
    try {
      this.found = await api.get('/api/questions' + qs({ q: text, status: 'PUBLISHED', size: 20 }));
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

  /** Reads and checks the settings; marks each field out of range. */
  readSettings(form) {
    const settings = {};
    this.invalid = {};
    SETTINGS.forEach((s) => {
      const input = form.elements['setting-' + s.name];
      if (s.kind === 'check') settings[s.name] = input.checked;
      else if (s.kind === 'choice') settings[s.name] = input.value;
      else {
        const text = input.value.trim();
        const value = Number(text);
        if (text === '' || !Number.isInteger(value) || value < s.min || value > s.max) this.invalid[s.name] = true;
        else settings[s.name] = value;
      }
    });
    return settings;
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    this.error = null;
    const settings = this.readSettings(form);
    const title = form.elements.title.value.trim();
    const problems = [];
    if (!title) problems.push(t('host.create.titleRequired'));
    if (this.source === 'quiz' && !this.quizId) problems.push(t('host.create.quizRequired'));
    if (this.source === 'questions' && !this.picked.length) problems.push(t('host.create.questionsRequired'));
    Object.keys(this.invalid).forEach((name) => {
      const s = SETTINGS.find((x) => x.name === name);
      problems.push(t('host.create.outOfRange', { field: t(LABELS[name][0]), min: num(s.min), max: num(s.max) }));
    });
    if (problems.length) {
      this.error = problems.join(' ');
      this.update();
      return;
    }
    const body = { title, language: form.elements.language.value, settings };
    if (this.source === 'quiz') body.quizId = Number(this.quizId);
    else body.questionIds = this.picked.map((q) => q.id);
    this.busy = true;
    this.update();
    try {
      const created = await api.post('/api/games', body);
      saveHostToken(created.id, created.hostToken);
      this.app.toast(t('host.create.created', { pin: created.pin }));
      this.app.navigate('/games/' + encodeURIComponent(created.id) + '/run');
    } catch (e) {
      this.error = e;
      this.busy = false;
      this.update();
    }
  }

  render() {
    if (!this.quizzes) return html`${pageHeader(t('host.create.title'))}${spinner()}`;
    return html`${pageHeader(t('host.create.title'))}
      ${this.liveGames()}
      <form id="create-game" class="card create-game" @submit=${(e) => this.submit(e)} novalidate>
        <h2>${t('host.create.new')}</h2>
        ${errorBox(this.error)}
        ${field('game-title', t('host.create.gameTitle'), html`<input id="game-title" name="title" required maxlength="200"
          placeholder=${t('host.create.gameTitle.placeholder')}>`)}
        <fieldset class="source">
          <legend>${t('host.create.source')}</legend>
          <label class="radio"><input type="radio" name="source" value="quiz" ?checked=${this.source === 'quiz'}
            @change=${() => { this.source = 'quiz'; this.update(); }}> ${t('host.create.source.quiz')}</label>
          <label class="radio"><input type="radio" name="source" value="questions" ?checked=${this.source === 'questions'}
            @change=${() => { this.source = 'questions'; this.update(); }}> ${t('host.create.source.questions')}</label>
        </fieldset>
        ${this.source === 'quiz' ? this.quizChoice() : this.questionPicker()}
        ${field('game-language', t('host.create.language'), html`<select id="game-language" name="language">
          <option value="vi">${t('host.language.vi')}</option><option value="en">${t('host.language.en')}</option></select>`,
          t('host.create.language.hint'))}
        <details class="settings" open>
          <summary>${t('host.create.settings')}</summary>
          <p class="hint">${t('host.create.settings.hint')}</p>
          <div class="settings-grid">${SETTINGS.map((s) => this.setting(s))}</div>
        </details>
        <button type="submit" class="primary" id="create-submit" ?disabled=${this.busy}>${t('host.create.submit')}</button>
      </form>`;
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
          <label><input type="checkbox" .checked=${this.picked.some((p) => p.id === q.id)} @change=${() => this.toggle(q)}> ${q.text}</label></li>`)
        : html`<li class="hint">${t('host.create.noQuestions')}</li>`}</ul>` : nothing}
      <p id="picked-count" aria-live="polite">${t('host.create.picked', { count: num(this.picked.length) })}</p>
      ${this.picked.length ? html`<ol class="picked">${this.picked.map((q) => html`<li>${q.text}</li>`)}</ol>` : nothing}
    </div>`;
  }

  setting(s) {
    const id = 'setting-' + s.name;
    const [label, hint] = LABELS[s.name];
    if (s.kind === 'check') {
      return html`<div class="field check"><label><input type="checkbox" id=${id} name=${id} ?checked=${s.value}
        aria-describedby=${id + '-hint'}> ${t(label)}</label><p class="hint" id=${id + '-hint'}>${t(hint)}</p></div>`;
    }
    if (s.kind === 'choice') {
      return field(id, t(label), html`<select id=${id} name=${id} aria-describedby=${id + '-hint'}>
        ${s.choices.map((c) => html`<option value=${c} ?selected=${c === s.value}>${t(SCORING[c])}</option>`)}</select>`, t(hint));
    }
    return field(id, t(label), html`<input id=${id} name=${id} type="number" inputmode="numeric" min=${s.min} max=${s.max} step="1"
      value=${String(s.value)} aria-invalid=${this.invalid[s.name] ? 'true' : 'false'} aria-describedby=${id + '-hint'}>`,
      t(hint) + ' ' + t('host.create.range', { min: num(s.min), max: num(s.max), value: num(s.value) }));
  }

  liveGames() {
    if (!this.live || !this.live.length) return errorBox(this.liveError);
    return html`<section class="card live-games" aria-labelledby="live-title">
      <h2 id="live-title">${t('host.live.title')}</h2>
      <ul class="live-list">${this.live.map((g) => html`<li data-game=${g.id}>
        <span class="live-name">${g.title}</span>
        <span class="badge">${t('host.live.pin', { pin: g.pin })}</span>
        <span class="badge ok">${phaseLabel(g.phase)}</span>
        <span class="hint">${t('host.live.players', { count: num(g.players) })} · ${dateTime(g.createdAt)}</span>
        ${hostToken(g.id) ? html`<a class="button" href=${'#/games/' + encodeURIComponent(g.id) + '/run'}>${t('host.live.open')}</a>`
          : html`<span class="hint">${t('host.live.noToken')}</span>`}
      </li>`)}</ul>
    </section>`;
  }
}
