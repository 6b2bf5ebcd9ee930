// Rung chuông vàng on the presenter and the host controls: the grid of numbers (lit on the floor,
// dark when out), the count remaining, the golden bell, and the host's "bring back" (docs/protocol.md).
import { html, nothing } from 'lit-html';
import { t, num } from '../../lib/i18n.js';

/** Numbers shown in the grid; beyond this, the counts alone (a 10,000-player floor does not fit a projector). */
const GRID_LIMIT = 600;

function causeText(last) {
  if (!last) return '';
  switch (last.cause) {
    case 'WRONG': return last.out ? t('elim.cause.wrong', { count: num(last.out) }) : t('elim.cause.none');
    case 'ALL_FELL': return t('elim.cause.allFell');
    case 'RESCUE_QUESTION': return t('elim.cause.rescue', { count: num(last.back) });
    case 'REVIVAL': return t('elim.cause.revival', { count: num(last.back) });
    case 'HOST': return t('elim.cause.host', { count: num(last.back) });
    case 'RESERVE': return t('elim.cause.reserve', { count: num(last.back) });
    default: return '';
  }
}

/** The count line: how many stand, how many are out. */
export function floorCount(elim) {
  return html`<p class="floor-count" id="floor-count" data-remaining=${elim.remaining} data-eliminated=${elim.eliminated}>
    ${t('elim.remaining', { count: num(elim.remaining) })} · ${t('elim.eliminated', { count: num(elim.eliminated) })}</p>`;
}

/** Team play by unit: each unit's players on the floor, in the organiser's order (nothing without units). */
export function unitCounts(elim) {
  const units = elim.units || [];
  if (!units.length) return nothing;
  return html`<ul class="floor-units" id="floor-units" aria-label=${t('elim.units.label')}>
    ${units.map((u) => html`<li class=${'floor-unit' + (u.remaining ? '' : ' fallen')} data-unit=${u.id} data-remaining=${u.remaining}>
      <span class="floor-unit-name">${u.name || u.id}</span>
      <span class="floor-unit-count">${t('elim.units.remaining', { count: num(u.remaining) })}</span></li>`)}
  </ul>`;
}

/** The grid of numbers for the big screen. */
export function floorView(elim) {
  const players = elim.players || [];
  return html`<section class="floor-view">
    <h2>${t('elim.title')}</h2>
    ${floorCount(elim)}
    ${unitCounts(elim)}
    ${elim.last ? html`<p class="floor-last" id="floor-last">${causeText(elim.last)}</p>` : nothing}
    ${players.length <= GRID_LIMIT ? html`<ol class="floor-grid" id="floor-grid" aria-label=${t('elim.gridLabel')}>
      ${players.map((p) => html`<li class=${'seat ' + (p.state === 'FLOOR' ? 'lit' : p.state === 'OUT' ? 'dark' : 'reserve')}
          data-player=${p.player} data-badge=${p.badge} data-state=${p.state} data-unit=${p.unit || ''}
          title=${[p.name, p.unit].filter(Boolean).join(' · ')}>${p.badge}</li>`)}
    </ol>` : nothing}
  </section>`;
}

/** The golden bell: the winners' numbers and names, or that nobody rang it. */
export function bellView(elim) {
  const bell = elim.bell;
  return html`<section class="bell-view" id="bell-view" data-count=${bell.count}>
    <p class="bell-icon" aria-hidden="true">🔔</p>
    <h2>${bell.count ? t('elim.bell.title') : t('elim.bell.none')}</h2>
    ${bell.unit ? html`<p class="bell-unit" id="bell-unit" data-unit=${bell.unit.id}>${t('elim.units.bell',
      { unit: bell.unit.name, count: num(bell.unit.remaining) })}</p>` : nothing}
    ${unitCounts(elim)}
    ${bell.count ? html`<ol class="bell-winners" id="bell-winners">${bell.winners.map((w) => html`<li data-badge=${w.badge}>
        <span class="bell-badge">${w.badge}</span>${w.name ? html` <span class="bell-name">${w.name}</span>` : nothing}</li>`)}</ol>
      ${bell.count > bell.winners.length ? html`<p>${t('elim.bell.more', { count: num(bell.count - bell.winners.length) })}</p>` : nothing}` : nothing}
  </section>`;
}

/** The host's "bring back": one number, or everyone eliminated. Between questions only. */
export function reviveControls(controls, s) {
  const elim = s.elim;
  if (!elim || ['PREVIEW', 'CLOSED', 'LEADERBOARD'].indexOf(s.phase) < 0) return nothing;
  const out = (elim.players || []).filter((p) => p.state === 'OUT');
  const byBadge = (badge) => out.find((p) => String(p.badge).toUpperCase() === String(badge).trim().toUpperCase());
  const submit = (event) => {
    event.preventDefault();
    const field = event.target.querySelector('input');
    const found = byBadge(field.value);
    if (!found) {
      controls.screen.app.toast(t('elim.revive.unknown', { badge: field.value }), 'error');
      return;
    }
    controls.send('revive', { player: found.player });
    field.value = '';
  };
  return html`<section class="control-group revive" id="ctl-revive">
    <h2 class="small-heading">${t('elim.revive.title', { count: num(out.length) })}</h2>
    <form @submit=${submit}>
      <label for="revive-badge">${t('elim.revive.label')}</label>
      <input id="revive-badge" autocomplete="off" maxlength="12">
      <button type="submit" id="ctl-revive-one" ?disabled=${!out.length}>${t('elim.revive.one')}</button>
    </form>
    <button type="button" id="ctl-revive-all" ?disabled=${!out.length}
      @click=${() => controls.send('revive', { all: true })}>${t('elim.revive.all')}</button>
  </section>`;
}
