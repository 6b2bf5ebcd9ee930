// A closed round's results: the figures of the close, the winners' verification view (full identity,
// the server records each look), the ranking (masked), the unit ranking and the exports.
import { html, nothing } from 'lit-html';
import { api, download, query } from '../../lib/api.js';
import { t, num, dateTime } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, saveBlob, spinner } from '../../lib/ui.js';
import { identity } from './entrants.js';
import { levelLabel } from './units.js';
import { FIELDS, contestPath, contestTabs, itemsOf, loadContest, percent, stateBadge } from './model.js';

const EXPORTS = ['winners', 'entrants', 'unit-ranking'];
const RANKING_PAGE = 50;

function seconds(ms) {
  return ms === null || ms === undefined ? '–' : t('contest.results.seconds', { n: num(ms / 1000, 1) });
}

export class RoundResultsScreen extends Screen {
  title() {
    return this.round ? this.round.name + ' – ' + t('contest.rounds.results') : t('contest.rounds.results');
  }

  async enter() {
    const [contest, units] = await Promise.all([loadContest(this.params.id), api.get(contestPath(this.params.id, '/units'))]);
    this.contest = contest;
    this.unitNames = new Map(itemsOf(units).map((u) => [u.code, u.name]));
    this.round = this.contest.rounds.find((r) => String(r.id) === String(this.params.roundId)) || { id: this.params.roundId, name: '' };
    this.rankingPage = 0;
    if (this.round.state !== 'CLOSED') return;
    await Promise.all([this.loadWinners(), this.loadRanking(), this.loadUnits()]);
  }

  unitName(code) {
    return (code && this.unitNames.get(code)) || code || '';
  }

  roundPath(rest) {
    return contestPath(this.params.id, '/rounds/' + encodeURIComponent(this.params.roundId) + rest);
  }

  async loadWinners() {
    try { this.winners = itemsOf(await api.get(this.roundPath('/winners'))); } catch (e) { this.winnersError = e; }
  }

  async loadRanking() {
    try {
      const answer = await api.get(this.roundPath('/ranking') + query({ page: this.rankingPage, size: RANKING_PAGE }));
      this.ranking = itemsOf(answer);
      this.rankingTotal = answer && answer.total !== undefined ? answer.total : (answer && answer.totalElements) || this.ranking.length;
    } catch (e) { this.rankingError = e; }
  }

  async loadUnits() {
    try { this.unitRanking = itemsOf(await api.get(contestPath(this.params.id, '/reports/units') + query({ round: this.params.roundId }))); } catch (e) { this.unitsError = e; }
    // ranks are among the units of one level: province first, then communes, then schools and villages
    if (this.unitRanking) this.unitRanking.sort((a, b) => (a.level || 0) - (b.level || 0) || (a.rank || 1e9) - (b.rank || 1e9));
  }

  async exportAs(what, kind) {
    this.exportError = null;
    this.exporting = what + '.' + kind;
    this.update();
    try {
      const file = await download(this.roundPath('/' + what + '.' + kind), what + '.' + kind);
      saveBlob(file.blob, file.filename);
      this.app.toast(t('contest.export.done', { name: file.filename }));
    } catch (e) {
      this.exportError = e;
    }
    this.exporting = null;
    this.update();
  }

  async page(by) {
    this.rankingPage += by;
    await this.loadRanking();
    this.update();
  }

  render() {
    if (!this.contest) return html`${pageHeader(t('contest.rounds.results'))}${spinner()}`;
    const r = this.round;
    return html`${pageHeader(t('contest.results.title', { name: r.name }), html`${stateBadge(r.state)}
        <a href=${'#/contests/' + this.params.id + '/rounds/' + this.params.roundId}>${t('contest.results.toRound')}</a>`)}
      ${contestTabs(this.params.id, 'rounds')}
      ${r.state !== 'CLOSED' ? html`<p class="card" id="not-closed">${t('contest.results.notClosed')}</p>` : html`
        ${this.figures()}
        ${this.exportsCard()}
        ${this.winnersCard()}
        ${this.unitsCard()}
        ${this.rankingCard()}`}`;
  }

  figures() {
    const r = this.round;
    const s = Object.assign({ realFigure: r.realFigure }, r.closeSummary || {});
    const fact = (key, value) => (value === undefined ? nothing : html`<div><dt>${t('contest.results.' + key)}</dt><dd id=${'result-' + key}>${value === null ? '–' : num(value)}</dd></div>`);
    return html`<dl class="facts card" id="round-figures">
      ${fact('entrants', s.entrants)}${fact('attempts', s.attempts)}${fact('perfectScores', s.perfectScores)}${fact('realFigure', s.realFigure)}
      ${this.winners ? html`<div><dt>${t('contest.results.winners')}</dt><dd id="result-winners">${num(this.winners.length)}</dd></div>` : nothing}</dl>`;
  }

  exportsCard() {
    return html`<section class="card" aria-labelledby="exports-title"><h2 id="exports-title">${t('contest.export.title')}</h2>
      <p class="hint">${t('contest.export.lead')}</p>
      ${errorBox(this.exportError)}
      <div class="export-grid">${EXPORTS.map((what) => html`<div class="export-row"><span>${t('contest.export.' + what)}</span>
        <button type="button" id=${'export-' + what + '-xlsx'} ?disabled=${!!this.exporting} @click=${() => this.exportAs(what, 'xlsx')}>${t('contest.export.xlsx')}</button>
        <button type="button" id=${'export-' + what + '-csv'} ?disabled=${!!this.exporting} @click=${() => this.exportAs(what, 'csv')}>${t('contest.export.csv')}</button></div>`)}
      </div></section>`;
  }

