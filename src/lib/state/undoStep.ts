/**
 * What one Undo does, in words: the filters it puts back and the drill-down it closes or reopens, so the
 * button says "Undo: window → 52 weeks" instead of a bare "Undo".
 */
import type { DrillTarget } from '$lib/metrics/drill';
import type { FilterState, WindowPreset } from './view.svelte';

/** One step of the history: the filters and the drill-down open at the time. */
export interface ViewStep {
  filters: FilterState;
  drill: DrillTarget | null;
}

export type FilterKey = 'managers' | 'teams' | 'csms' | 'segments' | 'kinds';
export const FILTER_KEYS: FilterKey[] = ['managers', 'teams', 'csms', 'segments', 'kinds'];
const FILTER_NAMES: Record<FilterKey, [one: string, several: string]> = {
  managers: ['manager', 'managers'],
  teams: ['team', 'teams'],
  csms: ['CSM', 'CSMs'],
  segments: ['segment', 'segments'],
  kinds: ['meeting kind', 'meeting kinds']
};
/** A filter's name for its values: "manager" for one (or all), "managers" for several. */
const nameFor = (k: FilterKey, values: string[]) => FILTER_NAMES[k][values.length > 1 ? 1 : 0];
const WINDOW_NAMES: Record<WindowPreset, string> = { '4w': '4 weeks', '13w': '13 weeks', '26w': '26 weeks', '52w': '52 weeks', all: 'all data', custom: 'custom' };

export function windowName(f: FilterState): string {
  return f.preset === 'custom' && f.from && f.to ? `${f.from} to ${f.to}` : WINDOW_NAMES[f.preset];
}

const sameWindow = (a: FilterState, b: FilterState) => a.preset === b.preset && (a.preset !== 'custom' || (a.from === b.from && a.to === b.to));
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export function sameFilters(a: FilterState, b: FilterState): boolean {
  return sameWindow(a, b) && FILTER_KEYS.every((k) => sameList(a[k], b[k]));
}

/** The filters going back from `now` to `to`, each as "name → values" ("manager → all", "managers → Ana, Ben"). */
export function filterChanges(now: FilterState, to: FilterState, labelOf: (key: FilterKey, value: string) => string = (_k, v) => v): string[] {
  const out: string[] = [];
  if (!sameWindow(now, to)) out.push(`window → ${windowName(to)}`);
  for (const k of FILTER_KEYS) {
    if (!sameList(now[k], to[k])) out.push(`${nameFor(k, to[k])} → ${to[k].length ? to[k].map((v) => labelOf(k, v)).join(', ') : 'all'}`);
  }
  return out;
}

/** The filters in force, each as "Name: value" ("Team: leadership", "Managers: Ana + Ben"); the window apart. */
export function activeFilters(f: FilterState, labelOf: (key: FilterKey, value: string) => string = (_k, v) => v): string[] {
  return FILTER_KEYS.filter((k) => f[k].length).map((k) => `${capital(nameFor(k, f[k]))}: ${f[k].map((v) => labelOf(k, v)).join(' + ')}`);
}
const capital = (s: string) => (s.startsWith('CSM') ? s : s.charAt(0).toUpperCase() + s.slice(1));

/** The Undo button's words for going back from `now` to `to`. */
export function undoLabel(now: ViewStep, to: ViewStep, labelOf?: (key: FilterKey, value: string) => string): string {
  const parts = filterChanges(now.filters, to.filters, labelOf);
  const drill =
    now.drill && !to.drill
      ? `close “${now.drill.label}”`
      : to.drill && to.drill.label !== now.drill?.label
        ? `reopen “${to.drill.label}”`
        : null;
  if (drill) parts.push(drill);
  return parts.length ? `Undo: ${parts.join(', ')}` : 'Undo';
}
