// The game settings form, shared by the create-game form and the quiz editor (a quiz saves the
// settings its games start with). The fields hold their values in a plain object that the form
// keeps up to date as the user types; readSettings checks it.
import { html } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { t, num } from '../../lib/i18n.js';
import { field } from '../../lib/ui.js';

/** Every game setting with its default and range (docs/protocol.md section 2). */
export const SETTINGS = [
  { name: 'previewSeconds', kind: 'number', value: 3, min: 0, max: 60 },
  { name: 'scoring', kind: 'choice', value: 'SPEED', choices: ['SPEED', 'ACCURACY'] },
  { name: 'streaks', kind: 'check', value: true },
  { name: 'leaderboardSize', kind: 'number', value: 5, min: 1, max: 50 },
  { name: 'autoAdvance', kind: 'check', value: false },
  { name: 'resultSeconds', kind: 'number', value: 8, min: 1, max: 120 },
  { name: 'leaderboardSeconds', kind: 'number', value: 8, min: 1, max: 120 },
  { name: 'typeAnswerIgnoresDiacritics', kind: 'check', value: true },
  { name: 'openLeadMillis', kind: 'number', value: 300, min: 0, max: 5000 },
  { name: 'maxPlayers', kind: 'number', value: 20000, min: 1, max: 50000 },
];

const LABELS = {
  previewSeconds: ['host.setting.previewSeconds', 'host.setting.previewSeconds.hint'],
  scoring: ['host.setting.scoring', 'host.setting.scoring.hint'],
  streaks: ['host.setting.streaks', 'host.setting.streaks.hint'],
  leaderboardSize: ['host.setting.leaderboardSize', 'host.setting.leaderboardSize.hint'],
  autoAdvance: ['host.setting.autoAdvance', 'host.setting.autoAdvance.hint'],
  resultSeconds: ['host.setting.resultSeconds', 'host.setting.resultSeconds.hint'],
  leaderboardSeconds: ['host.setting.leaderboardSeconds', 'host.setting.leaderboardSeconds.hint'],
  typeAnswerIgnoresDiacritics: ['host.setting.typeAnswerIgnoresDiacritics', 'host.setting.typeAnswerIgnoresDiacritics.hint'],
  openLeadMillis: ['host.setting.openLeadMillis', 'host.setting.openLeadMillis.hint'],
  maxPlayers: ['host.setting.maxPlayers', 'host.setting.maxPlayers.hint'],
};

const SCORING = { SPEED: 'host.scoring.SPEED', ACCURACY: 'host.scoring.ACCURACY' };

/** The values the fields start with: saved settings (a quiz's) where they say something, else the defaults. */
export function settingValues(saved) {
  const values = {};
  SETTINGS.forEach((s) => {
    const given = saved && saved[s.name] !== undefined && saved[s.name] !== null ? saved[s.name] : s.value;
    values[s.name] = s.kind === 'number' ? String(given) : given;
  });
  return values;
}

/**
 * Checks the values: `settings` for the API and `invalid` naming each number out of range. With `names`,
 * only those settings (the ones the form shows); the others are left out and take the server's defaults.
 */
export function readSettings(values, names) {
  const settings = {};
  const invalid = {};
  SETTINGS.filter((s) => !names || names.indexOf(s.name) >= 0).forEach((s) => {
    if (s.kind !== 'number') {
      settings[s.name] = values[s.name];
      return;
    }
    const text = String(values[s.name]).trim();
    const value = Number(text);
    if (text === '' || !Number.isInteger(value) || value < s.min || value > s.max) invalid[s.name] = true;
    else settings[s.name] = value;
  });
  return { settings, invalid };
}

/** One message per setting out of range. */
export function rangeProblems(invalid) {
  return SETTINGS.filter((s) => invalid[s.name])
    .map((s) => t('host.create.outOfRange', { field: t(LABELS[s.name][0]), min: num(s.min), max: num(s.max) }));
}