  winnersCard() {
    const fields = FIELDS.filter((f) => f !== 'freeText' && (this.winners || []).some((w) => identity(w)[f] !== undefined && identity(w)[f] !== null));
    return html`<section class="card" aria-labelledby="winners-title"><h2 id="winners-title">${t('contest.results.winnersTitle')}</h2>
      <p class="notice" role="note">${t('contest.results.verificationNote')}</p>
      ${errorBox(this.winnersError)}
      ${!this.winners ? (this.winnersError ? nothing : spinner()) : this.winners.length === 0 ? html`<p id="no-winners">${t('contest.results.noWinners')}</p>` : html`
      <div class="table-wrap"><table id="winners-table">
        <thead><tr><th class="num">${t('contest.results.rank')}</th><th>${t('contest.results.prize')}</th>
          ${fields.map((f) => html`<th>${t('contest.field.' + f)}</th>`)}
          <th class="num">${t('contest.results.score')}</th><th class="num">${t('contest.results.prediction')}</th>
          <th class="num">${t('contest.results.timeUsed')}</th><th>${t('contest.results.submittedAt')}</th></tr></thead>
        <tbody>${this.winners.map((w) => { const who = identity(w); return html`<tr class="winner" data-rank=${w.rank}>
          <td class="num">${w.rank}</td><td class="prize">${w.prize || ''}</td>
          ${fields.map((f) => html`<td data-field=${f}>${f === 'unitCode' ? this.unitName(who[f]) : f === 'gender' ? t('contest.gender.' + who[f]) : who[f]}</td>`)}
          <td class="num">${num(w.score || 0)}</td><td class="num">${w.prediction === null || w.prediction === undefined ? '–' : num(w.prediction)}</td>
          <td class="num">${seconds(w.timeUsedMs)}</td><td>${dateTime(w.submittedAt)}</td></tr>`; })}</tbody></table></div>`}
    </section>`;
  }

  unitsCard() {
    return html`<section class="card" aria-labelledby="unit-ranking-title"><h2 id="unit-ranking-title">${t('contest.results.unitRanking')}</h2>
      <p class="hint">${t('contest.results.unitRankingHint')}</p>
      ${errorBox(this.unitsError)}
      ${!this.unitRanking ? nothing : this.unitRanking.length === 0 ? html`<p>${t('contest.dashboard.noUnits')}</p>` : html`
      <div class="table-wrap"><table id="unit-ranking">
        <thead><tr><th class="num">${t('contest.units.col.rank')}</th><th>${t('contest.units.col.name')}</th><th class="num">${t('contest.units.col.population')}</th>
          <th class="num">${t('contest.units.col.entrants')}</th><th class="num">${t('contest.units.col.participationRate')}</th><th class="num">${t('contest.units.col.points')}</th></tr></thead>
        <tbody>${this.unitRanking.map((u) => html`<tr data-code=${u.code}><td class="num">${u.rank || '–'}</td><td>${u.name} <span class="badge">${levelLabel(u.level || 0)}</span></td>
          <td class="num">${u.population === null || u.population === undefined ? '–' : num(u.population)}</td><td class="num">${num(u.entrants || 0)}</td>
          <td class="num">${percent(u.participationRate, num)}</td><td class="num">${num(u.points || 0, 1)}</td></tr>`)}</tbody></table></div>`}
    </section>`;
  }

  rankingCard() {
    const pages = Math.max(1, Math.ceil((this.rankingTotal || 0) / RANKING_PAGE));
    return html`<section class="card" aria-labelledby="ranking-title"><h2 id="ranking-title">${t('contest.results.ranking')}</h2>
      <p class="hint">${t('contest.results.rankingHint')}</p>
      ${errorBox(this.rankingError)}
      ${!this.ranking ? nothing : html`<div class="table-wrap"><table id="ranking-table">
        <thead><tr><th class="num">${t('contest.results.rank')}</th><th>${t('contest.field.fullName')}</th><th>${t('contest.results.key')}</th>
          <th>${t('contest.field.unitCode')}</th><th class="num">${t('contest.results.score')}</th><th class="num">${t('contest.results.prediction')}</th>
          <th class="num">${t('contest.results.timeUsed')}</th></tr></thead>
        <tbody>${this.ranking.map((row) => { const who = identity(row); return html`<tr><td class="num">${row.rank}</td><td>${who.fullName || ''}</td>
          <td class="masked">${who.cccd || who.phone || ''}</td><td>${this.unitName(row.unitCode || who.unitCode)}</td>
          <td class="num">${num(row.score || 0)}</td><td class="num">${row.prediction === null || row.prediction === undefined ? '–' : num(row.prediction)}</td>
          <td class="num">${seconds(row.timeUsedMs)}</td></tr>`; })}</tbody></table></div>
        ${pages > 1 ? html`<nav class="pager" aria-label=${t('contest.results.ranking')}>
          <button type="button" ?disabled=${this.rankingPage === 0} @click=${() => this.page(-1)}>${t('common.previous')}</button>
          <span>${t('common.page', { page: this.rankingPage + 1, pages })}</span>
          <button type="button" ?disabled=${this.rankingPage + 1 >= pages} @click=${() => this.page(1)}>${t('common.next')}</button></nav>` : nothing}`}
    </section>`;
  }
}
