// Creating and editing one question, with the phone preview beside the form.
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { api } from '../../lib/api.js';
import { t, errorMessage } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, spinner } from '../../lib/ui.js';
import {
  TYPES, TOPICS, STATUSES, DIFFICULTIES, LANGUAGES, POINTS, MIN_OPTIONS, MAX_OPTIONS, MAX_ACCEPTED,
  blankQuestion, draftOf, bodyOf, changeType, hasOptions, statusBadge, trueFalseOptions,
} from './model.js';
import { phonePreview } from './preview.js';

const LETTERS = 'ABCDEF';

export class QuestionEditorScreen extends Screen {
  constructor(app, params, query) {
    super(app, params, query);
    this.isNew = !params.id;
    this.draft = null;
    this.kept = {};
    this.fields = {};
    this.mode = 'question';
    this.translations = [];
  }

  title() {
    return this.isNew ? t('editor.newTitle') : t('editor.title');
  }

  get writable() {
    const bank = this.banks && this.banks.find((b) => b.id === Number(this.draft && this.draft.bankId));
    return this.app.allows('ORGANISER') && (!bank || bank.writable);
  }

  async enter() {
    this.banks = await api.get('/api/banks');
    if (this.isNew) {
      const bankId = Number(this.query.get('bankId')) || (this.banks.find((b) => b.writable) || {}).id;
      this.draft = blankQuestion(bankId, this.query.get('language') || 'VI', this.query.get('translationGroup'));
    } else {
      await this.load();
    }
  }

  async load() {
    const question = await api.get('/api/questions/' + this.params.id);
    this.draft = draftOf(question);
    this.kept = {};
    this.translations = await api.get('/api/questions/' + this.params.id + '/translations').catch(() => []);
  }

  set(name, value) {
    if (name === 'type') changeType(this.draft, value, this.kept);
    else if (name === 'language' && this.draft.type === 'TRUE_FALSE'
      && this.draft.options.join('|') === trueFalseOptions(this.draft.language).join('|')) {
      this.draft.language = value;
      this.draft.options = trueFalseOptions(value);
    } else this.draft[name] = value;
    delete this.fields[name];
    this.update();
  }

  // ---- saving ----

  async save(event) {
    event.preventDefault();
    this.error = null;
    this.stale = false;
    this.fields = {};
    this.busy = true;
    this.update();
    try {
      const body = bodyOf(this.draft);
      const saved = this.isNew ? await api.post('/api/questions', body) : await api.put('/api/questions/' + this.draft.id, body);
      this.app.toast(t('editor.saved'));
      if (this.isNew) return this.app.navigate('/questions/' + saved.id);
      this.draft = draftOf(saved);
    } catch (e) {
      this.failed(e);
    } finally {
      this.busy = false;
      this.update();
    }
  }

  failed(e) {
    if (e.code === 'question.stale') {
      this.stale = true;
      return;
    }
    this.error = e;
    const problem = e.problem || {};
    if (Array.isArray(problem.violations)) problem.violations.forEach((v) => { if (!this.fields[v.field]) this.fields[v.field] = v.message; });
    else if (problem.fields && typeof problem.fields === 'object') Object.assign(this.fields, problem.fields);
  }

  /** Drops what was typed and shows the question as it is now on the server. */
  async reload() {
    this.stale = false;
    this.error = null;
    this.fields = {};
    await this.load();
    this.app.toast(t('editor.reloaded'));
    this.update();
  }

  async changeStatus(status) {
    this.error = null;
    try {
      const saved = await api.post('/api/questions/' + this.draft.id + '/status', { status, version: this.draft.version });
      this.draft.status = saved.status;
      this.draft.version = saved.version;
      this.app.toast(t('status.changed', { status: t('status.' + saved.status) }));
    } catch (e) {
      this.failed(e);
    }
    this.update();
  }

