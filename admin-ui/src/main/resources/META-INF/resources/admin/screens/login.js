// Signing in and changing one's own password.
import { html } from 'lit-html';
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { Screen } from '../lib/screen.js';
import { errorBox, field, pageHeader } from '../lib/ui.js';

class LoginScreen extends Screen {
  title() {
    return t('login.title');
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    this.error = null;
    this.busy = true;
    this.update();
    try {
      const response = await api.post('/api/auth/login', { username: form.username.value.trim(), password: form.password.value }, { quiet401: true });
      this.app.signedIn(response.account, this.query.get('next'));
    } catch (e) {
      this.error = e;
      this.busy = false;
      this.update();
      form.password.value = '';
      form.password.focus();
    }
  }

  render() {
    return html`<section class="login card narrow">
      ${pageHeader(t('login.title'))}
      <p class="lead">${t('login.lead')}</p>
      ${errorBox(this.error)}
      <form id="login-form" @submit=${(e) => this.submit(e)} novalidate>
        ${field('username', t('login.username'), html`<input id="username" name="username" autocomplete="username" required maxlength="64" autofocus>`)}
        ${field('password', t('login.password'), html`<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">`)}
        <button type="submit" class="primary" ?disabled=${this.busy}>${t('login.submit')}</button>
      </form>
      <p class="hint">${t('login.forgot')}</p>
    </section>`;
  }
}

class PasswordScreen extends Screen {
  title() {
    return t('password.title');
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    this.error = null;
    if (form.newPassword.value !== form.repeat.value) {
      this.error = t('password.mismatch');
      return this.update();
    }
    try {
      await api.put('/api/auth/password', { currentPassword: form.currentPassword.value, newPassword: form.newPassword.value });
      form.reset();
      this.app.toast(t('password.changed'));
    } catch (e) {
      this.error = e;
    }
    this.update();
  }

  render() {
    return html`<section class="card narrow">
      ${pageHeader(t('password.title'))}
      <p class="lead">${t('password.lead')}</p>
      ${errorBox(this.error)}
      <form id="password-form" @submit=${(e) => this.submit(e)} novalidate>
        ${field('current-password', t('password.current'), html`<input id="current-password" name="currentPassword" type="password" autocomplete="current-password" required>`)}
        ${field('new-password', t('password.new'), html`<input id="new-password" name="newPassword" type="password" autocomplete="new-password" required minlength="12" maxlength="64" aria-describedby="new-password-hint">`, t('password.rule'))}
        ${field('repeat-password', t('password.repeat'), html`<input id="repeat-password" name="repeat" type="password" autocomplete="new-password" required>`)}
        <button type="submit" class="primary">${t('password.submit')}</button>
      </form>
    </section>`;
  }
}

export const routes = [
  { path: '/login', screen: LoginScreen, public: true },
  { path: '/password', screen: PasswordScreen, role: 'HOST', nav: 'password' },
];
