// Language: Vietnamese by default, English on request; the choice is kept in localStorage.
import { vi } from './strings-vi.js';
import { en } from './strings-en.js';

export const LANGUAGES = { vi, en };
const STORAGE_KEY = 'markguard.lang';
const LOCALES = { vi: 'vi-VN', en: 'en-GB' };
const listeners = [];

let current = readStored();

function readStored() {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored in LANGUAGES ? stored : 'vi';
  } catch {
    return 'vi'; // storage disabled: the default still works
  }
}

export function lang() {
  return current;
}

export function setLang(code) {
  if (!(code in LANGUAGES) || code === current) return;
  current = code;
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not remembered, but switched for this page
  }
  document.documentElement.lang = code;
  listeners.forEach(fn => fn(code));
}

export function onLangChange(fn) {
  listeners.push(fn);
}

/**
 * The string for key in the current language, with {name} placeholders filled from params. A key
 * missing in a language falls back to Vietnamese, then to the key itself (visible, never blank).
 */
export function t(key, params) {
  const template = LANGUAGES[current][key] ?? vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A label for an enum value (decision, kind, reason, status…) or the value itself. */
export function label(group, value) {
  if (value === null || value === undefined || value === '') return '—';
  const key = group + '.' + value;
  return key in LANGUAGES[current] || key in vi ? t(key) : String(value);
}

export function locale() {
  return LOCALES[current];
}

export function formatNumber(n, options) {
  if (n === null || n === undefined || Number.isNaN(Number(n))) return '—';
  return new Intl.NumberFormat(locale(), options).format(Number(n));
}

export function formatMoney(amount, currency) {
  if (amount === null || amount === undefined) return t('common.noPrice');
  try {
    return new Intl.NumberFormat(locale(), {
      style: 'currency', currency: currency || 'VND', maximumFractionDigits: currency && currency !== 'VND' ? 2 : 0,
    }).format(Number(amount));
  } catch {
    return formatNumber(amount) + (currency ? ' ' + currency : '');
  }
}

export function formatDate(iso, withTime = true) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const day = { year: 'numeric', month: '2-digit', day: '2-digit' };
  return new Intl.DateTimeFormat(locale(), withTime ? { ...day, hour: '2-digit', minute: '2-digit' } : day).format(date);
}

export function formatPercent(score) {
  if (score === null || score === undefined) return '—';
  return formatNumber(score, { style: 'percent', maximumFractionDigits: 0 });
}

if (typeof document !== 'undefined') document.documentElement.lang = current;
