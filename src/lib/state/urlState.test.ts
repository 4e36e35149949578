import { describe, it, expect } from 'vitest';
import { decodeView, encodeView, defaultView, FRAGMENT_VERSION, MAX_FRAGMENT_CHARS, type SharedView } from './urlState';
import { DEFAULT_FILTERS, type Tab, type WindowPreset } from './view.svelte';
import type { DrillTarget } from '$lib/metrics/drill';

const URL_SAFE = /^[A-Za-z0-9._~-]*$/;
const TABS: Tab[] = ['overview', 'meetings', 'oneonone', 'goals', 'outcomes', 'data'];
const PRESETS: WindowPreset[] = ['4w', '13w', '26w', '52w', 'all', 'custom'];
const DRILLS: DrillTarget[] = [
  { type: 'pair', manager: 'maría.lópez@acme.com', csm: 'O\'Brien "Jo" #1', label: 'María López → Jo O\'Brien' },
  { type: 'account', account: 'Acme & Sons 🚀', label: 'Acme & Sons 🚀 (high touch)' },
  { type: 'manager', manager: 'marcus@acme.com', label: '1:1s due with Marcus Ong' },
  { type: 'period', start: '2026-03-02', grain: 'month', label: 'March 2026' }
];
const NAMES = ['Zoë Ñúñez', 'O\'Brien, "Jo"', 'R&D #2', '100% 🎯', 'a+b=c/d?e', '日本語チーム', ' spaced ', ''];

function view(over: Partial<Omit<SharedView, 'filters'>> & { filters?: Partial<SharedView['filters']> } = {}): SharedView {
  return { ...defaultView(), ...over, filters: { ...DEFAULT_FILTERS, ...over.filters } };
}

async function roundTrip(v: SharedView): Promise<string> {
  const text = await encodeView(v);
  expect(text).toMatch(URL_SAFE);
  expect(await decodeView(text)).toEqual({ view: v, notice: null });
  return text;
}

