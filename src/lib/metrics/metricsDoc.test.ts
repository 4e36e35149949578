import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURES } from './registry';
import { BEGIN, END, figuresSection, withFigures } from './metricsDoc';

const PATH = join(process.cwd(), 'docs/METRICS.md');

describe('docs/METRICS.md', () => {
  it('holds the figures section the registry generates (npm run docs:metrics writes it)', () => {
    const doc = readFileSync(PATH, 'utf8');
    if (process.env.UPDATE_METRICS_DOC === '1') writeFileSync(PATH, withFigures(doc));
    expect(readFileSync(PATH, 'utf8')).toBe(withFigures(doc));
  });

  it('lists every figure with its definition, and keeps the prose written by hand', () => {
    const doc = readFileSync(PATH, 'utf8');
    for (const f of FIGURES) expect(doc, f.id).toContain(f.definition.replace(/\.$/, '').replaceAll('|', '\\|'));
    expect(doc).toContain('## 1:1 consistency (meetings of kind `one_on_one`)');
    expect(doc).toMatch(/A report who left before the last 90 days .* has no value for \*career\s+development in the last 90 days\* and is left out of the manager.s share of it\./);
  });

  it('replaces only what lies between its markers', () => {
    const doc = `# T\n\nprose\n\n${BEGIN}\nold\n${END}\n\nafter\n`;
    expect(withFigures(doc)).toBe(`# T\n\nprose\n\n${figuresSection()}\n\nafter\n`);
    expect(withFigures('# T\n')).toBe(`# T\n\n${figuresSection()}\n`);
  });
});
