import { describe, expect, it } from 'vitest';
import { exportFilename, slug } from './download';

describe('export file names', () => {
  it('names the file after what it shows', () => {
    expect(exportFilename('Goals per owner', 'csv')).toBe('cadence-goals-per-owner.csv');
    expect(exportFilename('High touch, low progress accounts', 'csv')).toBe('cadence-high-touch-low-progress-accounts.csv');
    expect(exportFilename('1:1s of every pair, every week', 'png')).toBe('cadence-1-1s-of-every-pair-every-week.png');
  });

  it('drops path separators, control and reserved characters', () => {
    expect(exportFilename('../../etc/passwd', 'csv')).toBe('cadence-etc-passwd.csv');
    expect(exportFilename('C:\\Users\\x\u0000y\r\n<>:"|?*', 'svg')).toBe('cadence-c-users-x-y.svg');
    expect(exportFilename('a\u202Egnp.exe', 'csv')).toBe('cadence-a-gnp-exe.csv');
    expect(exportFilename('', 'csv')).toBe('cadence-export.csv');
    expect(exportFilename('///', '../csv')).toBe('cadence-export.csv');
  });

  it('keeps letters of any script and stays short', () => {
    expect(slug('Zoë Müller – Tech touch')).toBe('zoë-müller-tech-touch');
    expect(slug('営業 チーム')).toBe('営業-チーム');
    const long = slug('x '.repeat(200));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('-')).toBe(false);
    expect(exportFilename('y'.repeat(500), 'parquet').length).toBeLessThanOrEqual(80);
  });
});
