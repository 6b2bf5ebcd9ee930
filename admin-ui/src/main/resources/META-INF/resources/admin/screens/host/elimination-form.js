// Rung chuông vàng in the create-game form: the format's rules (time per question, rescue questions,
// revival, what happens when all fall, the list of numbers, reserves).
// The rules go to POST /api/games as settings.format and settings.elimination (docs/organiser-console.md).
import { html, nothing } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { api } from '../../lib/api.js';
import { t, num } from '../../lib/i18n.js';
import { field, errorBox } from '../../lib/ui.js';
import { fillFromSheet, applyUnitReserves, unitReserveField } from './elimination-units.js'; // substitutes per unit

/** The fields' first values: the format's defaults (15 s a question, all come back when all fall). */
export function eliminationValues() {
  return { format: 'HOSTED', seconds: '15', rescue: '', revivalAt: '', revivalBelow: '', allFall: 'REVIVE',
    numbers: null, numbersFile: '', numbersError: null, reserves: '', reserveBelow: '', unitReserves: '' };
}

function numberList(text) {
  return text.split(/[\s,;]+/).filter((x) => x !== '');
}

function wholeOrNull(text, min, max) {
  const trimmed = String(text).trim();
  if (trimmed === '') return { value: null };
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= min && value <= max ? { value } : { bad: true };
}

/** Adds the format and its rules to the API's settings; returns the problems found (none: an empty list). */
export function addElimination(values, settings) {
  if (values.format !== 'ELIMINATION') return [];
  const problems = [];
  const rules = {};
  const seconds = wholeOrNull(values.seconds, 5, 120);
  if (seconds.bad || seconds.value === null) problems.push(t('elim.form.seconds.invalid'));
  else rules.secondsPerQuestion = seconds.value;
  const rescue = numberList(values.rescue).map(Number);
  if (rescue.some((n) => !Number.isInteger(n) || n < 2)) problems.push(t('elim.form.rescue.invalid'));
  else rules.rescueQuestions = rescue;
  const revivalAt = wholeOrNull(values.revivalAt, 2, 500);
  if (revivalAt.bad) problems.push(t('elim.form.revivalAt.invalid'));
  else if (revivalAt.value !== null) rules.revivalAtQuestion = revivalAt.value;
  const below = wholeOrNull(values.revivalBelow, 1, 50000);
  if (below.bad) problems.push(t('elim.form.revivalBelow.invalid'));
  else if (below.value !== null) rules.revivalBelow = below.value;
  rules.allFall = values.allFall;
  if (values.numbers) rules.numbers = values.numbers;
  const reserves = numberList(values.reserves);
  const reserveBelow = wholeOrNull(values.reserveBelow, 1, 50000);
  if (reserveBelow.bad || (reserves.length && reserveBelow.value === null)) problems.push(t('elim.form.reserveBelow.invalid'));
  else if (reserves.length) {
    rules.reserves = reserves;
    rules.reserveBelow = reserveBelow.value;
  }
  applyUnitReserves(values, settings, rules, problems, reserveBelow.bad ? null : reserveBelow.value);
  settings.format = 'ELIMINATION';
  settings.elimination = rules;
  return problems;
}

async function readNumbers(values, file, update) {
  values.numbers = null;
  values.numbersError = null;
  values.numbersFile = file ? file.name : '';
  update();
  if (!file) return;
  const body = new FormData();
  body.append('file', file);
  try {
    const read = await api.post('/api/games/numbers', body);
    if (read.errors && read.errors.length) {
      values.numbersError = t('elim.form.numbers.rows') + ' ' + read.errors.map((e) => t('elim.form.numbers.row', { row: e.row, message: e.message })).join(' ');
    } else {
      values.numbers = read.numbers;
      fillFromSheet(values, read);
    }
  } catch (e) {
    values.numbersError = e;
  }
  update();
}

/** For Rung chuông vàng (chosen in the form's format selector, format-choice.js), its rules. */
export function eliminationFields(values, update) {
  const elim = values.format === 'ELIMINATION';
  const set = (name) => (e) => { values[name] = e.target.value; };
  return html`${elim ? html`<fieldset class="settings-group elimination" id="elimination-rules">
      <legend>${t('elim.form.rules')}</legend>
      <div class="settings-grid">
        ${field('elim-seconds', t('elim.form.seconds'), html`<input id="elim-seconds" type="number" min="5" max="120" step="1"
          .value=${live(values.seconds)} @input=${set('seconds')} aria-describedby="elim-seconds-hint">`, t('elim.form.seconds.hint'))}
        ${field('elim-rescue', t('elim.form.rescue'), html`<input id="elim-rescue" .value=${live(values.rescue)} @input=${set('rescue')}
          placeholder="5, 10" aria-describedby="elim-rescue-hint">`, t('elim.form.rescue.hint'))}
        ${field('elim-revival-at', t('elim.form.revivalAt'), html`<input id="elim-revival-at" type="number" min="2" step="1"
          .value=${live(values.revivalAt)} @input=${set('revivalAt')} aria-describedby="elim-revival-at-hint">`, t('elim.form.revivalAt.hint'))}
        ${field('elim-revival-below', t('elim.form.revivalBelow'), html`<input id="elim-revival-below" type="number" min="1" step="1"
          .value=${live(values.revivalBelow)} @input=${set('revivalBelow')} aria-describedby="elim-revival-below-hint">`, t('elim.form.revivalBelow.hint'))}
        ${field('elim-all-fall', t('elim.form.allFall'), html`<select id="elim-all-fall" .value=${live(values.allFall)} @change=${set('allFall')}>
          <option value="REVIVE" ?selected=${values.allFall === 'REVIVE'}>${t('elim.form.allFall.REVIVE')}</option>
          <option value="NO_WINNER" ?selected=${values.allFall === 'NO_WINNER'}>${t('elim.form.allFall.NO_WINNER')}</option></select>`)}
        ${field('elim-numbers', t('elim.form.numbers'), html`<input id="elim-numbers" type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          @change=${(e) => readNumbers(values, e.target.files[0], update)} aria-describedby="elim-numbers-hint">`, t('elim.form.numbers.hint'))}
        ${field('elim-reserves', t('elim.form.reserves'), html`<input id="elim-reserves" .value=${live(values.reserves)} @input=${set('reserves')}
          aria-describedby="elim-reserves-hint">`, t('elim.form.reserves.hint'))}
        ${field('elim-reserve-below', t('elim.form.reserveBelow'), html`<input id="elim-reserve-below" type="number" min="1" step="1"
          .value=${live(values.reserveBelow)} @input=${set('reserveBelow')}>`)}
        ${unitReserveField(values)}
      </div>
      <p class="hint" id="elim-numbers-count" aria-live="polite">${values.numbers
        ? t('elim.form.numbers.count', { count: num(values.numbers.length), file: values.numbersFile })
        : t('elim.form.numbers.none')}</p>
      ${values.numbersError ? errorBox(values.numbersError) : nothing}
    </fieldset>` : nothing}`;
}
