import { describe, expect, it } from 'vitest';
import { shareDelta } from './delta';
import { sparkline } from './sparkline';
import { upcomingGaps } from './upcoming';

describe('shareDelta', () => {
  it('says the change in points and whether it went the good way', () => {
    expect(shareDelta(0.79, 0.76, 'up')).toMatchObject({ verdict: 'better', text: '+3 pts' });
    expect(shareDelta(0.79, 0.76, 'down')).toMatchObject({ verdict: 'worse', text: '+3 pts' });
    expect(shareDelta(0.1, 0.3, 'down')).toMatchObject({ verdict: 'better', text: '−20 pts' });
    expect(shareDelta(0.5, 0.504, 'up')).toMatchObject({ verdict: 'same', text: '±0 pts' });
    expect(shareDelta(0.5, null, 'up')).toEqual({ points: null, verdict: null, text: '—' });
    expect(shareDelta(undefined, 0.2, 'up').verdict).toBeNull();
  });
});

describe('sparkline', () => {
  it('places months evenly on a 0–100% scale and breaks the line at a month without a value', () => {
    const s = sparkline(
      [
        { month: '2026-01-01', value: 0 },
        { month: '2026-02-01', value: 1 },
        { month: '2026-03-01', value: null },
        { month: '2026-04-01', value: 0.5 }
      ],
      62,
      22
    );
    // x: 2, 21.33, 40.67, 60; y: 0 → 20, 1 → 2, 0.5 → 11.
    expect(s.dots.map((d) => [Math.round(d.cx * 100) / 100, d.cy])).toEqual([[2, 20], [21.33, 2], [60, 11]]);
    expect(s.path.match(/M/g)).toHaveLength(2); // two pieces: Jan–Feb, then April alone
    expect(s.last).toMatchObject({ month: '2026-04-01', value: 0.5 });
  });
  it('draws nothing for no values', () => {
    expect(sparkline([{ month: '2026-01-01', value: null }], 60, 20)).toEqual({ path: '', dots: [], last: null });
  });
});

describe('upcomingGaps', () => {
  const row = (manager_name: string, calendar_ahead: boolean, booked_7: boolean, booked_14: boolean, overdue: boolean) => ({ manager: manager_name, manager_name, calendar_ahead, booked_7, booked_14, overdue });
  it('lists the pairs with nothing booked where the calendar is known, and every pair waiting past its plan', () => {
    const rows = [row('Ken', true, true, true, false), row('Ken', true, false, true, false), row('Ken', true, false, false, false), row('Dana', false, false, false, false), row('Dana', false, false, false, true)];
    const u = upcomingGaps(rows);
    expect(u.gaps).toEqual([rows[1], rows[2], rows[4]]);
    expect([u.unbooked7, u.unbooked14, u.overdue, u.noCalendar]).toEqual([2, 1, 1, ['Dana']]);
  });
});
