import { describe, expect, it } from 'vitest';
import { shareDelta } from './delta';
import { sparkline } from './sparkline';
import { upcomingGaps } from './upcoming';
import { observations } from './brief';

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

describe('observations of a coaching brief', () => {
  const me = { active_weeks: 91, held_weeks: 45, within_weeks: 89, due: 50, cancelled: 2, rescheduled: 1, agenda_known: 14, career_held: 2, coverage: 45 / 91, cancel_rate: 0.04, reschedule_rate: 0.02, agenda_career: 2 / 14 };
  const all = { active_weeks: 468, held_weeks: 390, within_weeks: 434, due: 420, cancelled: 38, rescheduled: 4, agenda_known: 380, career_held: 96 };
  const before = { coverage: 0.5, cancel_rate: 0.2, reschedule_rate: 0.02, agenda_career: 2 / 14 };
  it('says each in plain words with its numbers, and where its rows are', () => {
    const o = observations(me, all, before, [
      { csm_name: 'Liam', calendar_ahead: true, booked_7: false, overdue: false },
      { csm_name: 'Noah', calendar_ahead: true, booked_7: true, overdue: true }
    ]);
    expect(o.map((x) => [x.id, x.target])).toEqual([['career', 'brief-agenda'], ['cancel', 'brief-pairs'], ['coverage', 'brief-grid'], ['change', 'brief-figures'], ['upcoming', 'brief-upcoming']]);
    expect(o[0].text).toBe('Career development came up in 2 of 14 held 1:1s (14%); across all managers, 96 of 380 (25%).');
    expect(o[1].text).toBe('2 of 50 1:1s due were cancelled (4%) and 1 rescheduled; across all managers 9% were cancelled.');
    expect(o[2].text).toBe('A 1:1 was held in 45 of 91 report-weeks (49%; 98% within plan); across all managers 83%.');
    // The largest move: the cancel rate, 20% → 4% (−16 pts, better), beats coverage (−1 pt).
    expect(o[3].text).toBe('The cancel rate fell from 20% to 4% against the previous period of the same length (better).');
    expect(o[4].text).toBe('No 1:1 is booked in the next 7 days with Liam.');
  });
  it('says nothing it has no numbers for', () => {
    expect(observations(null, all, null, [])).toEqual([]);
    const o = observations({ ...me, agenda_known: 0 }, all, null, [{ csm_name: 'Ana', calendar_ahead: false, booked_7: false, overdue: true }]);
    expect(o.map((x) => x.id)).toEqual(['cancel', 'coverage', 'upcoming']);
    expect(o[2].text).toBe('Ana has waited longer than the plan since the last held 1:1.');
  });
});
