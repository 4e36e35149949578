/**
 * What an exported chart must say about itself, since it travels without the page: the window, the filters
 * and the data's "as of" date, as lines under its title. The dashboard provides them (Svelte context), every
 * export menu reads them at the moment of the click.
 */

/** The key the dashboard puts its context under, and export menus read it from. */
export const EXPORT_CONTEXT = Symbol('export context');

export interface ContextInput {
  from: string;
  to: string;
  /** The data's last date ("as of"). */
  asOf: string | null;
  /** Filters in force, by name: [["Manager", ["Marcus Ong"]], …]; empty lists are left out. */
  filters: [string, string[]][];
}

export function contextLines(c: ContextInput): string[] {
  const active = c.filters.filter(([, values]) => values.length);
  return [
    `Window ${c.from} → ${c.to}${c.asOf ? ` · data as of ${c.asOf}` : ''}`,
    active.length ? `Filters: ${active.map(([name, values]) => `${name} ${values.join(', ')}`).join(' · ')}` : 'Filters: none (every manager, team, CSM, segment and meeting kind)'
  ];
}

/** Lines of at most `max` characters, broken at spaces (a word longer than a line is cut). */
export function wrapText(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w; ) {
      const room = line ? max - line.length - 1 : max;
      if (w.length <= room) {
        line = line ? `${line} ${w}` : w;
        w = '';
      } else if (line) {
        out.push(line);
        line = '';
      } else {
        out.push(w.slice(0, max));
        w = w.slice(max);
      }
    }
  }
  if (line) out.push(line);
  return out;
}
