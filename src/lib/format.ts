/** How numbers read on the page. Missing values say so instead of showing 0. */
export const NOT_IN_EXPORT = 'not in your export';

export function pct(x: unknown, digits = 0): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '—';
}
export function pts(x: unknown): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${x > 0 ? '+' : ''}${x.toFixed(0)} pts` : '—';
}
export function num(x: unknown, digits = 0): string {
  return typeof x === 'number' && Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';
}
export function days(x: unknown): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${Math.round(x)} d` : '—';
}
export function rho(x: unknown): string {
  return typeof x === 'number' && Number.isFinite(x) ? x.toFixed(2) : '—';
}
