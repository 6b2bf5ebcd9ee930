// Small shared pieces of the console's screens.
import { html, nothing } from 'lit-html';
import { t, errorMessage } from './i18n.js';

/** A page heading with optional action buttons on the right. */
export function pageHeader(title, actions) {
  return html`<header class="page-header"><h1 id="page-title" tabindex="-1">${title}</h1>
    ${actions ? html`<div class="actions">${actions}</div>` : nothing}</header>`;
}

/** A refused request or a validation message, announced to screen readers. */
export function errorBox(error) {
  if (!error) return nothing;
  const text = typeof error === 'string' ? error : errorMessage(error);
  const messages = fieldMessages(error);
  return html`<div class="error-box" role="alert"><p>${text}</p>
    ${messages.length ? html`<ul class="problem-fields">${messages.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}</div>`;
}

// Question validation lists `violations`; request validation names its invalid fields in `fields` only.
function fieldMessages(error) {
  const problem = error && error.problem ? error.problem : {};
  if (Array.isArray(problem.violations)) return problem.violations.map((v) => v.message || v.field || String(v));
  if (problem.fields && typeof problem.fields === 'object') return Object.keys(problem.fields).map((name) => problem.fields[name]);
  return [];
}

export function spinner() {
  return html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${t('common.loading')}</p>`;
}

/** A labelled form field; the control must carry the id. */
export function field(id, label, control, hint) {
  return html`<div class="field"><label for=${id}>${label}</label>${control}
    ${hint ? html`<p class="hint" id=${id + '-hint'}>${hint}</p>` : nothing}</div>`;
}

/** Saves a Blob as a file through a temporary link (keeps the console's language header on the request). */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
