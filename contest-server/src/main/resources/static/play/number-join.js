// Joining with a number (số báo danh): in Rung chuông vàng with the organiser's list of numbers, the
// player types the number the organiser gave (on a badge or a list), not a nickname; the server takes
// it in the join's nickname field (docs/protocol.md section 17). The PIN check says which kind of game
// it is; without that answer (a slow network, another server of a cluster) a NUMBER_UNKNOWN refusal
// switches this phone to the number screen.
import { h } from './dom.js';
import { t } from './i18n.js';
import { unitField } from './teams.js';

/** Longest number on an organiser's list (EliminationSettings.MAX_NUMBER_LENGTH). */
const MAX_NUMBER_LENGTH = 12;

/** What the PIN check tells about the game: its format and what a player types to join. */
export function fromLookup(S, found) {
  S.format = found && typeof found.format === 'string' ? found.format : null;
  S.joinWith = found && found.joinWith === 'NUMBER' ? 'NUMBER' : null;
}

/** Whether this phone asks for a number instead of a nickname. */
export function joinsWithNumber(S) {
  return S.joinWith === 'NUMBER';
}

/** A refused number when the phone did not know the game wanted one: from now on it asks for a number. */
export function numberNeeded(S) {
  const switched = S.joinWith !== 'NUMBER';
  S.joinWith = 'NUMBER';
  return switched;
}

/** The text of an empty box: a number or a nickname. */
export function emptyText(S) {
  return t(joinsWithNumber(S) ? 'number.empty' : 'nick.empty');
}

/**
 * The join screen of a numbered game: one large box for the number, in plain words, with the unit
 * list where the game has units and the organiser's list did not assign them.
 */
export function numberScreen(state, actions, spacedPin) {
  const input = h('input', { id: 'number', name: 'number', class: 'big-input number-input', type: 'text', maxlength: MAX_NUMBER_LENGTH,
    autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', enterkeyhint: 'go',
    'aria-describedby': 'number-hint number-error', 'aria-invalid': state.error ? 'true' : null });
  input.value = state.nickname || '';
  input.addEventListener('input', () => actions.nicknameTyped(input.value));
  const error = h('p', { id: 'number-error', class: 'field-error', role: 'alert', text: state.error || '' });
  const form = h('form', { class: 'stack', novalidate: true, onsubmit: (e) => { e.preventDefault(); actions.submitNickname(input.value); } },
    h('label', { for: 'number', class: 'field-label', text: t('number.label') }), input,
    h('p', { id: 'number-hint', class: 'muted', text: t('number.hint') }),
    unitField(state, actions), error,
    h('button', { type: 'submit', class: 'primary', text: t('number.submit') }),
    h('button', { type: 'button', class: 'link', onclick: actions.changePin, text: t('nick.changePin') }));
  return {
    title: t('number.title'),
    body: [h('p', { class: 'pin-chip', text: t('nick.pin', { pin: spacedPin(state.pin) }) }),
      state.gameTitle ? h('p', { id: 'game-title', class: 'game-title', text: state.gameTitle }) : null,
      h('p', { id: 'number-lead', class: 'lead', text: t('number.lead') }), form],
    focus: state.error ? input : null,
  };
}

/** On the nickname screen of Rung chuông vàng without a list: the number comes with joining. */
export function numberNote(state) {
  if (state.format !== 'ELIMINATION' || joinsWithNumber(state)) return null;
  return h('p', { id: 'number-note', class: 'muted', text: t('number.given') });
}
