import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableToRows } from './values';
import { openNodeBindings } from './node';
import { diskFile, startNativeEngine, type NativeEngine } from './native';

const dir = mkdtempSync(join(tmpdir(), 'cadence-native-'));
const allowed = join(dir, 'allowed.csv');
const other = join(dir, 'other.csv');
writeFileSync(allowed, 'a,b\n1,x\n');
writeFileSync(other, 'secret\n42\n');

let engine: NativeEngine;
beforeAll(async () => {
  engine = await startNativeEngine({ inputs: [allowed] });
});
afterAll(async () => {
  await engine.terminate();
  rmSync(dir, { recursive: true, force: true });
});

async function nativeRows(sql: string) {
  const conn = await engine.connect();
  try {
    return tableToRows(await conn.query(sql));
  } finally {
    await conn.close();
  }
}

describe('native engine results', () => {
  it('convert to the same plain values as the page engine, type by type', async () => {
    const sql = `SELECT 1::TINYINT t, 2::SMALLINT s, 3::INTEGER i, 9007199254740993::BIGINT big, 4::UINTEGER ui, 5::UBIGINT ub,
      sum(x)::HUGEINT h, 12345678901234567890::HUGEINT hh, 1.50::DECIMAL(5,2) d, -0.05::DECIMAL(4,2) dn, 1.5::FLOAT f, 2.25::DOUBLE dbl,
      TRUE b, 'ü 🦆' v, NULL::VARCHAR nv, DATE '1969-12-31' AS day, TIMESTAMP '2025-01-31 23:59:59.123' ts,
      TIMESTAMP '1900-01-01 00:00:00' AS early, TIME '12:30:00' AS tm, count(*) n, avg(x) a
      FROM (VALUES (1), (2)) v(x)`;
    const wasm = await openNodeBindings();
    const conn = wasm.connect();
    const expected = tableToRows(conn.query(sql));
    conn.close();
    expect(await nativeRows(sql)).toEqual(expected);
    expect(expected[0]).toMatchObject({ big: '9007199254740993', d: '1.50', dn: '-0.05', day: '1969-12-31', ts: '2025-01-31T23:59:59.123Z' });
  });
});

describe('native engine lockdown', () => {
  it('reads an export it was started with, by the path registering it answers', async () => {
    const name = await engine.registerFileHandle('upload_1.csv', await diskFile(allowed, 'allowed.csv'), 2, true);
    expect(name).toBe(allowed);
    expect(await nativeRows(`SELECT * FROM read_csv('${name}', all_varchar = true)`)).toEqual([{ a: '1', b: 'x' }]);
  });

  it('reads bytes it was given from its own scratch folder, and removes them when dropped', async () => {
    const name = (await engine.registerFileBuffer('upload_2.csv', new TextEncoder().encode('c\n7\n'))) as unknown as string;
    expect(await nativeRows(`SELECT * FROM read_csv('${name}', all_varchar = true)`)).toEqual([{ c: '7' }]);
    await engine.dropFile(name);
    await expect(nativeRows(`SELECT * FROM read_csv('${name}')`)).rejects.toThrow();
  });

  it.each([
    ['a file beside an allowed one', `SELECT * FROM read_csv('${other}')`],
    ['a system file', `SELECT * FROM read_text('/etc/hostname')`],
    ['a path climbing out of an allowed folder', `SELECT * FROM read_csv('${dir}/../${dir.split('/').pop()}/other.csv')`],
    ['the network', `SELECT * FROM read_csv('https://example.com/x.csv')`],
    ['writing outside its folders', `COPY (SELECT 1) TO '${join(dir, 'out.csv')}'`],
    ['an extension', `INSTALL httpfs`],
    ['undoing the lockdown', `SET enable_external_access = true`]
  ])('refuses %s', async (_what, sql) => {
    await expect(nativeRows(sql)).rejects.toThrow(/Permission|disabled|locked|not allowed/i);
  });
});
