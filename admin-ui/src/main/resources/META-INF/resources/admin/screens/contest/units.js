// A contest's units as a tree (province > commune, ward or special zone > school, village or agency):
// the XLSX template, an upload checked first (dry run) with the row-by-row report, and edits by hand.
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { api, download, query } from '../../lib/api.js';
import { t, num, errorMessage } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, saveBlob, spinner } from '../../lib/ui.js';
import { contestPath, contestTabs, itemsOf, loadContest } from './model.js';

/** Units by parent code ('' for the top), each list in Vietnamese order of names. */
export function unitTree(units) {
  const known = new Set(units.map((u) => u.code));
  const children = new Map();
  units.forEach((u) => {
    const parent = u.parentCode && known.has(u.parentCode) ? u.parentCode : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(u);
  });
  children.forEach((list) => list.sort((a, b) => String(a.name).localeCompare(String(b.name), 'vi')));
  return children;
}

const COLUMNS = { code: 'contest.units.code', name: 'contest.units.name', parentCode: 'contest.units.parentCode', population: 'contest.units.population' };

/** The template's heading for a field the server names in a row problem. */
function columnLabel(field) {
  if (!field) return '—';
  return COLUMNS[field] ? t(COLUMNS[field]) : field;
}

/** The level label of a unit at this depth of the tree. */
export function levelLabel(depth) {
  return t('contest.level.' + Math.min(depth, 2));
}

export class ContestUnitsScreen extends Screen {
  title() {
    return this.contest ? this.contest.title + ' – ' + t('contest.tabs.units') : t('contest.tabs.units');
  }

  async enter() {
    this.dryRun = true;
    const [contest, units] = await Promise.all([loadContest(this.params.id), api.get(contestPath(this.params.id, '/units'))]);
    this.contest = contest;
    this.setUnits(itemsOf(units));
  }

  setUnits(units) {
    this.units = units.map((u) => ({ code: u.code, name: u.name, parentCode: u.parentCode || null,
      population: u.population === undefined ? null : u.population, level: u.level }));
    this.dirty = false;
    this.editing = null;
    this.adding = null;
  }

  async template() {
    this.error = null;
    try {
      const file = await download('/api/contests/units-template.xlsx', 'units-template.xlsx');
      saveBlob(file.blob, file.filename);
    } catch (e) {
      this.error = e;
      this.update();
    }
  }

  async upload(event) {
    event.preventDefault();
    const file = event.target.elements.file.files[0];
    this.error = null;
    this.report = null;
    this.rejected = null;
    if (!file) {
      this.error = t('contest.units.noFile');
      return this.update();
    }
    const body = new FormData();
    body.append('file', file);
    this.busy = true;
    this.update();
    try {
      const dryRun = this.dryRun;
      const report = await api.post(contestPath(this.params.id, '/units/import') + query({ dryRun: dryRun ? 'true' : 'false' }), body);
      report.dryRun = dryRun;
      // the server answers 200 with the row problems listed when the file has mistakes (nothing imported)
      if (Array.isArray(report.errors) && report.errors.length) {
        this.rejected = { message: t('contest.units.rejectedDetail', { rows: num(report.rows || 0), errors: num(report.errors.length) }), problem: report };
      } else {
        this.report = report;
        if (!dryRun) {
          this.setUnits(itemsOf(await api.get(contestPath(this.params.id, '/units'))));
          this.app.toast(t('contest.units.imported', { count: num(this.units.length) }));
        } else {
          this.dryRun = false;
        }
      }
    } catch (e) {
      if (e.status === 422 || (e.problem && Array.isArray(e.problem.errors))) this.rejected = e;
      else this.error = e;
    }
    this.busy = false;
    this.update();
  }

  async saveUnits() {
    this.error = null;
    this.busy = true;
    this.update();
    try {
      const saved = await api.put(contestPath(this.params.id, '/units'),
        this.units.map((u) => ({ code: u.code, name: u.name, parentCode: u.parentCode, population: u.population })));
      this.setUnits(itemsOf(saved).length || !this.units.length ? itemsOf(saved) : itemsOf(await api.get(contestPath(this.params.id, '/units'))));
      this.app.toast(t('contest.units.saved', { count: num(this.units.length) }));
    } catch (e) {
      this.error = e;
    }
    this.busy = false;
    this.update();
  }

  descendants(code) {
    const found = [];
    const walk = (parent) => this.units.filter((u) => u.parentCode === parent).forEach((u) => { found.push(u.code); walk(u.code); });
    walk(code);
    return found;
  }

  remove(code) {
    const gone = new Set([code].concat(this.descendants(code)));
    this.units = this.units.filter((u) => !gone.has(u.code));
    this.confirming = null;
    this.dirty = true;
    this.update();
  }

