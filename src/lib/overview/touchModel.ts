/**
 * Touch rates against each segment's model (docs/METRICS.md, "Touch model"): the user sets how many touches
 * an account of each AX segment should get per month; accounts served well above or below it are listed,
 * and each segment's monthly rate stands beside its model. Plain arithmetic over the account rows.
 */
import type { Row } from '$lib/engine/values';
import { periodDays, type Period } from '$lib/metrics/previousPeriod';

/** Expected touches per account and month, by segment (a segment without one has no model). */
export type TouchModel = Record<string, number>;

/** Served well above the model: at least this many times its touches; well below: at most its inverse. */
export const MODEL_FACTOR = 2;
/** The most touches a month a model may ask for (more is a typing slip). */
export const MAX_RATE = 1000;
const MONTH_DAYS = 365.25 / 12;

/** A model as typed or read from a link or the device: positive finite rates up to MAX_RATE, others dropped. */
export function cleanModel(raw: unknown): TouchModel {
  const out: TouchModel = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [seg, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= MAX_RATE && !seg.includes('\0')) out[seg] = v;
  }
  return out;
}

/** The window's length in months (days ÷ 30.44), so a rate per month compares with any window. */
export const windowMonths = (p: Period) => periodDays(p) / MONTH_DAYS;

/**
 * The accounts whose touches in the window are at least MODEL_FACTOR × (or at most 1 ÷ MODEL_FACTOR of)
 * what their segment's model calls for over the window, the furthest from it first.
 */
export function servedAgainstModel(accounts: Row[], model: TouchModel, window: Period): Row[] {
  const months = windowMonths(window);
  const out: Row[] = [];
  for (const a of accounts) {
    const rate = model[String(a.segment ?? '(no segment)')];
    if (!rate) continue;
    const expected = rate * months;
    const touches = typeof a.touches === 'number' ? a.touches : 0;
    const ratio = touches / expected;
    if (ratio >= MODEL_FACTOR || ratio <= 1 / MODEL_FACTOR)
      out.push({ account: a.account, segment: a.segment, csm_name: a.csm_name, arr: a.arr ?? null, touches, expected_touches: expected, model_ratio: ratio, served: ratio >= MODEL_FACTOR ? 'above' : 'below', progress_gained: a.progress_gained ?? null });
  }
  return out.sort((x, y) => Math.abs(Math.log(Math.max(Number(y.model_ratio), 1e-9))) - Math.abs(Math.log(Math.max(Number(x.model_ratio), 1e-9))) || String(x.account).localeCompare(String(y.account)));
}
