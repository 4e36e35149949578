#!/usr/bin/env node
/**
 * Reading Parquet row groups by HTTP range request, in the browser's way: parquet-wasm (Arrow's Rust Parquet in
 * WebAssembly) against hyparquet (plain JS, with hyparquet-compressors for ZSTD). Native DuckDB writes one
 * month of a large meetings table (~420k rows, zstd, 16,384-row groups, sorted by kind, account, manager, csm,
 * start_at, then source_row so the bytes are the same on every run; a 1:1's account is NULL) into a temp folder; a tiny node:http server serves it with Range support and counts requests and
 * bytes. Per reader: opening (footer), the row groups of one account (chosen from the row groups' min/max of
 * `account`), one whole row group, and the step to the reader's usable output (parquet-wasm: Arrow IPC for
 * DuckDB-WASM; hyparquet: JS objects, plus Arrow IPC through flechette for comparison). Median of 5 after one
 * warm-up; a fresh open each repetition, nothing cached between phases.
 *
 *   node scripts/bench-range.js        (prints a Markdown table, removes its temp folder; BENCH_VERBOSE=1 adds each
 *                                       repetition's times on stderr)
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NM = join(ROOT, 'node_modules');
const ROWS = 420_000;
const ROW_GROUP = 16_384;
const REPS = 5;
let entries = 0; // bundle entry files written

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);
const ms = (n) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const gz = (b) => gzipSync(b).length;

// ---------------------------------------------------------------------------------------------------------
// Data: one month of meetings, written by native DuckDB.
const tmp = mkdtempSync(join(tmpdir(), 'bench-range-'));
const file = join(tmp, 'part.parquet');
let server;
try {
  const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await inst.connect();
  const one = async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
  // hash() of the row number drives every choice, so the file is the same on every run.
  await conn.run(`CREATE TABLE m AS
    WITH base AS (
      SELECT i, hash(i) AS h, hash(i + ${ROWS}) AS g,
        CASE WHEN hash(i) % 10 = 0 THEN 'one_on_one' ELSE 'customer' END AS kind
      FROM range(${ROWS}) r(i)
    ), k AS (
      SELECT *, (g % 3000)::INTEGER AS a, (g % 200)::INTEGER AS c FROM base
    )
    SELECT
      TIMESTAMP '2025-03-01 07:00' + to_minutes(((h >> 8) % (31 * 24 * 60))::BIGINT) AS start_at,
      CASE WHEN kind = 'one_on_one' THEN '1:1 ' || 'csm' || c || ' / manager' || (c % 10)
           ELSE ['QBR', 'Check-in', 'Onboarding call', 'Renewal review', 'Escalation', 'Training'][1 + ((h >> 16) % 6)::INTEGER]
                || ' - Account ' || a END AS title,
      kind,
      ['held', 'held', 'held', 'cancelled', 'no_show', 'rescheduled', 'scheduled'][1 + ((h >> 20) % 7)::INTEGER] AS status,
      ['zoom', 'google_meet', 'teams', 'phone', 'in_person'][1 + ((h >> 24) % 5)::INTEGER] AS channel,
      CASE WHEN kind = 'customer' THEN 'Account ' || a END AS account, -- a 1:1 is about no account
      'manager' || (c % 10) || '@example.com' AS manager,
      'csm' || c || '@example.com' AS csm,
      ['Discussed adoption of the reporting module, follow-up in ', 'Reviewed open support tickets and escalation path, item ',
       'Walked through renewal terms and pricing options, quote ', 'Agreed success plan milestones for next quarter, step ',
       'Training session for new admins, attendance count '][1 + ((h >> 28) % 5)::INTEGER] || ((h >> 32) % 1000) AS notes,
      ['gong_export_2025-03.csv', 'google_calendar_2025-03.csv', 'salesforce_events_2025-03.csv'][1 + ((h >> 36) % 3)::INTEGER] AS source_file,
      (i + 2)::BIGINT AS source_row
    FROM k`);
  await conn.run(`COPY (SELECT * FROM m ORDER BY kind, account, manager, csm, start_at, source_row)
    TO '${file}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP})`);
  const groups = await one(`SELECT row_group_id::INTEGER AS rg, row_group_num_rows::INTEGER AS n,
      stats_min_value AS lo, stats_max_value AS hi
    FROM parquet_metadata('${file}') WHERE path_in_schema = 'account' ORDER BY rg`);
  // The middle account of the sorted distinct accounts, and the row groups whose min/max could hold it.
  const [{ account }] = await one(`SELECT account FROM (SELECT DISTINCT account FROM m WHERE account IS NOT NULL)
    ORDER BY account LIMIT 1 OFFSET 1500`);
  const [{ accountRows }] = await one(`SELECT count(*)::INTEGER AS accountRows FROM m WHERE account = '${account}'`);
  const [{ kinds }] = await one(`SELECT string_agg(kind || ' ' || n, ', ') AS kinds FROM
    (SELECT kind, count(*) AS n FROM m GROUP BY ALL ORDER BY kind)`);
  conn.closeSync();
  inst.closeSync();
  const accountGroups = groups.filter((g) => g.lo <= account && account <= g.hi).map((g) => g.rg);
  const starts = groups.reduce((acc, g) => (acc.push(acc[acc.length - 1] + g.n), acc), [0]);
  const wholeGroup = Math.floor(groups.length / 3); // a full row group away from the account's
  const bytes = readFileSync(file);

  // -------------------------------------------------------------------------------------------------------
  // A static server with Range support that counts what it sends.
  let log = [];
  server = createServer((req, res) => {
    const size = bytes.length;
    const entry = { method: req.method, range: req.headers.range ?? null, sent: 0 };
    log.push(entry);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Content-Type', 'application/octet-stream');
    if (req.method === 'HEAD') {
      res.setHeader('Content-Length', size);
      return res.end();
    }
    if (req.method !== 'GET') return res.writeHead(405).end();
    const m = entry.range && /^bytes=(\d*)-(\d*)$/.exec(entry.range.trim());
    if (entry.range && !m) {
      // Multiple ranges or garbage: not supported by this server.
      res.writeHead(416, { 'Content-Range': `bytes */${size}` });
      return res.end();
    }
    let start = 0;
    let end = size - 1;
    if (m) {
      if (m[1] === '' && m[2] !== '') start = Math.max(0, size - Number(m[2]));
      else {
        start = Number(m[1]);
        if (m[2] !== '') end = Math.min(size - 1, Number(m[2]));
      }
      if (start > end || start >= size) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` });
        return res.end();
      }
    }
    const body = bytes.subarray(start, end + 1);
    entry.sent = body.length;
    res.setHeader('Content-Length', body.length);
    if (m) res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${size}` });
    else res.writeHead(200);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/part.parquet`;

  /** Runs `fn`, returning its result with wall time and the traffic it caused. */
  async function measure(fn) {
    log = [];
    const t0 = performance.now();
    const value = await fn();
    const t = performance.now() - t0;
    const reqs = log;
    log = [];
    return { value, t, bytes: reqs.reduce((s, r) => s + r.sent, 0), requests: reqs.length, log: reqs };
  }

  // -------------------------------------------------------------------------------------------------------
  // Readers.
  const pwDir = join(NM, 'parquet-wasm/esm');
  const pw = await import(join(pwDir, 'parquet_wasm.js'));
  const wasmBytes = readFileSync(join(pwDir, 'parquet_wasm_bg.wasm'));
  let t0 = performance.now();
  await pw.default({ module_or_path: wasmBytes });
  const pwInit = performance.now() - t0;

  t0 = performance.now();
  // The browser entry (src/index.js), as a bundler would pick it; the package's Node entry only adds file helpers.
  const hp = await import(join(NM, 'hyparquet/src/index.js'));
  const { compressors } = await import(join(NM, 'hyparquet-compressors/src/index.js'));
  const hpInit = performance.now() - t0;
  const { tableFromArrays, tableFromIPC, tableToIPC, timestamp, int64, utf8, TimeUnit } = await import('@uwdata/flechette');

  const columnNames = ['start_at', 'title', 'kind', 'status', 'channel', 'account', 'manager', 'csm', 'notes', 'source_file', 'source_row'];
  const arrowTypes = Object.fromEntries(columnNames.map((c) => [c, utf8()]));
  arrowTypes.start_at = timestamp(TimeUnit.MILLISECOND);
  arrowTypes.source_row = int64();
  /** hyparquet's objects as Arrow IPC (what DuckDB-WASM's insertArrowFromIPCStream takes), through flechette. */
  const objectsToIPC = (rows) =>
    tableToIPC(tableFromArrays(Object.fromEntries(columnNames.map((c) => [c, rows.map((r) => r[c])])), { types: arrowTypes }), { format: 'stream' });
  const memoryBuffer = { byteLength: bytes.length, slice: (s, e) => bytes.buffer.slice(bytes.byteOffset + s, bytes.byteOffset + (e ?? bytes.length)) };

  const tableRows = (t) => t.recordBatches().reduce((n, b) => (n += b.numRows, b.free(), n), 0);
  const rgRange = (ids) => ({ rowStart: starts[Math.min(...ids)], rowEnd: starts[Math.max(...ids) + 1] });
  /** hyparquet reads one row range per call: one call per run of adjacent row groups, in parallel. */
  const runs = (ids) => ids.reduce((acc, id) => {
    const last = acc[acc.length - 1];
    if (last && last[last.length - 1] === id - 1) last.push(id);
    else acc.push([id]);
    return acc;
  }, []);

  const readers = {
    'parquet-wasm 0.8.0': {
      async rep() {
        const open = await measure(() => pw.ParquetFile.fromUrl(url));
        const f = open.value;
        const acct = await measure(() => f.read({ rowGroups: accountGroups }));
        const acctRows = tableRows(acct.value);
        const acctIPC = acct.value.intoIPCStream();
        const accountCol = tableFromIPC(acctIPC).getChild('account').toArray();
        const acctMatches = accountCol.filter((a) => a === account).length;
        const whole = await measure(() => f.read({ rowGroups: [wholeGroup] }));
        const wholeRows = tableRows(whole.value);
        let t = performance.now();
        const ipc = whole.value.intoIPCStream();
        const toOutput = performance.now() - t;
        t = performance.now();
        const mem = pw.readParquet(bytes, { rowGroups: [wholeGroup] });
        const decode = performance.now() - t;
        mem.free();
        f.free();
        return { open, acct, acctRows, acctMatches, whole, wholeRows, toOutput, outputBytes: ipc.length, decode, toArrow: toOutput };
      }
    },
    [`hyparquet ${pkgVersion('hyparquet')}`]: {
      async rep() {
        const open = await measure(async () => {
          const file = await hp.asyncBufferFromUrl({ url });
          return { file, metadata: await hp.parquetMetadataAsync(file) };
        });
        const { file, metadata } = open.value;
        // The same with the footer guess cut from 512 KiB to 64 KiB (parquetMetadataAsync's initialFetchSize).
        const open64 = await measure(async () => hp.parquetMetadataAsync(await hp.asyncBufferFromUrl({ url }), { initialFetchSize: 1 << 16 }));
        const read = async (ids) => (await Promise.all(runs(ids).map((run) => hp.parquetReadObjects({ file, metadata, compressors, ...rgRange(run) })))).flat();
        const acct = await measure(() => read(accountGroups));
        const filtered = await measure(() => hp.parquetReadObjects({ file, metadata, compressors, filter: { account: { $eq: account } } }));
        const whole = await measure(() => read([wholeGroup]));
        let t = performance.now();
        const rows = await hp.parquetReadObjects({ file: memoryBuffer, metadata, compressors, ...rgRange([wholeGroup]) });
        const decode = performance.now() - t;
        t = performance.now();
        const ipc = objectsToIPC(rows);
        const toArrow = performance.now() - t;
        return { open, open64, acct, acctRows: acct.value.length, acctMatches: acct.value.filter((r) => r.account === account).length, filtered, whole, wholeRows: whole.value.length, toOutput: decode, outputBytes: null, decode, toArrow, ipcBytes: ipc.length };
      }
    }
  };

  const results = {};
  for (const [name, r] of Object.entries(readers)) {
    await r.rep(); // warm-up (JIT, connection pool)
    const reps = [];
    for (let i = 0; i < REPS; i++) reps.push(await r.rep());
    results[name] = reps;
    // BENCH_VERBOSE=1: every repetition's times on stderr, to see the spread behind the medians.
    if (process.env.BENCH_VERBOSE) {
      const ts = (f) => reps.map((x) => f(x)?.toFixed(1)).join(' ');
      console.error(`${name}: open ${ts((x) => x.open.t)} | acct ${ts((x) => x.acct.t)} | whole ${ts((x) => x.whole.t)} | output ${ts((x) => x.toOutput)} | decode ${ts((x) => x.decode)} | arrow ${ts((x) => x.toArrow)}`);
    }
  }
  server.close();
  server = null;

  // -------------------------------------------------------------------------------------------------------
  // What a browser loads for each reader.
  const pwFiles = ['parquet_wasm.js', 'parquet_wasm_bg.wasm'].map((f) => join(pwDir, f));
  const hpFiles = moduleGraph([join(NM, 'hyparquet/src/index.js'), join(NM, 'hyparquet-compressors/src/index.js')]);
  const sizeOf = (files) => files.reduce((s, f) => s + statSync(f).size, 0);
  const gzOf = (files) => files.reduce((s, f) => s + gz(readFileSync(f)), 0);
  const pwMin = await minified(`export * from ${JSON.stringify(join(pwDir, 'parquet_wasm.js'))}; export { default } from ${JSON.stringify(join(pwDir, 'parquet_wasm.js'))};`);
  const hpMin = await minified(
    `export { asyncBufferFromUrl, parquetMetadataAsync, parquetReadObjects } from ${JSON.stringify(join(NM, 'hyparquet/src/index.js'))};\n` +
      `export { compressors } from ${JSON.stringify(join(NM, 'hyparquet-compressors/src/index.js'))};`
  );
  // What the page would need for DuckDB's zstd files alone: fzstd instead of all of hyparquet-compressors.
  const hpZstd = await minified(
    `export { asyncBufferFromUrl, parquetMetadataAsync, parquetReadObjects } from ${JSON.stringify(join(NM, 'hyparquet/src/index.js'))};\n` +
      `export { decompress } from ${JSON.stringify(join(NM, 'fzstd/esm/index.mjs'))};`
  );

  // -------------------------------------------------------------------------------------------------------
  // Report.
  const names = Object.keys(results);
  const [PW, HP] = names;
  const med = (name, f) => median(results[name].map(f));
  const traffic = (name, key) => {
    const r = results[name];
    return `${ms(median(r.map((x) => x[key].t)))} · ${kb(median(r.map((x) => x[key].bytes)))} · ${median(r.map((x) => x[key].requests))} req`;
  };
  const wasmSize = statSync(pwFiles[1]).size;
  const rowsFig = (name, key) => med(name, (x) => x[key]).toLocaleString('en-US');
  const rows = [
    ['Reader code a browser loads (raw / gzip)',
      `${kb(sizeOf(pwFiles))} / ${kb(gzOf(pwFiles))} (.js + ${kb(wasmSize)} .wasm)`,
      `${kb(sizeOf(hpFiles))} / ${kb(gzOf(hpFiles))} (${hpFiles.length} ES modules, unbundled)`],
    ['Same, minified bundle of the used API (raw / gzip)',
      pwMin ? `${kb(pwMin.raw + wasmSize)} / ${kb(pwMin.gz + gz(readFileSync(pwFiles[1])))}` : 'n/a',
      hpMin ? `${kb(hpMin.raw)} / ${kb(hpMin.gz)}${hpZstd ? ` (ZSTD only, fzstd instead of hyparquet-compressors: ${kb(hpZstd.raw)} / ${kb(hpZstd.gz)})` : ''}` : 'n/a'],
    ['Init in Node (wasm compile + instantiate / module import), once', ms(pwInit), ms(hpInit)],
    ['(a) Open: footer + metadata (time · bytes · requests)', traffic(PW, 'open'), traffic(HP, 'open')],
    ['(a′) hyparquet open with `initialFetchSize: 65536`', '—', traffic(HP, 'open64')],
    [`(b) Account's row group(s) ${accountGroups.join(', ')} → reader output (time · bytes · requests)`, traffic(PW, 'acct'), traffic(HP, 'acct')],
    ['(b) rows returned (of which the account\'s)', `${rowsFig(PW, 'acctRows')} (${rowsFig(PW, 'acctMatches')})`, `${rowsFig(HP, 'acctRows')} (${rowsFig(HP, 'acctMatches')})`],
    ['(b′) hyparquet `filter: {account: {$eq}}` (prunes by stats, returns only the account\'s rows)', '—',
      `${traffic(HP, 'filtered')} · ${med(HP, (x) => x.filtered.value.length).toLocaleString('en-US')} rows`],
    [`(c) One whole row group (#${wholeGroup}) → reader output (time · bytes · requests)`, traffic(PW, 'whole'), traffic(HP, 'whole')],
    ['(c) rows returned', rowsFig(PW, 'wholeRows'), rowsFig(HP, 'wholeRows')],
    ['(d) Output step for (c): parquet-wasm Table → Arrow IPC; hyparquet decode → JS objects (from memory, no network)',
      `${ms(med(PW, (x) => x.toOutput))} (${kb(med(PW, (x) => x.outputBytes))} IPC)`, ms(med(HP, (x) => x.toOutput))],
    ['Decode only, (c)\'s row group from memory → wasm Arrow table / JS objects', ms(med(PW, (x) => x.decode)), ms(med(HP, (x) => x.decode))],
    ['(c)\'s row group → Arrow IPC for DuckDB-WASM, after decode (hyparquet: objects → flechette `tableToIPC`)',
      ms(med(PW, (x) => x.toArrow)), `${ms(med(HP, (x) => x.toArrow))} (${kb(med(HP, (x) => x.ipcBytes))} IPC)`]
  ];
  const out = [];
  out.push(`File: ${ROWS.toLocaleString('en-US')} rows (${kinds}), ${groups.length} row groups of ≤ ${ROW_GROUP.toLocaleString('en-US')}, zstd, ${kb(bytes.length)}; ` +
    `account '${account}' (${accountRows} rows) in row group(s) ${accountGroups.join(', ')} by min/max of \`account\`; ` +
    `row group(s) ${groups.filter((g) => g.lo == null).map((g) => g.rg).join(', ') || 'none'} hold only 1:1s (account NULL, so no min/max). ` +
    `Median of ${REPS} after 1 warm-up; Node ${process.version}, server on 127.0.0.1 (no network latency).`);
  out.push('');
  out.push(`| Figure | ${PW} | ${HP} |`);
  out.push('|---|---|---|');
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  out.push('');
  out.push('Requests of the last repetition (method, Range header → bytes sent):');
  out.push('');
  for (const name of names) {
    const last = results[name][REPS - 1];
    for (const key of ['open', 'open64', 'acct', 'filtered', 'whole']) {
      if (!last[key]) continue;
      const list = last[key].log.map((e) => `${e.method === 'HEAD' ? 'HEAD' : e.range ?? 'GET'}→${e.sent}`);
      out.push(`- ${name} ${key}: ${list.join(', ')}`);
    }
  }
  console.log(out.join('\n'));
} finally {
  if (server) server.close();
  rmSync(tmp, { recursive: true, force: true });
}

