// The identity form: the fields the organiser chose, the unit as a chain of lists (province >
// commune/ward/special zone > school, village or agency), the consent with its purpose and retention.
import { h } from '../play/dom.js';
import { t } from '../play/i18n.js';
import {
  checkBirthYear, checkCccd, checkEmail, checkFreeText, checkName, checkPhone, normaliseCccd, normaliseName, normalisePhone,
} from './validate.js';

export const GENDERS = ['MALE', 'FEMALE', 'OTHER'];

const INPUTS = {
  fullName: { type: 'text', autocomplete: 'name', maxlength: 200 },
  birthYear: { type: 'text', inputmode: 'numeric', autocomplete: 'bday-year', maxlength: 4 },
  cccd: { type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: 16 },
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 16 },
  email: { type: 'email', inputmode: 'email', autocomplete: 'email', maxlength: 120 },
  freeText: { type: 'text', autocomplete: 'off', maxlength: 500 },
};

/** The value as the server wants it (normalised), from what was typed. */
export function clean(field, value) {
  const text = value == null ? '' : String(value);
  if (field === 'cccd') return normaliseCccd(text);
  if (field === 'phone') return normalisePhone(text);
  if (field === 'fullName' || field === 'freeText') return normaliseName(text);
  return text.trim();
}

/** The catalog key of what is wrong with one field, or null. */
export function check(field, value, required) {
  if (value === '') return required ? 'form.error.required' : null;
  if (field === 'cccd') return checkCccd(value);
  if (field === 'phone') return checkPhone(value);
  if (field === 'email') return checkEmail(value);
  if (field === 'birthYear') return checkBirthYear(value, new Date().getFullYear());
  if (field === 'fullName') return checkName(value);
  if (field === 'freeText') return checkFreeText(value);
  if (field === 'gender') return GENDERS.indexOf(value) >= 0 ? null : 'form.error.required';
  return null;
}

function children(units) {
  const codes = {};
  units.forEach((unit) => { codes[unit.code] = true; });
  const map = { '': [] };
  units.forEach((unit) => {
    const parent = unit.parentCode && codes[unit.parentCode] ? unit.parentCode : '';
    (map[parent] = map[parent] || []).push(unit);
  });
  // A list with one province at the top: the province is implied, start from its communes.
  let root = '';
  while (map[root].length === 1 && map[map[root][0].code]) root = map[root][0].code;
  return { map: map, root: root };
}

/** The path from the top list down to a unit, for restoring a remembered choice. */
function pathTo(code, units, root) {
  const byCode = {};
  units.forEach((unit) => { byCode[unit.code] = unit; });
  const path = [];
  let unit = byCode[code];
  while (unit && unit.code !== root) {
    path.unshift(unit.code);
    unit = byCode[unit.parentCode];
  }
  return path;
}

function unitPicker(units, value, describedBy, onPick) {
  const tree = children(units);
  const box = h('div', { class: 'unit-picker' });
  let chosen = pathTo(value, units, tree.root);

  function draw() {
    box.textContent = '';
    let parent = tree.root;
    for (let level = 0; tree.map[parent] && tree.map[parent].length; level++) {
      const id = level === 0 ? 'f-unitCode' : 'f-unitCode-' + level;
      const label = h('label', { for: id, class: level === 0 ? 'sr-only' : 'field-label sub-label',
        text: level === 0 ? t('form.field.unitCode') : t('form.unit.below') });
      const select = h('select', { id: id, class: 'big-input select', 'aria-describedby': describedBy,
        'data-level': level });
      select.appendChild(h('option', { value: '', text: level === 0 ? t('form.unit.pick') : t('form.unit.whole') }));
      tree.map[parent].forEach((unit) => {
        select.appendChild(h('option', { value: unit.code, text: unit.name, selected: chosen[level] === unit.code }));
      });
      const depth = level;
      select.addEventListener('change', () => {
        chosen = chosen.slice(0, depth);
        if (select.value) chosen.push(select.value);
        onPick(chosen.length ? chosen[chosen.length - 1] : '');
        draw();
        const next = box.querySelector('[data-level="' + (depth + 1) + '"]');
        (next || select).focus();
      });
      box.appendChild(label);
      box.appendChild(select);
      if (!chosen[level]) break;
      parent = chosen[level];
    }
  }
  draw();
  return box;
}

/**
 * Builds the form. values: the remembered details, edited in place (so a language switch or a
 * reload keeps what was typed) with onEdit() after each change; errors: { field: text } (the
 * server's messages); onSubmit(cleaned, values) runs once the phone's own checks pass.
 */
