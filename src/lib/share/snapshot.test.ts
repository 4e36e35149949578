import { describe, expect, it } from 'vitest';
import { parseManifest, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotError } from './snapshot';

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

describe('parseManifest', () => {
  it('accepts a manifest this version wrote', () => {
    expect(parseManifest(good()).files).toHaveLength(1);
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