  async remove() {
    this.error = null;
    try {
      await api.del('/api/questions/' + this.draft.id);
      this.app.toast(t('editor.deleted'));
      this.app.navigate('/questions?bankId=' + this.draft.bankId);
    } catch (e) {
      this.confirmDelete = false;
      this.error = e;
      this.update();
    }
  }

  // ---- image ----

  async upload(event) {
    const file = event.target.files && event.target.files[0];
    if (!file) return;
    this.imageError = null;
    this.uploading = true;
    this.update();
    const form = new FormData();
    form.append('file', file);
    try {
      const image = await api.post('/api/images', form);
      this.set('imageUrl', image.url);
    } catch (e) {
      this.imageError = e;
    } finally {
      this.uploading = false;
      event.target.value = '';
      this.update();
    }
  }

  // ---- options ----

  setOption(index, value) {
    this.draft.options[index] = value;
    delete this.fields.options;
    this.update();
  }

  addOption() {
    if (this.draft.options.length < MAX_OPTIONS) this.draft.options.push('');
    this.update();
  }

  removeOption(index) {
    const d = this.draft;
    if (d.options.length <= MIN_OPTIONS) return;
    d.options.splice(index, 1);
    d.correct = d.correct.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i));
    if (d.type === 'SINGLE_CHOICE' && !d.correct.length) d.correct = [0];
    this.update();
  }

  moveOption(index, step) {
    const d = this.draft;
    const other = index + step;
    if (other < 0 || other >= d.options.length) return;
    [d.options[index], d.options[other]] = [d.options[other], d.options[index]];
    d.correct = d.correct.map((i) => (i === index ? other : i === other ? index : i));
    this.update();
  }

  markCorrect(index, checked) {
    const d = this.draft;
    if (d.type === 'MULTIPLE_SELECT') d.correct = checked ? d.correct.concat([index]) : d.correct.filter((i) => i !== index);
    else d.correct = [index];
    delete this.fields.correct;
    this.update();
  }

  setAccepted(index, value) {
    this.draft.accepted[index] = value;
    delete this.fields.accepted;
    this.update();
  }

  // ---- rendering ----

  fieldError(name) {
    return this.fields[name] ? html`<p class="field-error" id=${'err-' + name}>${this.fields[name]}</p>` : nothing;
  }

  control(id, name, label, input, hint) {
    return html`<div class=${'field' + (this.fields[name] ? ' has-error' : '')}><label for=${id}>${label}</label>${input}
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}${this.fieldError(name)}</div>`;
  }

  select(id, name, values, label, labelOf, numeric) {
    return this.control(id, name, label, html`<select id=${id} .value=${live(String(this.draft[name]))} ?disabled=${!this.writable}
      @change=${(e) => this.set(name, numeric ? Number(e.target.value) : e.target.value)}>
      ${values.map((v) => html`<option value=${String(v)} ?selected=${String(this.draft[name]) === String(v)}>${labelOf(v)}</option>`)}</select>`);
  }

  render() {
    if (!this.draft) return html`${pageHeader(this.title())}${spinner()}`;
    const d = this.draft;
    return html`${pageHeader(this.title(), html`<a href=${'#/questions?bankId=' + (d.bankId || '')}>${t('editor.backToList')}</a>
        ${this.writable ? html`<button type="submit" form="question-form" class="primary" id="save-question-top" ?disabled=${this.busy}>${t('common.save')}</button>` : nothing}`)}
      ${this.stale ? html`<div class="error-box stale-box" role="alert" id="stale-box"><p>${t('editor.stale')}</p>
        <button type="button" class="primary" id="reload-question" @click=${() => this.reload()}>${t('editor.reload')}</button></div>` : nothing}
      ${errorBox(this.error)}
      <div class="editor-layout">
        <form id="question-form" class="card question-form" @submit=${(e) => this.save(e)} novalidate>
          ${this.statusBar()}
          ${this.basics()}
          ${this.answerSection()}
          ${this.details()}
          ${this.writable ? html`<div class="form-actions">
            <button type="submit" class="primary" id="save-question" ?disabled=${this.busy}>${this.busy ? t('common.loading') : t('common.save')}</button>
          </div>` : html`<p class="hint">${t('editor.readOnly')}</p>`}
        </form>
        <aside class="preview-column" aria-labelledby="preview-title">
          <div class="preview-head"><h2 id="preview-title">${t('preview.title')}</h2>
            <div class="segmented" role="group" aria-label=${t('preview.mode')}>
              <button type="button" id="preview-question" aria-pressed=${this.mode === 'question' ? 'true' : 'false'} @click=${() => { this.mode = 'question'; this.update(); }}>${t('preview.modeQuestion')}</button>
              <button type="button" id="preview-result" aria-pressed=${this.mode === 'result' ? 'true' : 'false'} @click=${() => { this.mode = 'result'; this.update(); }}>${t('preview.modeResult')}</button>
            </div></div>
          ${phonePreview(d, this.mode)}
        </aside>
      </div>`;
  }

  statusBar() {
    const d = this.draft;
    if (this.isNew) return nothing;
    const others = this.translations.filter((x) => x.id !== d.id);
    const missing = LANGUAGES.filter((l) => l !== d.language && !others.some((x) => x.language === l));
    return html`<div class="status-bar">
      <span>${t('editor.status')}: <span class=${statusBadge(d.status)} id="question-status">${t('status.' + d.status)}</span></span>
      ${this.writable ? html`<span class="actions">${STATUSES.filter((s) => s !== d.status).map((s) => html`<button type="button"
        data-status=${s} @click=${() => this.changeStatus(s)}>${t('status.to.' + s)}</button>`)}</span>` : nothing}
      <span class="translations">${others.map((x) => html`<a href=${'#/questions/' + x.id} data-translation=${x.language}>${t('editor.translation', { language: t('language.' + x.language) })}</a>`)}
        ${this.writable ? missing.map((l) => html`<a href=${'#/questions/new?bankId=' + d.bankId + '&language=' + l + '&translationGroup=' + encodeURIComponent(d.translationGroup)}
          data-add-translation=${l}>${t('editor.addTranslation', { language: t('language.' + l) })}</a>`) : nothing}</span>
      ${this.writable ? (this.confirmDelete ? html`<span class="confirm" role="group" aria-label=${t('editor.deleteConfirm')}>${t('editor.deleteConfirm')}
          <button type="button" class="danger" id="confirm-delete" @click=${() => this.remove()}>${t('common.delete')}</button>
          <button type="button" @click=${() => { this.confirmDelete = false; this.update(); }}>${t('common.cancel')}</button></span>`
        : html`<button type="button" class="link danger-link" id="delete-question" @click=${() => { this.confirmDelete = true; this.update(); }}>${t('editor.delete')}</button>`) : nothing}
    </div>`;
  }

  basics() {
    const d = this.draft;
    const ro = !this.writable;
    const writableBanks = (this.banks || []).filter((b) => b.writable || b.id === Number(d.bankId));
    return html`<div class="form-grid">
      ${this.control('q-bank', 'bankId', t('editor.bank'), html`<select id="q-bank" ?disabled=${ro} .value=${live(String(d.bankId || ''))}
        @change=${(e) => this.set('bankId', Number(e.target.value))}>
        ${writableBanks.map((b) => html`<option value=${String(b.id)} ?selected=${b.id === Number(d.bankId)}>${b.name}</option>`)}</select>`)}
      ${this.select('q-type', 'type', TYPES, t('editor.type'), (v) => t('type.' + v))}
      ${this.select('q-language', 'language', LANGUAGES, t('editor.language'), (v) => t('language.' + v))}
    </div>
    ${this.control('q-text', 'text', t('editor.text'), html`<textarea id="q-text" maxlength="1000" ?readonly=${ro} .value=${live(d.text)}
      aria-invalid=${this.fields.text ? 'true' : 'false'} @input=${(e) => this.set('text', e.target.value)}></textarea>`,
      t('editor.textHint', { count: d.text.length }))}`;
  }

  answerSection() {
    const d = this.draft;
    const ro = !this.writable;
    if (d.type === 'TYPE_ANSWER') {
      return html`<fieldset class="answers" id="accepted-answers"><legend>${t('editor.accepted')}</legend>
        <p class="hint">${t('editor.acceptedHint')}</p>
        ${d.accepted.map((a, i) => html`<div class="option-row"><label class="visually-hidden" for=${'accepted-' + i}>${t('editor.acceptedN', { n: i + 1 })}</label>
          <input id=${'accepted-' + i} maxlength="100" ?readonly=${ro} .value=${live(a)} @input=${(e) => this.setAccepted(i, e.target.value)}>
          ${!ro && d.accepted.length > 1 ? html`<button type="button" class="icon" aria-label=${t('editor.removeAccepted', { n: i + 1 })}
            @click=${() => { d.accepted.splice(i, 1); this.update(); }}>✕</button>` : nothing}</div>`)}
        ${!ro && d.accepted.length < MAX_ACCEPTED ? html`<button type="button" id="add-accepted" @click=${() => { d.accepted.push(''); this.update(); }}>${t('editor.addAccepted')}</button>` : nothing}
        ${this.fieldError('accepted')}</fieldset>`;
    }
    if (d.type === 'NUMERIC') {
      return html`<fieldset class="answers"><legend>${t('editor.numeric')}</legend><div class="form-grid">
        ${this.control('q-value', 'value', t('editor.value'), html`<input id="q-value" inputmode="decimal" ?readonly=${ro} .value=${live(d.value)} @input=${(e) => this.set('value', e.target.value)}>`)}
        ${this.control('q-tolerance', 'tolerance', t('editor.tolerance'), html`<input id="q-tolerance" inputmode="decimal" ?readonly=${ro} .value=${live(d.tolerance)} @input=${(e) => this.set('tolerance', e.target.value)}>`, t('editor.toleranceHint'))}
      </div></fieldset>`;
    }
    const tf = d.type === 'TRUE_FALSE';
    const marks = d.type === 'SINGLE_CHOICE' || d.type === 'MULTIPLE_SELECT' || tf;
    const hint = d.type === 'ORDERING' ? t('editor.orderingHint') : d.type === 'POLL' ? t('editor.pollHint')
      : d.type === 'MULTIPLE_SELECT' ? t('editor.multipleHint') : t('editor.singleHint');
    return html`<fieldset class="answers" id="options"><legend>${t('editor.options')}</legend>
      <p class="hint">${hint}</p>
      ${d.options.map((o, i) => html`<div class=${'option-row option-' + i}>
        <span class=${'letter letter-' + (i % 4)} aria-hidden="true">${LETTERS[i]}</span>
        <label class="visually-hidden" for=${'option-' + i}>${t('editor.optionN', { letter: LETTERS[i] })}</label>
        <input id=${'option-' + i} maxlength="200" ?readonly=${ro || tf} .value=${live(o)} aria-invalid=${this.fields.options ? 'true' : 'false'}
          @input=${(e) => this.setOption(i, e.target.value)}>
        ${marks ? html`<label class="correct-mark"><input type=${d.type === 'MULTIPLE_SELECT' ? 'checkbox' : 'radio'} name="correct" id=${'correct-' + i}
          ?disabled=${ro} .checked=${live(d.correct.indexOf(i) >= 0)} @change=${(e) => this.markCorrect(i, e.target.checked)}>${t('editor.correct')}</label>` : nothing}
        ${!ro && d.type === 'ORDERING' ? html`<button type="button" class="icon" aria-label=${t('editor.moveUp', { letter: LETTERS[i] })} ?disabled=${i === 0} @click=${() => this.moveOption(i, -1)}>↑</button>
          <button type="button" class="icon" aria-label=${t('editor.moveDown', { letter: LETTERS[i] })} ?disabled=${i === d.options.length - 1} @click=${() => this.moveOption(i, 1)}>↓</button>` : nothing}
        ${!ro && !tf && d.options.length > MIN_OPTIONS ? html`<button type="button" class="icon" id=${'remove-option-' + i}
          aria-label=${t('editor.removeOption', { letter: LETTERS[i] })} @click=${() => this.removeOption(i)}>✕</button>` : nothing}
      </div>`)}
      ${!ro && !tf && d.options.length < MAX_OPTIONS ? html`<button type="button" id="add-option" @click=${() => this.addOption()}>${t('editor.addOption')}</button>` : nothing}
      ${tf ? html`<button type="button" class="link" @click=${() => { d.options = trueFalseOptions(d.language); this.update(); }}>${t('editor.trueFalseReset')}</button>` : nothing}
      ${this.fieldError('options')}${this.fieldError('correct')}
    </fieldset>`;
  }

  details() {
    const d = this.draft;
    const ro = !this.writable;
    return html`${this.control('q-explanation', 'explanation', t('editor.explanation'), html`<textarea id="q-explanation" maxlength="2000" ?readonly=${ro}
        .value=${live(d.explanation)} @input=${(e) => this.set('explanation', e.target.value)}></textarea>`, t('editor.explanationHint'))}
      <div class="form-grid">
        ${this.control('q-time', 'timeLimitSeconds', t('editor.time'), html`<input id="q-time" type="number" min="5" max="240" step="1" ?readonly=${ro}
          .value=${live(String(d.timeLimitSeconds))} @input=${(e) => this.set('timeLimitSeconds', e.target.value)}>`, t('editor.timeHint'))}
        ${this.select('q-points', 'points', POINTS, t('editor.points'), (v) => t('points.' + v))}
        ${this.select('q-difficulty', 'difficulty', DIFFICULTIES, t('editor.difficulty'), (v) => t('difficulty.' + v), true)}
        ${this.select('q-topic', 'topic', TOPICS, t('editor.topic'), (v) => t('topic.' + v))}
        ${this.select('q-status', 'status', STATUSES, t('editor.status'), (v) => t('status.' + v))}
      </div>
      ${this.control('q-tags', 'tags', t('editor.tags'), html`<input id="q-tags" ?readonly=${ro} .value=${live(d.tags)} @input=${(e) => this.set('tags', e.target.value)}>`, t('editor.tagsHint'))}
      ${this.control('q-source', 'source', t('editor.source'), html`<input id="q-source" maxlength="500" ?readonly=${ro} .value=${live(d.source)} @input=${(e) => this.set('source', e.target.value)}>`, t('editor.sourceHint'))}
      ${this.imageField()}`;
  }

  imageField() {
    const d = this.draft;
    return html`<fieldset class="image-field"><legend>${t('editor.image')}</legend>
      ${d.imageUrl ? html`<div class="image-current"><img id="image-thumb" src=${d.imageUrl} alt=${t('editor.imageAlt')}>
        <code>${d.imageUrl}</code>
        ${this.writable ? html`<button type="button" id="remove-image" @click=${() => this.set('imageUrl', '')}>${t('editor.imageRemove')}</button>` : nothing}</div>`
        : html`<p class="hint">${t('editor.imageNone')}</p>`}
      ${this.writable ? html`<label for="image-file">${t('editor.imageUpload')}</label>
        <input type="file" id="image-file" accept="image/png,image/jpeg,image/gif,image/webp" @change=${(e) => this.upload(e)} ?disabled=${this.uploading}>
        <p class="hint">${t('editor.imageHint')}</p>` : nothing}
      ${this.uploading ? spinner() : nothing}
      ${this.imageError ? html`<p class="field-error" id="image-error" role="alert">${errorMessage(this.imageError)}</p>` : nothing}
      ${this.fieldError('imageUrl')}
    </fieldset>`;
  }
}
