// Building a quiz: title and description, questions picked from the banks or drawn at random by
// quotas, put in playing order, and the game settings its games start with.
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { api, query } from '../../lib/api.js';
import { t, num } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, spinner } from '../../lib/ui.js';
import { TOPICS, STATUSES, DIFFICULTIES, LANGUAGES, statusBadge } from '../bank/model.js';
import { settingValues, readSettings, rangeProblems, changedSettings, settingsFields } from '../host/settings.js';

const MAX_QUESTIONS = 200;
const PICK_SIZE = 10;

function truncate(text, length) {
  return text.length > length ? text.slice(0, length - 1) + '…' : text;
}

export class QuizEditorScreen extends Screen {
  constructor(app, params, query) {
    super(app, params, query);
    this.isNew = !params.id;
    this.tab = 'pick';
    this.pick = { q: '', topic: '', difficulty: '', status: '', bankId: '', page: 0 };
    this.quotas = [{ topic: '', difficulty: '', count: 5 }];
    this.drawBank = '';
    this.seed = '';
  }

  title() {
    return this.isNew ? t('quiz.newTitle') : t('quiz.editTitle');
  }

  get writable() {
    return this.app.allows('ORGANISER');
  }

  async enter() {
    this.banks = await api.get('/api/banks');
    if (this.isNew) {
      this.quiz = { id: null, title: '', description: '', language: 'VI', version: null, questions: [] };
      this.loadSettings(null);
    } else await this.load();
    this.savedState = this.snapshot();
    await this.search();
  }

  /** What a save would store, to tell whether anything changed since the last load or save. */
  snapshot() {
    const q = this.quiz;
    return q ? JSON.stringify([q.title, q.description, q.language, q.questions.map((x) => x.id), this.settings]) : null;
  }

  /** Typed or picked and not saved: the console asks before leaving (menu, back button, closing the tab). */
  unsaved() {
    return Boolean(this.writable && this.quiz && this.savedState !== undefined && this.snapshot() !== this.savedState);
  }

  async load() {
    const quiz = await api.get('/api/quizzes/' + this.params.id);
    this.quiz = { id: quiz.id, title: quiz.title, description: quiz.description || '', language: quiz.language, version: quiz.version, questions: quiz.questions };
    this.loadSettings(quiz.settings);
  }

  loadSettings(saved) {
    this.settings = settingValues(saved);
    this.invalid = {};
    // open when the quiz sets something, so it is seen
    this.settingsOpen = Boolean(saved && Object.keys(saved).length);
  }

  // ---- the quiz's questions ----

  has(id) {
    return this.quiz.questions.some((q) => q.id === id);
  }

  add(question) {
    if (this.has(question.id) || this.quiz.questions.length >= MAX_QUESTIONS) return;
    this.quiz.questions.push(question);
    this.update();
  }

  move(index, step) {
    const list = this.quiz.questions;
    const other = index + step;
    if (other < 0 || other >= list.length) return;
    [list[index], list[other]] = [list[other], list[index]];
    this.update();
    // keep the keyboard on the moved question
    queueMicrotask(() => requestAnimationFrame(() => {
      const button = document.querySelector('#quiz-questions li[data-id="' + list[other].id + '"] [data-move="' + (step < 0 ? 'up' : 'down') + '"]');
      if (button && !button.disabled) button.focus();
    }));
  }

  removeAt(index) {
    this.quiz.questions.splice(index, 1);
    this.update();
  }

  // ---- picking ----

  async search(event) {
    if (event) {
      event.preventDefault();
      const form = event.target;
      ['q', 'topic', 'difficulty', 'status', 'bankId'].forEach((name) => { this.pick[name] = form.elements[name].value.trim(); });
      this.pick.page = 0;
    }
    this.pickError = null;
    try {
      this.found = await api.get('/api/questions' + query(Object.assign({}, this.pick, { lang: this.quiz.language, size: PICK_SIZE })));
    } catch (e) {
      this.pickError = e;
    }
    this.update();
  }

  page(step) {
    this.pick.page = Math.max(0, this.pick.page + step);
    this.search();
  }

