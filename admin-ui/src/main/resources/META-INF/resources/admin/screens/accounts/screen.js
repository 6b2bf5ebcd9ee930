// Organisations and organiser accounts: lists, creation, changes, disabling, password resets.
// A generated password is shown once, in a marked box with a copy button.
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { api } from '../../lib/api.js';
import { t } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { pageHeader, spinner, errorBox } from '../../lib/ui.js';

const KINDS = ['PROVINCE', 'COMMUNE', 'WARD', 'SPECIAL_ZONE', 'SCHOOL', 'OTHER'];
const ROLES = ['HOST', 'ORGANISER', 'ADMIN'];

export class AccountsScreen extends Screen {
  constructor(app, params, query) {
    super(app, params, query);
    this.passwordMode = 'generated';
  }

  title() {
    return t('accounts.title');
  }

  async enter() {
    await this.load();
  }

  async load() {
    const [organisations, users] = await Promise.all([api.get('/api/organisations'), api.get('/api/users')]);
    this.organisations = organisations;
    this.users = users;
  }

  organisationName(id) {
    const found = this.organisations.find((o) => o.id === id);
    return found ? found.name : '';
  }

  // ---- organisations ----

  async createOrganisation(event) {
    event.preventDefault();
    const form = event.target;
    this.organisationError = null;
    try {
      const created = await api.post('/api/organisations', { name: form.elements.name.value.trim(), kind: form.elements.kind.value,
        parentId: form.elements.parent.value ? Number(form.elements.parent.value) : null });
      form.reset();
      this.app.toast(t('accounts.organisationCreated', { name: created.name }));
      await this.load();
    } catch (e) {
      this.organisationError = e;
    }
    this.update();
  }

  // ---- users ----

  async createUser(event) {
    event.preventDefault();
    const form = event.target;
    this.userError = null;
    const body = { username: form.elements.username.value.trim(), displayName: form.elements.displayName.value.trim(),
      role: form.elements.role.value, organisationId: form.elements.organisation.value ? Number(form.elements.organisation.value) : null,
      password: this.passwordMode === 'given' ? form.elements.givenPassword.value : null };
    try {
      const created = await api.post('/api/users', body);
      form.reset();
      this.passwordMode = 'generated';
      this.secret = created.generatedPassword ? { username: created.account.username, password: created.generatedPassword, kind: 'created' } : null;
      this.app.toast(t('accounts.userCreated', { username: created.account.username }));
      await this.load();
    } catch (e) {
      this.userError = e;
    }
    this.update();
  }

  async change(user, changes) {
    this.listError = null;
    try {
      await api.put('/api/users/' + user.id, Object.assign({ displayName: user.displayName, role: user.role,
        organisationId: user.organisationId, enabled: user.enabled }, changes));
      this.editing = null;
      this.app.toast(t('accounts.userSaved', { username: user.username }));
      await this.load();
    } catch (e) {
      this.listError = e;
    }
    this.update();
  }

  saveEdit(event, user) {
    event.preventDefault();
    const form = event.target;
    this.change(user, { displayName: form.elements.displayName.value.trim(), role: form.elements.role.value,
      organisationId: form.elements.organisation.value ? Number(form.elements.organisation.value) : null });
  }

  async resetPassword(user) {
    this.listError = null;
    this.confirmReset = null;
    try {
      const reset = await api.post('/api/users/' + user.id + '/password-reset');
      this.secret = { username: user.username, password: reset.generatedPassword, kind: 'reset' };
    } catch (e) {
      this.listError = e;
    }
    this.update();
  }

  async copySecret() {
    try {
      await navigator.clipboard.writeText(this.secret.password);
      this.app.toast(t('accounts.copied'));
    } catch (e) {
      // Without a secure context (a LAN address over http) the clipboard is closed: select the text instead.
      const code = document.getElementById('one-time-password');
      if (code) window.getSelection().selectAllChildren(code);
      this.app.toast(t('accounts.copyManually'), 'error');
    }
  }

  // ---- rendering ----

