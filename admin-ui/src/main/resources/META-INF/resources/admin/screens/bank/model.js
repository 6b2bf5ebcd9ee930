// The question bank's vocabulary as the API spells it, and the shape of a question being edited.
import { t } from '../../lib/i18n.js';

export const TYPES = ['SINGLE_CHOICE', 'MULTIPLE_SELECT', 'TRUE_FALSE', 'TYPE_ANSWER', 'ORDERING', 'NUMERIC', 'POLL'];
export const TOPICS = ['BASIC_SKILLS', 'VNEID', 'PUBLIC_SERVICES', 'CASHLESS_PAYMENT', 'SCAMS_CYBER_SAFETY',
  'PERSONAL_DATA', 'DIGITAL_SIGNATURE', 'AI_TOOLS', 'SOCIAL_MEDIA', 'DIGITAL_GOVERNMENT'];
export const STATUSES = ['DRAFT', 'REVIEWED', 'PUBLISHED'];
export const DIFFICULTIES = [1, 2, 3];
export const LANGUAGES = ['VI', 'EN'];
export const POINTS = ['STANDARD', 'DOUBLE', 'NONE'];
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
export const MAX_ACCEPTED = 10;

/** Types whose answers are option tiles. */
export function hasOptions(type) {
  return type !== 'TYPE_ANSWER' && type !== 'NUMERIC';
}

export function statusBadge(status) {
  return status === 'PUBLISHED' ? 'badge ok' : status === 'REVIEWED' ? 'badge warn' : 'badge';
}

export function typeLabel(type) {
  return t('type.' + type);
}

export function topicLabel(topic) {
  return topic ? t('topic.' + topic) : '';
}

export function difficultyLabel(level) {
  return level ? t('difficulty.' + level) : '';
}

/** The two options of a true/false question in the question's language. */
export function trueFalseOptions(language) {
  return language === 'EN' ? ['True', 'False'] : ['Đúng', 'Sai']; // question content, not console text
}

/** A new question as the editor starts it. */
export function blankQuestion(bankId, language, translationGroup) {
  return {
    id: null, bankId: bankId || null, translationGroup: translationGroup || null, language: language || 'VI',
    type: 'SINGLE_CHOICE', text: '', options: ['', '', '', ''], correct: [0], accepted: [''],
    value: '', tolerance: '', explanation: '', timeLimitSeconds: 20, points: 'STANDARD', difficulty: 1,
    topic: 'BASIC_SKILLS', tags: '', imageUrl: '', source: '', status: 'DRAFT', externalKey: null, version: null,
  };
}

/** A question from the API as the editor's draft (answer fields flattened, tags as one line). */
export function draftOf(q) {
  const answer = q.answer || {};
  return {
    id: q.id, bankId: q.bankId, translationGroup: q.translationGroup, language: q.language, type: q.type,
    text: q.text || '', options: (q.options || []).slice(), correct: (answer.correct || []).slice(),
    accepted: answer.accepted && answer.accepted.length ? answer.accepted.slice() : [''],
    value: answer.value === null || answer.value === undefined ? '' : String(answer.value),
    tolerance: answer.tolerance === null || answer.tolerance === undefined ? '' : String(answer.tolerance),
    explanation: q.explanation || '', timeLimitSeconds: q.timeLimitSeconds, points: q.points || 'STANDARD',
    difficulty: q.difficulty, topic: q.topic, tags: (q.tags || []).join(', '), imageUrl: q.imageUrl || '',
    source: q.source || '', status: q.status, externalKey: q.externalKey || null, version: q.version,
  };
}

function numberOrNull(text) {
  const clean = String(text).trim().replace(',', '.');
  if (clean === '') return null;
  const value = Number(clean);
  return Number.isFinite(value) ? value : NaN;
}

/** The draft as the API takes it: only the answer fields that the type uses. */
export function bodyOf(d) {
  const answer = {};
  let options = [];
  if (d.type === 'TYPE_ANSWER') answer.accepted = d.accepted.map((a) => a.trim()).filter((a) => a);
  else if (d.type === 'NUMERIC') {
    answer.value = numberOrNull(d.value);
    answer.tolerance = numberOrNull(d.tolerance);
  } else {
    options = d.options.slice();
    if (d.type === 'ORDERING') answer.correct = options.map((o, i) => i);
    else if (d.type !== 'POLL') answer.correct = d.correct.slice().sort((a, b) => a - b);
  }
  return {
    bankId: d.bankId, translationGroup: d.translationGroup, language: d.language, type: d.type, text: d.text,
    options, answer, explanation: d.explanation, timeLimitSeconds: Number(d.timeLimitSeconds) || null,
    points: d.points, difficulty: Number(d.difficulty), topic: d.topic,
    tags: d.tags.split(',').map((x) => x.trim()).filter((x) => x), imageUrl: d.imageUrl, source: d.source,
    status: d.status, externalKey: d.externalKey, version: d.version,
  };
}

/** Changes the type, keeping what still fits (choice options survive a trip through typed answers). */
export function changeType(d, type, kept) {
  const before = d.type;
  if (hasOptions(before) && before !== 'TRUE_FALSE') kept.options = d.options.slice();
  d.type = type;
  if (type === 'TRUE_FALSE') {
    d.options = trueFalseOptions(d.language);
    d.correct = [d.correct.length && d.correct[0] < 2 ? d.correct[0] : 0];
  } else if (hasOptions(type)) {
    if (!hasOptions(before) || before === 'TRUE_FALSE') d.options = kept.options && kept.options.length >= MIN_OPTIONS ? kept.options.slice() : ['', '', '', ''];
    if (type === 'SINGLE_CHOICE') d.correct = d.correct.length ? [d.correct[0]] : [0];
    if (type === 'MULTIPLE_SELECT' && !d.correct.length) d.correct = [0];
    if (type === 'POLL' || type === 'ORDERING') d.correct = [];
  } else {
    d.options = [];
    d.correct = [];
  }
  d.correct = d.correct.filter((i) => i < d.options.length);
}
