// One game's results: each question (share right, average time, answer chart) and each player;
// exports to Excel and CSV.
import { html, nothing } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import { api, download } from '../../lib/api.js';
import { t, num, dateTime, pinText } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, saveBlob, spinner } from '../../lib/ui.js';
import { DistributionChart } from '../host/chart.js';
import { LETTERS } from '../host/shapes.js';
import { statusLabel } from './list.js';
import { stageTable } from './buzzer.js';

/** Team play by unit: the units' final standings, or nothing for a game without units. */
function unitsTable(results) {
  const units = results.units || [];
  if (!units.length) return nothing;
  // Rung chuông vàng by unit: each unit's players left on the floor and the winning unit.
  const floor = units.some((u) => u.survivors != null);
  const winner = units.find((u) => u.goldenBell);
  return html`<section aria-labelledby="units-heading" id="results-units">
    <h2 id="units-heading">${t('results.units.title')}</h2>
    ${winner ? html`<p class="results-unit-bell" id="results-unit-bell" data-unit=${winner.unitId}>${t('results.units.bell',
      { unit: winner.unitName, count: num(winner.survivors) })}</p>` : nothing}
    <table class="table"><thead><tr><th scope="col" class="num">${t('results.units.rank')}</th>
      <th scope="col">${t('results.units.name')}</th><th scope="col" class="num">${t('results.units.score')}</th>
      <th scope="col" class="num">${t('results.units.members')}</th>
      ${floor ? html`<th scope="col" class="num">${t('results.units.survivors')}</th>` : nothing}</tr></thead>
      <tbody>${units.map((u) => html`<tr data-unit=${u.unitId} data-survivors=${u.survivors == null ? '' : u.survivors}><td class="num">${u.rank == null ? t('results.units.unranked') : num(u.rank)}</td>
        <td>${u.unitName}</td><td class="num">${num(Math.round(u.score * 10) / 10, 1)}</td><td class="num">${num(u.members)}</td>
        ${floor ? html`<td class="num">${u.survivors == null ? '' : num(u.survivors)}</td>` : nothing}</tr>`)}</tbody>
    </table></section>`;
}

const SORTS = {
  rank: (a, b) => rankOf(a) - rankOf(b),
  nickname: (a, b) => a.nickname.localeCompare(b.nickname, 'vi'),
  score: (a, b) => b.score - a.score,
  correctCount: (a, b) => b.correctCount - a.correctCount,
  answered: (a, b) => b.answered - a.answered,
};

function rankOf(player) {
  return player.rank === null || player.rank === undefined ? Number.MAX_SAFE_INTEGER : player.rank;
}

export class ResultsScreen extends Screen {
  title() {
    return this.results ? this.results.game.game.title : t('results.detail.title');
  }

  async enter() {
    this.sort = 'rank';
    this.filter = '';
    this.charts = new Map();
    this.results = await api.get('/api/games/' + encodeURIComponent(this.params.id) + '/results');
  }

  leave() {
    this.charts.forEach((chart) => chart.destroy());
  }

  async exportAs(kind) {
    this.exportError = null;
    this.exporting = kind;
    this.update();
    try {
      const file = await download('/api/games/' + encodeURIComponent(this.params.id) + '/results.' + kind, 'results.' + kind);
      saveBlob(file.blob, file.filename);
    } catch (e) {
      this.exportError = e;
    }
    this.exporting = null;
    this.update();
  }

  chart(position) {
    if (!this.charts.has(position)) this.charts.set(position, new DistributionChart(false));
    return this.charts.get(position);
  }

  render() {
    if (!this.results) return html`${pageHeader(t('results.detail.title'))}${spinner()}`;
    const stored = this.results.game;
    const game = stored.game;
    return html`${pageHeader(game.title, html`
        <button type="button" id="export-xlsx" ?disabled=${!!this.exporting} @click=${() => this.exportAs('xlsx')}>${t('results.export.xlsx')}</button>
        <button type="button" id="export-csv" ?disabled=${!!this.exporting} @click=${() => this.exportAs('csv')}>${t('results.export.csv')}</button>`)}
      <p><a href="#/results">${t('results.detail.back')}</a></p>
      ${errorBox(this.exportError)}
      <dl class="game-facts card">
        <div><dt>${t('results.col.pin')}</dt><dd>${pinText(game.pin)}</dd></div>
        <div><dt>${t('results.col.date')}</dt><dd>${dateTime(stored.createdAt)}</dd></div>
        <div><dt>${t('results.col.players')}</dt><dd id="fact-players">${num(stored.playerCount)}</dd></div>
        <div><dt>${t('results.col.questions')}</dt><dd>${num(game.questionCount)}</dd></div>
        <div><dt>${t('results.col.status')}</dt><dd>${statusLabel(game.status)}</dd></div>
      </dl>
      ${unitsTable(this.results)}
      ${stageTable(this.results)}
      ${this.playersTable()}
      <h2>${t('results.questions.title')}</h2>
      ${this.results.questions.length === 0 ? html`<p class="hint">${t('results.questions.none')}</p>` : nothing}
      <div class="question-results">${this.results.questions.map((q) => this.question(q))}</div>`;
  }

