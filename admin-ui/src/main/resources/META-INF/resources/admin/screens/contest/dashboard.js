// A contest's dashboard: entrants so far, per hour and per day; participation per unit (table and bar
// chart, sortable, filtered by parent unit); the participation export; the log of personal-data exports.
import { html, nothing } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import { api, download, query } from '../../lib/api.js';
import { t, num, dateTime } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, saveBlob, spinner } from '../../lib/ui.js';
import { SeriesChart } from './charts.js';
import { ZONE, contestPath, contestTabs, itemsOf, loadContest, percent, sortRows } from './model.js';
import { unitTree } from './units.js';

const EXPORT_KINDS = ['winners', 'entrants', 'unit-ranking', 'participation'];

/**
 * The export log's "what" for people: the server records a code (winners:12.xlsx is the winners file
 * of round 12, winners:12 the winners' verification view); an unknown code is shown as it is.
 */
export function exportLabel(what, rounds) {
  const m = /^([a-z-]+)(?::(\d+))?(?:\.(xlsx|csv))?$/.exec(what || '');
  if (!m || !EXPORT_KINDS.includes(m[1])) return what;
  const round = (rounds || []).find((r) => String(r.id) === m[2]);
  const label = t('contest.exports.kind.' + m[1] + (m[3] ? '.file' : '.view'), { format: (m[3] || '').toUpperCase() });
  return m[2] ? t('contest.exports.ofRound', { what: label, round: round ? round.name : '#' + m[2] }) : label;
}

/** How often the dashboard asks again while it is open. */
export const REFRESH_MS = 10000;
/** Units shown in the bar chart (the table has them all). */
const CHART_UNITS = 20;
const NUMERIC = { entrants: true, population: true, participationRate: true, points: true, rank: false };

let hourFormat = null;

function hourLabel(value) {
  const date = new Date(value);
  if (isNaN(date.getTime())) return String(value);
  if (!hourFormat) hourFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: ZONE, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  return hourFormat.format(date);
}

export class ContestDashboardScreen extends Screen {
  title() {
    return this.contest ? this.contest.title + ' – ' + t('contest.tabs.dashboard') : t('contest.tabs.dashboard');
  }

  async enter() {
    this.sort = 'entrants';
    this.parent = this.query.get('parent') || '';
    this.round = this.query.get('round') || '';
    this.date = this.query.get('date') || '';
    this.hourChart = new SeriesChart('bar');
    this.dayChart = new SeriesChart('line');
    this.unitChart = new SeriesChart('bar', 'y');
    const [contest, units] = await Promise.all([loadContest(this.params.id), api.get(contestPath(this.params.id, '/units'))]);
    this.contest = contest;
    this.units = itemsOf(units);
    await this.refresh();
    this.timer = setInterval(() => this.refresh().then(() => this.update()), REFRESH_MS);
  }

  leave() {
    clearInterval(this.timer);
    [this.hourChart, this.dayChart, this.unitChart].forEach((c) => c && c.destroy());
  }

