// The contest page's screens: each returns { title, body, focus? } from the page state; app.js owns
// the state and the actions.
import { h } from '../play/dom.js';
import { language, num, t } from '../play/i18n.js';
import { LETTERS, checkIcon, shapeIcon, tileKind } from '../play/shapes.js';

const ZONE = 'Asia/Ho_Chi_Minh';

export function dateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(language() === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(date);
}

/** 7:05 for 425 seconds; whole seconds rounded down, so the phone never shows more than is left. */
export function clockText(ms) {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes + ':' + (rest < 10 ? '0' : '') + rest;
}

function durationText(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? t('time.minutesSeconds', { minutes: minutes, seconds: seconds % 60 }) : t('time.seconds', { seconds: seconds });
}

function paragraphs(text, className) {
  return String(text || '').split(/\n{2,}/).filter((part) => part.trim()).map((part) => h('p', { class: className, text: part.trim() }));
}

export function loadingView() {
  return { title: t('app.loading'), body: [h('div', { class: 'spinner', 'aria-hidden': 'true' })] };
}

export function missingView() {
  return { title: t('missing.title'), body: [h('p', { class: 'lead', text: t('missing.text') })] };
}

export function failedView(S, actions) {
  return {
    title: t('failed.title'),
    body: [h('p', { class: 'lead', text: S.error || t('failed.text') }),
      h('button', { type: 'button', class: 'primary', text: t('failed.retry'), onclick: actions.reload })],
  };
}

function roundLine(round, S, actions) {
  const mine = S.myAttempts.filter((attempt) => attempt.roundId === round.id);
  const open = mine.filter((attempt) => attempt.state === 'IN_PROGRESS')[0];
  const done = mine.filter((attempt) => attempt.state === 'SUBMITTED');
  const status = round.state === 'OPEN' ? t('round.openUntil', { time: dateTime(round.closesAt) })
    : round.state === 'SCHEDULED' ? t('round.opensAt', { time: dateTime(round.opensAt) })
      : t('round.closed');
  const facts = t('round.facts', { questions: num(round.questionCount || 0), minutes: num(Math.round((round.timeLimitSeconds || 0) / 60)) });
  const buttons = [];
  const policy = round.attemptPolicy || {};
  // The server decides (409 attempt.limit-reached); this only spares a button that cannot work.
  const mayStart = open || (policy.kind === 'BEST_OF' ? done.length < (policy.maxAttempts || 1)
    : policy.kind === 'ONE_PER_CONTEST' ? S.myAttempts.length === 0 : done.length === 0);
  if (round.state === 'OPEN' && !mayStart) buttons.push(h('p', { class: 'round-done', text: t('round.done') }));
  if (round.state === 'OPEN' && mayStart) {
    buttons.push(h('button', { type: 'button', class: 'primary', 'data-round': round.id,
      text: open ? t('round.resume') : done.length ? t('round.again') : t('round.start'),
      onclick: () => actions.startRound(round) }));
  }
  done.forEach((attempt) => buttons.push(h('button', { type: 'button', class: 'secondary wide', 'data-attempt': attempt.attemptId,
    text: t('round.result'), onclick: () => actions.showAttempt(attempt.attemptId) })));
  return h('li', { class: 'round round-' + String(round.state).toLowerCase(), 'data-round-id': round.id },
    h('h3', { class: 'round-name', text: round.name }),
    h('p', { class: 'round-state', text: status }),
    h('p', { class: 'muted', text: facts }),
    S.roundNotice && S.roundNotice.roundId === round.id ? h('p', { class: 'notice', role: 'alert', text: S.roundNotice.text }) : null,
    buttons);
}