  question(q) {
    const share = q.answered ? q.correct / q.answered : 0;
    const options = q.options || [];
    const correct = q.correctOptions || [];
    const hasChart = !q.skipped && q.distribution && q.distribution.length > 0;
    if (hasChart) this.chart(q.position).show({ counts: q.distribution, correct, labels: q.distribution.map((n, i) => LETTERS[i] + (options[i] ? ' · ' + options[i] : '')) });
    return html`<article class="card question-result" data-position=${q.position}>
      <h3>${t('results.question.number', { n: q.position + 1 })}${q.text ? html`: <span class="q-text">${q.text}</span>` : nothing}
        ${q.skipped ? html`<span class="badge warn">${t('results.question.skipped')}</span>` : nothing}</h3>
      <dl class="question-facts">
        <div><dt>${t('results.question.share')}</dt><dd class="share" data-correct=${q.correct} data-answered=${q.answered}>
          ${q.answered ? t('results.question.shareValue', { percent: num(share * 100), correct: num(q.correct), answered: num(q.answered) }) : t('results.question.noAnswers')}</dd></div>
        <div><dt>${t('results.question.average')}</dt><dd class="avg" data-ms=${q.averageResponseMillis === null || q.averageResponseMillis === undefined ? '' : q.averageResponseMillis}>
          ${q.averageResponseMillis === null || q.averageResponseMillis === undefined ? '–' : t('results.question.seconds', { n: num(q.averageResponseMillis / 1000, 1) })}</dd></div>
      </dl>
      ${hasChart ? html`<figure class="result-chart" data-counts=${q.distribution.join(',')}>
          <div class="chart-box"><canvas ${ref(this.chart(q.position).attach)} role="img" aria-label=${t('results.question.chart')}></canvas></div>
          <figcaption><ul class="counts">${q.distribution.map((n, i) => html`<li class=${correct.indexOf(i) >= 0 ? 'right' : ''}>
            ${correct.indexOf(i) >= 0 ? '✓ ' : ''}${LETTERS[i]}${options[i] ? html` · ${options[i]}` : nothing}: <strong>${num(n)}</strong></li>`)}</ul></figcaption>
        </figure>` : nothing}
    </article>`;
  }

  playersTable() {
    const needle = this.filter.trim().toLocaleLowerCase();
    // Buzzer rounds: the audience in its own ranking; the contestants have their table above.
    const players = this.results.buzzer ? this.results.buzzer.audience : this.results.players;
    const rows = players.filter((p) => !needle || p.nickname.toLocaleLowerCase().includes(needle)).sort(SORTS[this.sort]);
    const header = (key, label, numeric) => html`<th scope="col" class=${numeric ? 'num' : ''}
      aria-sort=${this.sort === key ? (key === 'nickname' || key === 'rank' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="link sort" data-sort=${key} @click=${() => { this.sort = key; this.update(); }}>${label}</button></th>`;
    return html`<section aria-labelledby="players-heading">
      <h2 id="players-heading">${t(this.results.buzzer ? 'results.buzzer.audience' : 'results.players.title')}</h2>
      <div class="field filter"><label for="player-filter">${t('results.players.filter')}</label>
        <input id="player-filter" type="search" .value=${this.filter} @input=${(e) => { this.filter = e.target.value; this.update(); }}></div>
      ${players.length === 0 ? html`<p class="hint">${t('results.players.none')}</p>` : html`
      <div class="table-wrap"><table class="players-table" id="players-table">
        <thead><tr>${header('rank', t('results.col.rank'), true)}${header('nickname', t('results.col.nickname'))}
          ${header('score', t('results.col.score'), true)}${header('correctCount', t('results.col.correct'), true)}
          ${header('answered', t('results.col.answered'), true)}</tr></thead>
        <tbody>${rows.map((p) => html`<tr class="player-row" data-player=${p.player}>
          <td class="num rank">${p.rank === null || p.rank === undefined ? '–' : p.rank}</td>
          <td><span class="nick">${p.nickname}</span>${p.kicked ? html` <span class="badge bad">${t('results.players.kicked')}</span>` : nothing}</td>
          <td class="num score">${num(p.score)}</td><td class="num correct">${num(p.correctCount)}</td>
          <td class="num answered">${num(p.answered)}</td></tr>`)}
        </tbody></table></div>`}
    </section>`;
  }
}
