/** How numbers read on the page. Missing values say so instead of showing 0. */
export const NOT_IN_EXPORT = 'not in your export';

export function pct(x: unknown, digits = 0): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '—';
}
export function pts(x: unknown): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${x > 0 ? '+' : ''}${x.toFixed(0)} pts` : '—';
}
// One formatter per precision: toLocaleString with options builds a new one on every call, which showed
// in the profile of a table re-render.
const formatters = new Map<number, Intl.NumberFormat>();
export function num(x: unknown, digits = 0): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })));
  return f.format(x);
}
/** ARR as the page writes it: 1.2M, 350k, 900 (no currency: exports do not say which). */
export function money(x: unknown): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (a >= 1e6) return `${num(x / 1e6, 1)}M`;
  if (a >= 1e4) return `${num(x / 1e3)}k`;
  return num(x);
}
export function days(x: unknown): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${Math.round(x)} d` : '—';
}
export function rho(x: unknown): string {
  return typeof x === 'number' && Number.isFinite(x) ? x.toFixed(2) : '—';
}

/**
 * A count with its noun, singular for exactly one: `plural(1, 'meeting')` is "1 meeting", `plural(600,
 * 'account-month')` is "600 account-months". The one place the page pluralises, so no "1 meetings".
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${noun(n, one, many)}`;
}
/** The noun alone, for a count shown apart from it (in bold, or in another cell). */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
