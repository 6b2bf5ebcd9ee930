// The organisation's games, newest first, a page at a time.
import { html, nothing } from 'lit-html';
import { api, query as qs } from '../../lib/api.js';
import { t, num, dateTime, pinText } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, spinner } from '../../lib/ui.js';

const PAGE_SIZE = 20;

/** A stored game's status for people: LOBBY, RUNNING or ENDED. */
export function statusLabel(status) {
  switch (status) {
    case 'LOBBY': return t('results.status.LOBBY');
    case 'RUNNING': return t('results.status.RUNNING');
    case 'ENDED': return t('results.status.ENDED');
    default: return status || '';
  }
}

export class ResultsListScreen extends Screen {
  title() {
    return t('results.list.title');
  }

  async enter() {
    this.page = Math.max(0, Number(this.query.get('page')) || 0);
    await this.load();
  }

  async load() {
    this.error = null;
    try {
      this.data = await api.get('/api/games' + qs({ page: this.page, size: PAGE_SIZE }));
    } catch (e) {
      this.error = e;
    }
    this.update();
  }

  go(page) {
    this.page = page;
    this.data = null;
    this.update();
    this.load();
  }

  render() {
    const head = pageHeader(t('results.list.title'));
    if (this.error) return html`${head}${errorBox(this.error)}`;
    if (!this.data) return html`${head}${spinner()}`;
    const games = this.data.games;
    const pages = Math.max(1, Math.ceil(this.data.total / PAGE_SIZE));
    return html`${head}
      <p class="lead">${t('results.list.lead')}</p>
      ${games.length === 0 ? html`<div class="card empty"><p>${t('results.list.empty')}</p><p><a href="#/host">${t('results.list.hostOne')}</a></p></div>` : html`
      <div class="table-wrap"><table class="games" id="games">
        <thead><tr><th scope="col">${t('results.col.title')}</th><th scope="col">${t('results.col.pin')}</th>
          <th scope="col">${t('results.col.date')}</th><th scope="col" class="num">${t('results.col.players')}</th>
          <th scope="col">${t('results.col.status')}</th></tr></thead>
        <tbody>${games.map((g) => html`<tr data-game=${g.game.id}>
          <td><a href=${'#/results/' + encodeURIComponent(g.game.id)}>${g.game.title}</a></td>
          <td>${pinText(g.game.pin)}</td><td>${dateTime(g.createdAt)}</td><td class="num">${num(g.playerCount)}</td>
          <td><span class=${'badge' + (g.game.status === 'ENDED' ? '' : ' ok')}>${statusLabel(g.game.status)}</span></td></tr>`)}
        </tbody></table></div>
      ${pages > 1 ? html`<nav class="pager" aria-label=${t('results.list.pages')}>
        <button type="button" ?disabled=${this.page === 0} @click=${() => this.go(this.page - 1)}>${t('common.previous')}</button>
        <span>${t('common.page', { page: num(this.page + 1), pages: num(pages) })}</span>
        <button type="button" ?disabled=${this.page + 1 >= pages} @click=${() => this.go(this.page + 1)}>${t('common.next')}</button>
      </nav>` : nothing}`}`;
  }
}
