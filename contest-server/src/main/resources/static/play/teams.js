// Team play by unit (docs/protocol.md section 18): the unit picker on the nickname screen, and the
// team leaderboard with the player's own place inside its unit on the result, leaderboard and podium.
import { h } from './dom.js';
import { t, num } from './i18n.js';

/** How many units the phone lists; the player's own unit is added when it is further down. */
const SHOWN = 5;

/** The unit select of the nickname screen, or null in a game without units (from the PIN check). */
export function unitField(state, actions) {
  if (!state.units || !state.units.length) return null;
  const select = h('select', { id: 'unit', name: 'unit', class: 'big-input', 'aria-describedby': 'unit-hint' },
    h('option', { value: '', text: t('teams.choose') }),
    state.units.map((unit) => h('option', { value: unit.id, text: unit.name })));
  select.value = state.unit || '';
  select.addEventListener('change', () => actions.unitChosen(select.value));
  return h('div', { class: 'stack' },
    h('label', { for: 'unit', class: 'field-label', text: t('teams.label') }), select,
    h('p', { id: 'unit-hint', class: 'muted', text: t('teams.hint') }));
}

/** Score of a unit: a mean has decimals, shown with one. */
function score(value) {
  return Number.isInteger(value) ? num(value) : num(Math.round(value * 10) / 10);
}

/** The team leaderboard panel, or null before the first teams frame (or in a game without units). */
export function teamPanel(state, podium) {
  const teams = state.teams;
  if (!teams || !teams.units || !teams.units.length) return null;
  const mine = state.player && state.player.unit ? state.player.unit.id : null;
  const ranked = teams.units.filter((unit) => unit.rank);
  let shown = ranked.slice(0, podium ? 3 : SHOWN);
  const own = teams.units.find((unit) => unit.id === mine);
  if (own && shown.indexOf(own) < 0) shown = shown.concat([own]);
  const rows = shown.map((unit) => h('li', {
    class: 'board-row team-row' + (unit.id === mine ? ' me' : ''), 'data-unit': unit.id,
    'aria-label': (unit.rank ? t('teams.entry', { rank: unit.rank, name: unit.name, score: score(unit.score) })
      : t('teams.unranked', { name: unit.name, members: unit.members, min: teams.minMembers })) + (unit.id === mine ? ' ' + t('leaderboard.youMark') : ''),
  },
    h('span', { class: 'board-rank', 'aria-hidden': 'true', text: unit.rank ? String(unit.rank) : '–' }),
    h('span', { class: 'board-name', 'aria-hidden': 'true', text: unit.name }),
    h('span', { class: 'board-score', 'aria-hidden': 'true', text: score(unit.score) })));
  const place = state.teamPlace;
  const lines = [];
  if (own) {
    lines.push(h('p', { class: 'you-line team-you', text: own.rank ? t('teams.yourUnit', { name: own.name, rank: own.rank, count: ranked.length })
      : t('teams.unranked', { name: own.name, members: own.members, min: teams.minMembers }) }));
  }
  if (place) lines.push(h('p', { class: 'stat team-place', 'data-place': place.place, text: t('teams.place', { place: place.place, of: place.of }) }));
  return h('section', { class: 'panel teams', 'aria-label': t(podium ? 'teams.podium' : 'teams.title') },
    h('h2', { class: 'small-heading', text: t(podium ? 'teams.podium' : 'teams.title') }),
    lines, h('ol', { class: 'board team-board' }, rows),
    h('p', { class: 'muted', text: t('teams.rule.' + (teams.score || 'MEAN')) }));
}
