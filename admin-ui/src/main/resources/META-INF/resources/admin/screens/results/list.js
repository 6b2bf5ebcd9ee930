// The organisation's games, newest first, a page at a time; games an organiser hid only when asked
// for ("show hidden games too"), with a button to hide or show each one again.
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
    this.showHidden = this.query.get('hidden') === '1';
    await this.load();
  }

  async load() {
    this.error = null;
    try {
      this.data = await api.get('/api/games' + qs({ page: this.page, size: PAGE_SIZE, includeHidden: this.showHidden ? 'true' : undefined }));
    } catch (e) {
      this.error = e;
    }
    this.update();
  }

  toggleHidden(event) {
    this.showHidden = event.target.checked;
    this.go(0);
  }

  /** Hides a game (after a confirmation) or shows it again; its results never change. */
  async setHidden(id, hidden) {
    this.error = null;
    try {
      await api.post('/api/games/' + encodeURIComponent(id) + (hidden ? '/hide' : '/unhide'));
      this.app.toast(t(hidden ? 'results.hidden.done' : 'results.unhidden.done'));
    } catch (e) {
      this.error = e;
    }
    this.hiding = null;
    await this.load();
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
      <p><label class="check"><input type="checkbox" id="show-hidden" .checked=${!!this.showHidden} @change=${(e) => this.toggleHidden(e)}>
        ${t('results.showHidden')}</label></p>
      ${games.length === 0 ? html`<div class="card empty"><p>${t('results.list.empty')}</p><p><a href="#/host">${t('results.list.hostOne')}</a></p></div>` : html`
      <div class="table-wrap"><table class="games" id="games">
        <thead><tr><th scope="col">${t('results.col.title')}</th><th scope="col">${t('results.col.pin')}</th>
          <th scope="col">${t('results.col.date')}</th><th scope="col" class="num">${t('results.col.players')}</th>
          <th scope="col">${t('results.col.status')}</th><th scope="col">${t('results.col.actions')}</th></tr></thead>
        <tbody>${games.map((g) => html`<tr data-game=${g.game.id}>
          <td><a href=${'#/results/' + encodeURIComponent(g.game.id)}>${g.game.title}</a></td>
          <td>${pinText(g.game.pin)}</td><td>${dateTime(g.createdAt)}</td><td class="num">${num(g.playerCount)}</td>
          <td><span class=${'badge' + (g.game.status === 'ENDED' ? '' : ' ok')}>${statusLabel(g.game.status)}</span>
            ${g.hidden ? html`<span class="badge" data-hidden-badge>${t('results.hidden.badge')}</span>` : nothing}</td>
          <td>${g.hidden ? html`<button type="button" class="link" data-unhide=${g.game.id} @click=${() => this.setHidden(g.game.id, false)}>${t('results.unhide')}</button>`
            : this.hiding === g.game.id ? html`<span class="confirm">${t('results.hide.confirm')}
                <button type="button" data-hide-confirm @click=${() => this.setHidden(g.game.id, true)}>${t('results.hide')}</button>
                <button type="button" @click=${() => { this.hiding = null; this.update(); }}>${t('common.cancel')}</button></span>`
            : html`<button type="button" class="link" data-hide=${g.game.id} @click=${() => { this.hiding = g.game.id; this.update(); }}>${t('results.hide')}</button>`}</td></tr>`)}
        </tbody></table></div>
      ${pages > 1 ? html`<nav class="pager" aria-label=${t('results.list.pages')}>
        <button type="button" ?disabled=${this.page === 0} @click=${() => this.go(this.page - 1)}>${t('common.previous')}</button>
        <span>${t('common.page', { page: num(this.page + 1), pages: num(pages) })}</span>
        <button type="button" ?disabled=${this.page + 1 >= pages} @click=${() => this.go(this.page + 1)}>${t('common.next')}</button>
      </nav>` : nothing}`}`;
  }
}