function pkgVersion(name) {
  return JSON.parse(readFileSync(join(NM, name, 'package.json'), 'utf8')).version;
}

/** The ES module files reachable from `entries` by static import/export-from, as a browser would fetch them unbundled. */
function moduleGraph(entries) {
  const seen = new Set();
  const bare = { fzstd: join(NM, 'fzstd/esm/index.mjs'), hysnappy: join(NM, 'hysnappy/js/index.js') };
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) visit(resolve(dirname(f), spec));
      else if (bare[spec]) visit(bare[spec]);
      else throw new Error(`unresolved import ${spec} in ${f}`);
    }
  };
  entries.forEach(visit);
  return [...seen];
}

/** A minified ESM bundle of `code` (rolldown, which Vite uses), raw and gzipped; null if rolldown is unavailable. */
async function minified(code) {
  try {
    const { rolldown } = await import('rolldown');
    const input = join(tmp, `entry-${++entries}.js`);
    writeFileSync(input, code);
    const bundle = await rolldown({ input, platform: 'browser', logLevel: 'silent' });
    const { output } = await bundle.generate({ format: 'esm', minify: true });
    await bundle.close();
    const js = output.filter((o) => o.type === 'chunk').map((o) => o.code).join('\n');
    return { raw: Buffer.byteLength(js), gz: gz(Buffer.from(js)) };
  } catch (e) {
    console.error(`minified bundle skipped: ${e.message}`);
    return null;
  }
}