export function identityForm(contest, values, errors, formError, onEdit, onSubmit) {
  const current = values;
  const rows = [];
  const inputs = {};
  const errorEls = {};

  function errorLine(field) {
    const el = h('p', { id: 'e-' + field, class: 'field-error', text: errors[field] || '' });
    errorEls[field] = el;
    return el;
  }

  (contest.form || []).forEach((spec) => {
    const field = spec.field;
    const id = 'f-' + field;
    const labelText = t('form.field.' + field) + (spec.required ? '' : ' ' + t('form.optional'));
    if (field === 'unitCode') {
      const group = h('div', { class: 'form-row', role: 'group', 'aria-labelledby': 'l-unitCode' });
      group.appendChild(h('p', { id: 'l-unitCode', class: 'field-label', text: labelText }));
      group.appendChild(unitPicker(contest.units || [], current.unitCode || '', 'e-unitCode', (code) => { current.unitCode = code; onEdit(); }));
      group.appendChild(errorLine(field));
      rows.push(group);
      inputs[field] = group;
      return;
    }
    let input;
    if (field === 'gender') {
      input = h('select', { id: id, class: 'big-input select', name: field });
      input.appendChild(h('option', { value: '', text: t('form.gender.pick') }));
      GENDERS.forEach((gender) => input.appendChild(h('option', { value: gender, text: t('form.gender.' + gender), selected: current.gender === gender })));
    } else {
      const attrs = Object.assign({ id: id, name: field, class: 'big-input', required: spec.required }, INPUTS[field] || { type: 'text' });
      input = h('input', attrs);
      input.value = current[field] == null ? '' : String(current[field]);
    }
    input.setAttribute('aria-describedby', (t('form.hint.' + field) !== 'form.hint.' + field ? 'h-' + field + ' ' : '') + 'e-' + field);
    if (errors[field]) input.setAttribute('aria-invalid', 'true');
    input.addEventListener(field === 'gender' ? 'change' : 'input', () => { current[field] = input.value; onEdit(); });
    inputs[field] = input;
    const hint = t('form.hint.' + field) !== 'form.hint.' + field ? h('p', { id: 'h-' + field, class: 'field-hint', text: t('form.hint.' + field) }) : null;
    rows.push(h('div', { class: 'form-row' }, h('label', { for: id, class: 'field-label', text: labelText }), hint, input, errorLine(field)));
  });

  const consent = contest.consent || {};
  const box = h('input', { id: 'f-consent', type: 'checkbox', class: 'check', 'aria-describedby': 'consent-text e-consent' });
  box.checked = current.consent === true;
  box.addEventListener('change', () => { current.consent = box.checked; onEdit(); });
  inputs.consent = box;
  const consentPanel = h('div', { class: 'panel consent', id: 'consent-text' },
    h('h2', { class: 'small-heading', text: t('form.consent.title') }),
    consent.controller ? h('p', {}, h('strong', { text: t('form.consent.controller') + ' ' }), consent.controller) : null,
    h('p', {}, h('strong', { text: t('form.consent.purpose') + ' ' }), consent.purpose || ''),
    h('p', {}, h('strong', { text: t('form.consent.retention') + ' ' }), consent.retention || ''));
  const consentRow = h('div', { class: 'form-row' }, consentPanel,
    h('label', { for: 'f-consent', class: 'check-row' }, box, h('span', { text: t('form.consent.agree') })),
    errorLine('consent'));

  const general = h('p', { id: 'form-error', class: 'field-error', role: 'alert', text: formError || '' });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('form.submit') });
  const form = h('form', { novalidate: true, class: 'identity-form' }, rows, consentRow, general, submit);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const cleaned = {};
    let first = null;
    (contest.form || []).forEach((spec) => {
      const value = clean(spec.field, current[spec.field]);
      const problem = check(spec.field, value, spec.required);
      showError(spec.field, problem ? t(problem) : '');
      if (problem && !first) first = spec.field;
      if (value !== '') cleaned[spec.field] = spec.field === 'birthYear' ? Number(value) : value;
    });
    showError('consent', box.checked ? '' : t('form.error.consent'));
    if (!box.checked && !first) first = 'consent';
    if (first) {
      focusField(first);
      return;
    }
    onSubmit(cleaned, current);
  });

  function showError(field, text) {
    if (!errorEls[field]) return;
    errorEls[field].textContent = text;
    const input = field === 'unitCode' ? inputs.unitCode.querySelector('select') : inputs[field];
    if (input) {
      if (text) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }

  function focusField(field) {
    const input = field === 'unitCode' ? inputs.unitCode.querySelector('select') : inputs[field];
    if (input) input.focus();
  }

  const firstError = Object.keys(errors).filter((field) => errors[field])[0];
  return { form: form, submit: submit, focus: firstError ? () => focusField(firstError) : null };
}