  async refresh() {
    try {
      const [overview, unitReport, exportsLog] = await Promise.all([
        api.get(contestPath(this.params.id, '/reports/overview')),
        api.get(contestPath(this.params.id, '/reports/units') + query({ round: this.round, parent: this.parent, date: this.date })),
        api.get(contestPath(this.params.id, '/exports')),
      ]);
      this.overview = overview;
      this.unitReport = itemsOf(unitReport);
      this.exportsLog = itemsOf(exportsLog);
      this.refreshedAt = Date.now();
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  async filter(changes) {
    Object.assign(this, changes);
    this.update();
    await this.refresh();
    this.update();
  }

  async exportAs(kind) {
    this.exportError = null;
    try {
      const file = await download(contestPath(this.params.id, '/reports/participation.' + kind), 'participation.' + kind);
      saveBlob(file.blob, file.filename);
    } catch (e) {
      this.exportError = e;
    }
    this.update();
  }

  render() {
    if (!this.contest) return html`${pageHeader(t('contest.tabs.dashboard'))}${spinner()}`;
    const o = this.overview || { entrants: 0, attempts: 0, submitted: 0, perHour: [], perDay: [] };
    const perHour = o.perHour || [];
    const perDay = o.perDay || [];
    this.hourChart.show({ labels: perHour.map((h) => hourLabel(h.hour)), series: [{ label: t('contest.dashboard.entrants'), values: perHour.map((h) => h.entrants) },
      { label: t('contest.dashboard.attempts'), values: perHour.map((h) => h.attempts) }] });
    this.dayChart.show({ labels: perDay.map((d) => d.date), series: [{ label: t('contest.dashboard.entrants'), values: perDay.map((d) => d.entrants) },
      { label: t('contest.dashboard.attempts'), values: perDay.map((d) => d.attempts) }] });
    return html`${pageHeader(this.contest.title, html`
        <button type="button" id="refresh-dashboard" @click=${() => this.filter({})}>${t('contest.dashboard.refresh')}</button>`)}
      ${contestTabs(this.contest.id, 'dashboard')}
      ${errorBox(this.error)}
      <p class="hint" id="refreshed-at">${this.refreshedAt ? t('contest.dashboard.refreshedAt', { time: dateTime(this.refreshedAt), seconds: REFRESH_MS / 1000 }) : ''}</p>
      <dl class="facts card" id="overview">
        <div><dt>${t('contest.dashboard.entrants')}</dt><dd id="fact-entrants">${num(o.entrants || 0)}</dd></div>
        <div><dt>${t('contest.dashboard.attempts')}</dt><dd id="fact-attempts">${num(o.attempts || 0)}</dd></div>
        <div><dt>${t('contest.dashboard.submitted')}</dt><dd id="fact-submitted">${num(o.submitted || 0)}</dd></div>
      </dl>
      <div class="chart-grid">
        <figure class="card chart-card"><figcaption>${t('contest.dashboard.perHour')}</figcaption>
          <div class="chart-box"><canvas id="chart-hours" ${ref(this.hourChart.attach)} role="img" aria-label=${t('contest.dashboard.perHour')}></canvas></div>
          ${perHour.length ? nothing : html`<p class="hint">${t('common.none')}</p>`}</figure>
        <figure class="card chart-card"><figcaption>${t('contest.dashboard.perDay')}</figcaption>
          <div class="chart-box"><canvas id="chart-days" ${ref(this.dayChart.attach)} role="img" aria-label=${t('contest.dashboard.perDay')}></canvas></div>
          ${perDay.length ? html`<table class="compact" id="per-day-table"><thead><tr><th>${t('contest.dashboard.date')}</th>
              <th class="num">${t('contest.dashboard.entrants')}</th><th class="num">${t('contest.dashboard.attempts')}</th></tr></thead>
              <tbody>${perDay.map((d) => html`<tr><td>${d.date}</td><td class="num">${num(d.entrants)}</td><td class="num">${num(d.attempts)}</td></tr>`)}</tbody></table>`
            : html`<p class="hint">${t('common.none')}</p>`}</figure>
      </div>
      ${this.unitsSection()}
      ${this.roundLinks()}
      ${this.exportsSection()}`;
  }

  unitsSection() {
    const rows = this.unitReport ? sortRows(this.unitReport, this.sort, NUMERIC[this.sort]) : [];
    if (this.sort === 'rank') rows.sort((a, b) => (a.rank || 1e9) - (b.rank || 1e9));
    const top = rows.slice(0, CHART_UNITS);
    const value = this.sort === 'participationRate' ? (r) => Math.round((Number(r.participationRate) || 0) * 1000) / 10
      : this.sort === 'points' ? (r) => r.points || 0 : (r) => r.entrants || 0;
    const series = this.sort === 'participationRate' ? 'contest.units.col.participationRate' : this.sort === 'points' ? 'contest.units.col.points' : 'contest.units.col.entrants';
    this.unitChart.show({ labels: top.map((r) => r.name), series: [{ label: t(series), values: top.map(value) }] });
    const tree = unitTree(this.units);
    const parents = this.units.filter((u) => tree.has(u.code));
    const header = (key, numeric) => html`<th scope="col" class=${numeric ? 'num' : ''}
      aria-sort=${this.sort === key ? (numeric && key !== 'rank' ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="link sort" data-sort=${key} @click=${() => { this.sort = key; this.update(); }}>${t('contest.units.col.' + key)}</button></th>`;
    return html`<section class="card" aria-labelledby="units-report-title">
      <h2 id="units-report-title">${t('contest.dashboard.units')}</h2>
      <div class="form-grid filters">
        <div class="field"><label for="report-parent">${t('contest.dashboard.parent')}</label>
          <select id="report-parent" @change=${(e) => this.filter({ parent: e.target.value })}>
            <option value="" ?selected=${!this.parent}>${t('contest.dashboard.allUnits')}</option>
            ${parents.map((u) => html`<option value=${u.code} ?selected=${this.parent === u.code}>${u.name}</option>`)}</select></div>
        <div class="field"><label for="report-round">${t('contest.dashboard.round')}</label>
          <select id="report-round" @change=${(e) => this.filter({ round: e.target.value })}>
            <option value="" ?selected=${!this.round}>${t('contest.dashboard.allRounds')}</option>
            ${this.contest.rounds.map((r) => html`<option value=${String(r.id)} ?selected=${this.round === String(r.id)}>${r.name}</option>`)}</select></div>
        <div class="field"><label for="report-date">${t('contest.dashboard.upTo')}</label>
          <input id="report-date" type="date" min="2000-01-01" max="2099-12-31" .value=${this.date}
            @change=${(e) => this.filter({ date: e.target.value })}></div>
        <div class="actions">
          <button type="button" id="export-participation-xlsx" @click=${() => this.exportAs('xlsx')}>${t('contest.export.participationXlsx')}</button>
          <button type="button" id="export-participation-csv" @click=${() => this.exportAs('csv')}>${t('contest.export.csv')}</button></div>
      </div>
      ${errorBox(this.exportError)}
      ${!this.unitReport ? spinner() : rows.length === 0 ? html`<p class="hint" id="no-unit-report">${t('contest.dashboard.noUnits')}</p>` : html`
      <div class="chart-box tall"><canvas id="chart-units" ${ref(this.unitChart.attach)} role="img" aria-label=${t('contest.dashboard.unitsChart', { count: top.length })}></canvas></div>
      <div class="table-wrap"><table id="unit-report" class="sortable">
        <thead><tr>${header('rank', true)}${header('name')}${header('population', true)}${header('entrants', true)}
          ${header('participationRate', true)}${header('points', true)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr data-code=${r.code}>
          <td class="num">${r.rank || '–'}</td><td class="unit-name">${r.name}</td>
          <td class="num">${r.population === null || r.population === undefined ? '–' : num(r.population)}</td>
          <td class="num entrants">${num(r.entrants || 0)}</td><td class="num rate">${percent(r.participationRate, num)}</td>
          <td class="num points">${num(r.points || 0, 1)}</td></tr>`)}</tbody></table></div>`}
    </section>`;
  }

  roundLinks() {
    const closed = this.contest.rounds.filter((r) => r.state === 'CLOSED');
    return html`<section class="card" aria-labelledby="round-results-title">
      <h2 id="round-results-title">${t('contest.dashboard.results')}</h2>
      ${closed.length ? html`<ul class="round-links">${closed.map((r) => html`<li><a href=${'#/contests/' + this.contest.id + '/rounds/' + r.id + '/results'}
          data-round=${r.id}>${t('contest.dashboard.resultsOf', { name: r.name })}</a></li>`)}</ul>`
        : html`<p class="hint">${t('contest.dashboard.noClosedRound')}</p>`}</section>`;
  }

  exportsSection() {
    const list = this.exportsLog || [];
    return html`<section class="card" aria-labelledby="exports-log-title">
      <h2 id="exports-log-title">${t('contest.exports.title')}</h2>
      <p class="hint">${t('contest.exports.lead')}</p>
      ${list.length === 0 ? html`<p id="no-exports">${t('contest.exports.none')}</p>` : html`
      <div class="table-wrap"><table id="exports-log">
        <thead><tr><th>${t('contest.exports.at')}</th><th>${t('contest.exports.user')}</th><th>${t('contest.exports.what')}</th>
          <th class="num">${t('contest.exports.rows')}</th></tr></thead>
        <tbody>${list.map((x) => html`<tr><td>${dateTime(x.at)}</td><td>${x.user}</td><td class="what" data-what=${x.what}>${exportLabel(x.what, this.contest.rounds)}</td>
          <td class="num">${x.rows === undefined || x.rows === null ? '–' : num(x.rows)}</td></tr>`)}</tbody></table></div>`}
    </section>`;
  }
}
