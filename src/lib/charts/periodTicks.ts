/**
 * Labels for period ticks (a week's Monday or a month's first day, as ISO dates): "Aug 3" or "Aug", with the
 * year on the first tick and wherever it changes when the ticks span more than one year, so a chart (and its
 * export) never leaves the reader to guess which year "05-04" was.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function periodTickLabels(starts: string[], grain: 'week' | 'month'): string[] {
  const years = new Set(starts.map((s) => s.slice(0, 4)));
  const spans = years.size > 1;
  let lastYear = '';
  return starts.map((s) => {
    const year = s.slice(0, 4);
    const month = MONTHS[Number(s.slice(5, 7)) - 1];
    const base = grain === 'month' ? month : `${month} ${Number(s.slice(8, 10))}`;
    const withYear = spans && year !== lastYear;
    lastYear = year;
    return withYear ? `${base}${grain === 'month' ? ' ' : ', '}${year}` : base;
  });
}

/** Ticks every `every`-th period, spaced for their labels (wider when they carry a year). */
export function periodTickEvery(count: number, width: number, spansYears: boolean): number {
  const room = spansYears ? 84 : 56;
  return Math.max(1, Math.ceil(count / Math.max(1, Math.floor(width / room))));
}
