/**
 * The plain-words observations of a coaching brief, derived from the manager's numbers and every manager's
 * (the same totals query for both), each pointing at the part of the brief whose rows it counts.
 */
import { pct } from '$lib/format';
import { shareDelta } from './delta';

type Totals = Record<string, unknown>;
export interface Observation {
  id: 'career' | 'cancel' | 'coverage' | 'change' | 'upcoming';
  text: string;
  /** The section of the brief with the rows behind it. */
  target: string;
}

const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
const share = (a: unknown, b: unknown) => (n(b) > 0 ? n(a) / n(b) : null);
const of = (a: unknown, b: unknown, noun: string) => `${n(a)} of ${n(b)} ${noun}`;
const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

const CHANGES: { col: string; words: string; good: 'up' | 'down' }[] = [
  { col: 'coverage', words: 'Weekly coverage', good: 'up' },
  { col: 'cancel_rate', words: 'The cancel rate', good: 'down' },
  { col: 'reschedule_rate', words: 'The reschedule rate', good: 'down' },
  { col: 'agenda_career', words: 'Career development’s share of held 1:1s', good: 'up' }
];

export function observations(
  me: Totals | null,
  all: Totals | null,
  before: Totals | null,
  upcoming: readonly { csm_name: unknown; calendar_ahead: unknown; booked_7: unknown; overdue: unknown }[]
): Observation[] {
  if (!me || !all) return [];
  const out: Observation[] = [];
  if (n(me.agenda_known) > 0)
    out.push({
      id: 'career',
      target: 'brief-agenda',
      text: `Career development came up in ${of(me.career_held, me.agenda_known, 'held 1:1s')} (${pct(share(me.career_held, me.agenda_known))}); across all managers, ${of(all.career_held, all.agenda_known, '')}(${pct(share(all.career_held, all.agenda_known))}).`.replace(' (', ' (').replace(/ {2,}/g, ' ')
    });
  if (n(me.due) > 0)
    out.push({
      id: 'cancel',
      target: 'brief-pairs',
      text: `${of(me.cancelled, me.due, '1:1s due')} were cancelled (${pct(share(me.cancelled, me.due))}) and ${n(me.rescheduled)} rescheduled; across all managers ${pct(share(all.cancelled, all.due))} were cancelled.`
    });
  if (n(me.active_weeks) > 0) {
    const planned = n(me.within_weeks) !== n(me.held_weeks);
    out.push({
      id: 'coverage',
      target: 'brief-grid',
      text: `A 1:1 was held in ${of(me.held_weeks, me.active_weeks, 'report-weeks')} (${pct(share(me.held_weeks, me.active_weeks))}${planned ? `; ${pct(share(me.within_weeks, me.active_weeks))} within plan` : ''}); across all managers ${pct(share(all.held_weeks, all.active_weeks))}.`
    });
  }
  if (before) {
    const moves = CHANGES.map((c) => ({ ...c, d: shareDelta(me[c.col], before[c.col], c.good) })).filter((c) => c.d.points !== null && c.d.verdict !== 'same');
    const big = moves.sort((a, b) => Math.abs(b.d.points!) - Math.abs(a.d.points!))[0];
    if (big)
      out.push({
        id: 'change',
        target: 'brief-figures',
        text: `${big.words} ${big.d.points! > 0 ? 'rose' : 'fell'} from ${pct(before[big.col])} to ${pct(me[big.col])} against the previous period of the same length (${big.d.verdict === 'better' ? 'better' : 'worse'}).`
      });
  }
  const unbooked = upcoming.filter((u) => u.calendar_ahead === true && u.booked_7 !== true).map((u) => String(u.csm_name));
  const waiting = upcoming.filter((u) => u.overdue === true).map((u) => String(u.csm_name));
  if (unbooked.length) out.push({ id: 'upcoming', target: 'brief-upcoming', text: `No 1:1 is booked in the next 7 days with ${list(unbooked)}.` });
  else if (waiting.length) out.push({ id: 'upcoming', target: 'brief-upcoming', text: `${list(waiting)} ${waiting.length === 1 ? 'has' : 'have'} waited longer than the plan since the last held 1:1.` });
  return out.slice(0, 5);
}
