// Rung chuông vàng by unit in the create-game form: substitutes per unit. One line per unit,
// "10A1: A09, A08", filled from the number sheet's unit and substitute columns (C and D) and editable;
// a unit's substitutes come onto the floor, in that order, when the unit's players on it fall below
// the number set beside (docs/organiser-console.md, "Rung chuông vàng", units and substitutes).
import { html } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { t } from '../../lib/i18n.js';
import { field } from '../../lib/ui.js';

/** "unit: n1, n2" lines into [{ unit, numbers }]; null when a line has no unit before its colon. */
export function parseUnitReserves(text) {
  const lines = String(text).split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const parsed = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    const numbers = line.slice(colon + 1).split(/[\s,;]+/).filter((x) => x !== '');
    parsed.push({ unit: line.slice(0, colon).trim(), numbers });
  }
  return parsed;
}

/** After the number sheet is read: its substitutes grouped by their unit, those without a unit in the plain list. */
export function fillFromSheet(values, read) {
  const unitOf = new Map((read.numbers || []).map((n) => [n.number, n.unit]));
  const byUnit = new Map();
  const plain = [];
  for (const number of read.reserves || []) {
    const unit = unitOf.get(number);
    if (!unit) plain.push(number);
    else byUnit.set(unit, (byUnit.get(unit) || []).concat([number]));
  }
  values.unitReserves = Array.from(byUnit, ([unit, numbers]) => unit + ': ' + numbers.join(', ')).join('\n');
  if (plain.length && !String(values.reserves).trim()) values.reserves = plain.join(', ');
}

/**
 * Adds the substitutes per unit to the rules: their numbers join `reserves` (after the plain ones) and
 * each gets its unit, on the number list when it has one, else as an assignment by player number.
 */
export function applyUnitReserves(values, settings, rules, problems, reserveBelow) {
  const numbersWithUnits = (rules.numbers || []).some((n) => n.unit);
  if (numbersWithUnits && !settings.teams) problems.push(t('elim.form.unitReserves.teamsOff'));
  const parsed = parseUnitReserves(values.unitReserves || '');
  if (parsed === null) {
    problems.push(t('elim.form.unitReserves.invalid'));
    return;
  }
  if (!parsed.length) return;
  if (!settings.teams) {
    problems.push(t('elim.form.unitReserves.teamsOff'));
    return;
  }
  if (reserveBelow === null) {
    problems.push(t('elim.form.reserveBelow.invalid'));
    return;
  }
  const listed = rules.numbers ? new Map(rules.numbers.map((n) => [String(n.number).toUpperCase(), n])) : null;
  const assignments = Object.assign({}, settings.teams.assignments || {});
  const numbers = rules.numbers ? rules.numbers.map((n) => Object.assign({}, n)) : null;
  const byNumber = numbers ? new Map(numbers.map((n) => [String(n.number).toUpperCase(), n])) : null;
  const reserves = (rules.reserves || []).slice();
  for (const { unit, numbers: unitNumbers } of parsed) {
    for (const number of unitNumbers) {
      if (listed && !listed.has(number.toUpperCase())) {
        problems.push(t('elim.form.unitReserves.notListed', { number }));
        continue;
      }
      if (byNumber) byNumber.get(number.toUpperCase()).unit = unit;
      else assignments[number] = unit;
      reserves.push(number);
    }
  }
  if (numbers) rules.numbers = numbers;
  if (!numbers && Object.keys(assignments).length) settings.teams.assignments = assignments;
  rules.reserves = reserves;
  rules.reserveBelow = reserveBelow;
}

/** The field, inside the Rung chuông vàng rules, below the plain substitutes. */
export function unitReserveField(values) {
  return field('elim-unit-reserves', t('elim.form.unitReserves'), html`<textarea id="elim-unit-reserves" rows="3"
    placeholder="10A1: A09, A08" .value=${live(values.unitReserves || '')}
    @input=${(e) => { values.unitReserves = e.target.value; }} aria-describedby="elim-unit-reserves-hint"></textarea>`,
  t('elim.form.unitReserves.hint'));
}