// Hand-made fragments, for what encodeView would never write.
const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const utf8 = (s: string) => new TextEncoder().encode(s);
const v1 = (json: unknown) => `v1.${b64url(utf8(JSON.stringify(json)))}`;
const v2 = (json: unknown) => `v2.${b64url(utf8(JSON.stringify(json)))}`;
async function deflated(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('encodeView / decodeView round trips', () => {
  it('encodes the default view as nothing, and reads nothing as the default view', async () => {
    expect(FRAGMENT_VERSION).toBe(2);
    expect(await encodeView(defaultView())).toBe('');
    for (const empty of ['', '#', '  ']) expect(await decodeView(empty)).toEqual({ view: defaultView(), notice: null });
  });

  it('writes only what differs from the default, under short keys', async () => {
    const text = await encodeView(view({ tab: 'goals' }));
    expect(text).toMatch(/^v2\./);
    expect(JSON.parse(atob(text.slice(3)))).toEqual({ t: 'goals' });
    expect(JSON.parse(atob((await encodeView(view({ grain: 'month', filters: { preset: '52w' } }))).slice(3)))).toEqual({ g: 'month', w: '52w' });
  });

  it('round-trips every tab, every preset and every kind of drill, with awkward names', async () => {
    for (const [i, tab] of TABS.entries()) {
      for (const [j, preset] of PRESETS.entries()) {
        const custom = preset === 'custom';
        const v = view({
          tab,
          grain: j % 2 ? 'month' : 'week',
          drill: (i + j) % 5 === 4 ? null : DRILLS[(i + j) % 5],
          filters: {
            preset,
            from: custom ? '2025-12-29' : null,
            to: custom ? '2026-02-28' : null,
            managers: NAMES.slice(0, 3),
            teams: NAMES.slice(2, 5),
            csms: NAMES,
            segments: ['high touch', 'tech touch'],
            kinds: ['one_on_one', 'customer']
          }
        });
        await roundTrip(v);
      }
    }
  });

  it('round-trips the drill-downs of the goals and outcomes charts', async () => {
    const drills: DrillTarget[] = [
      { type: 'goals', chart: 'progress', key: '90', label: 'Goals at 90–100% progress' },
      { type: 'goals', chart: 'pacing', key: '-100', label: 'Goals −100 to −90 pts behind' },
      { type: 'goals', chart: 'checkin', key: '2026-02-01', label: 'Goals checked in, Feb 2026' },
      { type: 'outcomes', chart: 'achieved', key: '2026-03-01', label: 'Outcomes achieved, Mar 2026' },
      { type: 'outcomes', chart: 'overdue', key: '2026-03-31', label: 'Outcomes overdue on 2026-03-31' },
      { type: 'outcomes', chart: 'ttfv', key: 'Tech Touch & Co 🚀', label: 'Time to first value, Tech Touch' }
    ];
    for (const drill of drills) {
      const text = await roundTrip(view({ tab: drill.type === 'goals' ? 'goals' : 'outcomes', drill }));
      expect(text).toMatch(/^v2z?\./); // the same version: links written before still open
    }
  });

  it('refuses a goals or outcomes drill it cannot place', async () => {
    for (const d of [['g', 'progress', '95', 'x'], ['g', 'progress', '-10', 'x'], ['g', 'pacing', '100', 'x'], ['g', 'pacing', '010', 'x'], ['g', 'checkin', '2026-02-30', 'x'],
      ['g', 'bins', '10', 'x'], ['o', 'overdue', 'March', 'x'], ['o', 'ttfv', '', 'x'], ['o', 'achieved', '2026-03-01'], ['o', 'achieved', 20260301, 'x']]) {
      const { view: got, notice } = await decodeView(v2({ t: 'goals', d }));
      expect(got, JSON.stringify(d)).toEqual(defaultView());
      expect(notice).toMatch(/rows shown below the view/);
    }
  });

  it('still opens v2 links made before these drills, with their drill-down', async () => {
    const old = v2({ t: 'meetings', d: ['w', '2026-03-02', 'month', 'March 2026'] });
    expect((await decodeView(old)).view.drill).toEqual({ type: 'period', start: '2026-03-02', grain: 'month', label: 'March 2026' });
  });

  it('reads a link with or without the leading #', async () => {
    const v = view({ tab: 'oneonone', filters: { managers: ['Zoë #1'] } });
    const text = await roundTrip(v);
    expect(await decodeView(`#${text}`)).toEqual({ view: v, notice: null });
  });

  it('compresses a long view (v2z.) and reads it back', async () => {
    const many = Array.from({ length: 300 }, (_, i) => `csm-${i}@customer-success.example.com`);
    const v = view({ tab: 'oneonone', filters: { csms: many, managers: ['Ünïcode Manager 🚀'] }, drill: DRILLS[0] });
    const text = await roundTrip(v);
    expect(text.startsWith('v2z.')).toBe(true);
    expect(text.length).toBeLessThan(MAX_FRAGMENT_CHARS);
  });

  it('keeps a short view plain even when compression is available', async () => {
    expect(await roundTrip(view({ filters: { managers: ['Ana'] } }))).toMatch(/^v2\./);
  });

  it('leaves out stale dates of a non-custom window and a custom window the decoder would refuse', async () => {
    expect(await encodeView(view({ filters: { preset: '13w', from: '2026-01-05', to: '2026-02-01' } }))).toBe('');
    expect(await encodeView(view({ filters: { preset: 'custom', from: '2026-02-01', to: null } }))).toBe('');
    expect(await encodeView(view({ filters: { preset: 'custom', from: '2026-02-01', to: '2026-01-05' } }))).toBe('');
    const all = await decodeView(await encodeView(view({ filters: { preset: 'all', from: '2026-01-05', to: '2026-02-01' } })));
    expect(all.view.filters).toEqual({ ...DEFAULT_FILTERS, preset: 'all' });
  });

  it('hands out fresh defaults that a caller cannot corrupt', async () => {
    const a = (await decodeView('')).view;
    a.filters.managers.push('x');
    expect((await decodeView('')).view.filters.managers).toEqual([]);
    expect(DEFAULT_FILTERS.managers).toEqual([]);
  });
});

describe('expected cadences in the link', () => {
  const plans: SharedView['plans'] = [
    { level: 'team', team: 'R&D #2', every: 'monthly' },
    { level: 'manager', manager: 'maría.lópez@acme.com', every: 'fortnightly' },
    { level: 'pair', manager: 'maría.lópez@acme.com', csm: 'O\'Brien "Jo" #1', every: 'weekly' }
  ];
  it('round-trips plans of every level under the short key pl', async () => {
    const text = await roundTrip(view({ tab: 'oneonone', plans }));
    expect(await decodeView(text)).toEqual({ view: view({ tab: 'oneonone', plans }), notice: null });
    const plain = await encodeView(view({ plans: [plans[1]] }));
    expect(JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(plain.slice(3).replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))))).toEqual({ pl: [['m', 'maría.lópez@acme.com', 'f']] });
  });
  it('round-trips an open coaching brief', async () => {
    await roundTrip(view({ tab: 'oneonone', brief: 'maría.lópez@acme.com', plans: [plans[0]] }));
  });
  it('still opens links made before plans existed, with no plans', async () => {
    // Written by the previous version of encodeView: the 1:1 tab, 52 weeks, one manager, a pair drill.
    const old = v1({ t: 'oneonone', w: '52w', m: ['dana@x'], d: ['p', 'dana@x', 'alex@x', '1:1s of Alex with Dana'] });
    const { view: v, notice } = await decodeView(old);
    expect(notice).toBeNull();
    expect(v).toEqual(view({ tab: 'oneonone', filters: { preset: '52w', managers: ['dana@x'] }, drill: { type: 'pair', manager: 'dana@x', csm: 'alex@x', label: '1:1s of Alex with Dana' } }));
    expect(v.plans).toEqual([]);
    expect(v.brief).toBeNull();
  });
});