  render() {
    if (!this.users) return html`${pageHeader(t('accounts.title'))}${spinner()}`;
    return html`${pageHeader(t('accounts.title'))}
      ${this.secret ? this.secretBox() : nothing}
      <section class="card" aria-labelledby="users-title">
        <h2 id="users-title">${t('accounts.users')}</h2>
        ${errorBox(this.listError)}
        ${this.userTable()}
        <h3>${t('accounts.newUser')}</h3>
        ${this.userForm()}
      </section>
      <section class="card" aria-labelledby="organisations-title">
        <h2 id="organisations-title">${t('accounts.organisations')}</h2>
        ${this.organisationTable()}
        <h3>${t('accounts.newOrganisation')}</h3>
        ${this.organisationForm()}
      </section>`;
  }

  secretBox() {
    const s = this.secret;
    return html`<div class="secret-box" id="secret-box" role="alert">
      <h2>${s.kind === 'reset' ? t('accounts.resetTitle', { username: s.username }) : t('accounts.secretTitle', { username: s.username })}</h2>
      <p>${t('accounts.secretLead')}</p>
      <p class="secret"><code id="one-time-password">${s.password}</code>
        <button type="button" id="copy-password" @click=${() => this.copySecret()}>${t('accounts.copy')}</button></p>
      <button type="button" class="primary" id="secret-done" @click=${() => { this.secret = null; this.update(); }}>${t('accounts.secretDone')}</button>
    </div>`;
  }

  organisationOptions(selected, noneLabel) {
    return html`<option value="" ?selected=${!selected}>${noneLabel}</option>
      ${this.organisations.map((o) => html`<option value=${String(o.id)} ?selected=${o.id === selected}>${o.name}</option>`)}`;
  }

  userTable() {
    const me = this.app.user ? this.app.user.id : null;
    return html`<div class="table-wrap"><table id="user-table">
      <thead><tr><th>${t('accounts.username')}</th><th>${t('accounts.displayName')}</th><th>${t('accounts.role')}</th>
        <th>${t('accounts.organisation')}</th><th>${t('accounts.state')}</th><th>${t('common.actions')}</th></tr></thead>
      <tbody>${this.users.map((u) => this.editing === u.id ? this.editRow(u) : html`<tr data-username=${u.username}>
        <td>${u.username}</td><td>${u.displayName}</td><td>${t('role.' + u.role)}</td><td>${this.organisationName(u.organisationId) || '—'}</td>
        <td><span class=${u.enabled ? 'badge ok' : 'badge bad'}>${u.enabled ? t('accounts.enabled') : t('accounts.disabled')}</span></td>
        <td class="row-actions">
          <button type="button" data-action="edit" @click=${() => { this.editing = u.id; this.update(); }}>${t('common.edit')}</button>
          ${u.id === me ? nothing : html`<button type="button" data-action=${u.enabled ? 'disable' : 'enable'} @click=${() => this.change(u, { enabled: !u.enabled })}>
            ${u.enabled ? t('accounts.disable') : t('accounts.enable')}</button>`}
          ${this.confirmReset === u.id ? html`<span class="confirm">${t('accounts.resetConfirm')}
              <button type="button" class="danger" data-action="confirm-reset" @click=${() => this.resetPassword(u)}>${t('accounts.reset')}</button>
              <button type="button" @click=${() => { this.confirmReset = null; this.update(); }}>${t('common.cancel')}</button></span>`
            : html`<button type="button" data-action="reset" @click=${() => { this.confirmReset = u.id; this.update(); }}>${t('accounts.reset')}</button>`}
        </td></tr>`)}</tbody></table></div>`;
  }

  editRow(u) {
    return html`<tr data-username=${u.username} class="editing"><td colspan="6">
      <form class="inline-form" id="edit-user-form" @submit=${(e) => this.saveEdit(e, u)} novalidate>
        <strong>${u.username}</strong>
        <div class="field"><label for="edit-display-name">${t('accounts.displayName')}</label><input id="edit-display-name" name="displayName" maxlength="100" .value=${live(u.displayName)}></div>
        <div class="field"><label for="edit-role">${t('accounts.role')}</label><select id="edit-role" name="role">
          ${ROLES.map((r) => html`<option value=${r} ?selected=${r === u.role}>${t('role.' + r)}</option>`)}</select></div>
        <div class="field"><label for="edit-organisation">${t('accounts.organisation')}</label><select id="edit-organisation" name="organisation">
          ${this.organisationOptions(u.organisationId, t('accounts.noOrganisation'))}</select></div>
        <button type="submit" class="primary" id="save-user">${t('common.save')}</button>
        <button type="button" @click=${() => { this.editing = null; this.update(); }}>${t('common.cancel')}</button>
      </form></td></tr>`;
  }

