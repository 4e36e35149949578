import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasFigure, figure } from '$lib/metrics/registry';
import { columnFor, columnsFor } from './figureColumns';

const HERE = join(process.cwd(), 'src/lib/components');
/** The components that show figures: every view, and the rows behind a mark. */
const FILES = [...readdirSync(join(HERE, 'views')).filter((f) => f.endsWith('.svelte')).map((f) => join(HERE, 'views', f)), join(HERE, 'DrillDown.svelte')];

const quoted = (text: string) => [...text.matchAll(/'([^'\\]+)'/g)].map((m) => m[1]);

/** The figure ids a component names: in columnsFor([...]) lists (with the arrays they spread), in `[...].map(figure)`, and in calls that format or count one figure. */
function figureIds(source: string): string[] {
  const arrays = new Map([...source.matchAll(/const (\w+) = (\[[^\]]*\])/g)].map((m) => [m[1], m[2]]));
  const ids: string[] = [];
  for (const m of source.matchAll(/columnsFor(?:<\w+>)?\((\[[^\]]*\])/g)) {
    ids.push(...quoted(m[1]));
    for (const s of m[1].matchAll(/\.\.\.(\w+)/g)) ids.push(...quoted(arrays.get(s[1]) ?? `'missing array ${s[1]}'`));
  }
  for (const m of source.matchAll(/(\[[^\]]*\])\.map\(figure\)/g)) ids.push(...quoted(m[1]));
  for (const m of source.matchAll(/\b(?:countOf|formatFigure|figure|columnFor|f|n)\(\s*'([^']+)'/g)) ids.push(m[1]);
  return ids;
}

describe('every figure on the page has a registry entry', () => {
  const sources = FILES.map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('finds the figures the views name (the parser is not reading nothing)', () => {
    const all = new Set(sources.flatMap((s) => figureIds(s.text)));
    expect(all.size).toBeGreaterThan(60);
    for (const id of ['med_meetings', 'outcome_achieved', 'rho_next_n', 'week', 'month', 'career_90']) expect(all, id).toContain(id);
  });

  it('names no figure the registry lacks', () => {
    const missing = sources.flatMap(({ file, text }) => figureIds(text).filter((id) => !hasFigure(id)).map((id) => `${file.slice(HERE.length + 1)}: ${id}`));
    expect(missing).toEqual([]);
  });

  it('builds every table column from the registry, never by hand', () => {
    for (const { file, text } of sources) {
      expect(text, file).not.toMatch(/\{\s*key:\s*['"`]/);
      for (const m of text.matchAll(/<DataTable\b[^>]*?\bcolumns=\{([^}]*)\}/g)) {
        const expr = m[1].trim();
        const fromRegistry = /^columnsFor\b/.test(expr) || new RegExp(`\\b${expr}\\s*=\\s*(\\$derived\\(\\s*)?columnsFor\\b`).test(text);
        expect(fromRegistry, `${file}: columns={${expr}}`).toBe(true);
      }
    }
  });
});

describe('columnsFor', () => {
  it('gives each column its label, its definition as help, its alignment and its format', () => {
    const [account, meetings, gained] = columnsFor(['account', 'meetings', 'progress_gained']);
    expect(account).toMatchObject({ key: 'account', label: 'Account', align: 'left', help: figure('account').definition });
    expect(meetings).toMatchObject({ key: 'meetings', label: 'Meetings', align: 'right', help: figure('meetings').definition });
    expect(gained.format!(3.4, {})).toBe('+3 pts');
  });

  it('reads a figure’s column under its own id, and marks what the exports do not carry', () => {
    expect(columnFor('longest_wait')).toMatchObject({ key: 'days_since_held', label: 'Longest wait' });
    expect(columnFor('agenda_goals', { available: (f) => f.needs !== 'agenda' }).available).toBe(false);
    expect(columnFor('coverage', { available: (f) => f.needs !== 'agenda' }).available).toBe(true);
    expect(() => columnFor('missing_week')).toThrow(/term/);
  });
});
