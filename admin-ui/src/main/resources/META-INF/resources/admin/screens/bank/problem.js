// A refused request with the messages of its invalid fields: request validation answers carry
// them in `fields` only (question validation also has `violations`, which errorBox lists).
import { html, nothing } from 'lit-html';
import { errorBox } from '../../lib/ui.js';

export function problemBox(error) {
  if (!error) return nothing;
  const problem = error.problem || {};
  const fields = !Array.isArray(problem.violations) && problem.fields && typeof problem.fields === 'object'
    ? Object.keys(problem.fields).map((name) => problem.fields[name]) : [];
  return html`${errorBox(error)}${fields.length ? html`<ul class="problem-fields" role="alert">${fields.map((text) => html`<li>${text}</li>`)}</ul>` : nothing}`;
}