describe('decodeView on links it cannot read', () => {
  const tooMany = Array.from({ length: 501 }, (_, i) => `m${i}`);
  const cases: [string, () => Promise<string> | string][] = [
    ['unknown version', () => 'v9.eyJ0IjoiZ29hbHMifQ'],
    ['unknown compressed version', () => 'v2z.eyJ0IjoiZ29hbHMifQ'],
    ['not a Cadence fragment', () => 'main-content'],
    ['no version separator', () => 'v1eyJ0IjoiZ29hbHMifQ'],
    ['base64 with foreign characters', () => 'v1.eyJ0Ijoi%20Z29hbHMifQ'],
    ['base64 with padding and +/', () => 'v1.ab+/cd=='],
    ['base64 of impossible length', () => 'v1.eyJ0I'],
    ['not UTF-8', () => `v1.${b64url(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))}`],
    ['corrupt deflate', () => `v1z.${b64url(new Uint8Array([0xff, 0xff, 0xff, 0x00, 0x13, 0x37]))}`],
    ['truncated deflate', async () => {
      const whole = await encodeView(view({ filters: { csms: Array.from({ length: 80 }, (_, i) => `csm ${i}`) } }));
      expect(whole).toMatch(/^v2z\./);
      return whole.slice(0, 60);
    }],
    ['deflate that inflates past the limit', async () => `v1z.${b64url(await deflated(utf8(JSON.stringify({ m: ['a'.repeat(2_000_000)] }))))}`],
    ['bad JSON', () => `v1.${b64url(utf8('{"t":"goals"'))}`],
    ['JSON that is not an object', () => v1(['goals'])],
    ['JSON null', () => v1(null)],
    ['unknown key', () => v1({ t: 'goals', zz: 1 })],
    ['touch model that is not a list', () => v2({ x: { High: 4 } })],
    ['touch model with a negative rate', () => v2({ x: [['High', -4]] })],
    ['touch model with a rate as text', () => v2({ x: [['High', '4']] })],
    ['touch model naming a segment twice', () => v2({ x: [['High', 4], ['High', 2]] })],
    ['tab of the wrong type', () => v1({ t: 3 })],
    ['unknown tab', () => v1({ t: 'admin' })],
    ['unknown preset', () => v1({ w: '8w' })],
    ['unknown grain', () => v1({ g: 'day' })],
    ['custom window without dates', () => v1({ w: 'custom' })],
    ['custom window with one date', () => v1({ w: 'custom', f: '2026-01-05' })],
    ['custom window with a malformed date', () => v1({ w: 'custom', f: '2026-1-5', u: '2026-02-01' })],
    ['custom window with an impossible date', () => v1({ w: 'custom', f: '2026-01-05', u: '2026-02-30' })],
    ['custom window with a date of the wrong type', () => v1({ w: 'custom', f: 20260105, u: '2026-02-01' })],
    ['custom window backwards', () => v1({ w: 'custom', f: '2026-02-01', u: '2026-01-05' })],
    ['dates without a custom window', () => v1({ w: '4w', f: '2026-01-05', u: '2026-02-01' })],
    ['list that is a string', () => v1({ m: 'Ana' })],
    ['list with a number', () => v1({ c: ['Ana', 2] })],
    ['list with null', () => v1({ s: [null] })],
    ['list with a NUL character', () => v1({ tm: ['a\u0000b'] })],
    ['list too long', () => v1({ k: tooMany })],
    ['fragment too long', () => v1({ m: ['a'.repeat(MAX_FRAGMENT_CHARS)] })],
    ['drill of unknown type', () => v1({ d: ['x', 'a', 'b'] })],
    ['drill with too few parts', () => v1({ d: ['p', 'Ana', 'Bo'] })],
    ['drill that is an object', () => v1({ d: { type: 'account', account: 'Acme', label: 'Acme' } })],
    ['drill period with a bad date', () => v1({ d: ['w', '2026-13-01', 'week', 'x'] })],
    ['drill period with a bad grain', () => v1({ d: ['w', '2026-03-02', 'day', 'x'] })],
    ['valid tab beside an invalid filter', () => v1({ t: 'goals', m: [1] })],
    ['plans that are not a list', () => v1({ pl: { t: 'East' } })],
    ['plan with an unknown cadence', () => v1({ pl: [['t', 'East', 'd']] })],
    ['plan with an inherited key for a cadence', () => v1({ pl: [['t', 'East', 'toString']] })],
    ['plan of an unknown level', () => v1({ pl: [['x', 'East', 'f']] })],
    ['pair plan without its report', () => v1({ pl: [['p', 'dana@x', 'f']] })],
    ['plan with an empty name', () => v1({ pl: [['m', '', 'f']] })],
    ['plan with a number', () => v1({ pl: [['m', 7, 'f']] })],
    ['brief that is not a name', () => v1({ b: ['dana@x'] })],
    ['brief with an empty name', () => v1({ b: '' })]
  ];

  for (const [name, make] of cases) {
    it(`gives the default view and a notice: ${name}`, async () => {
      const { view: v, notice } = await decodeView(await make());
      expect(v).toEqual(defaultView());
      expect(notice).toMatch(/^This link's view settings could not be read \(.+\); showing the default view\.$/);
    });
  }

  it('says why in plain words', async () => {
    expect((await decodeView('v9.eyJ0IjoiZ29hbHMifQ')).notice).toContain('format version 9');
    expect((await decodeView(v1({ t: 'admin' }))).notice).toContain('unknown view "admin"');
    expect((await decodeView('#v1.%%%')).notice).toContain('cut off or damaged');
  });

  it('accepts explicit defaults and empty lists a hand-edited link may hold', async () => {
    expect(await decodeView(v2({ t: 'overview', g: 'week', w: '13w', m: [] }))).toEqual({ view: defaultView(), notice: null });
  });
});

describe('the touch model in the link', () => {
  it('round-trips the expected touches per segment, and writes nothing without a model', async () => {
    const text = await roundTrip(view({ touchModel: { 'High Touch': 4, 'Tech Touch': 0.25, 'R&D 🚀': 1 } }));
    expect(JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(text.slice(3).replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))))).toEqual({ x: [['High Touch', 4], ['Tech Touch', 0.25], ['R&D 🚀', 1]] });
    expect(await encodeView(view({ touchModel: {} }))).toBe('');
  });
});

