import { describe, expect, it } from 'vitest';
import { isSealed, parseManifest, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotError } from './snapshot';

const good = () => ({
  format: SNAPSHOT_FORMAT,
  version: SNAPSHOT_VERSION,
  kind: 'published',
  created: '2026-01-01T00:00:00.000Z',
  files: [{ report: {}, model: {}, parquet: 'raw_1_people.parquet', bytes: 10, columns: [{ name: 'Name', type: 'VARCHAR' }] }],
  tables: [{ name: 'meetings', parquet: 'table_meetings.parquet', bytes: 10, columns: [{ name: 'tags', type: 'VARCHAR[]' }, { name: 'x', type: 'DECIMAL(18,3)' }] }],
  agendaWords: {},
  result: {}
});

/** A manifest with the meetings in monthly parts and no staging tables (a sealed publish). */
const parted = () => ({
  ...good(),
  files: [{ ...good().files[0], parquet: undefined }],
  tables: [
    {
      name: 'meetings',
      columns: [{ name: 'start_at', type: 'TIMESTAMP' }, { name: 'account', type: 'VARCHAR' }],
      dateColumn: 'start_at',
      sortedBy: ['account', 'start_at'],
      partitions: [{ key: '2026-03', parquet: 'meetings/2026-03.parquet', rows: 3, bytes: 10, rowGroups: [{ rows: 3, min: { account: 'A' }, max: { account: 'B' } }] }]
    }
  ]
});

describe('parseManifest', () => {
  it('accepts a manifest this version wrote', () => {
    expect(parseManifest(good()).files).toHaveLength(1);
  });

  it('accepts a table in monthly parts and files without their staging table, and calls that data sealed', () => {
    const m = parseManifest(parted());
    expect(m.tables).toHaveLength(1);
    expect(isSealed(m)).toBe(true);
    expect(isSealed(parseManifest(good()))).toBe(false);
  });

  it.each([
    ['a part outside its folder', (m: ReturnType<typeof parted>) => (m.tables[0].partitions[0].parquet = 'meetings/../../etc.parquet'), /outside its folder/],
    ['a part by URL', (m: ReturnType<typeof parted>) => (m.tables[0].partitions[0].parquet = 'https://x.example/meetings/2026-03.parquet'), /outside its folder/],
    ['row groups that do not add up', (m: ReturnType<typeof parted>) => (m.tables[0].partitions[0].rows = 4), /row groups wrongly/],
    ['goals in parts', (m: ReturnType<typeof parted>) => (m.tables[0].name = 'goals'), /cannot be read in parts/]
  ])('refuses %s', (_, spoil, message) => {
    const m = parted();
    spoil(m);
    expect(() => parseManifest(m)).toThrow(message);
  });

  it.each([
    ['not a manifest', null, /not a Cadence data manifest/],
    ['another format', { ...good(), format: 'x' }, /not a Cadence data manifest/],
    ['a later version', { ...good(), version: SNAPSHOT_VERSION + 1 }, new RegExp(`version ${SNAPSHOT_VERSION + 1}.*Publish the data again`)],
    ['missing parts', { ...good(), result: undefined }, /incomplete/],
    ['a path outside its folder', { ...good(), tables: [{ ...good().tables[0], parquet: '../secret.parquet' }] }, /outside its folder/],
    ['a URL for a file', { ...good(), files: [{ ...good().files[0], parquet: 'https://x.example/a.parquet' }] }, /outside its folder/],
    ['a table the views never read', { ...good(), tables: [{ ...good().tables[0], name: 'person_alias; DROP TABLE meetings' }] }, /unknown table/],
    ['SQL in a column type', { ...good(), tables: [{ ...good().tables[0], columns: [{ name: 'x', type: "VARCHAR); SELECT 'x'" }] }] }, /columns wrongly/]
  ])('refuses %s', (_, manifest, message) => {
    expect(() => parseManifest(manifest)).toThrow(SnapshotError);
    expect(() => parseManifest(manifest)).toThrow(message);
  });
});
