/**
 * The words at the head of a drill-down: how many rows its mark counts and how they split, in the words the
 * mark uses ("215 touches: 79 meetings, 136 other touches (100 calls, 36 emails)").
 */
import { num, plural } from './format';

export interface SplitPart {
  /** The channel or status; null when the export did not say. */
  part: string | null;
  n: number;
}

const CHANNEL: Record<string, [string, string]> = {
  meeting: ['meeting', 'meetings'],
  call: ['call', 'calls'],
  email: ['email', 'emails'],
  async: ['async touch', 'async touches'],
  self_service: ['self-service touch', 'self-service touches']
};
const STATUS: Record<string, string> = { held: 'held', cancelled: 'cancelled', rescheduled: 'rescheduled', no_show: 'no-show', scheduled: 'scheduled' };

const sum = (parts: SplitPart[]) => parts.reduce((s, p) => s + p.n, 0);

/** Touches (an account's or a period's): the meetings first, then every other channel. */
function touches(split: SplitPart[]): string {
  const total = sum(split);
  if (!total) return 'No touches in the window';
  const meetings = split.find((p) => p.part === 'meeting')?.n ?? 0;
  const others = split.filter((p) => p.part !== 'meeting');
  const other = total - meetings;
  const parts = others.map((p) => (p.part !== null && CHANNEL[p.part] ? plural(p.n, ...CHANNEL[p.part]) : `${num(p.n)} ${p.part === null ? 'with no channel' : p.part}`));
  const head = `${plural(total, 'touch', 'touches')}: ${plural(meetings, 'meeting', 'meetings')}`;
  return other ? `${head}, ${plural(other, 'other touch', 'other touches')} (${parts.join(', ')})` : `${head}, no other touches`;
}

/** A pair's 1:1s, by status. */
function oneOnOnes(split: SplitPart[]): string {
  const total = sum(split);
  if (!total) return 'No 1:1s in the window';
  const parts = split.map((p) => `${num(p.n)} ${p.part === null ? 'with no status' : (STATUS[p.part] ?? p.part)}`);
  return `${plural(total, '1:1', '1:1s')}: ${parts.join(', ')}`;
}

/** Goals or outcomes, by their status as the export gives it ("12 goals: 5 on track, 4 at risk"). */
function byStatus(split: SplitPart[], one: string, many: string): string {
  const total = sum(split);
  if (!total) return `No ${many} behind this mark`;
  const parts = split.map((p) => `${num(p.n)} ${p.part === null ? 'with no status' : p.part.replaceAll('_', ' ')}`);
  return `${plural(total, one, many)}: ${parts.join(', ')}`;
}

export function drillSummary(by: 'channel' | 'status' | 'goals' | 'outcomes', split: SplitPart[]): { total: number; text: string } {
  const text = by === 'channel' ? touches(split) : by === 'status' ? oneOnOnes(split) : by === 'goals' ? byStatus(split, 'goal', 'goals') : byStatus(split, 'outcome', 'outcomes');
  return { total: sum(split), text };
}
