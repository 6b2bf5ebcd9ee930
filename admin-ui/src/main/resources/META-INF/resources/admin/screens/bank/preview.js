// A 360 x 640 phone showing the question as players will see it, redrawn on every keystroke.
// The look follows the player page (colour + shape + letter per tile) without importing its code.
import { html, svg, nothing } from 'lit-html';
import { t } from '../../lib/i18n.js';
import { hasOptions } from './model.js';

const SHAPES = [
  ['triangle', svg`<polygon points="12,3 22,21 2,21"></polygon>`],
  ['diamond', svg`<polygon points="12,2 22,12 12,22 2,12"></polygon>`],
  ['circle', svg`<circle cx="12" cy="12" r="10"></circle>`],
  ['square', svg`<rect x="3" y="3" width="18" height="18"></rect>`],
];
const LETTERS = 'ABCDEF';

function shape(index) {
  return html`<span class="pv-icon" aria-hidden="true"><svg viewBox="0 0 24 24" class="pv-shape" focusable="false">${SHAPES[index % 4][1]}</svg>
    <span class="pv-letter">${LETTERS[index]}</span></span>`;
}

function tile(text, index, result, correct, poll) {
  const state = !result || poll ? '' : correct ? ' pv-correct' : ' pv-wrong';
  return html`<div class=${'pv-tile pv-' + SHAPES[index % 4][0] + state} data-letter=${LETTERS[index]}>
    ${shape(index)}<span class="pv-tile-text">${text || t('preview.option.empty', { letter: LETTERS[index] })}</span>
    ${result && correct && !poll ? html`<span class="pv-mark" aria-label=${t('preview.correct')}>✓</span>` : nothing}</div>`;
}

function answers(d, result) {
  if (d.type === 'TYPE_ANSWER') {
    const accepted = d.accepted.filter((a) => a.trim());
    return result ? html`<p class="pv-answer-title">${t('preview.accepted')}</p><p class="pv-answer pv-correct-text">${accepted.join(' / ') || '—'}</p>`
      : html`<div class="pv-input">${t('preview.typeHere')}</div><div class="pv-send">${t('preview.send')}</div>`;
  }
  if (d.type === 'NUMERIC') {
    const tolerance = String(d.tolerance).trim();
    return result ? html`<p class="pv-answer-title">${t('preview.value')}</p><p class="pv-answer pv-correct-text">${String(d.value).trim() || '—'}${tolerance && Number(tolerance) !== 0 ? ' ± ' + tolerance : ''}</p>`
      : html`<div class="pv-input pv-number">${t('preview.numberHere')}</div><div class="pv-send">${t('preview.send')}</div>`;
  }
  if (d.type === 'ORDERING') {
    const order = d.options.map((text, i) => i);
    // Players get the options shuffled; the preview shows them reversed so the order is clearly the task.
    const shown = result ? order : order.slice().reverse();
    return html`${!result ? html`<p class="pv-hint">${t('preview.orderHint')}</p>` : nothing}
      <ol class="pv-order">${shown.map((i, place) => html`<li class=${'pv-order-row pv-' + SHAPES[i % 4][0]}>
        <span class="pv-order-number">${place + 1}</span>${d.options[i] || t('preview.option.empty', { letter: LETTERS[i] })}</li>`)}</ol>`;
  }
  const poll = d.type === 'POLL';
  return html`${d.type === 'MULTIPLE_SELECT' && !result ? html`<p class="pv-hint">${t('preview.multipleHint')}</p>` : nothing}
    <div class="pv-tiles">${d.options.map((text, i) => tile(text, i, result, d.correct.indexOf(i) >= 0, poll))}</div>`;
}

/** The phone: mode 'question' (answering) or 'result' (after the question closes). */
export function phonePreview(d, mode) {
  const result = mode === 'result';
  return html`<div class="phone" id="phone-preview" data-mode=${mode} aria-label=${t('preview.label')} role="region">
    <div class="phone-screen">
      <div class="pv-top">
        <span class="pv-counter">${t('preview.counter')}</span>
        ${d.points === 'DOUBLE' ? html`<span class="pv-tag pv-double">${t('preview.double')}</span>` : nothing}
        ${d.points === 'NONE' || d.type === 'POLL' ? html`<span class="pv-tag">${t('preview.noPoints')}</span>` : nothing}
        ${result ? nothing : html`<span class="pv-timer" id="preview-timer">${d.timeLimitSeconds || ''}</span>`}
      </div>
      ${result ? html`<div class="pv-banner">${d.type === 'POLL' ? t('preview.pollBanner') : t('preview.resultBanner')}</div>` : nothing}
      ${d.imageUrl ? html`<img class="pv-image" id="preview-image" src=${d.imageUrl} alt=${t('preview.image')}>` : nothing}
      <p class="pv-text" id="preview-text">${d.text.trim() || t('preview.text.empty')}</p>
      ${hasOptions(d.type) || d.type === 'TYPE_ANSWER' || d.type === 'NUMERIC' ? answers(d, result) : nothing}
      ${result && d.explanation.trim() ? html`<div class="pv-explanation" id="preview-explanation"><strong>${t('preview.explanation')}</strong>
        <p>${d.explanation}</p></div>` : nothing}
    </div>
  </div>`;
}
