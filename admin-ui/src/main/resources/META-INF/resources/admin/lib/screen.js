// The base of every screen: the app re-renders the current screen whenever update() is called.
import { html } from 'lit-html';
import { t } from './i18n.js';

export class Screen {
  /**
   * @param app the console (user, navigate, update, toast)
   * @param params the route's path parameters, e.g. {id: '42'}
   * @param query the hash's query parameters as URLSearchParams
   */
  constructor(app, params, query) {
    this.app = app;
    this.params = params;
    this.query = query;
  }

  /** The document title. */
  title() {
    return t('app.name');
  }

  /** Loads what the screen needs; the screen renders before and after. */
  async enter() {}

  /** Whether leaving now loses what the user typed: the console then asks first. */
  unsaved() {
    return false;
  }

  /** Releases sockets and timers when the user goes elsewhere. */
  leave() {}

  render() {
    return html``;
  }

  update() {
    this.app.update();
  }
}
