// Answer options as on the players' phones: a colour, a shape and a letter for each (colour-blind safe).
import { svg } from 'lit-html';

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P'];
const KINDS = ['triangle', 'diamond', 'circle', 'square'];

/** The tile kind of an option index: triangle, diamond, circle, square, then again. */
export function tileKind(index) {
  return KINDS[index % KINDS.length];
}

export function shapeIcon(index) {
  const kind = tileKind(index);
  const body = kind === 'triangle' ? svg`<polygon points="12,3 22,21 2,21"></polygon>`
    : kind === 'diamond' ? svg`<polygon points="12,2 22,12 12,22 2,12"></polygon>`
      : kind === 'circle' ? svg`<circle cx="12" cy="12" r="10"></circle>`
        : svg`<rect x="3" y="3" width="18" height="18"></rect>`;
  return svg`<svg class="shape" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;
}

/** The colours of the tiles, for charts (same as the CSS classes tile-<kind>). */
export const TILE_COLOURS = { triangle: '#c62828', diamond: '#1558b0', circle: '#f2b600', square: '#2e7d32' };
