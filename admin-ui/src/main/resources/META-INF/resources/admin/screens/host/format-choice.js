// The format choice of the create-game form (docs/organiser-console.md, "1. Create the game"): one
// selector for the classic game, Rung chuông vàng and buzzer rounds, each with a one-line explanation.
// The chosen format decides which settings the form shows; POST /api/games gets it as settings.format.
import { html } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { t } from '../../lib/i18n.js';

/** The formats in the order the form offers them; the classic game first (the default). */
export const FORMATS = ['HOSTED', 'ELIMINATION', 'BUZZER'];

// The radio ids: `format-elimination` is older than this selector (tests and docs name it).
const IDS = { HOSTED: 'format-hosted', ELIMINATION: 'format-elimination', BUZZER: 'format-buzzer' };

/** Each format's name and one-line explanation in the catalogs. */
const TEXTS = {
  HOSTED: ['host.format.HOSTED', 'host.format.HOSTED.hint'],
  ELIMINATION: ['host.format.ELIMINATION', 'host.format.ELIMINATION.hint'],
  BUZZER: ['host.format.BUZZER', 'host.format.BUZZER.hint'],
};

/**
 * Which groups of the shared settings a format uses. A buzzer game is paced by the host and its
 * judging (no reading time, no automatic advance), and team play is for the classic game and Rung
 * chuông vàng.
 */
const USES = {
  HOSTED: { groups: ['pace', 'points', 'players'], teams: true },
  ELIMINATION: { groups: ['pace', 'points', 'players'], teams: true },
  BUZZER: { groups: ['points', 'players'], teams: false },
};

/** The names of the settings groups (settings.js) the chosen format shows. */
export function formatGroups(format) {
  return (USES[format] || USES.HOSTED).groups;
}

/** Whether the chosen format offers team play by unit. */
export function formatHasTeams(format) {
  return (USES[format] || USES.HOSTED).teams;
}

/**
 * The selector: one radio per format, its name and a one-line explanation; `choose(kind)` on change.
 * The whole tile is the radio's label (a large target); the name alone is its accessible name and the
 * explanation its description.
 */
export function formatChoice(format, choose) {
  return html`<fieldset class="format-choice" id="game-format">
    <legend>${t('host.format.legend')}</legend>
    <div class="format-options">${FORMATS.map((kind) => html`<label class=${'format-option' + (kind === format ? ' chosen' : '')}
        for=${IDS[kind]}>
      <input type="radio" name="format" id=${IDS[kind]} value=${kind} .checked=${live(kind === format)}
        aria-labelledby=${IDS[kind] + '-name'} aria-describedby=${IDS[kind] + '-hint'} @change=${() => choose(kind)}>
      <span class="format-name" id=${IDS[kind] + '-name'}>${t(TEXTS[kind][0])}</span>
      <span class="format-hint" id=${IDS[kind] + '-hint'}>${t(TEXTS[kind][1])}</span>
    </label>`)}</div>
  </fieldset>`;
}
