// One contest's settings: title, rules, public link and QR code, the identity form and its key,
// the consent text and the retention of personal data. Also the create form (#/contests/new).
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { api } from '../../lib/api.js';
import { t } from '../../lib/i18n.js';
import { Screen } from '../../lib/screen.js';
import { errorBox, pageHeader, spinner } from '../../lib/ui.js';
import { FIELDS, IDENTITY_KEYS, contestPath, contestTabs, keyField, loadContest } from './model.js';

const DEFAULT_FORM = [{ field: 'fullName', required: true }, { field: 'birthYear', required: true },
  { field: 'cccd', required: true }, { field: 'phone', required: true }, { field: 'email', required: false },
  { field: 'unitCode', required: true }];
const DEFAULT_RETENTION_DAYS = 180;

export class ContestSettingsScreen extends Screen {
  title() {
    return this.contest && this.contest.id ? this.contest.title : t('contest.new.title');
  }

  get isNew() {
    return !this.params.id;
  }

  async enter() {
    if (this.app.user.role === 'ADMIN') {
      try { this.organisations = await api.get('/api/organisations'); } catch (e) { this.organisations = null; }
    }
    if (this.isNew) {
      this.contest = { title: '', rulesText: '', form: DEFAULT_FORM.map((f) => ({ ...f })), identityKey: 'CCCD',
        consent: { purpose: t('contest.consent.defaultPurpose'), retention: t('contest.consent.defaultRetention', { days: DEFAULT_RETENTION_DAYS }) },
        retentionDays: DEFAULT_RETENTION_DAYS, organisationId: this.app.user.organisationId || null };
    } else {
      this.contest = await loadContest(this.params.id);
    }
    this.draft = structuredClone(this.contest);
    if (!this.draft.consent) this.draft.consent = { purpose: '', retention: '' };
    if (!Array.isArray(this.draft.form)) this.draft.form = [];
  }

  formEntry(field) {
    return this.draft.form.find((f) => f.field === field);
  }