/** Only the settings that differ from the defaults: what a quiz keeps. */
export function changedSettings(settings) {
  const changed = {};
  SETTINGS.forEach((s) => {
    if (settings[s.name] !== undefined && settings[s.name] !== s.value) changed[s.name] = settings[s.name];
  });
  return changed;
}

/** The settings in three groups, each a fieldset with a legend. */
const GROUPS = [
  { key: 'pace', legend: 'host.settings.group.pace', names: ['previewSeconds', 'openLeadMillis', 'autoAdvance', 'resultSeconds', 'leaderboardSeconds'] },
  { key: 'points', legend: 'host.settings.group.points', names: ['scoring', 'streaks', 'leaderboardSize', 'typeAnswerIgnoresDiacritics'] },
  { key: 'players', legend: 'host.settings.group.players', names: ['maxPlayers'] },
];

/** The groups named in `keys` (every group when absent): a format shows the groups it uses. */
function groupsOf(keys) {
  return keys ? GROUPS.filter((g) => keys.indexOf(g.key) >= 0) : GROUPS;
}

/** The names of the settings in the given groups (every setting when absent). */
export function settingNames(keys) {
  return groupsOf(keys).flatMap((g) => g.names);
}

/**
 * The fields, grouped, each group in a grid; `invalid` marks those out of range, `disabled` shows them
 * read-only, `keys` (optional) names the groups to show.
 */
export function settingsFields(values, invalid, disabled, keys) {
  return html`${groupsOf(keys).map((g) => html`<fieldset class="settings-group" data-group=${g.key}><legend>${t(g.legend)}</legend>
    <div class="settings-grid">${g.names.map((name) => setting(SETTINGS.find((s) => s.name === name), values, invalid || {}, Boolean(disabled)))}</div>
    </fieldset>`)}`;
}

/** Every setting (of the groups in `keys`, optional) and its current value in one line, for a folded settings section. */
export function settingsSummary(values, keys) {
  const names = settingNames(keys);
  return SETTINGS.filter((s) => names.indexOf(s.name) >= 0).map((s) => {
    const value = values[s.name];
    const shown = s.kind === 'check' ? t(value ? 'host.settings.on' : 'host.settings.off')
      : s.kind === 'choice' ? t(SCORING[value]) : (Number.isFinite(Number(value)) && String(value).trim() !== '' ? num(Number(value)) : String(value));
    return t(LABELS[s.name][0]) + ': ' + shown;
  }).join(' · ');
}

function setting(s, values, invalid, disabled) {
  const id = 'setting-' + s.name;
  const [label, hint] = LABELS[s.name];
  if (s.kind === 'check') {
    return html`<div class="field check"><label><input type="checkbox" id=${id} name=${id} .checked=${live(Boolean(values[s.name]))}
      ?disabled=${disabled} @change=${(e) => { values[s.name] = e.target.checked; }}
      aria-describedby=${id + '-hint'}> ${t(label)}</label><p class="hint" id=${id + '-hint'}>${t(hint)}</p></div>`;
  }
  if (s.kind === 'choice') {
    // ?selected sets the first render, .value every later one (the options exist by then)
    return field(id, t(label), html`<select id=${id} name=${id} aria-describedby=${id + '-hint'} ?disabled=${disabled}
      .value=${live(values[s.name])} @change=${(e) => { values[s.name] = e.target.value; }}>
      ${s.choices.map((c) => html`<option value=${c} ?selected=${c === values[s.name]}>${t(SCORING[c])}</option>`)}</select>`, t(hint));
  }
  return field(id, t(label), html`<input id=${id} name=${id} type="number" inputmode="numeric" min=${s.min} max=${s.max} step="1"
    .value=${live(String(values[s.name]))} ?disabled=${disabled} @input=${(e) => { values[s.name] = e.target.value; }}
    aria-invalid=${invalid[s.name] ? 'true' : 'false'} aria-describedby=${id + '-hint'}>`,
    t(hint) + ' ' + t('host.create.range', { min: num(s.min), max: num(s.max), value: num(s.value) }));
}