  addUnit(event, parentCode) {
    event.preventDefault();
    const f = event.target.elements;
    const code = f.code.value.trim();
    this.formError = null;
    if (!code || !f.name.value.trim()) this.formError = t('contest.units.codeAndName');
    else if (this.units.some((u) => u.code === code)) this.formError = t('contest.units.codeTaken', { code });
    if (this.formError) return this.update();
    this.units.push({ code, name: f.name.value.trim().normalize('NFC'), parentCode: parentCode || null,
      population: f.population.value === '' ? null : Number(f.population.value) });
    this.adding = null;
    this.dirty = true;
    this.update();
  }

  editUnit(event, unit) {
    event.preventDefault();
    const f = event.target.elements;
    if (!f.name.value.trim()) {
      this.formError = t('contest.units.codeAndName');
      return this.update();
    }
    unit.name = f.name.value.trim().normalize('NFC');
    unit.population = f.population.value === '' ? null : Number(f.population.value);
    this.editing = null;
    this.formError = null;
    this.dirty = true;
    this.update();
  }

  render() {
    if (!this.contest) return html`${pageHeader(t('contest.tabs.units'))}${spinner()}`;
    return html`${pageHeader(this.contest.title)}
      ${contestTabs(this.contest.id, 'units')}
      ${errorBox(this.error)}
      ${this.importCard()}
      ${this.busy ? spinner() : nothing}
      ${this.report ? this.reportView(this.report) : nothing}
      ${this.rejected ? this.rejectedView(this.rejected) : nothing}
      ${this.treeCard()}`;
  }

  importCard() {
    return html`<section class="card import-steps" aria-labelledby="units-import-title">
      <h2 id="units-import-title">${t('contest.units.importTitle')}</h2>
      <ol class="steps">
        <li><p>${t('contest.units.step1')}</p><button type="button" id="download-units-template" @click=${() => this.template()}>${t('contest.units.template')}</button></li>
        <li><p>${t('contest.units.step2')}</p></li>
        <li><p>${t('contest.units.step3')}</p>
          <form id="units-import-form" novalidate @submit=${(e) => this.upload(e)}>
            <div class="field"><label for="units-file">${t('contest.units.file')}</label>
              <input type="file" id="units-file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></div>
            <label class="check"><input type="checkbox" id="units-dry-run" .checked=${live(!!this.dryRun)}
              @change=${(e) => { this.dryRun = e.target.checked; }}>${t('contest.units.dryRun')}</label>
            <p class="hint">${t('contest.units.replaceNote')}</p>
            <button type="submit" class="primary" id="units-import-submit" ?disabled=${this.busy}>
              ${this.dryRun ? t('contest.units.check') : t('contest.units.import')}</button>
          </form></li></ol></section>`;
  }

  reportView(r) {
    const count = typeof r.units === 'number' ? r.units : Array.isArray(r.imported) ? r.imported.length : 0;
    return html`<section class="card import-result ok" id="units-import-result" aria-live="polite">
      <h2>${r.dryRun ? t('contest.units.dryRunDone') : t('contest.units.importDone')}</h2>
      <dl class="counts">
        <div><dt>${t('import.rowsRead')}</dt><dd id="units-rows-read">${num(r.rows !== undefined ? r.rows : r.rowsRead || 0)}</dd></div>
        <div><dt>${r.dryRun ? t('import.wouldImport') : t('import.imported')}</dt><dd id="units-imported">${num(count)}</dd></div></dl>
      ${r.dryRun ? html`<p id="units-dry-run-note">${t('contest.units.dryRunNote')}</p>` : nothing}</section>`;
  }

  rejectedView(e) {
    const p = e.problem || {};
    const errors = Array.isArray(p.errors) ? p.errors : [];
    return html`<section class="card import-result bad" id="units-import-rejected" role="alert">
      <h2>${t('contest.units.rejectedTitle')}</h2>
      <p class="rejected-detail">${e.status ? errorMessage(e) : e.message}</p>
      ${errors.length ? this.issues(errors) : nothing}</section>`;
  }

  issues(list) {
    return html`<div class="table-wrap"><table id="units-import-errors" class="issues">
      <caption>${t('import.errorTable')}</caption>
      <thead><tr><th class="num">${t('import.row')}</th><th>${t('import.column')}</th><th>${t('import.message')}</th></tr></thead>
      <tbody>${list.map((x) => html`<tr data-row=${x.row}><td class="num">${x.row > 0 ? x.row : t('import.wholeFile')}</td>
        <td>${x.column || columnLabel(x.field)}</td><td>${x.message}</td></tr>`)}</tbody></table></div>`;
  }

