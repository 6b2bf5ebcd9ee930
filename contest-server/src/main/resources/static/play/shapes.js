// Each answer tile has a colour and a shape, so colour-blind players can tell them apart.
import { svg } from './dom.js';

const SHAPES = [
  ['triangle', () => svg('polygon', { points: '12,3 22,21 2,21' })],
  ['diamond', () => svg('polygon', { points: '12,2 22,12 12,22 2,12' })],
  ['circle', () => svg('circle', { cx: 12, cy: 12, r: 10 })],
  ['square', () => svg('rect', { x: 3, y: 3, width: 18, height: 18 })],
];

export const LETTERS = 'ABCDEFGHIJKLMNOP';

export function tileKind(index) {
  return SHAPES[index % SHAPES.length][0];
}

export function shapeIcon(index) {
  return svg('svg', { viewBox: '0 0 24 24', class: 'shape', 'aria-hidden': 'true', focusable: 'false' },
    SHAPES[index % SHAPES.length][1]());
}

export function checkIcon() {
  return svg('svg', { viewBox: '0 0 24 24', class: 'mark', 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { d: 'M4 12.5l5 5L20 6.5', fill: 'none', stroke: 'currentColor', 'stroke-width': 3.5, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
}

export function crossIcon() {
  return svg('svg', { viewBox: '0 0 24 24', class: 'mark', 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { d: 'M6 6l12 12M18 6L6 18', fill: 'none', stroke: 'currentColor', 'stroke-width': 3.5, 'stroke-linecap': 'round' }));
}
