import { describe, it, expect } from 'vitest';
import { LIMITS, tooManyColumns, tooManyFiles } from './limits';

describe('limits', () => {
  it('takes a drop of up to maxFilesAtOnce files', () => {
    expect(tooManyFiles([])).toBeNull();
    expect(tooManyFiles(Array.from({ length: LIMITS.maxFilesAtOnce }, (_, i) => `f${i}.csv`))).toBeNull();
  });
  it('refuses a larger drop, naming the first files, the limit and the way past it', () => {
    const m = tooManyFiles(Array.from({ length: 62 }, (_, i) => `export_${i}.csv`));
    expect(m).toMatch(/^62 files at once \(“export_0\.csv”, “export_1\.csv”, “export_2\.csv” and 59 more\)/);
    expect(m).toContain(`at most ${LIMITS.maxFilesAtOnce}`);
    expect(m).toMatch(/none of them was loaded/);
    expect(m).toMatch(/batches of 50 or fewer/);
  });
  it('names the file, its width, the limit and the way past it for a wide file', () => {
    const m = tooManyColumns('wide.csv', 1234);
    expect(m).toMatch(/^“wide\.csv” has 1,234 columns; Cadence reads at most 1,000 per file/);
    expect(m).toMatch(/Export only the columns you need/);
    expect(tooManyColumns('wide.csv', 40000, true)).toMatch(/has at least 40,000 columns/);
  });
  it('keeps the record limit equal to the engine’s default', () => {
    expect(LIMITS.maxLineBytes).toBe(2_000_000);
  });
});
