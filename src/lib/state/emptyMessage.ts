/**
 * What an empty table or chart says: the real cause (the filters in force, or a window narrower than the
 * data) and the way out, never "widen the window" when the window is already all the data.
 */
import { activeFilters, windowName, type FilterKey } from './undoStep';
import type { FilterState } from './view.svelte';

export function emptyMessage(what: string, f: FilterState, labelOf?: (key: FilterKey, value: string) => string): string {
  const filters = activeFilters(f, labelOf);
  const all = f.preset === 'all';
  const span = all ? 'in all the data' : f.preset === 'custom' ? `from ${windowName(f)}` : `in the last ${windowName(f)}`;
  if (filters.length) {
    const clear = filters.length === 1 ? `Clear the ${filters[0].split(':')[0].toLowerCase()} filter` : 'Clear a filter';
    return `No ${what} for ${filters.join(', ')} ${span}. ${clear}${all ? '' : ' or widen the window'} to see more.`;
  }
  return all ? `No ${what} in the loaded data.` : `No ${what} ${span}. Widen the window (All data) to see more.`;
}
