// The answer input of each question type: tiles (single choice, true/false, poll), toggle tiles
// with a confirm button (multiple select), tap or drag ordering, a text box, a number box.
import { h } from './dom.js';
import { t, num } from './i18n.js';
import { shapeIcon, checkIcon, LETTERS, tileKind } from './shapes.js';

const MAX_TEXT = 200;

function tile(open, index, attrs, extra) {
  const kind = tileKind(index);
  return h('button', Object.assign({ type: 'button', class: 'tile tile-' + kind, 'data-option': index }, attrs),
    h('span', { class: 'tile-icon' }, shapeIcon(index), h('span', { class: 'tile-letter', 'aria-hidden': 'true', text: LETTERS[index] })),
    h('span', { class: 'tile-text', text: open.options[index] }),
    extra);
}

function sendButton(onClick) {
  return h('button', { type: 'button', class: 'primary send', onclick: onClick, text: t('answer.send') });
}

function hint(key) {
  return h('p', { class: 'answer-hint', text: t(key) });
}

function errorLine() {
  return h('p', { class: 'field-error', role: 'alert', 'aria-live': 'assertive' });
}

/** Builds the input for an `open` frame. ctx: { draft, onDraft(draft), onSubmit(fields) }. */
export function answerInput(open, ctx) {
  switch (open.qtype) {
    case 'MULTIPLE_SELECT': return multiple(open, ctx);
    case 'ORDERING': return ordering(open, ctx);
    case 'TYPE_ANSWER': return typed(open, ctx);
    case 'NUMERIC': return numeric(open, ctx);
    default: return single(open, ctx);
  }
}

function single(open, ctx) {
  const key = open.qtype === 'POLL' ? 'answer.poll' : open.qtype === 'TRUE_FALSE' ? 'answer.trueFalse' : 'answer.pickOne';
  const tiles = open.options.map((option, i) => tile(open, i, { onclick: () => ctx.onSubmit({ choice: i }) }));
  const grid = h('div', { class: 'tiles' + (open.options.length === 2 ? ' tiles-two' : ''), role: 'group', 'aria-label': t(key) }, tiles);
  return { el: h('div', { class: 'answer' }, hint(key), grid), controls: tiles };
}

function multiple(open, ctx) {
  const picked = new Set(Array.isArray(ctx.draft) ? ctx.draft.filter((i) => i >= 0 && i < open.options.length) : []);
  const error = errorLine();
  const send = sendButton(() => {
    if (picked.size === 0) return;
    ctx.onSubmit({ choices: Array.from(picked).sort((a, b) => a - b) });
  });
  const tiles = open.options.map((option, i) => {
    const button = tile(open, i, { 'aria-pressed': picked.has(i) ? 'true' : 'false' }, h('span', { class: 'tile-check' }, checkIcon()));
    button.addEventListener('click', () => {
      if (picked.has(i)) picked.delete(i);
      else picked.add(i);
      button.setAttribute('aria-pressed', picked.has(i) ? 'true' : 'false');
      refresh();
      ctx.onDraft(Array.from(picked));
    });
    return button;
  });
  function refresh() {
    send.disabled = picked.size === 0;
  }
  refresh();
  const grid = h('div', { class: 'tiles', role: 'group', 'aria-label': t('answer.pickMany') }, tiles);
  return { el: h('div', { class: 'answer' }, hint('answer.pickMany'), grid, error, send), controls: tiles.concat([send]), refresh };
}

function ordering(open, ctx) {
  const count = open.options.length;
  let order = Array.isArray(ctx.draft) ? ctx.draft.filter((i, k, all) => i >= 0 && i < count && all.indexOf(i) === k) : [];
  const chosen = h('ol', { class: 'order-list', 'aria-label': t('answer.order.yours') });
  const pool = h('div', { class: 'order-pool', role: 'group', 'aria-label': t('answer.order.remaining') });
  const undo = h('button', { type: 'button', class: 'secondary', text: t('answer.order.undo') });
  const reset = h('button', { type: 'button', class: 'secondary', text: t('answer.order.reset') });
  const send = sendButton(() => {
    if (order.length === count) ctx.onSubmit({ order: order.slice() });
  });
  const result = { controls: [], refresh: draw };
  undo.addEventListener('click', () => change(order.slice(0, -1)));
  reset.addEventListener('click', () => change([]));

  function change(next) {
    order = next;
    ctx.onDraft(order.slice());
    draw();
  }

  function move(from, to) {
    if (to < 0 || to >= order.length || from === to) return;
    const next = order.slice();
    const item = next.splice(from, 1)[0];
    next.splice(to, 0, item);
    change(next);
  }

  function draw() {
    const enabled = !result.disabled;
    chosen.replaceChildren();
    pool.replaceChildren();
    order.forEach((option, position) => {
      const text = open.options[option];
      const up = h('button', { type: 'button', class: 'icon-button', 'aria-label': t('answer.order.up', { text: text }), text: '▲', disabled: !enabled || position === 0 });
      const down = h('button', { type: 'button', class: 'icon-button', 'aria-label': t('answer.order.down', { text: text }), text: '▼', disabled: !enabled || position === order.length - 1 });
      up.addEventListener('click', () => move(position, position - 1));
      down.addEventListener('click', () => move(position, position + 1));
      const item = h('li', { class: 'order-item tile-' + tileKind(option), 'data-option': option },
        h('span', { class: 'order-number', 'aria-label': t('answer.order.position', { number: position + 1 }), text: String(position + 1) }),
        h('span', { class: 'order-text', text: text }),
        h('span', { class: 'order-moves' }, up, down));
      dragSource(item, position);
      chosen.appendChild(item);
    });
    if (order.length === 0) chosen.appendChild(h('li', { class: 'order-empty', text: t('answer.order.empty') }));
    open.options.forEach((text, option) => {
      if (order.indexOf(option) >= 0) return;
      pool.appendChild(tile(open, option, { disabled: !enabled, onclick: () => change(order.concat([option])) }));
    });
    undo.disabled = !enabled || order.length === 0;
    reset.disabled = !enabled || order.length === 0;
    send.disabled = !enabled || order.length !== count;
    result.controls = Array.prototype.slice.call(pool.querySelectorAll('button'))
      .concat(Array.prototype.slice.call(chosen.querySelectorAll('button')), [undo, reset, send]);
  }

  // Drag within "your order" with a finger or mouse; tapping and the arrows work everywhere.
  function dragSource(item, position) {
    item.addEventListener('pointerdown', (event) => {
      if (result.disabled || event.target.closest('button')) return;
      event.preventDefault();
      item.setPointerCapture(event.pointerId);
      item.classList.add('dragging');
      let target = position;
      const over = (e) => {
        const siblings = Array.prototype.slice.call(chosen.children);
        for (let i = 0; i < siblings.length; i++) {
          const box = siblings[i].getBoundingClientRect();
          if (e.clientY >= box.top && e.clientY <= box.bottom) target = i;
        }
      };
      const done = () => {
        item.removeEventListener('pointermove', over);
        item.removeEventListener('pointerup', done);
        item.removeEventListener('pointercancel', done);
        item.classList.remove('dragging');
        move(position, target);
      };
      item.addEventListener('pointermove', over);
      item.addEventListener('pointerup', done);
      item.addEventListener('pointercancel', done);
    });
  }

  draw();
  result.el = h('div', { class: 'answer' }, hint('answer.order'),
    h('h2', { class: 'small-heading', text: t('answer.order.yours') }), chosen,
    h('div', { class: 'button-row' }, undo, reset),
    pool, send);
  return result;
}

