// The identity form's checks, the same rules as the server's (which has the last word: its message is
// shown under the field when it refuses). Each check returns a catalog key or null.

// The first three digits of a CCCD: the province (or centrally run city) of birth registration,
// the 63 codes of Circular 07/2016/TT-BCA, still used after the 2025 merger of provinces.
export const PROVINCES = ('001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 '
  + '037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 '
  + '082 083 084 086 087 089 091 092 093 094 095 096').split(' ');

/** Spaces, dots, dashes and brackets people type inside numbers. */
function digitsOnly(text) {
  return text.trim().replace(/[\s.\-()]/g, '');
}

export function normaliseCccd(text) {
  return digitsOnly(text);
}

/** 0912345678 from 0912 345 678, +84912345678 or 84912345678. */
export function normalisePhone(text) {
  let value = digitsOnly(text);
  if (value.indexOf('+84') === 0) value = '0' + value.slice(3);
  else if (value.indexOf('84') === 0 && value.length === 11) value = '0' + value.slice(2);
  return value;
}

export function normaliseName(text) {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function checkCccd(value) {
  if (!/^\d{12}$/.test(value)) return 'form.error.cccd';
  return PROVINCES.indexOf(value.slice(0, 3)) >= 0 ? null : 'form.error.cccdProvince';
}

export function checkPhone(value) {
  return /^0[35789]\d{8}$/.test(value) ? null : 'form.error.phone';
}

export function checkEmail(value) {
  return value.length <= 254 && /^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$/.test(value) ? null : 'form.error.email';
}

export function checkBirthYear(value, thisYear) {
  if (!/^\d{4}$/.test(value)) return 'form.error.birthYear';
  const year = Number(value);
  return year >= 1900 && year <= thisYear ? null : 'form.error.birthYear';
}

export function checkName(value) {
  return value.length <= 200 ? null : 'form.error.fullName';
}

export function checkFreeText(value) {
  return value.length <= 500 ? null : 'form.error.freeText';
}
