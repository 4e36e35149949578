/**
 * Managers side by side: for each figure of the managers table, every picked manager's value, its distance
 * from the team average (in points for shares, coloured by whether that is the good side) and the team
 * average itself (registry: team_average).
 */
import { shareDelta, type Delta, type Good } from './delta';
import { figure, formatFigure } from '$lib/metrics/registry';
import type { Row } from '$lib/engine/values';

export interface CompareCell {
  manager: string;
  value: unknown;
  text: string;
  /** Against the team average; null for a figure that is not a share. */
  vsTeam: Delta | null;
}
export interface CompareRow {
  id: string;
  label: string;
  definition: string;
  cells: CompareCell[];
  team: { value: unknown; text: string };
}

/** The figures compared, in the managers table's order, with the side that is good for shares. */
const FIGURES: { id: string; good?: Good; show?: 'planned' | 'agenda' | 'prepared' }[] = [
  { id: 'pairs' },
  { id: 'coverage', good: 'up' },
  { id: 'plan_coverage', good: 'up', show: 'planned' },
  { id: 'cancel_rate', good: 'down' },
  { id: 'reschedule_rate', good: 'down' },
  { id: 'median_gap' },
  { id: 'longest_wait' },
  { id: 'agenda_goals', good: 'up', show: 'agenda' },
  { id: 'agenda_bottlenecks', good: 'up', show: 'agenda' },
  { id: 'agenda_customers', good: 'up', show: 'agenda' },
  { id: 'agenda_coaching', good: 'up', show: 'agenda' },
  { id: 'agenda_career', good: 'up', show: 'agenda' },
  { id: 'career_90_share', good: 'up', show: 'agenda' },
  { id: 'prepared_share', good: 'up', show: 'prepared' }
];

export function compareRows(managers: Row[], team: Row | null, opts: { planned: boolean; hasAgenda: boolean; hasPrepared: boolean }): CompareRow[] {
  const shown = FIGURES.filter((x) => (x.show === 'planned' ? opts.planned : x.show === 'agenda' ? opts.hasAgenda : x.show === 'prepared' ? opts.hasPrepared : true));
  return shown.map(({ id, good }) => {
    const f = figure(id);
    const col = f.column ?? id;
    const teamValue = team?.[col] ?? null;
    return {
      id,
      label: id === 'coverage' && opts.planned ? 'Coverage (weekly)' : f.label,
      definition: f.definition,
      cells: managers.map((m) => ({ manager: String(m.manager), value: m[col] ?? null, text: formatFigure(id, m[col] ?? null, m), vsTeam: good ? shareDelta(m[col], teamValue, good) : null })),
      team: { value: teamValue, text: formatFigure(id, teamValue, team ?? {}) }
    };
  });
}