function typed(open, ctx) {
  const input = h('input', { id: 'answer-text', type: 'text', class: 'big-input', maxlength: MAX_TEXT, autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', enterkeyhint: 'send' });
  input.value = typeof ctx.draft === 'string' ? ctx.draft : '';
  const error = errorLine();
  const submit = () => {
    const text = input.value.trim();
    if (!text) return fail(error, input, 'answer.text.empty');
    if (Array.from(text).length > MAX_TEXT) return fail(error, input, 'answer.text.tooLong');
    ctx.onSubmit({ text: text });
  };
  input.addEventListener('input', () => ctx.onDraft(input.value));
  const form = h('form', { class: 'answer', novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(); } },
    hint('answer.type'),
    h('label', { for: 'answer-text', class: 'field-label', text: t('answer.text.label') }), input, error,
    h('button', { type: 'submit', class: 'primary send', text: t('answer.send') }));
  return { el: form, controls: [input, form.querySelector('button')], focus: input };
}

/** Accepts 12, -3, 3.5 and the Vietnamese decimal comma 3,5. */
export function parseNumber(text) {
  const clean = String(text).trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(clean)) return null;
  const value = Number(clean);
  return isFinite(value) ? value : null;
}

function numeric(open, ctx) {
  const input = h('input', { id: 'answer-number', type: 'text', inputmode: 'decimal', class: 'big-input number-input', maxlength: 24, autocomplete: 'off', enterkeyhint: 'send' });
  input.value = typeof ctx.draft === 'string' ? ctx.draft : '';
  const error = errorLine();
  const parts = [hint('answer.numeric'), h('label', { for: 'answer-number', class: 'field-label', text: t('answer.number.label') }), input];
  // A slider only makes sense when the question gives a range; version 1 frames do not, but a later one may.
  if (typeof open.min === 'number' && typeof open.max === 'number' && open.max > open.min) {
    const slider = h('input', { type: 'range', class: 'slider', min: open.min, max: open.max, step: open.step || 1, 'aria-label': t('answer.slider.label') });
    slider.addEventListener('input', () => { input.value = slider.value; ctx.onDraft(input.value); });
    parts.push(slider);
  }
  input.addEventListener('input', () => ctx.onDraft(input.value));
  const submit = () => {
    const value = parseNumber(input.value);
    if (value === null) return fail(error, input, 'answer.number.invalid');
    ctx.onSubmit({ value: value });
  };
  const form = h('form', { class: 'answer', novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(); } },
    parts, error, h('button', { type: 'submit', class: 'primary send', text: t('answer.send') }));
  return { el: form, controls: Array.prototype.slice.call(form.querySelectorAll('input,button')), focus: input };
}

function fail(error, input, key) {
  error.textContent = t(key);
  input.setAttribute('aria-invalid', 'true');
  input.focus();
}

/** The player's answer as text lines, for the "answer received" and result screens. */
export function describeAnswer(open, fields) {
  if (!fields) return [];
  if (typeof fields.choice === 'number') return [optionLine(open, fields.choice)];
  if (Array.isArray(fields.choices)) return fields.choices.map((i) => optionLine(open, i));
  if (Array.isArray(fields.order)) return fields.order.map((i, k) => (k + 1) + '. ' + (open.options[i] || ''));
  if (typeof fields.text === 'string') return [fields.text];
  if (typeof fields.value === 'number') return [num(fields.value, 6)];
  return [];
}

function optionLine(open, index) {
  return LETTERS[index] + '. ' + (open.options[index] || '');
}