  // ---- drawing ----

  setQuota(index, name, value) {
    this.quotas[index][name] = value;
    this.update();
  }

  async draw(newSeed) {
    this.drawError = null;
    this.drawing = true;
    this.update();
    const body = {
      language: this.quiz.language,
      quotas: this.quotas.map((q) => ({ topics: q.topic ? [q.topic] : null, difficulty: q.difficulty ? Number(q.difficulty) : null, count: Number(q.count) || 0 })),
      // The console picks the seed itself: a server-made seed is a 64-bit number that JavaScript rounds.
      seed: !newSeed && /^\d{1,15}$/.test(String(this.seed).trim()) ? Number(this.seed) : Math.floor(Math.random() * 1e9),
      bankIds: this.drawBank ? [Number(this.drawBank)] : null,
    };
    try {
      this.drawn = await api.post('/api/quizzes/draw', body);
      this.seed = String(this.drawn.seed);
    } catch (e) {
      this.drawn = null;
      this.drawError = e;
    } finally {
      this.drawing = false;
      this.update();
    }
  }

  acceptDrawn(replace) {
    if (replace) this.quiz.questions = [];
    this.drawn.questions.forEach((q) => this.add(q));
    this.app.toast(t('quiz.drawAccepted', { count: this.drawn.questions.length }));
    this.drawn = null;
    this.update();
  }

  // ---- saving ----

  async save(event) {
    event.preventDefault();
    this.error = null;
    this.stale = false;
    const { settings, invalid } = readSettings(this.settings);
    this.invalid = invalid;
    const problems = rangeProblems(invalid);
    if (problems.length) {
      this.error = problems.join(' ');
      this.settingsOpen = true;
      this.update();
      return;
    }
    this.busy = true;
    this.update();
    const q = this.quiz;
    // Only what differs from the defaults: {} clears the quiz's settings.
    const body = { title: q.title, description: q.description, language: q.language, questionIds: q.questions.map((x) => x.id),
      version: q.version, settings: changedSettings(settings) };
    try {
      const saved = this.isNew ? await api.post('/api/quizzes', body) : await api.put('/api/quizzes/' + q.id, body);
      this.app.toast(t('quiz.saved'));
      this.savedState = this.snapshot();
      if (this.isNew) return this.app.navigate('/quizzes/' + saved.id);
      this.quiz.version = saved.version;
      this.quiz.questions = saved.questions;
      this.savedState = this.snapshot();
    } catch (e) {
      if (e.code === 'quiz.stale') this.stale = true;
      else this.error = e;
    } finally {
      this.busy = false;
      this.update();
    }
  }

  async reload() {
    this.stale = false;
    await this.load();
    this.savedState = this.snapshot();
    this.update();
  }

  async remove() {
    try {
      await api.del('/api/quizzes/' + this.quiz.id);
      this.savedState = this.snapshot();
      this.app.toast(t('quiz.deleted'));
      this.app.navigate('/quizzes');
    } catch (e) {
      this.error = e;
      this.confirmDelete = false;
      this.update();
    }
  }

  // ---- rendering ----

