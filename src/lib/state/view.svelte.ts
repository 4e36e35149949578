/**
 * What the user is looking at: the view (tab) and the filters every view applies. Filter changes are kept
 * in a history so a click on a mark can be undone.
 */
import type { Filters } from '$lib/metrics/filters';
import type { DrillTarget } from '$lib/metrics/drill';
import { sameFilters, type FilterKey, type ViewStep } from './undoStep';
import type { TouchModel } from '$lib/overview/touchModel';
import { loadTouchModel, saveTouchModel } from './touchModelStore';
import type { CadencePlan } from '$lib/metrics/cadencePlan';
import { savedPlans, savePlans } from './savedPlans';

export type Tab = 'overview' | 'meetings' | 'oneonone' | 'goals' | 'outcomes' | 'data';
export type WindowPreset = '4w' | '13w' | '26w' | '52w' | 'all' | 'custom';

export interface FilterState {
  preset: WindowPreset;
  from: string | null; // custom window only
  to: string | null;
  managers: string[];
  teams: string[];
  csms: string[];
  segments: string[];
  kinds: string[];
}

export const DEFAULT_FILTERS: FilterState = { preset: '13w', from: null, to: null, managers: [], teams: [], csms: [], segments: [], kinds: [] };

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
export function mondayOf(isoDate: string): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  return iso(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY);
}

/** The window a preset means, ending at the data's "as of" date and starting on a Monday. */
export function windowOf(f: FilterState, asOf: string, firstDay: string): { from: string; to: string } {
  if (f.preset === 'custom' && f.from && f.to) return { from: f.from, to: f.to };
  if (f.preset === 'all') return { from: mondayOf(firstDay), to: asOf };
  const weeks = { '4w': 4, '13w': 13, '26w': 26, '52w': 52, custom: 13 }[f.preset];
  return { from: iso(Date.parse(`${mondayOf(asOf)}T00:00:00Z`) - (weeks - 1) * 7 * DAY), to: asOf };
}

export function toFilters(f: FilterState, asOf: string, firstDay: string): Filters {
  return { ...windowOf(f, asOf, firstDay), managers: f.managers, teams: f.teams, csms: f.csms, segments: f.segments, kinds: f.kinds };
}

export interface SharedState {
  tab: Tab;
  filters: FilterState;
  grain: 'week' | 'month';
  drill: DrillTarget | null;
  /** Expected touches per account and month by segment (empty: no model; a link without one keeps the device's). */
  touchModel: TouchModel;
  /** Expected cadences set by a coach (empty: weekly, the standard, unless the device remembers plans). */
  plans: CadencePlan[];
  /** The manager whose coaching brief is open, if any. */
  brief: string | null;
}

export class ViewState {
  tab = $state<Tab>('overview');
  filters = $state<FilterState>({ ...DEFAULT_FILTERS });
  /** Time grain of the volume-and-progress chart. */
  grain = $state<'week' | 'month'>('week');
  /** The mark whose rows are shown below the view, if any. */
  drill = $state<DrillTarget | null>(null);
  /** Expected touches per account and month by segment: remembered on this device, carried in the link. */
  touchModel = $state<TouchModel>(loadTouchModel());
  /** Expected cadences (none: weekly, the standard); start from the ones this device remembers. */
  plans = $state<CadencePlan[]>(savedPlans());
  /** The manager whose coaching brief is open (on the 1:1 tab), if any. */
  brief = $state<string | null>(null);
  /** Earlier steps, each with the drill-down open then: Undo puts both back, so no panel outlives its state. */
  #history = $state<ViewStep[]>([]);

  readonly canUndo = $derived(this.#history.length > 0);
  /** The step Undo goes back to (its filters and drill-down), for the button to say what it will do. */
  readonly undoTo = $derived<ViewStep | null>(this.#history.at(-1) ?? null);

  /** The state now, as a step of the history. */
  current(): ViewStep {
    return $state.snapshot({ filters: this.filters, drill: this.drill }) as ViewStep;
  }

  setFilters(change: Partial<FilterState>): void {
    const next = { ...this.filters, ...change };
    if (sameFilters(next, this.filters)) return; // nothing changes: no step to undo
    this.#history = [...this.#history.slice(-49), this.current()];
    this.filters = next;
  }

  /**
   * Filter by a clicked mark: alone, it replaces the filter's values (and toggles off when it is the only one
   * already); with `add` (a shift- or ctrl-click), it joins the values picked, or leaves them if among them.
   */
  focus(key: FilterKey, value: string, add = false): void {
    const now = this.filters[key];
    if (add) this.setFilters({ [key]: now.includes(value) ? now.filter((v) => v !== value) : [...now, value] });
    else this.setFilters({ [key]: now.length === 1 && now[0] === value ? [] : [value] });
  }

  /** Set the touch model (and remember it on this device). */
  setTouchModel(model: TouchModel): void {
    this.touchModel = { ...model };
    saveTouchModel(this.touchModel);
  }

  /** Set the expected cadences (a coach's choice: remembered on this device). */
  setPlans(plans: CadencePlan[]): void {
    this.plans = plans;
    savePlans(plans);
  }

  /**
   * Take over a view read from a link (not an undoable change). A link's touch model replaces the device's;
   * a link without one keeps the model this device remembers, and a link without plans keeps the device's.
   */
  apply(v: SharedState): void {
    this.tab = v.tab;
    this.filters = { ...v.filters };
    this.grain = v.grain;
    this.drill = v.drill;
    if (v.touchModel && Object.keys(v.touchModel).length) this.setTouchModel(v.touchModel);
    this.plans = v.plans.length ? [...v.plans] : savedPlans();
    this.brief = v.brief;
  }

  /** What a link carries. */
  shared(): SharedState {
    return $state.snapshot({ tab: this.tab, filters: this.filters, grain: this.grain, drill: this.drill, touchModel: this.touchModel, plans: this.plans, brief: this.brief }) as SharedState;
  }

  undo(): void {
    const prev = this.#history.at(-1);
    if (!prev) return;
    this.#history = this.#history.slice(0, -1);
    this.filters = prev.filters;
    // A drill-down opened after that step belongs to the state undone: it closes (or the one open then returns).
    this.drill = prev.drill;
  }
}