  toggleField(field, on) {
    if (on && !this.formEntry(field)) this.draft.form.push({ field, required: false });
    if (!on) this.draft.form = this.draft.form.filter((f) => f.field !== field);
    this.draft.form.sort((a, b) => FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field));
    this.update();
  }

  setRequired(field, required) {
    const entry = this.formEntry(field);
    if (entry) entry.required = required;
    this.update();
  }

  chooseKey(key) {
    this.draft.identityKey = key;
    // the identity key is always asked for and always required
    if (!this.formEntry(keyField(key))) this.toggleField(keyField(key), true);
    this.formEntry(keyField(key)).required = true;
    this.update();
  }

  /** A retention text still as suggested follows the number of days; one the organiser wrote stays. */
  setRetentionDays(days) {
    const d = this.draft;
    const suggested = (n) => t('contest.consent.defaultRetention', { days: n });
    if (days && d.consent.retention === suggested(d.retentionDays)) d.consent.retention = suggested(days);
    d.retentionDays = days;
    this.update();
  }

  async save(event) {
    event.preventDefault();
    const form = event.target.elements;
    this.error = null;
    const body = {
      title: form.title.value.trim(),
      rulesText: form.rulesText.value,
      form: this.draft.form,
      identityKey: this.draft.identityKey,
      consent: { purpose: form.consentPurpose.value.trim(), retention: form.consentRetention.value.trim(),
        controller: form.consentController.value.trim() || null },
      retentionDays: form.retentionDays.value === '' ? null : Number(form.retentionDays.value),
    };
    if (form.organisation) body.organisationId = form.organisation.value ? Number(form.organisation.value) : null;
    else if (this.draft.organisationId) body.organisationId = this.draft.organisationId;
    if (!this.isNew) body.version = this.contest.version;
    this.saving = true;
    this.update();
    try {
      const saved = this.isNew ? await api.post('/api/contests', body) : await api.put(contestPath(this.contest.id), body);
      this.app.toast(t(this.isNew ? 'contest.settings.created' : 'contest.settings.saved', { title: saved.title }));
      if (this.isNew) {
        this.saving = false;
        return this.app.navigate('/contests/' + saved.id + '/units');
      }
      saved.rounds = this.contest.rounds;
      this.contest = saved;
      this.draft = structuredClone(saved);
    } catch (e) {
      this.error = e;
    }
    this.saving = false;
    this.update();
  }

  async remove() {
    this.error = null;
    try {
      await api.del(contestPath(this.contest.id));
      this.app.toast(t('contest.settings.deleted', { title: this.contest.title }));
      this.app.navigate('/contests');
    } catch (e) {
      this.error = e;
      this.confirmDelete = false;
      this.update();
    }
  }

  async copyLink() {
    const link = this.publicLink();
    try {
      await navigator.clipboard.writeText(link);
      this.app.toast(t('contest.link.copied'));
    } catch (e) {
      // no clipboard permission (plain http on a LAN): select the text so Ctrl+C copies it
      const input = document.getElementById('public-url');
      if (input) { input.focus(); input.select(); }
      this.app.toast(t('contest.link.selectToCopy'));
    }
  }

  render() {
    if (!this.draft) return html`${pageHeader(t('contest.new.title'))}${spinner()}`;
    const d = this.draft;
    return html`${pageHeader(this.isNew ? t('contest.new.title') : this.contest.title,
        html`<a href="#/contests">${t('contest.backToList')}</a>`)}
      ${this.isNew ? nothing : contestTabs(this.contest.id, 'settings')}
      ${this.isNew ? nothing : this.linkCard()}
      <form id="contest-form" class="card" novalidate @submit=${(e) => this.save(e)}>
        ${errorBox(this.error)}
        <h2>${t('contest.settings.general')}</h2>
        <div class="field"><label for="contest-title">${t('contest.settings.titleLabel')}</label>
          <input id="contest-title" name="title" required maxlength="200" .value=${live(d.title || '')}
            @input=${(e) => { d.title = e.target.value; }}></div>
        ${this.organisations ? html`<div class="field"><label for="contest-organisation">${t('contest.settings.organisation')}</label>
          <select id="contest-organisation" name="organisation">
            <option value="">${t('contest.settings.organisationNone')}</option>
            ${this.organisations.map((o) => html`<option value=${String(o.id)} ?selected=${o.id === d.organisationId}>${o.name}</option>`)}
          </select></div>` : nothing}
        <div class="field"><label for="contest-rules">${t('contest.settings.rules')}</label>
          <textarea id="contest-rules" name="rulesText" rows="8" .value=${live(d.rulesText || '')}
            @input=${(e) => { d.rulesText = e.target.value; }}></textarea>
          <p class="hint">${t('contest.settings.rulesHint')}</p></div>

        <h2>${t('contest.form.title')}</h2>
        <p class="hint">${t('contest.form.lead')}</p>
        <fieldset class="identity-key"><legend>${t('contest.form.key')}</legend>
          ${IDENTITY_KEYS.map((key) => html`<label class="check"><input type="radio" name="identityKey" value=${key}
            id=${'identity-key-' + key} .checked=${live(d.identityKey === key)} @change=${() => this.chooseKey(key)}>
            ${t('contest.key.' + key)}</label>`)}
          <p class="hint">${t('contest.form.keyHint')}</p></fieldset>
        <div class="table-wrap"><table id="form-fields" class="form-fields">
          <thead><tr><th>${t('contest.form.field')}</th><th>${t('contest.form.ask')}</th><th>${t('contest.form.required')}</th></tr></thead>
          <tbody>${FIELDS.map((field) => this.fieldRow(field))}</tbody></table></div>

        <h2>${t('contest.consent.title')}</h2>
        <p class="hint">${t('contest.consent.lead')}</p>
        <div class="field"><label for="consent-purpose">${t('contest.consent.purpose')}</label>
          <textarea id="consent-purpose" name="consentPurpose" rows="3" .value=${live(d.consent.purpose || '')}
            @input=${(e) => { d.consent.purpose = e.target.value; }}></textarea></div>
        <div class="field"><label for="consent-retention">${t('contest.consent.retention')}</label>
          <textarea id="consent-retention" name="consentRetention" rows="2" .value=${live(d.consent.retention || '')}
            @input=${(e) => { d.consent.retention = e.target.value; }}></textarea></div>
        <div class="field"><label for="consent-controller">${t('contest.consent.controller')}</label>
          <input id="consent-controller" name="consentController" maxlength="300" .value=${live(d.consent.controller || '')}
            @input=${(e) => { d.consent.controller = e.target.value; }}>
          <p class="hint">${t('contest.consent.controllerHint')}</p></div>
        <div class="field short"><label for="retention-days">${t('contest.consent.retentionDays')}</label>
          <input id="retention-days" name="retentionDays" type="number" min="1" max="3650" inputmode="numeric"
            .value=${live(d.retentionDays === null || d.retentionDays === undefined ? '' : String(d.retentionDays))}
            @input=${(e) => this.setRetentionDays(e.target.value === '' ? null : Number(e.target.value))}>
          <p class="hint">${t('contest.consent.retentionDaysHint')}</p></div>

        <div class="form-actions">
          <button type="submit" class="primary" id="save-contest" ?disabled=${this.saving}>${this.isNew ? t('contest.settings.create') : t('common.save')}</button>
          ${this.isNew ? nothing : this.confirmDelete ? html`<span class="inline-confirm" role="group">${t('contest.settings.deleteConfirm')}
              <button type="button" class="danger" id="confirm-delete-contest" @click=${() => this.remove()}>${t('common.delete')}</button>
              <button type="button" @click=${() => { this.confirmDelete = false; this.update(); }}>${t('common.cancel')}</button></span>`
            : html`<button type="button" id="delete-contest" @click=${() => { this.confirmDelete = true; this.update(); }}>${t('common.delete')}</button>`}
        </div>
      </form>`;
  }

  fieldRow(field) {
    const entry = this.formEntry(field);
    const isKey = keyField(this.draft.identityKey) === field;
    return html`<tr data-field=${field}>
      <td>${t('contest.field.' + field)}${isKey ? html` <span class="badge ok">${t('contest.form.keyBadge')}</span>` : nothing}</td>
      <td><input type="checkbox" id=${'ask-' + field} aria-label=${t('contest.form.askField', { field: t('contest.field.' + field) })}
        .checked=${live(!!entry)} ?disabled=${isKey} @change=${(e) => this.toggleField(field, e.target.checked)}></td>
      <td><input type="checkbox" id=${'required-' + field} aria-label=${t('contest.form.requiredField', { field: t('contest.field.' + field) })}
        .checked=${live(!!entry && !!entry.required)} ?disabled=${!entry || isKey} @change=${(e) => this.setRequired(field, e.target.checked)}></td></tr>`;
  }

  /** The public link, absolute: without a configured public address the server gives a path only. */
  publicLink() {
    return this.contest.publicUrl ? new URL(this.contest.publicUrl, location.href).href : '';
  }

  linkCard() {
    const c = this.contest;
    const link = this.publicLink();
    if (!link) return nothing;
    return html`<section class="card contest-link" aria-labelledby="link-title">
      <div><h2 id="link-title">${t('contest.link.title')}</h2>
        <p class="hint">${t('contest.link.lead')}</p>
        <div class="copy-row"><input id="public-url" readonly .value=${link} aria-label=${t('contest.link.title')}>
          <button type="button" id="copy-link" @click=${() => this.copyLink()}>${t('contest.link.copy')}</button>
          <a href=${link} target="_blank" rel="noopener" id="open-public">${t('contest.link.open')}</a></div></div>
      <img class="contest-qr" id="contest-qr" src=${contestPath(c.id, '/qr.svg') + '?v=' + encodeURIComponent(c.publicUrl)}
        alt=${t('contest.link.qrAlt', { url: link })} width="180" height="180"></section>`;
  }
}
