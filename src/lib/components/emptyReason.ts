/**
 * How an empty table or chart learns why it is empty: the dashboard provides one function (it knows the
 * filters and their labels), every table and chart under it asks it, so all say the same true cause.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('empty-reason');
export type EmptyReason = (what: string) => string;

export function provideEmptyReason(reason: EmptyReason): void {
  setContext(KEY, reason);
}

/** The reason for an empty result of `what` ("rows", "1:1s"); a plain sentence outside a dashboard. */
export function emptyReason(): EmptyReason {
  return getContext<EmptyReason | undefined>(KEY) ?? ((what) => `No ${what} for these filters.`);
}
