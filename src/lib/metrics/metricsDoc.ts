/**
 * The figures section of docs/METRICS.md, written from the registry so the document and the page say the
 * same. The prose above it is written by hand; only the part between the markers is generated.
 */
import { FIGURES, type Figure, type View } from './registry';

export const BEGIN = '<!-- figures:begin (generated from src/lib/metrics/registry.ts: run `npm run docs:metrics`) -->';
export const END = '<!-- figures:end -->';

const VIEW_TITLES: Record<View, string> = {
  overview: 'Overview',
  meetings: 'Meetings vs outcomes',
  oneonone: '1:1 consistency',
  goals: 'Goals',
  outcomes: 'Outcomes',
  drill: 'The rows behind a mark'
};

const cell = (s: string) => s.replaceAll('|', '\\|');
const reads = (f: Figure) => (f.column === null ? '—' : `\`${f.column}\` of ${f.sources.map((s) => `\`${s}\``).join(', ')}`);
const label = (f: Figure) => (f.count && f.count[0] !== f.count[1] ? `${f.label} (1 ${f.count[0]}, 2 ${f.count[1]})` : f.label);

export function figuresSection(): string {
  const out = [
    BEGIN,
    '## Figures',
    'Every figure on the page, as the views, their “How these numbers are computed” panels and the CSV headers',
    'name and define it. *Reads* is the column of the metric query result (`src/lib/metrics/queries.ts`) it shows.'
  ];
  for (const view of Object.keys(VIEW_TITLES) as View[]) {
    const here = FIGURES.filter((f) => f.views[0] === view);
    const figures = here.filter((f) => !f.dimension);
    const names = here.filter((f) => f.dimension);
    out.push('', `### ${VIEW_TITLES[view]}`);
    if (figures.length) {
      out.push('', '| Figure | Definition | Unit | n counts | Reads |', '|---|---|---|---|---|');
      for (const f of figures) out.push(`| ${cell(label(f))} | ${cell(f.definition)} | ${f.unit} | ${f.n ? cell(f.n) : '—'} | ${reads(f)} |`);
    }
    if (names.length) out.push('', `Rows are named by: ${names.map((f) => `**${f.label}** (${cell(f.definition.replace(/\.$/, ''))}; ${reads(f)})`).join('; ')}.`);
  }
  out.push(END);
  return out.join('\n');
}

/** The document with its figures section replaced (or added at its end). */
export function withFigures(doc: string): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start === -1 || end === -1) return `${doc.trimEnd()}\n\n${figuresSection()}\n`;
  return `${doc.slice(0, start)}${figuresSection()}${doc.slice(end + END.length)}`;
}
