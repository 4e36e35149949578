/**
 * Day-first or month-first, decided per column from all its values: a first number above 12 proves
 * day-first, a second one above 12 proves month-first. When nothing proves either, the user's locale is
 * assumed and the question is asked in plain words, never decided silently.
 */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

export interface DateOrderStats {
  column: string;
  values: number; // values that look like numeric dates
  yearFirst: number;
  firstAbove12: number;
  secondAbove12: number;
  /** Values written with dots (`03.05.23`): day-first wherever dates are written so. */
  dotted?: number;
  /** A value that reads both ways, for the question (e.g. "03/04/2025"). */
  example: string | null;
}

export interface DateOrderDecision {
  order: DateOrder;
  /** How it was decided, in plain words. */
  reason: string;
  /** Set when the data cannot decide: the question to ask, with the two readings. */
  question: { text: string; dmy: string; mdy: string } | null;
  /** Values that contradict the decided order (day-first and month-first mixed in one column). */
  conflicting: number;
}

/** The browser's date convention: month-first for US-style locales, day-first elsewhere. */
export function localeOrder(locale: string): DateOrder {
  return /^en-(US|PH|CA)$|^en$/i.test(locale) ? 'mdy' : 'dmy';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

export function decideDateOrder(s: DateOrderStats, locale: string): DateOrderDecision {
  if (s.values > 0 && s.yearFirst >= s.values / 2) {
    return { order: 'ymd', reason: 'year first (YYYY-MM-DD)', question: null, conflicting: s.values - s.yearFirst };
  }
  if (s.firstAbove12 > 0 && s.secondAbove12 === 0) {
    return { order: 'dmy', reason: `day first: ${s.firstAbove12} ${s.firstAbove12 === 1 ? 'value has' : 'values have'} a first number above 12`, question: null, conflicting: 0 };
  }
  if (s.secondAbove12 > 0 && s.firstAbove12 === 0) {
    return { order: 'mdy', reason: `month first: ${s.secondAbove12} ${s.secondAbove12 === 1 ? 'value has' : 'values have'} a second number above 12`, question: null, conflicting: 0 };
  }
  if (s.firstAbove12 > 0 && s.secondAbove12 > 0) {
    const order: DateOrder = s.firstAbove12 >= s.secondAbove12 ? 'dmy' : 'mdy';
    return {
      order,
      reason: `mixed: ${s.firstAbove12} values are day-first and ${s.secondAbove12} month-first; read as ${order === 'dmy' ? 'day' : 'month'} first`,
      question: null,
      conflicting: Math.min(s.firstAbove12, s.secondAbove12)
    };
  }
  if (s.dotted && s.dotted >= s.values / 2) {
    return { order: 'dmy', reason: 'day first: dates written with dots (DD.MM.YY) are day-first in every language that writes them so', question: null, conflicting: 0 };
  }
  const order = localeOrder(locale);
  const example = s.example ?? '03/04/2025';
  const [a, b] = example.split(/[-/.]/).map(Number);
  const year = example.match(/\d{4}|\d{2}$/)?.[0] ?? '';
  const dmy = `the ${ordinal(a)} of ${MONTHS[b - 1] ?? '?'} ${year}`.trim();
  const mdy = `${MONTHS[a - 1] ?? '?'} ${ordinal(b)} ${year}`.trim();
  return {
    order,
    reason: s.values ? `no value decides it; assumed ${order === 'dmy' ? 'day' : 'month'} first from this browser's settings` : 'no dates',
    question: s.values ? { text: `Is ${example} ${dmy} or ${mdy}?`, dmy, mdy } : null,
    conflicting: 0
  };
}
