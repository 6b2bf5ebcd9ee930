// Rung chuông vàng on the player page (docs/protocol.md, "Rung chuông vàng"): the player's number,
// whether it is on the floor, eliminated at question N, rescued, or rang the golden bell. The server
// sends the player's own "fate" and the counts ("floor"); a classic game sends neither.
import { h } from './dom.js';
import { t, num } from './i18n.js';

/** The player's place, from a "fate" frame; a rise in rescues means the player has just come back. */
export function onFate(S, f) {
  const before = S.elim;
  const rescued = !!before && f.state === 'FLOOR' && f.rescues > (before.rescues || 0);
  S.elim = Object.assign({}, before || {}, f, { justRescued: rescued || (!!before && before.justRescued && f.state === 'FLOOR') });
}

/** The counts after a change of the floor; a new question clears "just rescued". */
export function onFloor(S, f) {
  if (!S.elim) return;
  S.elim.remaining = f.remaining;
  S.elim.eliminated = f.eliminated;
  // Team play by unit: every unit's count rides on the frame; this phone keeps its own unit's.
  const mine = Array.isArray(f.units) && S.elim.unit ? f.units.find((u) => u.id === S.elim.unit) : null;
  if (mine) S.elim.unitRemaining = mine.remaining;
}

export function onBell(S, f) {
  if (S.elim) S.elim.bellFrame = f;
}

export function newQuestion(S) {
  if (S.elim) S.elim.justRescued = false;
}

function isRescue(S, q) {
  return !!S.elim && Array.isArray(S.elim.rescueQuestions) && S.elim.rescueQuestions.indexOf(q) >= 0;
}

/** Whether the open question is one this player only watches: out on an ordinary one, on the floor on a rescue one. */
export function watching(S) {
  if (!S.elim || !S.open) return false;
  const rescue = isRescue(S, S.open.q);
  if (S.elim.state === 'RESERVE') return true;
  return rescue ? S.elim.state !== 'OUT' : S.elim.state === 'OUT';
}

/** The line at the top of every screen of an elimination game. */
export function banner(S) {
  const e = S.elim;
  if (!e) return null;
  let text;
  let kind = e.state.toLowerCase();
  if (e.bell) {
    kind = 'bell';
    text = t('elim.bell.you');
  } else if (e.state === 'OUT') {
    text = t('elim.out', { q: (e.fellAt || 0) + 1 });
  } else if (e.state === 'RESERVE') {
    text = t('elim.reserve');
  } else if (e.justRescued) {
    kind = 'rescued';
    text = t('elim.rescued');
  } else {
    text = t('elim.floor');
  }
  const parts = [h('p', { class: 'elim-state', text: text })];
  parts.push(h('p', { class: 'elim-badge', text: t('elim.badge', { badge: e.badge }) + (e.name ? ' · ' + e.name : '') }));
  if (typeof e.remaining === 'number') {
    parts.push(h('p', { class: 'elim-remaining', id: 'elim-remaining', 'data-count': e.remaining, text: t('elim.remaining', { count: num(e.remaining) }) }));
  }
  if (e.unit && typeof e.unitRemaining === 'number') {
    parts.push(h('p', { class: 'elim-unit-remaining', id: 'elim-unit-remaining', 'data-count': e.unitRemaining,
      text: t('elim.unit.remaining', { count: num(e.unitRemaining) }) }));
  }
  if (S.open && isRescue(S, S.open.q) && S.screen === 'open' || S.screen === 'answered' && S.open && isRescue(S, S.open.q)) {
    parts.push(h('p', { class: 'elim-rescue', text: t('elim.rescue.title') }));
  }
  return h('div', { class: 'elim elim-' + kind, id: 'elim', 'data-state': kind, role: 'status' }, parts);
}

/** An open question this player watches: the text and the reason, no answer input. */
export function watchScreen(S, head) {
  const rescue = isRescue(S, S.open.q);
  return {
    title: S.open.text,
    titleClass: 'question-text',
    before: head,
    body: [h('p', { class: 'lead elim-watch', id: 'elim-watch', text: rescue ? t('elim.rescue.watch') : t('elim.watch') })],
  };
}

/** The golden bell, above the podium: who rang it (or that nobody did). */
export function bellPanel(S) {
  const e = S.elim;
  const bell = e && e.bellFrame;
  if (!bell) return null;
  const unit = unitLine(e, bell);
  if (e.bell) {
    return h('div', { class: 'golden-bell', id: 'golden-bell' }, h('p', { class: 'bell-icon', 'aria-hidden': 'true', text: '🔔' }),
      h('p', { class: 'bell-title', text: t('elim.bell.title') }), unit);
  }
  const others = h('p', { class: 'lead bell-others', id: 'bell-others',
    text: bell.count ? t('elim.bell.others', { count: num(bell.count) }) : t('elim.bell.none') });
  return unit ? h('div', { class: 'bell-summary' }, others, unit) : others;
}

/** Team play by unit: the winning unit (the last one with players on the floor), and whether it is this player's. */
function unitLine(e, bell) {
  if (!bell.unit) return null;
  const own = e.unit && e.unit === bell.unit.id;
  return h('p', { class: 'bell-unit' + (own ? ' bell-unit-own' : ''), id: 'bell-unit', 'data-unit': bell.unit.id,
    text: own ? t('elim.unit.bell.yours', { unit: bell.unit.name, count: num(bell.unit.remaining) })
      : t('elim.unit.bell', { unit: bell.unit.name, count: num(bell.unit.remaining) }) });
}