  userForm() {
    return html`<form id="user-form" class="account-form" @submit=${(e) => this.createUser(e)} novalidate>
      ${errorBox(this.userError)}
      <div class="form-grid">
        <div class="field"><label for="new-username">${t('accounts.username')}</label>
          <input id="new-username" name="username" required maxlength="64" autocomplete="off" aria-describedby="new-username-hint">
          <p class="hint" id="new-username-hint">${t('accounts.usernameHint')}</p></div>
        <div class="field"><label for="new-display-name">${t('accounts.displayName')}</label><input id="new-display-name" name="displayName" required maxlength="100"></div>
        <div class="field"><label for="new-role">${t('accounts.role')}</label><select id="new-role" name="role">
          ${ROLES.map((r) => html`<option value=${r}>${t('role.' + r)}</option>`)}</select>
          <p class="hint">${t('accounts.roleHint')}</p></div>
        <div class="field"><label for="new-organisation">${t('accounts.organisation')}</label><select id="new-organisation" name="organisation">
          ${this.organisationOptions(null, t('accounts.noOrganisation'))}</select></div>
      </div>
      <fieldset class="password-mode"><legend>${t('accounts.password')}</legend>
        <label class="check"><input type="radio" name="passwordMode" value="generated" id="password-generated" .checked=${live(this.passwordMode === 'generated')}
          @change=${() => { this.passwordMode = 'generated'; this.update(); }}>${t('accounts.passwordGenerated')}</label>
        <label class="check"><input type="radio" name="passwordMode" value="given" id="password-given" .checked=${live(this.passwordMode === 'given')}
          @change=${() => { this.passwordMode = 'given'; this.update(); }}>${t('accounts.passwordGiven')}</label>
        ${this.passwordMode === 'given' ? html`<div class="field"><label for="new-password-value">${t('accounts.passwordValue')}</label>
          <input id="new-password-value" name="givenPassword" type="text" autocomplete="new-password" minlength="12" maxlength="64">
          <p class="hint">${t('password.rule')}</p></div>` : nothing}
      </fieldset>
      <button type="submit" class="primary" id="create-user">${t('accounts.createUser')}</button>
    </form>`;
  }

  organisationTable() {
    if (!this.organisations.length) return html`<p class="empty">${t('accounts.noOrganisations')}</p>`;
    return html`<div class="table-wrap"><table id="organisation-table"><thead><tr><th>${t('accounts.organisationName')}</th>
      <th>${t('accounts.kind')}</th><th>${t('accounts.parent')}</th></tr></thead>
      <tbody>${this.organisations.map((o) => html`<tr><td>${o.name}</td><td>${t('kind.' + o.kind)}</td><td>${this.organisationName(o.parentId) || '—'}</td></tr>`)}</tbody></table></div>`;
  }

  organisationForm() {
    return html`<form id="organisation-form" class="inline-form" @submit=${(e) => this.createOrganisation(e)} novalidate>
      <div class="field"><label for="organisation-name">${t('accounts.organisationName')}</label><input id="organisation-name" name="name" required maxlength="200"></div>
      <div class="field"><label for="organisation-kind">${t('accounts.kind')}</label><select id="organisation-kind" name="kind">
        ${KINDS.map((k) => html`<option value=${k}>${t('kind.' + k)}</option>`)}</select></div>
      <div class="field"><label for="organisation-parent">${t('accounts.parent')}</label><select id="organisation-parent" name="parent">
        ${this.organisationOptions(null, t('accounts.noParent'))}</select></div>
      <button type="submit" class="primary" id="create-organisation">${t('accounts.createOrganisation')}</button>
      ${errorBox(this.organisationError)}
    </form>`;
  }
}