  treeCard() {
    const tree = unitTree(this.units);
    const top = tree.get('') || [];
    const population = this.units.filter((u) => !tree.has(u.code)).reduce((sum, u) => sum + (Number(u.population) || 0), 0);
    return html`<section class="card units-tree" aria-labelledby="units-tree-title">
      <header class="page-header"><h2 id="units-tree-title">${t('contest.units.treeTitle')}</h2>
        <div class="actions">
          ${this.dirty ? html`<span class="badge warn" id="units-unsaved">${t('contest.units.unsaved')}</span>` : nothing}
          <button type="button" class="primary" id="save-units" ?disabled=${!this.dirty || this.busy} @click=${() => this.saveUnits()}>${t('contest.units.save')}</button>
          ${this.dirty ? html`<button type="button" id="discard-units" @click=${() => this.enter().then(() => this.update())}>${t('contest.units.discard')}</button>` : nothing}
        </div></header>
      <p class="hint" id="units-summary">${t('contest.units.summary', { count: num(this.units.length), population: num(population) })}</p>
      ${this.formError ? errorBox(this.formError) : nothing}
      ${top.length ? html`<ul class="tree" id="unit-tree">${top.map((u) => this.node(u, tree, 0))}</ul>` : html`<p id="no-units">${t('contest.units.empty')}</p>`}
      ${this.adding === '' ? this.addForm('') : html`<button type="button" id="add-top-unit" @click=${() => { this.adding = ''; this.formError = null; this.update(); }}>${t('contest.units.addTop')}</button>`}
    </section>`;
  }

  node(u, tree, depth) {
    const kids = tree.get(u.code) || [];
    const row = html`<div class="unit-row" data-code=${u.code}>
      ${this.editing === u.code ? html`<form class="unit-edit" @submit=${(e) => this.editUnit(e, u)}>
          <input name="name" aria-label=${t('contest.units.name')} .value=${u.name}>
          <input name="population" type="number" min="0" aria-label=${t('contest.units.population')} .value=${u.population === null ? '' : String(u.population)}>
          <button type="submit" class="primary" data-action="save-unit">${t('common.save')}</button>
          <button type="button" @click=${() => { this.editing = null; this.update(); }}>${t('common.cancel')}</button></form>`
        : html`<span class="unit-name">${u.name}</span> <span class="unit-code">${u.code}</span>
          <span class="badge">${levelLabel(u.level === undefined || u.level === null ? depth : u.level)}</span>
          <span class="unit-population">${u.population === null || u.population === undefined ? '' : t('contest.units.populationValue', { n: num(u.population) })}</span>
          <span class="unit-actions">
            <button type="button" class="link" data-action="edit-unit" @click=${() => { this.editing = u.code; this.formError = null; this.update(); }}>${t('common.edit')}</button>
            <button type="button" class="link" data-action="add-child" @click=${() => { this.adding = u.code; this.formError = null; this.update(); }}>${t('contest.units.addChild')}</button>
            ${this.confirming === u.code ? html`<span class="inline-confirm">${t('contest.units.deleteConfirm', { count: num(this.descendants(u.code).length) })}
                <button type="button" class="danger" data-action="confirm-delete-unit" @click=${() => this.remove(u.code)}>${t('common.delete')}</button>
                <button type="button" @click=${() => { this.confirming = null; this.update(); }}>${t('common.cancel')}</button></span>`
              : html`<button type="button" class="link" data-action="delete-unit" @click=${() => { this.confirming = u.code; this.update(); }}>${t('common.delete')}</button>`}
          </span>`}
      ${this.adding === u.code ? this.addForm(u.code) : nothing}</div>`;
    if (!kids.length) return html`<li>${row}</li>`;
    // the row stays outside <summary>: a click on its buttons must not fold the branch
    return html`<li>${row}<details ?open=${depth === 0}><summary>${t('contest.units.children', { count: num(kids.length) })}</summary>
      <ul>${kids.map((k) => this.node(k, tree, depth + 1))}</ul></details></li>`;
  }

  addForm(parentCode) {
    return html`<form class="unit-add" id=${parentCode ? 'add-unit-' + parentCode : 'add-unit-top'} @submit=${(e) => this.addUnit(e, parentCode)}>
      <input name="code" aria-label=${t('contest.units.code')} placeholder=${t('contest.units.code')}>
      <input name="name" aria-label=${t('contest.units.name')} placeholder=${t('contest.units.name')}>
      <input name="population" type="number" min="0" aria-label=${t('contest.units.population')} placeholder=${t('contest.units.population')}>
      <button type="submit" class="primary" data-action="add-unit">${t('contest.units.add')}</button>
      <button type="button" @click=${() => { this.adding = null; this.update(); }}>${t('common.cancel')}</button></form>`;
  }
}