export function landingView(S, actions) {
  const contest = S.contest;
  const body = [];
  if (contest.organisation) body.push(h('p', { class: 'muted organisation', text: contest.organisation }));
  if (S.saved.token && S.saved.label) {
    body.push(h('div', { class: 'you-line registered' },
      h('span', { text: t('landing.registeredAs', { name: S.saved.label }) }),
      h('button', { type: 'button', class: 'link', text: t('landing.notMe'), onclick: actions.forgetMe })));
  }
  body.push(h('h2', { class: 'small-heading', text: t('landing.rounds') }));
  body.push(h('ul', { class: 'rounds' }, (contest.rounds || []).map((round) => roundLine(round, S, actions))));
  body.push(h('h2', { class: 'small-heading', text: t('landing.rules') }));
  body.push(h('div', { class: 'panel rules' }, paragraphs(contest.rulesText)));
  return { title: contest.title, body: body };
}

export function formView(S, formParts, actions) {
  return {
    title: t('form.title'),
    body: [h('p', { class: 'muted', text: t('form.intro', { round: S.round ? S.round.name : '' }) }), formParts.form,
      h('button', { type: 'button', class: 'link', text: t('form.back'), onclick: actions.home })],
    focus: formParts.focus,
  };
}

export function startView(S, actions) {
  const round = S.round;
  return {
    title: round.name,
    body: [
      h('p', { class: 'lead', text: t('round.facts', { questions: num(round.questionCount || 0), minutes: num(Math.round((round.timeLimitSeconds || 0) / 60)) }) }),
      h('ul', { class: 'plain-list start-notes' },
        h('li', { text: t('start.clock') }),
        h('li', { text: t('start.saved') }),
        round.predictionKind && round.predictionKind !== 'NONE' ? h('li', { text: t('start.prediction') }) : null,
        h('li', { text: t('start.closes', { time: dateTime(round.closesAt) }) })),
      S.roundNotice ? h('p', { class: 'notice', role: 'alert', text: S.roundNotice.text }) : null,
      h('button', { type: 'button', class: 'primary', 'data-begin': '', text: t('start.begin'), onclick: actions.begin }),
      h('button', { type: 'button', class: 'link', text: t('form.back'), onclick: actions.home }),
    ],
  };
}

function tiles(question, answer, actions) {
  const multiple = question.type === 'MULTIPLE_SELECT';
  const chosen = multiple ? ((answer && answer.choices) || []) : (answer && answer.choice != null ? [answer.choice] : []);
  return h('div', { class: 'tiles', role: 'group', 'aria-labelledby': 'question-text' }, question.options.map((option, i) => {
    const pressed = chosen.indexOf(option.id) >= 0;
    return h('button', {
      type: 'button', class: 'tile tile-' + tileKind(i), 'aria-pressed': pressed ? 'true' : 'false', 'data-option': option.id,
      onclick: () => actions.choose(question, option.id),
    },
    h('span', { class: 'tile-icon', 'aria-hidden': 'true' }, shapeIcon(i), h('span', { class: 'tile-letter', text: LETTERS[i] })),
    h('span', { class: 'tile-text', text: option.text }),
    multiple || pressed ? h('span', { class: 'tile-check', 'aria-hidden': 'true' }, checkIcon()) : null);
  }));
}

function bar(fraction) {
  const el = h('div', { class: 'progress-bar' });
  el.style.width = Math.round(fraction * 100) + '%'; // CSSOM, which the strict policy allows
  return el;
}

function answered(answer) {
  return !!answer && (answer.choice != null || (Array.isArray(answer.choices) && answer.choices.length > 0));
}

export function answeredCount(S) {
  return S.attempt.questions.filter((question) => answered(S.answers[question.index])).length;
}

function jumpGrid(S, actions) {
  return h('nav', { class: 'jump', 'aria-label': t('question.jump') },
    h('ol', { class: 'jump-list' }, S.attempt.questions.map((question, i) => {
      const done = answered(S.answers[question.index]);
      return h('li', {}, h('button', {
        type: 'button', class: 'jump-button' + (done ? ' jump-done' : ''), 'aria-current': i === S.position ? 'step' : null,
        'aria-label': t(done ? 'question.jumpDone' : 'question.jumpTodo', { number: i + 1 }),
        text: String(i + 1), onclick: () => actions.go(i),
      }));
    })));
}

