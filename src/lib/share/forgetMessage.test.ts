import { describe, it, expect } from 'vitest';
import { forgetMessage } from './forgetMessage';

const base = { files: 0, bytes: 0, mappings: 0, keywords: false, alsoMappings: false, shown: 'demo' as const };

describe('forgetMessage', () => {
  it('says nothing was kept rather than "0 files removed"', () => {
    expect(forgetMessage(base)).toBe('No files were kept on this device. Showing the demo.');
  });
  it('names the files and their size, in the singular for one', () => {
    expect(forgetMessage({ ...base, files: 1, bytes: 2048 })).toBe('Removed from this browser: 1 file (2.0 KB). Showing the demo.');
    expect(forgetMessage({ ...base, files: 2, bytes: 10 })).toMatch(/^Removed from this browser: 2 files \(10 bytes\)\./);
  });
  it('says mappings were kept when the box was not ticked, and removed when it was', () => {
    expect(forgetMessage({ ...base, mappings: 1 })).toBe('No files were kept on this device. 1 remembered mapping kept (tick “Also forget remembered mappings” to remove it). Showing the demo.');
    expect(forgetMessage({ ...base, mappings: 3, keywords: true, alsoMappings: true })).toBe('No files were kept on this device. 3 remembered mappings and your agenda keywords removed. Showing the demo.');
    expect(forgetMessage({ ...base, keywords: true, alsoMappings: true })).toContain('Your agenda keywords removed.');
  });
  it('claims no mapping was removed when none was remembered, ticked or not', () => {
    expect(forgetMessage({ ...base, alsoMappings: true })).not.toMatch(/mapping/);
  });
  it('says what the page shows now', () => {
    expect(forgetMessage({ ...base, shown: 'published' })).toMatch(/Showing the data this dashboard was published with\.$/);
  });
});
