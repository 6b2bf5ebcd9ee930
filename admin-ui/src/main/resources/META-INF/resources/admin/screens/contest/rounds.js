// A contest's rounds: each window in Vietnam's time, its state, and the way to its editor and results.
import { html } from 'lit-html';
import { t, num } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { pageHeader, spinner } from '../../lib/ui.js';
import { contestTabs, loadContest, stateBadge, windowTime } from './model.js';

export class ContestRoundsScreen extends Screen {
  title() {
    return this.contest ? this.contest.title + ' – ' + t('contest.tabs.rounds') : t('contest.tabs.rounds');
  }

  async enter() {
    this.contest = await loadContest(this.params.id);
  }

  render() {
    if (!this.contest) return html`${pageHeader(t('contest.tabs.rounds'))}${spinner()}`;
    const c = this.contest;
    return html`${pageHeader(c.title, html`<a class="button primary" id="new-round" href=${'#/contests/' + c.id + '/rounds/new'}>${t('contest.rounds.new')}</a>`)}
      ${contestTabs(c.id, 'rounds')}
      <p class="hint">${t('contest.rounds.lead')}</p>
      ${c.rounds.length === 0 ? html`<p class="card" id="no-rounds">${t('contest.rounds.empty')}</p>` : html`
      <div class="table-wrap"><table id="round-table">
        <thead><tr><th>${t('contest.round.name')}</th><th>${t('contest.round.opensAt')}</th><th>${t('contest.round.closesAt')}</th>
          <th>${t('contest.round.state')}</th><th class="num">${t('contest.round.questions')}</th><th>${t('common.actions')}</th></tr></thead>
        <tbody>${c.rounds.map((r) => html`<tr data-round=${r.id}>
          <td><a href=${'#/contests/' + c.id + '/rounds/' + r.id} class="round-name">${r.name}</a></td>
          <td>${windowTime(r.opensAt)}</td><td>${windowTime(r.closesAt)}</td><td>${stateBadge(r.state)}</td>
          <td class="num">${r.questionCount !== undefined ? num(r.questionCount) : '–'}</td>
          <td class="row-actions"><a href=${'#/contests/' + c.id + '/rounds/' + r.id} data-action="edit">${t('common.edit')}</a>
            <a href=${'#/contests/' + c.id + '/rounds/' + r.id + '/results'} data-action="results">${t('contest.rounds.results')}</a></td>
        </tr>`)}</tbody></table></div>
      <p class="hint">${t('contest.window.zoneNote')}</p>`}`;
  }
}
