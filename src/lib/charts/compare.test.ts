import { describe, it, expect } from 'vitest';
import { compareRows } from './compare';

const ana = { manager: 'ana@x', manager_name: 'Ana', pairs: 1, coverage: 0.75, cancel_rate: 0.25, reschedule_rate: 0, median_gap: 14, days_since_held: 0, agenda_career: 1 / 3, career_90_share: 1, prepared_share: null };
const cal = { manager: 'cal@x', manager_name: 'Cal', pairs: 1, coverage: 0.5, cancel_rate: 0, reschedule_rate: 0, median_gap: 14, days_since_held: 7, agenda_career: 0, career_90_share: 0, prepared_share: null };
const team = { pairs: 3, coverage: 2 / 3, cancel_rate: 0.1, reschedule_rate: 0.1, median_gap: 14, days_since_held: 7, agenda_career: 0.125, career_90_share: 1 / 3, prepared_share: null };

describe('managers side by side', () => {
  it('sets each manager beside the team average, shares as points from it, good or bad by the figure', () => {
    const rows = compareRows([ana, cal], team, { planned: false, hasAgenda: false, hasPrepared: false });
    expect(rows.map((r) => r.id)).toEqual(['pairs', 'coverage', 'cancel_rate', 'reschedule_rate', 'median_gap', 'longest_wait']);
    const coverage = rows.find((r) => r.id === 'coverage')!;
    expect(coverage.cells.map((c) => [c.text, c.vsTeam?.text, c.vsTeam?.verdict])).toEqual([
      ['75%', '+8 pts', 'better'],
      ['50%', '−17 pts', 'worse']
    ]);
    expect(coverage.team.text).toBe('67%');
    // A cancel rate above the team's is the bad side.
    expect(rows.find((r) => r.id === 'cancel_rate')!.cells.map((c) => [c.vsTeam?.text, c.vsTeam?.verdict])).toEqual([['+15 pts', 'worse'], ['−10 pts', 'better']]);
    // Days are compared as they are, with no verdict.
    const wait = rows.find((r) => r.id === 'longest_wait')!;
    expect([wait.cells.map((c) => [c.text, c.vsTeam]), wait.team.text]).toEqual([[['0 d', null], ['7 d', null]], '7 d']);
  });
  it('adds the plan and the agenda figures only where they apply', () => {
    const ids = compareRows([ana], team, { planned: true, hasAgenda: true, hasPrepared: true }).map((r) => r.id);
    expect(ids).toContain('plan_coverage');
    expect(ids).toContain('career_90_share');
    expect(ids).toContain('prepared_share');
    expect(compareRows([ana], team, { planned: true, hasAgenda: false, hasPrepared: false }).find((r) => r.id === 'coverage')!.label).toBe('Coverage (weekly)');
  });
});
