// The question list: search and filters kept in the address, server pages, status changes for
// selected rows, the bank selector with "new bank" and the export.
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { api, download, query } from '../../lib/api.js';
import { t, num } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { pageHeader, spinner, saveBlob, errorBox } from '../../lib/ui.js';
import { TOPICS, STATUSES, DIFFICULTIES, LANGUAGES, statusBadge } from './model.js';

const FILTERS = ['q', 'bankId', 'topic', 'difficulty', 'status', 'lang', 'tag'];
const PAGE_SIZE = 20;
export const EXPORT_FORMATS = ['xlsx', 'kahoot', 'csv', 'json'];

function truncate(text, length) {
  return text.length > length ? text.slice(0, length - 1) + '…' : text;
}

export class QuestionListScreen extends Screen {
  constructor(app, params, query) {
    super(app, params, query);
    this.filter = {};
    FILTERS.forEach((name) => { this.filter[name] = query.get(name) || ''; });
    this.page = Math.max(0, Number(query.get('page')) || 0);
    this.selected = new Set();
    this.exportFormat = 'xlsx';
  }

  title() {
    return t('bank.title');
  }

  async enter() {
    await Promise.all([this.loadBanks(), this.search()]);
  }

  async loadBanks() {
    this.banks = await api.get('/api/banks');
  }

  async search() {
    this.error = null;
    try {
      this.result = await api.get('/api/questions' + query(Object.assign({}, this.filter, { page: this.page, size: PAGE_SIZE })));
    } catch (e) {
      this.error = e;
      this.result = { items: [], total: 0, page: 0, size: PAGE_SIZE };
    }
    this.selected.clear();
    this.update();
  }

  /** Puts the filters in the address: reload and the back button keep them. */
  go(page) {
    this.app.navigate('/questions' + query(Object.assign({}, this.filter, { page: page || '' })));
  }

  submit(event) {
    event.preventDefault();
    const form = event.target;
    FILTERS.forEach((name) => { if (form.elements[name]) this.filter[name] = form.elements[name].value.trim(); });
    this.go(0);
  }

  clear() {
    FILTERS.forEach((name) => { if (name !== 'bankId') this.filter[name] = ''; });
    this.go(0);
  }

  get bank() {
    return this.banks && this.banks.find((b) => String(b.id) === String(this.filter.bankId));
  }

  // ---- selection and status ----

  toggle(id, on) {
    if (on) this.selected.add(id);
    else this.selected.delete(id);
    this.update();
  }

  toggleAll(on) {
    this.result.items.forEach((q) => (on ? this.selected.add(q.id) : this.selected.delete(q.id)));
    this.update();
  }

  async setStatus(status) {
    const ids = Array.from(this.selected);
    this.error = null;
    let done = 0;
    for (const id of ids) {
      try {
        await api.post('/api/questions/' + id + '/status', { status });
        done++;
      } catch (e) {
        this.error = e;
      }
    }
    this.app.toast(t('bank.statusChanged', { count: done, status: t('status.' + status) }), this.error ? 'error' : 'ok');
    await this.search();
  }

  // ---- banks ----

  async createBank(event) {
    event.preventDefault();
    const form = event.target;
    this.bankError = null;
    try {
      const bank = await api.post('/api/banks', { name: form.elements.bankName.value.trim(), shared: form.elements.shared ? form.elements.shared.checked : false });
      this.app.toast(t('bank.created', { name: bank.name }));
      this.creatingBank = false;
      this.filter.bankId = String(bank.id);
      await this.loadBanks();
      this.go(0);
    } catch (e) {
      this.bankError = e;
      this.update();
    }
  }

  async exportBank() {
    this.error = null;
    try {
      const file = await download('/api/banks/' + this.filter.bankId + '/export' + query({ format: this.exportFormat }), 'questions.' + (this.exportFormat === 'kahoot' ? 'xlsx' : this.exportFormat));
      saveBlob(file.blob, file.filename);
      this.app.toast(t('bank.exported', { name: file.filename }));
    } catch (e) {
      this.error = e;
      this.update();
    }
  }

