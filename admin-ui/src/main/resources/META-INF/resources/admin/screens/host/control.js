// The host controls on their own (a phone at 360 x 640, or a laptop): opened from the QR code of the run
// screen, with the host token after the '#'.
import { html, nothing } from 'lit-html';
import { t, pinText } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { tokenForScreen } from './token.js';
import { HostControls } from './controls.js';

export class ControlScreen extends Screen {
  title() {
    return t('host.control.title');
  }

  async enter() {
    this.token = tokenForScreen(this.params.id, this.query, '/control/' + this.params.id);
    if (!this.token) return;
    HostControls.attach(this, this.token);
  }

  leave() {
    HostControls.detach(this);
  }

  render() {
    if (!this.token) {
      return html`<div class="control-page"><h1 id="page-title" tabindex="-1">${t('host.control.title')}</h1>
        <p class="error-box" role="alert">${t('host.control.noToken')}</p></div>`;
    }
    const s = this.connection.state;
    return html`<div class="control-page" id="control">
      <header class="control-head">
        <h1 id="page-title" tabindex="-1">${s.game ? s.game.title : t('host.control.title')}</h1>
        ${s.game ? html`<p class="control-pin">${t('host.control.pin', { pin: pinText(s.game.pin) })}</p>` : nothing}
      </header>
      ${this.controls.render()}
    </div>`;
  }
}
