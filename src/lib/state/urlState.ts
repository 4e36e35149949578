/**
 * The view a link shares, kept in the URL fragment (`#…`, which browsers never send to a server). Only view
 * settings travel, never rows of data. The text is versioned so links made today keep opening after the format
 * changes:
 *
 *   v2.<base64url(UTF-8 JSON)>               short views
 *   v2z.<base64url(deflate-raw(UTF-8 JSON))>  views whose plain form is over COMPRESS_ABOVE characters
 *
 * v2 differs from v1 only in the tab a link without one opens: v1's default was Meetings vs outcomes, v2's
 * is the Overview. v1 links keep opening on the tab they were made on.
 *
 * The JSON holds only what differs from the default view, under short keys that must never be renamed within a
 * version (see `Wire`). Decoding never throws: anything it cannot read gives the default view and a notice.
 */
import { DEFAULT_FILTERS, type SharedState, type Tab, type WindowPreset } from './view.svelte';
import type { DrillTarget } from '$lib/metrics/drill';
import { BIN_POINTS, type GoalChart } from '$lib/metrics/goalCharts';
import type { OutcomeChart } from '$lib/metrics/outcomeCharts';
import { cleanModel, type TouchModel } from '$lib/overview/touchModel';
import { MAX_PLANS, type CadencePlan, type Every } from '$lib/metrics/cadencePlan';

/** What a link carries: the view's shareable state (defined with the view it comes from). */
export type SharedView = SharedState;

export const FRAGMENT_VERSION = 2;
/** Longer fragments are refused unread: a link is typed by no one, and this bounds all the work below. */
export const MAX_FRAGMENT_CHARS = 8192;
/** More entries than any filter menu offers; a longer list is not a view someone picked. */
export const MAX_LIST_ENTRIES = 500;
/** Plain forms longer than this are compressed (when that is shorter): long links break in chat and e-mail. */
const COMPRESS_ABOVE = 200;
/** Bounds what a small compressed fragment may inflate to (deflate can expand ~1000×). */
const MAX_JSON_BYTES = 256 * 1024;

const TABS: readonly Tab[] = ['overview', 'meetings', 'oneonone', 'goals', 'outcomes', 'data'];
const PRESETS: readonly WindowPreset[] = ['4w', '13w', '26w', '52w', 'all', 'custom'];
const GRAINS = ['week', 'month'] as const;

export function defaultView(): SharedView {
  // Fresh arrays each time, so a caller that mutates its view cannot change the defaults.
  return { tab: 'overview', filters: { ...DEFAULT_FILTERS, managers: [], teams: [], csms: [], segments: [], kinds: [] }, grain: 'week', drill: null, touchModel: {}, plans: [], brief: null };
}

/** v1 and v2 on the wire (the same keys). Every key is optional and absent means the default. */
interface Wire {
  t?: Tab;
  g?: 'week' | 'month';
  w?: WindowPreset;
  f?: string; // custom window: from (YYYY-MM-DD), only with w = 'custom'
  u?: string; // custom window: to
  m?: string[]; // managers
  tm?: string[]; // teams
  c?: string[]; // csms
  s?: string[]; // segments
  k?: string[]; // kinds
  d?: WireDrill;
  x?: [string, number][]; // touch model: [segment, expected touches per account and month]
  pl?: WirePlan[]; // expected cadences (links without it read as before)
  b?: string; // the manager whose coaching brief is open
}
type WireEvery = 'w' | 'f' | 'm';
type WirePlan = ['t', string, WireEvery] | ['m', string, WireEvery] | ['p', string, string, WireEvery];
const EVERY_WIRE: Record<Every, WireEvery> = { weekly: 'w', fortnightly: 'f', monthly: 'm' };
const WIRE_EVERY: Record<WireEvery, Every> = { w: 'weekly', f: 'fortnightly', m: 'monthly' };
/** A drill-down: a pair, a manager, an account, a period; a goals chart's mark ('g'), an outcomes chart's ('o'), both added within v2. */
type WireDrill =
  | ['p', string, string, string]
  | ['m', string, string]
  | ['a', string, string]
  | ['w', string, 'week' | 'month', string]
  | ['g', GoalChart, string, string]
  | ['o', OutcomeChart, string, string];
