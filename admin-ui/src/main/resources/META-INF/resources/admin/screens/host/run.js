// The host's laptop screen for a running game: PIN and join link, the presenter window, the QR code
// of the phone controls, the controls themselves and the players.
import { html, nothing } from 'lit-html';
import { api } from '../../lib/api.js';
import { t, pinText } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader } from '../../lib/ui.js';
import { tokenForScreen, controlLink, isLoopbackJoin } from './token.js';
import { HostControls } from './controls.js';

export class RunScreen extends Screen {
  title() {
    const s = this.connection ? this.connection.state : null;
    return s && s.game ? s.game.title : t('host.run.title');
  }

  async enter() {
    this.token = tokenForScreen(this.params.id, this.query, '/games/' + this.params.id + '/run');
    if (!this.token) return;
    HostControls.attach(this, this.token, (state) => this.lookUpPin(state));
  }

  leave() {
    HostControls.detach(this);
    if (this.qrUrl) URL.revokeObjectURL(this.qrUrl);
  }

  lookUpPin(state) {
    if (!state.game || this.pinLooked === state.game.pin) return;
    this.pinLooked = state.game.pin;
    api.get('/api/pins/' + encodeURIComponent(state.game.pin))
      .then((found) => { this.joinUrl = found.joinUrl || null; this.update(); })
      .catch(() => { /* the fallback link serves */ });
  }

  openPresenter() {
    window.open('#/present/' + encodeURIComponent(this.params.id), 'quizfest-presenter-' + this.params.id);
  }

  /** The phone-controls link as a QR code (POST /api/qr returns SVG text; shown through a blob: URL). */
  async toggleQr() {
    if (this.qrShown) {
      this.qrShown = false;
      return this.update();
    }
    this.qrShown = true;
    this.qrError = null;
    this.update();
    if (this.qrUrl) return;
    this.qrError = null;
    try {
      const svgText = await api.post('/api/qr', { text: controlLink(this.params.id, this.token) });
      this.qrUrl = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    } catch (e) {
      this.qrError = e;
    }
    this.update();
  }

  /** The phone-controls link as text, for a phone that cannot scan (sent by a chat app, typed). */
  async copyControlLink() {
    const input = document.getElementById('control-link');
    try {
      await navigator.clipboard.writeText(controlLink(this.params.id, this.token));
    } catch (e) {
      // No clipboard permission (plain http on a LAN address): select the text for Ctrl+C instead.
      if (input) input.select();
      return;
    }
    this.app.toast(t('host.run.copied'));
  }

  render() {
    if (!this.token) {
      return html`${pageHeader(t('host.run.title'))}<div class="card"><p>${t('host.run.noToken')}</p>
        <p><a href="#/host">${t('host.run.backToHost')}</a></p></div>`;
    }
    const s = this.connection.state;
    const pin = s.game ? s.game.pin : '';
    const joinUrl = this.joinUrl || (pin ? location.origin + '/join/' + pin : '');
    return html`${pageHeader(s.game ? s.game.title : t('host.run.title'), html`
        <button type="button" class="primary" id="open-presenter" @click=${() => this.openPresenter()}>${t('host.run.presenter')}</button>
        <button type="button" id="show-control-qr" aria-expanded=${this.qrShown ? 'true' : 'false'} @click=${() => this.toggleQr()}>
          ${this.qrShown ? t('host.run.hideQr') : t('host.run.showQr')}</button>`)}
      <div class="run-grid">
        <section class="card run-join" aria-labelledby="join-title">
          <h2 id="join-title">${t('host.run.join')}</h2>
          <p class="run-pin" id="run-pin">${pinText(pin)}</p>
          ${joinUrl ? html`<p>${t('host.run.joinLink')} <a id="join-link" href=${joinUrl} target="_blank" rel="noopener">${joinUrl}</a></p>` : nothing}
          ${this.joinUrl && isLoopbackJoin(this.joinUrl) ? html`<p class="warning" id="loopback-warning" role="note">${t('host.loopback.warning')}</p>` : nothing}
          ${this.qrShown ? html`<div class="control-qr" id="control-qr">
            <p class="warning" role="note">${t('host.run.qrWarning')}</p>
            ${this.qrError ? html`<p>${t('host.run.qrFailed')}</p>${errorBox(this.qrError)}` : nothing}
            ${this.qrUrl ? html`<img id="control-qr-img" src=${this.qrUrl} alt=${t('host.run.qrAlt')}>` : nothing}
            <p class="hint">${t('host.run.qrHint')}</p>
            <label for="control-link">${t('host.run.controlLink')}</label>
            <div class="copy-row">
              <input id="control-link" type="text" readonly .value=${controlLink(this.params.id, this.token)}
                @focus=${(e) => e.target.select()}>
              <button type="button" id="copy-control-link" @click=${() => this.copyControlLink()}>${t('host.run.copy')}</button>
            </div>
          </div>` : nothing}
        </section>
        <div class="run-controls">${this.controls.render()}</div>
      </div>`;
  }
}