describe('links made before the Overview (format v1)', () => {
  it('open on the tab they were made on: Meetings vs outcomes when they name none', async () => {
    expect(await decodeView(v1({ m: ['Ana'] }))).toEqual({ view: view({ tab: 'meetings', filters: { managers: ['Ana'] } }), notice: null });
    expect(await decodeView(v1({ t: 'meetings', g: 'week', w: '13w', m: [] }))).toEqual({ view: view({ tab: 'meetings' }), notice: null });
    expect((await decodeView(v1({ t: 'goals', w: '52w' }))).view).toEqual(view({ tab: 'goals', filters: { preset: '52w' } }));
  });

  it('read v1z. (compressed) the same way', async () => {
    const text = `v1z.${b64url(await deflated(utf8(JSON.stringify({ c: ['Bo'] }))))}`;
    expect(await decodeView(text)).toEqual({ view: view({ tab: 'meetings', filters: { csms: ['Bo'] } }), notice: null });
  });

  it('while a v2 link without a tab opens the Overview, and the meetings tab is written out', async () => {
    expect((await decodeView(v2({ m: ['Ana'] }))).view.tab).toBe('overview');
    const text = await encodeView(view({ tab: 'meetings' }));
    expect(JSON.parse(atob(text.slice(3)))).toEqual({ t: 'meetings' });
    expect((await decodeView(text)).view.tab).toBe('meetings');
  });
});