export function questionView(S, actions) {
  const questions = S.attempt.questions;
  const question = questions[S.position];
  const total = questions.length;
  const count = answeredCount(S);
  const last = S.position === total - 1;
  const hint = question.type === 'MULTIPLE_SELECT' ? t('question.hintMultiple') : question.type === 'TRUE_FALSE' ? t('question.hintTrueFalse') : t('question.hintSingle');
  const head = [h('div', { class: 'question-head' },
    h('span', { class: 'counter', text: t('question.counter', { number: S.position + 1, total: total }) }))];
  const body = [
    h('div', { class: 'progress', role: 'progressbar', 'aria-label': t('question.progress', { answered: count, total: total }),
      'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': count },
    bar(count / Math.max(1, total))),
    h('p', { class: 'muted progress-text', text: t('question.progress', { answered: count, total: total }) }),
  ];
  if (question.imageUrl) body.push(h('img', { class: 'question-image', src: question.imageUrl, alt: t('question.image') }));
  body.push(h('p', { class: 'answer-hint', text: hint }));
  body.push(tiles(question, S.answers[question.index], actions));
  if (S.questionNotice) body.push(h('p', { class: 'notice', role: 'alert', text: S.questionNotice }));
  body.push(h('div', { class: 'button-row' },
    h('button', { type: 'button', class: 'secondary', text: t('question.previous'), disabled: S.position === 0, onclick: () => actions.go(S.position - 1) }),
    h('button', { type: 'button', class: 'secondary', 'data-next': '',
      text: last ? (S.attempt.prediction ? t('question.toPrediction') : t('question.toSubmit')) : t('question.next'),
      onclick: () => (last ? actions.afterLast() : actions.go(S.position + 1)) })));
  body.push(jumpGrid(S, actions));
  body.push(h('button', { type: 'button', class: 'primary submit-open', text: t('submit.open'), onclick: actions.confirmSubmit }));
  return { head: head, title: question.text, titleId: 'question-text', titleClass: 'question-text', body: body };
}

export function predictionView(S, actions) {
  const prediction = S.attempt.prediction;
  const input = h('input', { id: 'prediction', class: 'big-input number-input', type: 'text', inputmode: 'numeric',
    autocomplete: 'off', maxlength: 13, 'aria-describedby': 'prediction-hint prediction-error' });
  const value = S.predictionDraft != null ? S.predictionDraft : prediction.value;
  input.value = value == null ? '' : String(value);
  const error = h('p', { id: 'prediction-error', class: 'field-error', text: S.predictionError || '' });
  // Saved as it is typed (a valid number only); the reason for a refusal shows on the button.
  input.addEventListener('input', () => actions.typePrediction(input.value));
  return {
    title: t('prediction.title'),
    body: [
      h('p', { class: 'lead', text: prediction.text || t('prediction.' + prediction.kind) }),
      h('label', { for: 'prediction', class: 'field-label', text: t('prediction.label') }),
      h('p', { id: 'prediction-hint', class: 'field-hint', text: t('prediction.hint') }),
      input, error,
      h('button', { type: 'button', class: 'primary', text: t('prediction.saveAndSubmit'), onclick: () => { if (actions.predict(input.value, error)) actions.confirmSubmit(); } }),
      h('button', { type: 'button', class: 'secondary wide', text: t('prediction.back'), onclick: () => actions.go(S.attempt.questions.length - 1) }),
    ],
  };
}

export function confirmView(S, actions) {
  const total = S.attempt.questions.length;
  const count = answeredCount(S);
  const missingPrediction = S.attempt.prediction && (S.attempt.prediction.value == null);
  return {
    title: t('submit.title'),
    body: [
      h('p', { class: 'lead', text: t('submit.answered', { answered: count, total: total }) }),
      count < total ? h('p', { class: 'notice', text: t('submit.unanswered', { count: total - count }) }) : null,
      missingPrediction ? h('p', { class: 'notice', text: t('submit.noPrediction') }) : null,
      h('p', { class: 'muted', text: t('submit.final') }),
      h('button', { type: 'button', class: 'primary', 'data-confirm': '', text: t('submit.confirm'), onclick: actions.submit }),
      h('button', { type: 'button', class: 'secondary wide', text: t('submit.back'), onclick: () => actions.go(S.position) }),
    ],
  };
}

