/**
 * A published folder read the way its page reads it: a generated export set published on native DuckDB in
 * monthly parts with small row groups, served over HTTP with byte ranges, and opened in the page's own engine
 * (DuckDB-WASM) with the parts left on the server. Each view's queries and each kind of drill-down, over
 * several windows and filters, must give what the same queries give once every row is in, while fetching only
 * some row groups, and opening must fetch no meeting row at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { query, useEngine } from '$lib/engine';
import { startNodeEngine } from '$lib/engine/node';
import { diskFile } from '$lib/engine/native';
import { detachPartitioned, ensureWhole, fetchedRows } from '$lib/engine/partitions';
import { drill, filterOptions, meetingsOutcomes, overview } from '$lib/metrics/queries';
import type { Filters } from '$lib/metrics/filters';
import type { DrillTarget } from '$lib/metrics/drill';
import { isPartitioned } from '$lib/layout/published';
import { buildSnapshot } from './build';
import { canon } from '$lib/testing/canon';
import { useNativeEngine } from './node';
import { parseManifest, restoreSnapshot, type SnapshotManifest } from './snapshot';
import { writeBenchSet } from '../../../scripts/bench-data.js';
import { writeData } from '../../../scripts/publish.js';
import { serve } from '../../../scripts/serve.js';

const work = mkdtempSync(join(tmpdir(), 'cadence-published-'));
const site = join(work, 'data');
const requests: { path: string; range: string | null; status: number; bytes: number }[] = [];
let server: Server;
let manifest: SnapshotManifest;
let asOf: string;
let firstDay: string;

beforeAll(async () => {
  const exportsDir = join(work, 'exports');
  await writeBenchSet(exportsDir, 20_000);
  const paths = readdirSync(exportsDir).filter((n) => n.endsWith('.csv')).sort().map((n) => join(exportsDir, n));
  const native = useNativeEngine({ inputs: paths });
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, String(v)), removeItem: (k: string) => void store.delete(k) } as Storage;
  try {
    const files = await Promise.all(paths.map((p) => diskFile(p, p.split('/').pop()!)));
    const { snapshot } = await buildSnapshot(files, 'published', { staging: false, rowGroupRows: 200 });
    writeData(site, snapshot!);
  } finally {
    await (await native()).terminate();
  }
  server = await serve({ root: work, port: 0, onRequest: (r: (typeof requests)[number]) => requests.push(r) });
  const { port } = server.address() as { port: number };
  useEngine(startNodeEngine);
  manifest = parseManifest(JSON.parse(readFileSync(join(site, 'manifest.json'), 'utf8')));
  await restoreSnapshot(manifest, async (name) => new Uint8Array(readFileSync(join(site, name))), (name) => `http://127.0.0.1:${port}/data/${name}`);
  const options = await filterOptions();
  asOf = options.asOf!;
  firstDay = options.firstDay!;
  // The account and the pair met most in the last quarter (read from the whole tables, not the parts).
  const [{ account }] = await query(`SELECT account FROM customer_months WHERE p >= DATE '2025-10-01' GROUP BY account ORDER BY sum(n) DESC, account LIMIT 1`);
  const [pair] = await query(`SELECT manager, csm FROM one_on_one_days WHERE d >= DATE '2025-10-06' GROUP BY ALL ORDER BY sum(n) DESC, manager, csm LIMIT 1`);
  drills.push({ type: 'account', account: String(account), label: '' }, { type: 'pair', manager: String(pair.manager), csm: String(pair.csm), label: '' });
}, 180_000);

afterAll(async () => {
  detachPartitioned();
  await new Promise((ok) => server?.close(ok));
  rmSync(work, { recursive: true, force: true });
});

const none = { managers: [], teams: [], csms: [], segments: [], kinds: [] };
const cases: { name: string; f: () => Filters }[] = [
  { name: '13 weeks to "as of"', f: () => ({ ...none, from: '2025-10-06', to: asOf }) },
  { name: 'a custom window from a Wednesday to a Thursday', f: () => ({ ...none, from: '2024-11-13', to: '2025-02-20' }) },
  { name: 'ten days inside one month', f: () => ({ ...none, from: '2025-03-05', to: '2025-03-14' }) },
  { name: 'one manager, customer meetings, 26 weeks', f: () => ({ ...none, managers: ['manager3@bench.example'], kinds: ['customer'], from: '2025-07-07', to: asOf }) }
];
const drills: DrillTarget[] = [
  { type: 'manager', manager: 'manager7@bench.example', label: '' },
  { type: 'period', start: '2024-12-09', grain: 'week', label: '' }
];


async function everyView() {
  const out: Record<string, unknown> = {};
  for (const c of cases) {
    const f = c.f();
    out[`${c.name}: meetings`] = canon(await meetingsOutcomes(f, 'week'));
    out[`${c.name}: by month`] = canon((await meetingsOutcomes(f, 'month')).weekly);
    out[`${c.name}: overview`] = canon(await overview(f, asOf, firstDay));
    for (const t of drills) out[`${c.name}: drill ${t.type}`] = canon(await drill(t, f));
  }
  return out;
}

describe('a published page reads its meetings in parts', () => {
  it('opens with no meeting and no fact fetched, and both tables empty', async () => {
    expect(manifest.tables.filter(isPartitioned).map((t) => t.name).sort()).toEqual(['meeting_facts', 'meetings']);
    expect(requests).toEqual([]);
    expect(await query('SELECT (SELECT count(*) FROM meetings)::INTEGER AS m, (SELECT count(*) FROM meeting_facts)::INTEGER AS f')).toEqual([{ m: 0, f: 0 }]);
  });

  let lazy: Record<string, unknown>;
  let fetched: ReturnType<typeof fetchedRows>;
  it('answers every view and drill-down, fetching only row groups by range', async () => {
    lazy = await everyView();
    fetched = fetchedRows();
    const total = (name: string) => manifest.tables.filter(isPartitioned).find((t) => t.name === name)!.partitions.reduce((n, p) => n + p.rows, 0);
    expect(fetched.meetings.rows).toBeGreaterThan(0);
    expect(fetched.meetings.rows).toBeLessThan(total('meetings') / 2);
    expect(fetched.meeting_facts.rows).toBeGreaterThan(0);
    expect(fetched.meeting_facts.rows).toBeLessThan(total('meeting_facts') / 2);
    const parts = requests.filter((r) => /\/data\/meeting(s|_facts)\//.test(r.path));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((r) => r.status === 206 && r.range !== null)).toBe(true);
  }, 120_000);

  it('gives exactly what the same queries give with every row in the engine', async () => {
    await ensureWhole('meetings');
    await ensureWhole('meeting_facts');
    expect(await query('SELECT (SELECT count(*) FROM meetings)::INTEGER AS m, (SELECT count(*) FROM meeting_facts)::INTEGER AS f')).toEqual([{ m: 20_000, f: 20_000 }]);
    const whole = await everyView();
    expect(Object.keys(whole).length).toBe(cases.length * (3 + drills.length));
    for (const k of Object.keys(whole)) expect.soft(lazy[k], k).toEqual(whole[k]);
    // And the drill-downs listed rows: the comparison is not of empty results.
    expect((whole['13 weeks to "as of": drill account'] as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    expect((whole['13 weeks to "as of": drill pair'] as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  }, 120_000);
});
