// A contest's entrants, searchable and filtered by unit; citizen IDs and phones masked as the server sends them.
import { html, nothing } from 'lit-html';
import { api, query } from '../../lib/api.js';
import { t, num, dateTime } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, spinner } from '../../lib/ui.js';
import { contestPath, contestTabs, itemsOf, loadContest } from './model.js';

const PAGE_SIZE = 50;

/** The identity details of a row, wherever the server put them. */
export function identity(row) {
  if (row.fields) return row.fields;
  if (row.entrant && row.entrant.fields) return row.entrant.fields;
  return row.entrant || row;
}

export class ContestEntrantsScreen extends Screen {
  title() {
    return this.contest ? this.contest.title + ' – ' + t('contest.tabs.entrants') : t('contest.tabs.entrants');
  }

  async enter() {
    this.q = this.query.get('q') || '';
    this.unit = this.query.get('unit') || '';
    this.page = Math.max(0, Number(this.query.get('page')) || 0);
    const [contest, units] = await Promise.all([loadContest(this.params.id), api.get(contestPath(this.params.id, '/units'))]);
    this.contest = contest;
    this.units = itemsOf(units);
    await this.load();
  }

  async load() {
    this.error = null;
    try {
      const answer = await api.get(contestPath(this.params.id, '/entrants') + query({ q: this.q, unit: this.unit, page: this.page, size: PAGE_SIZE }));
      this.entrants = itemsOf(answer);
      this.total = answer && answer.total !== undefined ? answer.total : (answer && answer.totalElements) || this.entrants.length;
    } catch (e) {
      this.error = e;
      this.entrants = [];
    }
  }

  async search(event) {
    event.preventDefault();
    const f = event.target.elements;
    this.q = f.q.value.trim();
    this.unit = f.unit.value;
    this.page = 0;
    await this.load();
    this.update();
  }

  async go(by) {
    this.page += by;
    await this.load();
    this.update();
  }

  unitName(code) {
    const unit = this.units.find((u) => u.code === code);
    return unit ? unit.name : code || '';
  }

  render() {
    if (!this.contest) return html`${pageHeader(t('contest.tabs.entrants'))}${spinner()}`;
    const pages = Math.max(1, Math.ceil((this.total || 0) / PAGE_SIZE));
    return html`${pageHeader(this.contest.title)}
      ${contestTabs(this.contest.id, 'entrants')}
      <form class="card form-grid filters" id="entrant-search" @submit=${(e) => this.search(e)}>
        <div class="field"><label for="entrant-q">${t('contest.entrants.search')}</label>
          <input id="entrant-q" name="q" type="search" .value=${this.q}></div>
        <div class="field"><label for="entrant-unit">${t('contest.field.unitCode')}</label>
          <select id="entrant-unit" name="unit"><option value="">${t('contest.dashboard.allUnits')}</option>
            ${this.units.map((u) => html`<option value=${u.code} ?selected=${this.unit === u.code}>${u.name}</option>`)}</select></div>
        <div class="actions"><button type="submit" class="primary" id="entrant-search-submit">${t('common.search')}</button></div>
      </form>
      ${errorBox(this.error)}
      <p class="hint" id="entrant-count">${t('contest.entrants.count', { count: num(this.total || 0) })} ${t('contest.results.rankingHint')}</p>
      ${this.entrants.length === 0 ? html`<p class="card" id="no-entrants">${t('contest.entrants.none')}</p>` : html`
      <div class="table-wrap"><table id="entrant-table">
        <thead><tr><th>${t('contest.field.fullName')}</th><th>${t('contest.results.key')}</th><th>${t('contest.field.birthYear')}</th>
          <th>${t('contest.field.unitCode')}</th><th>${t('contest.entrants.registeredAt')}</th></tr></thead>
        <tbody>${this.entrants.map((row) => { const who = identity(row); return html`<tr>
          <td>${who.fullName || ''}</td><td class="masked">${[who.cccd, who.phone].filter(Boolean).join(' · ')}</td>
          <td>${who.birthYear || ''}</td><td>${row.unitName || this.unitName(who.unitCode || row.unitCode)}</td>
          <td>${dateTime(row.registeredAt)}</td></tr>`; })}</tbody></table></div>`}
      ${pages > 1 ? html`<nav class="pager" aria-label=${t('contest.tabs.entrants')}>
        <button type="button" ?disabled=${this.page === 0} @click=${() => this.go(-1)}>${t('common.previous')}</button>
        <span>${t('common.page', { page: this.page + 1, pages })}</span>
        <button type="button" ?disabled=${this.page + 1 >= pages} @click=${() => this.go(1)}>${t('common.next')}</button></nav>` : nothing}`;
  }
}