const GOAL_CHARTS: readonly GoalChart[] = ['progress', 'pacing', 'checkin'];
const OUTCOME_CHARTS: readonly OutcomeChart[] = ['achieved', 'overdue', 'ttfv'];
const LISTS = { m: 'managers', tm: 'teams', c: 'csms', s: 'segments', k: 'kinds' } as const;
const LIST_NAMES = { m: 'manager', tm: 'team', c: 'CSM', s: 'segment', k: 'meeting kind' } as const;

// ---------------------------------------------------------------------------------------------- encoding

export async function encodeView(v: SharedView): Promise<string> {
  const wire: Wire = {};
  if (v.tab !== 'overview') wire.t = v.tab;
  if (v.grain !== 'week') wire.g = v.grain;
  const { preset, from, to } = v.filters;
  // A custom window the decoder would refuse (a date missing, malformed or after the other) is left out, so the
  // link opens on the default window, which is also what the page shows for a custom window without both dates.
  // from/to of other presets are leftovers of an earlier custom window and mean nothing.
  if (preset === 'custom') {
    if (isDate(from) && isDate(to) && from <= to) Object.assign(wire, { w: preset, f: from, u: to });
  } else if (preset !== DEFAULT_FILTERS.preset) wire.w = preset;
  for (const [key, field] of Object.entries(LISTS) as [keyof typeof LISTS, (typeof LISTS)[keyof typeof LISTS]][]) {
    if (v.filters[field].length) wire[key] = [...v.filters[field]];
  }
  const d = v.drill;
  if (d) wire.d = wireDrill(d);

  const model = Object.entries(v.touchModel ?? {});
  if (model.length) wire.x = model;
  if (v.brief !== null) wire.b = v.brief;
  if (v.plans.length)
    wire.pl = v.plans.map((p) => (p.level === 'team' ? ['t', p.team, EVERY_WIRE[p.every]] : p.level === 'manager' ? ['m', p.manager, EVERY_WIRE[p.every]] : ['p', p.manager, p.csm, EVERY_WIRE[p.every]]));

  if (Object.keys(wire).length === 0) return '';
  const json = new TextEncoder().encode(JSON.stringify(wire));
  const plain = `v${FRAGMENT_VERSION}.${toBase64url(json)}`;
  if (plain.length <= COMPRESS_ABOVE) return plain;
  const packed = `v${FRAGMENT_VERSION}z.${toBase64url(await deflate(json))}`;
  return packed.length < plain.length ? packed : plain;
}

function wireDrill(d: DrillTarget): WireDrill {
  switch (d.type) {
    case 'pair':
      return ['p', d.manager, d.csm, d.label];
    case 'manager':
      return ['m', d.manager, d.label];
    case 'account':
      return ['a', d.account, d.label];
    case 'period':
      return ['w', d.start, d.grain, d.label];
    case 'goals':
      return ['g', d.chart, d.key, d.label];
    case 'outcomes':
      return ['o', d.chart, d.key, d.label];
  }
}

// ---------------------------------------------------------------------------------------------- decoding

/** A reason the link cannot be read, worded for the notice. */
class Unreadable extends Error {}
function fail(reason: string): never {
  throw new Unreadable(reason);
}
const DAMAGED = 'the link looks cut off or damaged';

/**
 * One reader per format version, each returning the current SharedView. When v2 comes, v1's reader stays and
 * maps old links onto the new shape (migrate older → current); encodeView writes only FRAGMENT_VERSION.
 */
const READERS: Record<number, (raw: unknown) => SharedView> = { 1: (raw) => readWire(raw, 'meetings'), 2: (raw) => readWire(raw, 'overview') };