  render() {
    if (!this.quiz) return html`${pageHeader(this.title())}${spinner()}`;
    const q = this.quiz;
    return html`${pageHeader(this.title(), html`<a href="#/quizzes">${t('quiz.backToList')}</a>
        ${q.id ? html`<button type="button" class="primary" id="host-quiz" @click=${() => this.app.navigate('/host?quiz=' + q.id)}>${t('quiz.hostThis')}</button>` : nothing}`)}
      ${this.stale ? html`<div class="error-box" role="alert" id="stale-box"><p>${t('quiz.stale')}</p>
        <button type="button" class="primary" id="reload-quiz" @click=${() => this.reload()}>${t('editor.reload')}</button></div>` : nothing}
      ${errorBox(this.error)}
      <div class="quiz-layout">
        <form id="quiz-form" class="card" @submit=${(e) => this.save(e)} novalidate>
          <div class="field"><label for="quiz-title">${t('quiz.name')}</label>
            <input id="quiz-title" maxlength="200" required ?readonly=${!this.writable} .value=${live(q.title)} @input=${(e) => { q.title = e.target.value; }}></div>
          <div class="field"><label for="quiz-description">${t('quiz.description')}</label>
            <textarea id="quiz-description" maxlength="2000" ?readonly=${!this.writable} .value=${live(q.description)} @input=${(e) => { q.description = e.target.value; }}></textarea></div>
          <div class="field"><label for="quiz-language">${t('editor.language')}</label>
            <select id="quiz-language" ?disabled=${!this.isNew || q.questions.length > 0} @change=${(e) => { q.language = e.target.value; this.drawn = null; this.search(); }}>
              ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === q.language}>${t('language.' + l)}</option>`)}</select>
            <p class="hint">${t('quiz.languageHint')}</p></div>
          ${this.chosen()}
          <details class="settings" id="quiz-settings" ?open=${this.settingsOpen}
            @toggle=${(e) => { this.settingsOpen = e.target.open; }}>
            <summary>${t('quiz.settings')}</summary>
            <p class="hint">${t('quiz.settingsHint')}</p>
            ${settingsFields(this.settings, this.invalid, !this.writable)}
          </details>
          ${this.writable ? html`<div class="form-actions">
            <button type="submit" class="primary" id="save-quiz" ?disabled=${this.busy}>${t('quiz.save')}</button>
            ${q.id ? (this.confirmDelete ? html`<span class="confirm">${t('quiz.deleteConfirm')}
                <button type="button" class="danger" id="confirm-delete-quiz" @click=${() => this.remove()}>${t('common.delete')}</button>
                <button type="button" @click=${() => { this.confirmDelete = false; this.update(); }}>${t('common.cancel')}</button></span>`
              : html`<button type="button" class="link danger-link" id="delete-quiz" @click=${() => { this.confirmDelete = true; this.update(); }}>${t('quiz.delete')}</button>`) : nothing}
          </div>` : nothing}
        </form>
        ${this.writable ? html`<section class="card quiz-source" aria-labelledby="source-title">
          <h2 id="source-title" class="visually-hidden">${t('quiz.addQuestions')}</h2>
          <div class="tabs" role="tablist">
            <button type="button" role="tab" id="tab-pick" aria-selected=${this.tab === 'pick' ? 'true' : 'false'} @click=${() => { this.tab = 'pick'; this.update(); }}>${t('quiz.tabPick')}</button>
            <button type="button" role="tab" id="tab-draw" aria-selected=${this.tab === 'draw' ? 'true' : 'false'} @click=${() => { this.tab = 'draw'; this.update(); }}>${t('quiz.tabDraw')}</button>
          </div>
          <div role="tabpanel" aria-labelledby=${this.tab === 'pick' ? 'tab-pick' : 'tab-draw'}>${this.tab === 'pick' ? this.picker() : this.drawer()}</div>
        </section>` : nothing}
      </div>`;
  }

  chosen() {
    const list = this.quiz.questions;
    const ro = !this.writable;
    return html`<h2 id="chosen-title">${t('quiz.chosen')}</h2>
      <p id="chosen-count" aria-live="polite">${t('quiz.chosenCount', { count: num(list.length), max: MAX_QUESTIONS })}</p>
      ${list.length === 0 ? html`<p class="empty">${t('quiz.noQuestions')}</p>` : html`<ol class="chosen" id="quiz-questions" aria-labelledby="chosen-title">
        ${list.map((q, i) => html`<li data-id=${q.id}><span class="chosen-number">${i + 1}</span>
          <span class="chosen-text">${truncate(q.text, 110)}<span class="hint"> · ${t('type.' + q.type)} · ${t('topic.' + q.topic)} · ${t('difficulty.' + q.difficulty)}</span>
            ${q.status !== 'PUBLISHED' ? html`<span class=${statusBadge(q.status)}>${t('status.' + q.status)}</span>` : nothing}</span>
          ${ro ? nothing : html`<span class="chosen-actions">
            <button type="button" class="icon" data-move="up" aria-label=${t('quiz.moveUp', { n: i + 1 })} ?disabled=${i === 0} @click=${() => this.move(i, -1)}>↑</button>
            <button type="button" class="icon" data-move="down" aria-label=${t('quiz.moveDown', { n: i + 1 })} ?disabled=${i === list.length - 1} @click=${() => this.move(i, 1)}>↓</button>
            <button type="button" class="icon" data-remove aria-label=${t('quiz.remove', { n: i + 1 })} @click=${() => this.removeAt(i)}>✕</button></span>`}
        </li>`)}</ol>`}`;
  }

  picker() {
    const p = this.pick;
    const opt = (value, label, current) => html`<option value=${value} ?selected=${String(current) === String(value)}>${label}</option>`;
    const found = this.found;
    const pages = found ? Math.max(1, Math.ceil(found.total / found.size)) : 1;
    return html`<form id="pick-form" class="pick-filters" role="search" @submit=${(e) => this.search(e)}>
        <div class="field"><label for="pick-q">${t('bank.search')}</label><input id="pick-q" name="q" type="search" .value=${live(p.q)} placeholder=${t('bank.searchHint')}></div>
        <div class="form-grid">
          <div class="field"><label for="pick-bank">${t('bank.bank')}</label><select id="pick-bank" name="bankId">${opt('', t('bank.allBanks'), p.bankId)}
            ${(this.banks || []).map((b) => opt(String(b.id), b.name, p.bankId))}</select></div>
          <div class="field"><label for="pick-topic">${t('editor.topic')}</label><select id="pick-topic" name="topic">${opt('', t('common.all'), p.topic)}${TOPICS.map((x) => opt(x, t('topic.' + x), p.topic))}</select></div>
          <div class="field"><label for="pick-difficulty">${t('editor.difficulty')}</label><select id="pick-difficulty" name="difficulty">${opt('', t('common.all'), p.difficulty)}${DIFFICULTIES.map((x) => opt(x, t('difficulty.' + x), p.difficulty))}</select></div>
          <div class="field"><label for="pick-status">${t('editor.status')}</label><select id="pick-status" name="status">${opt('', t('common.all'), p.status)}${STATUSES.map((x) => opt(x, t('status.' + x), p.status))}</select></div>
        </div>
        <button type="submit" class="primary" id="pick-search">${t('common.search')}</button>
      </form>
      ${errorBox(this.pickError)}
      ${!found ? spinner() : found.items.length === 0 ? html`<p class="empty" id="pick-empty">${t('bank.empty')}</p>` : html`
        <p aria-live="polite" id="pick-count">${t('bank.count', { count: num(found.total) })}</p>
        <ul class="pick-list" id="pick-results">${found.items.map((q) => html`<li data-id=${q.id}>
          <span class="chosen-text">${truncate(q.text, 120)}<span class="hint"> · ${t('topic.' + q.topic)} · ${t('difficulty.' + q.difficulty)}</span>
            <span class=${statusBadge(q.status)}>${t('status.' + q.status)}</span></span>
          <button type="button" data-add=${q.id} ?disabled=${this.has(q.id)} @click=${() => this.add(q)}
            aria-label=${t(this.has(q.id) ? 'quiz.addedOne' : 'quiz.addOne', { text: truncate(q.text, 60) })}>${this.has(q.id) ? t('quiz.added') : t('quiz.add')}</button></li>`)}</ul>
        <nav class="pager" aria-label=${t('bank.pages')}>
          <button type="button" ?disabled=${found.page <= 0} @click=${() => this.page(-1)}>${t('common.previous')}</button>
          <span>${t('common.page', { page: found.page + 1, pages })}</span>
          <button type="button" ?disabled=${found.page + 1 >= pages} @click=${() => this.page(1)}>${t('common.next')}</button></nav>`}`;
  }

  drawer() {
    return html`<form id="draw-form" @submit=${(e) => { e.preventDefault(); this.draw(false); }} novalidate>
        <p class="hint">${t('quiz.drawLead')}</p>
        <table class="quotas" id="quotas"><thead><tr><th>${t('editor.topic')}</th><th>${t('editor.difficulty')}</th><th>${t('quiz.count')}</th><th><span class="visually-hidden">${t('common.actions')}</span></th></tr></thead>
          <tbody>${this.quotas.map((quota, i) => html`<tr>
            <td><select id=${'quota-topic-' + i} aria-label=${t('quiz.quotaTopic', { n: i + 1 })} @change=${(e) => this.setQuota(i, 'topic', e.target.value)}>
              <option value="" ?selected=${!quota.topic}>${t('quiz.anyTopic')}</option>${TOPICS.map((x) => html`<option value=${x} ?selected=${quota.topic === x}>${t('topic.' + x)}</option>`)}</select></td>
            <td><select id=${'quota-difficulty-' + i} aria-label=${t('quiz.quotaDifficulty', { n: i + 1 })} @change=${(e) => this.setQuota(i, 'difficulty', e.target.value)}>
              <option value="" ?selected=${!quota.difficulty}>${t('quiz.anyDifficulty')}</option>${DIFFICULTIES.map((x) => html`<option value=${String(x)} ?selected=${String(quota.difficulty) === String(x)}>${t('difficulty.' + x)}</option>`)}</select></td>
            <td><input type="number" min="1" max="200" id=${'quota-count-' + i} aria-label=${t('quiz.quotaCount', { n: i + 1 })} .value=${live(String(quota.count))}
              @input=${(e) => this.setQuota(i, 'count', e.target.value)}></td>
            <td>${this.quotas.length > 1 ? html`<button type="button" class="icon" aria-label=${t('quiz.removeQuota', { n: i + 1 })} @click=${() => { this.quotas.splice(i, 1); this.update(); }}>✕</button>` : nothing}</td>
          </tr>`)}</tbody></table>
        ${this.quotas.length < 30 ? html`<button type="button" id="add-quota" @click=${() => { this.quotas.push({ topic: '', difficulty: '', count: 1 }); this.update(); }}>${t('quiz.addQuota')}</button>` : nothing}
        <div class="form-grid">
          <div class="field"><label for="draw-bank">${t('bank.bank')}</label><select id="draw-bank" @change=${(e) => { this.drawBank = e.target.value; }}>
            <option value="">${t('bank.allBanks')}</option>${(this.banks || []).map((b) => html`<option value=${String(b.id)} ?selected=${String(b.id) === this.drawBank}>${b.name}</option>`)}</select></div>
          <div class="field"><label for="draw-seed">${t('quiz.seed')}</label><input id="draw-seed" inputmode="numeric" maxlength="15" .value=${live(this.seed)} @input=${(e) => { this.seed = e.target.value; }}>
            <p class="hint">${t('quiz.seedHint')}</p></div>
        </div>
        <p class="hint">${t('quiz.publishedOnly')}</p>
        <button type="submit" class="primary" id="draw-submit" ?disabled=${this.drawing}>${t('quiz.draw')}</button>
      </form>
      ${errorBox(this.drawError)}
      ${this.drawing ? spinner() : nothing}
      ${this.drawn ? html`<div class="drawn" id="drawn">
        <h3>${t('quiz.drawn', { count: this.drawn.questions.length, seed: this.drawn.seed })}</h3>
        <ol id="drawn-questions">${this.drawn.questions.map((q) => html`<li data-id=${q.id}>${truncate(q.text, 110)}<span class="hint"> · ${t('topic.' + q.topic)} · ${t('difficulty.' + q.difficulty)}</span>
          ${this.has(q.id) ? html`<span class="badge">${t('quiz.already')}</span>` : nothing}</li>`)}</ol>
        <div class="actions">
          <button type="button" class="primary" id="drawn-add" @click=${() => this.acceptDrawn(false)}>${t('quiz.drawnAdd')}</button>
          <button type="button" id="drawn-replace" @click=${() => this.acceptDrawn(true)}>${t('quiz.drawnReplace')}</button>
          <button type="button" id="draw-again" @click=${() => this.draw(true)}>${t('quiz.drawAgain')}</button>
        </div></div>` : nothing}`;
  }
}