  // ---- rendering ----

  render() {
    const writer = this.app.allows('ORGANISER');
    return html`${pageHeader(t('bank.title'), writer ? html`
        <a class="button" href=${'#/questions/import' + query({ bankId: this.filter.bankId })} id="open-import">${t('bank.import')}</a>
        <a class="button primary" href=${'#/questions/new' + query({ bankId: this.filter.bankId })} id="new-question">${t('bank.newQuestion')}</a>` : nothing)}
      ${this.banks ? this.bankPanel(writer) : nothing}
      ${this.filters()}
      ${errorBox(this.error)}
      ${this.result ? this.table(writer) : spinner()}`;
  }

  bankPanel(writer) {
    const bank = this.bank;
    return html`<section class="card bank-panel" aria-labelledby="bank-panel-title">
      <h2 id="bank-panel-title" class="visually-hidden">${t('bank.banks')}</h2>
      <div class="bank-row">
        <div class="field"><label for="bank-select">${t('bank.bank')}</label>
          <select id="bank-select" .value=${live(this.filter.bankId)} @change=${(e) => { this.filter.bankId = e.target.value; this.go(0); }}>
            <option value="">${t('bank.allBanks')}</option>
            ${this.banks.map((b) => html`<option value=${String(b.id)} ?selected=${String(b.id) === this.filter.bankId}>${b.name}${b.shared ? ' · ' + t('bank.shared') : ''} (${num(b.questionCount)})</option>`)}
          </select></div>
        ${bank ? html`<div class="field"><label for="export-format">${t('bank.exportFormat')}</label>
          <span class="inline"><select id="export-format" @change=${(e) => { this.exportFormat = e.target.value; }}>
            ${EXPORT_FORMATS.map((f) => html`<option value=${f} ?selected=${f === this.exportFormat}>${t('format.' + f)}</option>`)}</select>
          <button type="button" id="export-bank" @click=${() => this.exportBank()}>${t('bank.export')}</button></span></div>` : nothing}
        ${writer && !this.creatingBank ? html`<button type="button" id="new-bank" @click=${() => { this.creatingBank = true; this.update(); }}>${t('bank.newBank')}</button>` : nothing}
      </div>
      ${this.creatingBank ? html`<form id="bank-form" class="inline-form" @submit=${(e) => this.createBank(e)} novalidate>
        <div class="field"><label for="bank-name">${t('bank.name')}</label><input id="bank-name" name="bankName" maxlength="200" required></div>
        ${this.app.allows('ADMIN') ? html`<label class="check"><input type="checkbox" name="shared" id="bank-shared">${t('bank.sharedLabel')}</label>` : nothing}
        <button type="submit" class="primary">${t('bank.createBank')}</button>
        <button type="button" @click=${() => { this.creatingBank = false; this.bankError = null; this.update(); }}>${t('common.cancel')}</button>
        ${errorBox(this.bankError)}</form>` : nothing}
    </section>`;
  }

