import { describe, expect, it } from 'vitest';
import { drillSummary } from './drillSummary';
import { plural } from './format';

describe('drill summary', () => {
  it('says how a period’s touches split, meetings first, in the mark’s words', () => {
    const s = drillSummary('channel', [
      { part: 'email', n: 100 },
      { part: 'meeting', n: 79 },
      { part: 'call', n: 30 },
      { part: 'async', n: 5 },
      { part: null, n: 1 }
    ]);
    expect(s).toEqual({ total: 215, text: '215 touches: 79 meetings, 136 other touches (100 emails, 30 calls, 5 async touches, 1 with no channel)' });
  });
  it('uses the singular for one', () => {
    expect(drillSummary('channel', [{ part: 'meeting', n: 1 }]).text).toBe('1 touch: 1 meeting, no other touches');
    expect(drillSummary('channel', [{ part: 'call', n: 1 }]).text).toBe('1 touch: 0 meetings, 1 other touch (1 call)');
    expect(plural(1, 'meeting', 'meetings')).toBe('1 meeting');
    expect(plural(1200, 'meeting', 'meetings')).toBe('1,200 meetings');
  });
  it('splits a pair’s 1:1s by status', () => {
    expect(drillSummary('status', [{ part: 'held', n: 6 }, { part: 'cancelled', n: 2 }, { part: 'no_show', n: 1 }]).text).toBe('9 1:1s: 6 held, 2 cancelled, 1 no-show');
  });
  it('says when there is nothing', () => {
    expect(drillSummary('channel', [])).toEqual({ total: 0, text: 'No touches in the window' });
    expect(drillSummary('status', []).text).toBe('No 1:1s in the window');
  });
  it('splits goals and outcomes by their status, in words', () => {
    expect(drillSummary('goals', [{ part: 'on_track', n: 5 }, { part: 'at_risk', n: 4 }, { part: null, n: 1 }]).text).toBe('10 goals: 5 on track, 4 at risk, 1 with no status');
    expect(drillSummary('outcomes', [{ part: 'achieved', n: 1 }])).toEqual({ total: 1, text: '1 outcome: 1 achieved' });
    expect(drillSummary('outcomes', []).text).toBe('No outcomes behind this mark');
  });
});