export function waitingView(S, actions) {
  const offline = S.saveState === 'offline';
  return {
    title: S.screen === 'deadline' ? t('deadline.title') : t('submitting.title'),
    body: [h('div', { class: 'spinner', 'aria-hidden': 'true' }),
      h('p', { class: 'lead', text: offline ? t('submitting.offline') : t('submitting.text') }),
      offline ? h('button', { type: 'button', class: 'secondary wide', text: t('save.retry'), onclick: actions.retryNow }) : null],
  };
}

function reviewList(S) {
  const byIndex = {};
  (S.attempt.review || []).forEach((entry) => { byIndex[entry.index] = entry; });
  return h('ol', { class: 'review' }, S.attempt.questions.map((question) => {
    const entry = byIndex[question.index];
    const answer = S.attempt.answers && S.attempt.answers[question.index];
    const mine = answer ? (answer.choices || (answer.choice != null ? [answer.choice] : [])) : [];
    const correct = entry ? entry.correct || [] : [];
    const right = correct.length === mine.length && correct.every((id) => mine.indexOf(id) >= 0);
    return h('li', { class: 'panel review-item', 'data-right': right ? 'true' : 'false' },
      h('p', { class: 'review-question', text: question.text }),
      h('p', { class: right ? 'title-ok review-mark' : 'notice review-mark', text: right ? t('review.right') : mine.length ? t('review.wrong') : t('review.none') }),
      h('ul', { class: 'option-list' }, question.options.map((option) => h('li', {
        class: 'review-option' + (correct.indexOf(option.id) >= 0 ? ' review-correct' : '') + (mine.indexOf(option.id) >= 0 ? ' review-mine' : ''),
      }, h('span', { text: option.text }),
      correct.indexOf(option.id) >= 0 ? h('span', { class: 'review-tag', text: t('review.correct') }) : null,
      mine.indexOf(option.id) >= 0 ? h('span', { class: 'review-tag review-tag-mine', text: t('review.yours') }) : null))),
      entry && entry.explanation ? h('p', { class: 'muted', text: entry.explanation }) : null);
  }));
}

export function resultView(S, actions) {
  const attempt = S.attempt;
  const result = attempt.result || {};
  const body = [];
  if (S.autoSubmitted) body.push(h('p', { class: 'paused deadline-note', text: t('result.atDeadline') }));
  body.push(h('div', { class: 'final' },
    h('p', { class: 'final-score', 'data-score': result.score, text: t('result.score', { score: num(result.score || 0), max: num(result.maxScore || 0) }) }),
    h('p', { text: t('result.correct', { correct: num(result.correctCount || 0), total: num(attempt.questions.length) }) }),
    h('p', { class: 'time-used', text: t('result.time', { time: durationText(result.timeUsedMs || 0) }) }),
    h('p', { text: t('result.submittedAt', { time: dateTime(result.submittedAt) }) })));
  if (attempt.prediction && attempt.prediction.value != null) {
    body.push(h('p', { class: 'stat', text: t('result.prediction', { value: num(attempt.prediction.value) }) }));
  }
  if (S.lostAnswers > 0) body.push(h('p', { class: 'notice', text: t('result.lost', { count: S.lostAnswers }) }));
  if (attempt.review && attempt.review.length) {
    body.push(h('h2', { class: 'small-heading', text: t('review.title') }));
    body.push(reviewList(S));
  } else {
    body.push(h('p', { class: 'muted review-later', text: t('review.later') }));
  }
  body.push(h('button', { type: 'button', class: 'primary', text: t('result.home'), onclick: actions.home }));
  return { title: S.autoSubmitted ? t('result.titleDeadline') : t('result.title'), body: body };
}
