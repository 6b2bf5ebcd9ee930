// The organisation's online contests, newest first, and the way to a new one.
import { html, nothing } from 'lit-html';
import { api, query } from '../../lib/api.js';
import { t } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { pageHeader, spinner } from '../../lib/ui.js';
import { itemsOf, windowTime } from './model.js';

const PAGE_SIZE = 50;

export class ContestListScreen extends Screen {
  title() {
    return t('contest.list.title');
  }

  async enter() {
    this.page = Math.max(0, Number(this.query.get('page')) || 0);
    const answer = await api.get('/api/contests' + query({ page: this.page, size: PAGE_SIZE }));
    this.contests = itemsOf(answer);
    this.pages = answer && answer.total && answer.size ? Math.ceil(answer.total / answer.size) : 1;
  }

  render() {
    return html`${pageHeader(t('contest.list.title'), html`<a class="button primary" id="new-contest" href="#/contests/new">${t('contest.list.new')}</a>`)}
      <p class="lead">${t('contest.list.lead')}</p>
      ${!this.contests ? spinner() : this.contests.length === 0 ? html`<p class="card" id="no-contests">${t('contest.list.empty')}</p>` : html`
      <div class="table-wrap"><table id="contest-table">
        <thead><tr><th>${t('contest.col.title')}</th><th>${t('contest.col.link')}</th>
          <th>${t('contest.col.created')}</th><th>${t('common.actions')}</th></tr></thead>
        <tbody>${this.contests.map((c) => this.row(c))}</tbody></table></div>`}
      ${this.pages > 1 ? html`<nav class="pager" aria-label=${t('contest.list.pages')}>
        ${this.page > 0 ? html`<a href=${'#/contests?page=' + (this.page - 1)}>${t('common.previous')}</a>` : nothing}
        <span>${t('common.page', { page: this.page + 1, pages: this.pages })}</span>
        ${this.page + 1 < this.pages ? html`<a href=${'#/contests?page=' + (this.page + 1)}>${t('common.next')}</a>` : nothing}</nav>` : nothing}`;
  }

  row(c) {
    // the list carries each contest's rounds (one query for the page): their number beside the link
    return html`<tr data-contest=${c.id}>
      <td><a href=${'#/contests/' + c.id} class="contest-title">${c.title}</a></td>
      <td>${c.publicUrl ? html`<a href=${c.publicUrl} target="_blank" rel="noopener">${new URL(c.publicUrl, location.href).href}</a>` : '–'}</td>
      <td>${windowTime(c.createdAt)}</td>
      <td class="row-actions"><a href=${'#/contests/' + c.id + '/rounds'}>${t('contest.tabs.rounds')} (${(c.rounds || []).length})</a>
        <a href=${'#/contests/' + c.id + '/dashboard'}>${t('contest.tabs.dashboard')}</a></td></tr>`;
  }
}