  filters() {
    const f = this.filter;
    const opt = (value, label, current) => html`<option value=${value} ?selected=${String(current) === String(value)}>${label}</option>`;
    return html`<form id="search-form" class="card filters" role="search" @submit=${(e) => this.submit(e)}>
      <div class="field grow"><label for="search-q">${t('bank.search')}</label>
        <input id="search-q" name="q" type="search" maxlength="200" .value=${live(f.q)} placeholder=${t('bank.searchHint')}></div>
      <div class="field"><label for="filter-topic">${t('editor.topic')}</label><select id="filter-topic" name="topic">
        ${opt('', t('common.all'), f.topic)}${TOPICS.map((x) => opt(x, t('topic.' + x), f.topic))}</select></div>
      <div class="field"><label for="filter-difficulty">${t('editor.difficulty')}</label><select id="filter-difficulty" name="difficulty">
        ${opt('', t('common.all'), f.difficulty)}${DIFFICULTIES.map((x) => opt(x, t('difficulty.' + x), f.difficulty))}</select></div>
      <div class="field"><label for="filter-status">${t('editor.status')}</label><select id="filter-status" name="status">
        ${opt('', t('common.all'), f.status)}${STATUSES.map((x) => opt(x, t('status.' + x), f.status))}</select></div>
      <div class="field"><label for="filter-lang">${t('editor.language')}</label><select id="filter-lang" name="lang">
        ${opt('', t('common.all'), f.lang)}${LANGUAGES.map((x) => opt(x, t('language.' + x), f.lang))}</select></div>
      <div class="field"><label for="filter-tag">${t('editor.tag')}</label><input id="filter-tag" name="tag" maxlength="40" .value=${live(f.tag)}></div>
      <div class="filter-actions"><button type="submit" class="primary" id="search-submit">${t('common.search')}</button>
        <button type="button" id="search-clear" @click=${() => this.clear()}>${t('bank.clear')}</button></div>
    </form>`;
  }

  table(writer) {
    const r = this.result;
    const pages = Math.max(1, Math.ceil(r.total / r.size));
    const allOn = r.items.length > 0 && r.items.every((q) => this.selected.has(q.id));
    return html`<section class="results" aria-labelledby="results-count">
      <div class="results-head"><p id="results-count" aria-live="polite">${t('bank.count', { count: num(r.total) })}</p>
        ${writer && this.selected.size ? html`<div class="actions bulk" role="group" aria-label=${t('bank.bulk')}>
          <span>${t('bank.selected', { count: this.selected.size })}</span>
          ${STATUSES.map((s) => html`<button type="button" data-bulk-status=${s} @click=${() => this.setStatus(s)}>${t('status.to.' + s)}</button>`)}
        </div>` : nothing}</div>
      ${r.items.length === 0 ? html`<p class="empty card" id="no-questions">${t('bank.empty')}</p>` : html`<div class="table-wrap"><table id="question-table">
        <thead><tr>
          ${writer ? html`<th><input type="checkbox" id="select-all" aria-label=${t('bank.selectAll')} .checked=${live(allOn)} @change=${(e) => this.toggleAll(e.target.checked)}></th>` : nothing}
          <th>${t('editor.text')}</th><th>${t('editor.type')}</th><th>${t('editor.topic')}</th><th>${t('editor.difficulty')}</th>
          <th>${t('editor.status')}</th><th>${t('editor.language')}</th></tr></thead>
        <tbody>${r.items.map((q) => html`<tr data-id=${q.id}>
          ${writer ? html`<td><input type="checkbox" aria-label=${t('bank.select', { text: truncate(q.text, 40) })} .checked=${live(this.selected.has(q.id))}
            @change=${(e) => this.toggle(q.id, e.target.checked)}></td>` : nothing}
          <td class="q-text"><a href=${'#/questions/' + q.id} title=${q.text}>${truncate(q.text, 90)}</a></td>
          <td>${t('type.' + q.type)}</td><td>${t('topic.' + q.topic)}</td><td>${t('difficulty.' + q.difficulty)}</td>
          <td><span class=${statusBadge(q.status)}>${t('status.' + q.status)}</span></td><td>${q.language}</td></tr>`)}
        </tbody></table></div>
        <nav class="pager" aria-label=${t('bank.pages')}>
          <button type="button" id="page-previous" ?disabled=${r.page <= 0} @click=${() => this.go(r.page - 1)}>${t('common.previous')}</button>
          <span>${t('common.page', { page: r.page + 1, pages })}</span>
          <button type="button" id="page-next" ?disabled=${r.page + 1 >= pages} @click=${() => this.go(r.page + 1)}>${t('common.next')}</button>
        </nav>`}
    </section>`;
  }
}
