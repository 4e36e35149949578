/**
 * "This period against the previous period of the same length" for one share: the change in points, and
 * whether it went the good way for this figure (coverage up is good; a cancel rate up is not).
 */
export type Good = 'up' | 'down';
export interface Delta {
  /** Change in percentage points (shares 0…1 → points), null when either side has no value. */
  points: number | null;
  /** better, worse or same (within half a point, which reads as 0 pts), or null with no change to judge. */
  verdict: 'better' | 'worse' | 'same' | null;
  /** "+3 pts", "−2 pts", "±0 pts" or "—". */
  text: string;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function shareDelta(now: unknown, before: unknown, good: Good): Delta {
  if (!finite(now) || !finite(before)) return { points: null, verdict: null, text: '—' };
  const points = (now - before) * 100;
  const shown = Math.round(points);
  if (shown === 0) return { points, verdict: 'same', text: '±0 pts' };
  const up = shown > 0;
  return { points, verdict: up === (good === 'up') ? 'better' : 'worse', text: `${up ? '+' : '−'}${Math.abs(shown)} pts` };
}
