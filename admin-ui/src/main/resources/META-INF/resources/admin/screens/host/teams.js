// Team play by unit on the big screen (docs/protocol.md section 18): the team leaderboard beside the
// players' one, and the podium of units. Units with fewer members than the minimum are listed unranked.
import { html, nothing } from 'lit-html';
import { t, num } from '../../lib/i18n.js';

/** How many units the big screen lists on the leaderboard: more do not read from the back of a hall. */
const SHOWN = 8;

function score(value) {
  return Number.isInteger(value) ? num(value) : num(value, 1);
}

/** The team leaderboard, or nothing in a game without units. */
export function teamBoard(s) {
  const teams = s.teams;
  if (!teams || !teams.units || !teams.units.length) return nothing;
  const ranked = teams.units.filter((u) => u.rank);
  const unranked = teams.units.filter((u) => !u.rank);
  return html`<section class="team-board-view" id="team-board" aria-label=${t('present.teams')}>
    <h2>${t('present.teams')}</h2>
    <ol class="leaders team-leaders">
      ${ranked.slice(0, SHOWN).map((u) => html`<li class="leader-row team-row" data-unit=${u.id} data-rank=${u.rank} data-score=${u.score}>
        <span class="rank">${u.rank}</span><span class="nick">${u.name}</span>
        <span class="members">${t('present.teams.members', { count: num(u.members) })}</span>
        <span class="score">${score(u.score)}</span></li>`)}
    </ol>
    <p class="ranked">${t('present.teams.rule.' + (teams.score || 'MEAN'))}
      ${unranked.length ? t('present.teams.unranked', { count: num(unranked.length), min: num(teams.minMembers) }) : ''}</p>
  </section>`;
}

/** The podium of units (first three ranked), or nothing in a game without units. */
export function teamPodium(s) {
  const teams = s.teams;
  if (!teams || !teams.units || !teams.units.length) return nothing;
  const top = teams.units.filter((u) => u.rank && u.rank <= 3);
  const place = (rank) => {
    const u = top.find((x) => x.rank === rank);
    return html`<li class=${'podium-place p' + rank} data-rank=${rank} data-unit=${u ? u.id : ''}>
      <span class="podium-name">${u ? u.name : ''}</span>
      <span class="podium-score">${u ? score(u.score) : ''}</span>
      <span class="podium-step">${rank}</span></li>`;
  };
  return html`<section class="podium-view team-podium-view">
    <h2>${t('present.teams.podium')}</h2>
    <ol class="podium team-podium" id="team-podium">${place(2)}${place(1)}${place(3)}</ol>
  </section>`;
}
