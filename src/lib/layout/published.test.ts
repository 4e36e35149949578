import { describe, expect, it } from 'vitest';
import { compareUtf8, partitionedProblem, pickRowGroups, safeDataFile, type PartitionedTable, type RowGroupStats } from './published';

const group = (rows: number, lo: [string, string, string], hi: [string, string, string]): RowGroupStats => ({
  rows,
  min: { start_at: lo[0], account: lo[1], manager: lo[2] },
  max: { start_at: hi[0], account: hi[1], manager: hi[2] }
});

/** Two months of meetings; March in three row groups sorted by account, the last one all 1:1s (no account). */
const table: PartitionedTable = {
  name: 'meetings',
  columns: [
    { name: 'start_at', type: 'TIMESTAMP' },
    { name: 'account', type: 'VARCHAR' },
    { name: 'manager', type: 'VARCHAR' }
  ],
  dateColumn: 'start_at',
  sortedBy: ['account', 'start_at'],
  partitions: [
    { key: '2026-02', parquet: 'meetings/2026-02.parquet', rows: 10, bytes: 1, rowGroups: [group(10, ['2026-02-02 09:00:00', 'Acme', 'ana'], ['2026-02-27 16:00:00', 'Zeta', 'ben'])] },
    {
      key: '2026-03',
      parquet: 'meetings/2026-03.parquet',
      rows: 40,
      bytes: 1,
      rowGroups: [
        group(10, ['2026-03-02 09:00:00', 'Acme', 'ana'], ['2026-03-31 16:00:00', 'Globex', 'ben']),
        group(10, ['2026-03-02 09:00:00', 'Globex', 'ana'], ['2026-03-13 16:00:00', 'Zeta', 'ben']),
        { rows: 10, min: { start_at: '2026-03-20 09:00:00', account: null, manager: 'ana' }, max: { start_at: '2026-03-27 09:00:00', account: null, manager: 'cy' } },
        // 1:1s: no account at all, so no account's drill-down needs them.
        { rows: 10, min: { start_at: '2026-03-02 09:00:00', account: null, manager: 'ana' }, max: { start_at: '2026-03-30 09:00:00', account: null, manager: 'cy' }, allNull: ['account'] }
      ]
    },
    { key: 'undated', parquet: 'meetings/undated.parquet', rows: 2, bytes: 1, rowGroups: [{ rows: 2, min: { start_at: null, account: 'Acme', manager: null }, max: { start_at: null, account: 'Acme', manager: null } }] }
  ]
};

const picked = (need: Parameters<typeof pickRowGroups>[1]) => pickRowGroups(table, need).map((p) => `${p.partition.key}:${p.rowGroups.join(',')}`);

describe('the row groups a need fetches', () => {
  it('takes the months of the window and, in them, the groups whose dates meet it', () => {
    expect(picked({ table: 'meetings', from: '2026-02-20', to: '2026-03-31' })).toEqual(['2026-02:0', '2026-03:0,1,2,3']);
    expect(picked({ table: 'meetings', from: '2026-03-16', to: '2026-03-22' })).toEqual(['2026-03:0,2,3']);
    expect(picked({ table: 'meetings', from: '2026-04-01', to: '2026-04-30' })).toEqual([]);
    expect(picked({ table: 'meetings', from: '2026-03-10', to: '2026-03-01' })).toEqual([]);
  });

  it('takes only the groups whose range may hold the account, the manager or both (never one with no account for an account)', () => {
    expect(picked({ table: 'meetings', from: '2026-02-01', to: '2026-03-31', equals: { account: 'Globex' } })).toEqual(['2026-02:0', '2026-03:0,1,2']);
    expect(picked({ table: 'meetings', from: '2026-03-01', to: '2026-03-31', equals: { account: 'Initech' } })).toEqual(['2026-03:1,2']);
    expect(picked({ table: 'meetings', from: '2026-03-01', to: '2026-03-31', equals: { manager: 'cy' } })).toEqual(['2026-03:2,3']);
    expect(picked({ table: 'meetings', from: '2026-03-01', to: '2026-03-31', equals: { account: 'Zeta', manager: 'cy' } })).toEqual(['2026-03:2']);
  });

  it('never takes rows with no date (no window holds them)', () => {
    expect(picked({ table: 'meetings', from: '0001-01-01', to: '9999-12-31', equals: { account: 'Acme' } })).toEqual(['2026-02:0', '2026-03:0,2']);
    expect(picked({ table: 'meetings', from: '0001-01-01', to: '9999-12-31' })).toEqual(['2026-02:0', '2026-03:0,1,2,3']);
  });
});

describe('strings in DuckDB order', () => {
  it('compares by UTF-8 bytes, so a character past the surrogates sorts after an emoji as DuckDB sorts it', () => {
    expect(compareUtf8('a', 'b')).toBeLessThan(0);
    expect(compareUtf8('ab', 'a')).toBeGreaterThan(0);
    expect(compareUtf8('Z', 'a')).toBeLessThan(0);
    // U+FF21 (Ａ) is above U+1F986 (🦆) in UTF-16 units, below it in UTF-8 bytes.
    expect('Ａ' > '🦆').toBe(true);
    expect(compareUtf8('Ａ', '🦆')).toBeLessThan(0);
  });
});

describe('a manifest’s partitioned table is checked before it is trusted', () => {
  it('accepts the table above', () => expect(partitionedProblem(table)).toBeNull());
  it.each([
    ['a table that is not read in parts', { ...table, name: 'goals' }, /cannot be read in parts/],
    ['a date column it does not have', { ...table, dateColumn: 'd' }, /no date column/],
    ['a part outside its folder', { ...table, partitions: [{ ...table.partitions[0], parquet: '../x/2026-02.parquet' }] }, /outside its folder/],
    ['a part under another name', { ...table, partitions: [{ ...table.partitions[0], parquet: 'meetings/2026-03.parquet' }] }, /outside its folder/],
    ['row groups that do not add up', { ...table, partitions: [{ ...table.partitions[0], rows: 11 }] }, /row groups wrongly/],
    ['a list of empty columns that is not one', { ...table, partitions: [{ ...table.partitions[0], rowGroups: [{ ...table.partitions[0].rowGroups[0], allNull: 'account' }] }] }, /row groups wrongly/],
    ['statistics that are not text', { ...table, partitions: [{ ...table.partitions[0], rowGroups: [{ rows: 10, min: { account: 1 }, max: {} }] }] }, /row groups wrongly/]
  ])('refuses %s', (_, t, message) => expect(partitionedProblem(t as PartitionedTable)).toMatch(message));

  it('allows data files in the folder or one month of a table, nothing else', () => {
    expect(safeDataFile('table_goals.parquet')).toBe(true);
    expect(safeDataFile('meetings/2026-03.parquet')).toBe(false);
    expect(safeDataFile('meetings/2026-03.parquet', true)).toBe(true);
    expect(safeDataFile('meetings/undated.parquet', true)).toBe(true);
    expect(safeDataFile('meetings/../secret.parquet', true)).toBe(false);
    expect(safeDataFile('https://x.example/a.parquet', true)).toBe(false);
  });
});
