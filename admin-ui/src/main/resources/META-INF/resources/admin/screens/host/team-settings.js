// Team play by unit in the create-game form (docs/organiser-console.md, "Thi theo đơn vị"): the units
// typed one per line ("10A1 | Lớp 10A1", or just a name), or a contest's unit tree; how units are
// ranked; and the organiser's list of who plays for which unit (XLSX or CSV, read by the server).
import { html, nothing } from 'lit-html';
import { api } from '../../lib/api.js';
import { t, num } from '../../lib/i18n.js';
import { field } from '../../lib/ui.js';

export function teamValues() {
  return { on: false, unitsText: '', contestId: '', score: 'MEAN', bestK: '5', minMembers: '3', assignments: null, assignedRows: 0, error: null };
}

/** One unit per line: "id | name", or a name alone (its own id). Blank lines are skipped. */
export function parseUnits(text) {
  return String(text).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line) => {
    const bar = line.indexOf('|');
    return bar < 0 ? { name: line } : { id: line.slice(0, bar).trim(), name: line.slice(bar + 1).trim() || line.slice(0, bar).trim() };
  });
}

/** The `teams` field of the settings, null when team play is off; problems go to `problems`. */
export function readTeams(values, problems) {
  if (!values.on) return null;
  const teams = { score: values.score, bestK: Number(values.bestK), minMembers: Number(values.minMembers) };
  const units = parseUnits(values.unitsText);
  if (units.length) teams.units = units;
  else if (String(values.contestId).trim()) teams.contestId = Number(String(values.contestId).trim());
  else problems.push(t('host.teams.contestOrUnitsRequired'));
  if (!Number.isInteger(teams.bestK) || teams.bestK < 1 || teams.bestK > 100) problems.push(t('host.teams.bestK.range'));
  if (!Number.isInteger(teams.minMembers) || teams.minMembers < 1 || teams.minMembers > 1000) problems.push(t('host.teams.minMembers.range'));
  if (values.assignments) teams.assignments = values.assignments;
  return teams;
}

async function upload(values, file, update) {
  values.error = null;
  const form = new FormData();
  form.append('file', file);
  try {
    const read = await api.post('/api/games/teams/assignments', form);
    values.assignments = read.assignments;
    values.assignedRows = read.rows;
  } catch (e) {
    values.assignments = null;
    values.assignedRows = 0;
    values.error = e;
  }
  update();
}

export function teamFields(values, update) {
  return html`<fieldset class="settings-group teams-settings" id="teams-settings"><legend>${t('host.teams.legend')}</legend>
    <div class="field check"><label><input type="checkbox" id="teams-on" name="teams-on" .checked=${values.on}
      @change=${(e) => { values.on = e.target.checked; update(); }} aria-describedby="teams-on-hint"> ${t('host.teams.on')}</label>
      <p class="hint" id="teams-on-hint">${t('host.teams.on.hint')}</p></div>
    ${values.on ? html`
      ${field('teams-units', t('host.teams.units'), html`<textarea id="teams-units" name="teams-units" rows="5"
        placeholder=${t('host.teams.units.placeholder')} .value=${values.unitsText}
        @input=${(e) => { values.unitsText = e.target.value; }}></textarea>`, t('host.teams.units.hint'))}
      ${field('teams-contest', t('host.teams.contest'), html`<input id="teams-contest" name="teams-contest" type="number" inputmode="numeric"
        min="1" .value=${values.contestId} @input=${(e) => { values.contestId = e.target.value; }}>`, t('host.teams.contest.hint'))}
      <div class="settings-grid">
        ${field('teams-score', t('host.teams.score'), html`<select id="teams-score" name="teams-score" .value=${values.score}
          @change=${(e) => { values.score = e.target.value; update(); }}>
          ${['MEAN', 'SUM', 'BEST_K'].map((c) => html`<option value=${c} ?selected=${c === values.score}>${t('host.teams.score.' + c)}</option>`)}</select>`,
          t('host.teams.score.hint'))}
        ${values.score === 'BEST_K' ? field('teams-best-k', t('host.teams.bestK'), html`<input id="teams-best-k" name="teams-best-k" type="number"
          min="1" max="100" .value=${values.bestK} @input=${(e) => { values.bestK = e.target.value; }}>`, t('host.teams.bestK.hint')) : nothing}
        ${field('teams-min', t('host.teams.minMembers'), html`<input id="teams-min" name="teams-min" type="number" min="1" max="1000"
          .value=${values.minMembers} @input=${(e) => { values.minMembers = e.target.value; }}>`, t('host.teams.minMembers.hint'))}
      </div>
      ${field('teams-list', t('host.teams.list'), html`<input id="teams-list" name="teams-list" type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        @change=${(e) => { if (e.target.files[0]) upload(values, e.target.files[0], update); }}>`, t('host.teams.list.hint'))}
      <p class="hint" id="teams-list-status" aria-live="polite">${values.error ? (values.error.message || String(values.error))
        : values.assignments ? t('host.teams.list.read', { count: num(values.assignedRows) }) : ''}</p>` : nothing}
  </fieldset>`;
}
