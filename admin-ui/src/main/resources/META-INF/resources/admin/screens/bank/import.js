// Importing a question file into a bank, with the server's report row by row; the template download.
import { html, nothing } from 'lit-html';
import { api, download, query } from '../../lib/api.js';
import { t, num, errorMessage } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, spinner, saveBlob } from '../../lib/ui.js';

const IMPORT_FORMATS = ['', 'xlsx', 'kahoot', 'csv', 'json'];

export class QuestionImportScreen extends Screen {
  title() {
    return t('import.title');
  }

  async enter() {
    this.banks = (await api.get('/api/banks')).filter((b) => b.writable);
    const asked = Number(this.query.get('bankId'));
    this.bankId = this.banks.some((b) => b.id === asked) ? asked : (this.banks[0] || {}).id;
  }

  async template() {
    this.error = null;
    try {
      const file = await download('/api/questions/template.xlsx', 'template.xlsx');
      saveBlob(file.blob, file.filename);
    } catch (e) {
      this.error = e;
      this.update();
    }
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    const file = form.elements.file.files[0];
    this.error = null;
    this.report = null;
    this.rejected = null;
    if (!file) {
      this.error = t('import.noFile');
      return this.update();
    }
    const body = new FormData();
    body.append('file', file);
    const options = { format: form.elements.format.value, validOnly: form.elements.validOnly.checked ? 'true' : '',
      dryRun: form.elements.dryRun.checked ? 'true' : '' };
    this.busy = true;
    this.fileName = file.name;
    this.update();
    try {
      this.report = await api.post('/api/banks/' + form.elements.bank.value + '/import' + query(options), body);
      if (this.report.written) this.app.toast(t('import.done', { count: this.report.imported }));
    } catch (e) {
      if (e.code === 'import.rejected') this.rejected = e;
      else this.error = e;
    } finally {
      this.busy = false;
      this.update();
    }
  }

  render() {
    return html`${pageHeader(t('import.title'), html`<a href=${'#/questions' + query({ bankId: this.bankId })}>${t('import.backToBank')}</a>`)}
      ${errorBox(this.error)}
      ${this.banks ? this.form() : spinner()}
      ${this.busy ? spinner() : nothing}
      ${this.report ? this.success(this.report) : nothing}
      ${this.rejected ? this.rejectedView(this.rejected) : nothing}`;
  }

  form() {
    if (!this.banks.length) return html`<p class="card">${t('import.noBank')} <a href="#/questions">${t('bank.newBank')}</a></p>`;
    return html`<section class="card import-steps">
      <ol class="steps">
        <li><p>${t('import.step1')}</p><button type="button" id="download-template" @click=${() => this.template()}>${t('import.template')}</button></li>
        <li><p>${t('import.step2')}</p></li>
        <li><p>${t('import.step3')}</p>
          <form id="import-form" @submit=${(e) => this.submit(e)} novalidate>
            <div class="form-grid">
              <div class="field"><label for="import-bank">${t('import.bank')}</label>
                <select id="import-bank" name="bank" @change=${(e) => { this.bankId = Number(e.target.value); }}>
                  ${this.banks.map((b) => html`<option value=${String(b.id)} ?selected=${b.id === this.bankId}>${b.name}</option>`)}</select></div>
              <div class="field"><label for="import-format">${t('import.format')}</label>
                <select id="import-format" name="format">${IMPORT_FORMATS.map((f) => html`<option value=${f}>${f ? t('format.' + f) : t('import.formatAuto')}</option>`)}</select></div>
            </div>
            <div class="field"><label for="import-file">${t('import.file')}</label>
              <input type="file" id="import-file" name="file" accept=".xlsx,.csv,.json,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
              <p class="hint">${t('import.fileHint')}</p></div>
            <label class="check"><input type="checkbox" name="dryRun" id="import-dry-run">${t('import.dryRun')}</label>
            <label class="check"><input type="checkbox" name="validOnly" id="import-valid-only">${t('import.validOnly')}</label>
            <p class="hint">${t('import.rule')}</p>
            <button type="submit" class="primary" id="import-submit" ?disabled=${this.busy}>${t('import.submit')}</button>
          </form></li>
      </ol></section>`;
  }

  success(r) {
    return html`<section class="card import-result ok" id="import-result" aria-live="polite">
      <h2>${r.dryRun ? t('import.dryRunDone') : t('import.resultTitle')}</h2>
      <dl class="counts">
        <div><dt>${t('import.rowsRead')}</dt><dd id="import-rows-read">${num(r.rowsRead)}</dd></div>
        <div><dt>${r.dryRun ? t('import.wouldImport') : t('import.imported')}</dt><dd id="import-imported">${num(r.imported)}</dd></div>
        <div><dt>${t('import.errors')}</dt><dd>${num(r.errors.length)}</dd></div>
        <div><dt>${t('import.duplicates')}</dt><dd>${num(r.duplicates.length)}</dd></div>
      </dl>
      ${r.dryRun ? html`<p>${t('import.dryRunNote')}</p>` : nothing}
      ${(r.notes || []).map((note) => html`<p class="import-note">${note}</p>`)}
      ${r.errors.length ? html`<p>${t('import.skippedNote')}</p>${this.issues('import-errors', t('import.errorTable'), r.errors)}` : nothing}
      ${r.duplicates.length ? this.issues('import-duplicates', t('import.duplicateTable'), r.duplicates) : nothing}
      ${r.written ? html`<p><a href=${'#/questions' + query({ bankId: this.bankId })} id="see-imported">${t('import.see')}</a></p>` : nothing}
    </section>`;
  }

  rejectedView(e) {
    const p = e.problem || {};
    const errors = Array.isArray(p.errors) ? p.errors : [];
    const duplicates = Array.isArray(p.duplicates) ? p.duplicates : [];
    return html`<section class="card import-result bad" id="import-rejected" role="alert">
      <h2>${t('import.rejectedTitle')}</h2>
      <p class="rejected-detail">${errorMessage(e)}</p>
      <p>${t('import.rejectedNote', { rows: num(p.rowsRead || 0), errors: num(errors.length) })}</p>
      ${this.issues('import-errors', t('import.errorTable'), errors)}
      ${duplicates.length ? this.issues('import-duplicates', t('import.duplicateTable'), duplicates) : nothing}
    </section>`;
  }

  issues(id, caption, list) {
    return html`<div class="table-wrap"><table id=${id} class="issues">
      <caption>${caption}</caption>
      <thead><tr><th class="num">${t('import.row')}</th><th>${t('import.column')}</th><th>${t('import.message')}</th></tr></thead>
      <tbody>${list.map((x) => html`<tr data-row=${x.row}><td class="num">${x.row > 0 ? x.row : t('import.wholeFile')}</td>
        <td>${x.column || '—'}</td><td>${x.message}</td></tr>`)}</tbody></table></div>`;
  }
}