export async function decodeView(fragment: string): Promise<{ view: SharedView; notice: string | null }> {
  try {
    return { view: await read(fragment), notice: null };
  } catch (e) {
    const reason = e instanceof Unreadable ? e.message : DAMAGED;
    return { view: defaultView(), notice: `This link's view settings could not be read (${reason}); showing the default view.` };
  }
}

async function read(fragment: string): Promise<SharedView> {
  const text = fragment.trim().replace(/^#/, '');
  if (text === '') return defaultView();
  if (text.length > MAX_FRAGMENT_CHARS) fail('the link is too long');
  const m = /^v(\d{1,6})(z?)\.(.*)$/s.exec(text);
  if (!m) fail('it is not a Cadence view');
  const [, version, z, body] = m;
  const reader = READERS[Number(version)];
  if (!reader) fail(`it uses format version ${Number(version)}, which this version of Cadence does not read`);
  let bytes = fromBase64url(body);
  if (z) bytes = await inflate(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    fail(DAMAGED);
  }
  return reader(raw);
}

/** A v1 or v2 body; `absentTab` is the tab a link without one was made on (its version's default). */
function readWire(raw: unknown, absentTab: Tab): SharedView {
  if (!isRecord(raw)) return fail(DAMAGED);
  const known = new Set(['t', 'g', 'w', 'f', 'u', 'd', 'x', 'pl', 'b', ...Object.keys(LISTS)]);
  const stray = Object.keys(raw).find((k) => !known.has(k));
  if (stray !== undefined) fail(`unknown setting "${stray}"`);
  const w = raw as Wire;
  const view = defaultView();
  view.tab = absentTab;

  if (w.t !== undefined) view.tab = oneOf(TABS, w.t, 'view');
  if (w.g !== undefined) view.grain = oneOf(GRAINS, w.g, 'time grain');
  if (w.w !== undefined) view.filters.preset = oneOf(PRESETS, w.w, 'window');
  if (view.filters.preset === 'custom') {
    if (!isDate(w.f) || !isDate(w.u) || w.f > w.u) fail('the custom window needs two dates, the first not after the second');
    view.filters.from = w.f as string;
    view.filters.to = w.u as string;
  } else if (w.f !== undefined || w.u !== undefined) fail('window dates given without a custom window');

  for (const key of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
    const list: unknown = w[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every(isText)) fail(`the ${LIST_NAMES[key]} filter is not a list of names`);
    if ((list as string[]).length > MAX_LIST_ENTRIES) fail(`the ${LIST_NAMES[key]} filter lists too many names`);
    view.filters[LISTS[key]] = [...(list as string[])];
  }

  if (w.d !== undefined) view.drill = readDrill(w.d);
  if (w.x !== undefined) view.touchModel = readModel(w.x);
  if (w.pl !== undefined) view.plans = readWirePlans(w.pl);
  if (w.b !== undefined) {
    if (!isText(w.b) || w.b === '') fail('the coaching brief does not name a manager');
    view.brief = w.b;
  }
  return view;
}

function readModel(x: unknown): TouchModel {
  const bad = () => fail('the touch model is not a list of segments and rates');
  if (!Array.isArray(x) || x.length > MAX_LIST_ENTRIES) return bad();
  const raw: Record<string, unknown> = {};
  for (const e of x) {
    if (!Array.isArray(e) || e.length !== 2 || !isText(e[0])) return bad();
    raw[e[0]] = e[1];
  }
  const model = cleanModel(raw);
  if (Object.keys(model).length !== x.length) return bad();
  return model;
}

function readWirePlans(pl: unknown): CadencePlan[] {
  const bad = () => fail('the expected cadences are not described correctly');
  if (!Array.isArray(pl) || pl.length > MAX_PLANS) return bad();
  return pl.map((p: unknown) => {
    if (!Array.isArray(p) || !p.every(isText)) return bad();
    const [kind, ...rest] = p as string[];
    const every = WIRE_EVERY[rest.at(-1) as WireEvery];
    if (!every || !Object.hasOwn(WIRE_EVERY, rest.at(-1) as string)) return bad();
    if (kind === 't' && rest.length === 2 && rest[0]) return { level: 'team', team: rest[0], every };
    if (kind === 'm' && rest.length === 2 && rest[0]) return { level: 'manager', manager: rest[0], every };
    if (kind === 'p' && rest.length === 3 && rest[0] && rest[1]) return { level: 'pair', manager: rest[0], csm: rest[1], every };
    return bad();
  });
}

function readDrill(d: unknown): DrillTarget {
  const bad = () => fail('the rows shown below the view are not described correctly');
  if (!Array.isArray(d) || !d.every(isText)) return bad();
  const [kind, ...rest] = d as string[];
  if (kind === 'p' && rest.length === 3) return { type: 'pair', manager: rest[0], csm: rest[1], label: rest[2] };
  if (kind === 'm' && rest.length === 2) return { type: 'manager', manager: rest[0], label: rest[1] };
  if (kind === 'a' && rest.length === 2) return { type: 'account', account: rest[0], label: rest[1] };
  if (kind === 'w' && rest.length === 3 && isDate(rest[0]) && (rest[1] === 'week' || rest[1] === 'month'))
    return { type: 'period', start: rest[0], grain: rest[1], label: rest[2] };
  if (kind === 'g' && rest.length === 3 && GOAL_CHARTS.includes(rest[0] as GoalChart)) {
    const chart = rest[0] as GoalChart;
    if (chart === 'checkin' ? isDate(rest[1]) : isBin(rest[1], chart === 'progress' ? 0 : -100)) return { type: 'goals', chart, key: rest[1], label: rest[2] };
  }
  if (kind === 'o' && rest.length === 3 && OUTCOME_CHARTS.includes(rest[0] as OutcomeChart)) {
    const chart = rest[0] as OutcomeChart;
    if (chart === 'ttfv' ? rest[1] !== '' : isDate(rest[1])) return { type: 'outcomes', chart, key: rest[1], label: rest[2] };
  }
  return bad();
}

// ---------------------------------------------------------------------------------------------- helpers

/** A histogram bin's lower edge as written: a whole multiple of the bin width from `lowest` to the top bin. */
function isBin(x: string, lowest: number): boolean {
  if (!/^-?\d{1,3}$/.test(x)) return false;
  const v = Number(x);
  return String(v) === x && v % BIN_POINTS === 0 && v >= lowest && v <= 100 - BIN_POINTS;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** NUL is refused because the SQL quoting (engine/sql.ts) rejects it: a link must not be able to break a query. */
const isText = (x: unknown): x is string => typeof x === 'string' && !x.includes('\0');

function oneOf<T extends string>(allowed: readonly T[], x: unknown, what: string): T {
  if (!allowed.includes(x as T)) fail(typeof x === 'string' ? `unknown ${what} "${x.slice(0, 40)}"` : `the ${what} is not a name`);
  return x as T;
}

/** A real calendar date written YYYY-MM-DD (so 2026-02-30 is refused), comparable as text. */
function isDate(x: unknown): x is string {
  if (typeof x !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(x)) return false;
  const t = Date.parse(`${x}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === x;
}

// base64url without padding, over btoa/atob so it runs the same in browsers and Node (no Buffer).
function toBase64url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(s: string): Uint8Array {
  // atob alone would skip whitespace and accept '+', '/' and '='; a link holds none of them.
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) fail(DAMAGED);
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates, giving up past MAX_JSON_BYTES rather than holding whatever a crafted link expands to. */
async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.length;
      if (size > MAX_JSON_BYTES) {
        void reader.cancel().catch(() => {});
        fail('the link is too long');
      }
      chunks.push(r.value);
    }
  } catch (e) {
    if (e instanceof Unreadable) throw e;
    fail(DAMAGED); // corrupt or truncated deflate data
  }
  const out = new Uint8Array(size);
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}
