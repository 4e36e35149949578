#!/usr/bin/env node
/**
 * Writes the embedded demo data into static/demo/ (generated at build time, not committed).
 * Deterministic: the same seed gives byte-identical files. For now one meetings export in Outlook's
 * calendar layout (separate date and time columns, M/D/YYYY dates); the full demo set (goals, outcomes,
 * roster, accounts in several export layouts) grows with the data model.
 *
 *   node scripts/generate-demo.js [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MANAGERS = ['Dana Whitfield', 'Marcus Ong', 'Priya Raman', 'Tomás Ortega'];
const FIRST = ['Alex', 'Sam', 'Jordan', 'Riley', 'Casey', 'Morgan', 'Avery', 'Quinn', 'Jamie', 'Drew', 'Harper', 'Rowan', 'Emerson', 'Skyler', 'Reese', 'Parker'];
const LAST = ['Nguyen', 'Patel', 'Kim', 'Garcia', 'Okafor', 'Schmidt', 'Rossi', 'Cohen', 'Silva', 'Murphy', 'Tanaka', 'Novak', 'Haddad', 'Larsen', 'Dubois', 'Mensah'];
const ACCOUNT_A = ['Acme', 'Northwind', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli', 'Vandelay', 'Pied Piper', 'Wonka', 'Oscorp'];
const ACCOUNT_B = ['Health', 'Logistics', 'Retail', 'Labs', 'Energy', 'Foods'];

const pad = (n) => String(n).padStart(2, '0');
const usDate = (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
const usTime = (h, m) => `${((h + 11) % 12) + 1}:${pad(m)}:00 ${h < 12 ? 'AM' : 'PM'}`;
const csv = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const email = (name) => `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(' ', '.')}@cadence-demo.example`;

export function generateMeetings(seed = 20261123) {
  const rand = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const csms = FIRST.map((f, i) => ({ name: `${f} ${LAST[i]}`, manager: MANAGERS[i % MANAGERS.length] }));
  const accounts = ACCOUNT_A.flatMap((a) => ACCOUNT_B.slice(0, 4).map((b) => `${a} ${b}`));
  const rows = [];
  const start = Date.UTC(2026, 3, 6); // a Monday; 30 weeks of data
  for (let w = 0; w < 30; w++) {
    for (const csm of csms) {
      // The weekly 1:1; one manager cancels often.
      const cancelRate = csm.manager === 'Marcus Ong' ? 0.3 : 0.06;
      const day = new Date(start + (w * 7 + (csms.indexOf(csm) % 5)) * 86400000);
      const cancelled = rand() < cancelRate;
      const subject = `${cancelled ? 'Canceled: ' : ''}1:1 ${csm.manager.split(' ')[0]} / ${csm.name.split(' ')[0]}`;
      rows.push([subject, usDate(day), usTime(10, 0), usDate(day), usTime(10, 30), csm.manager, email(csm.name), '1:1', '']);
      // Customer meetings.
      const n = Math.floor(rand() * 4);
      for (let k = 0; k < n; k++) {
        const d = new Date(start + (w * 7 + Math.floor(rand() * 5)) * 86400000);
        const h = 9 + Math.floor(rand() * 8);
        const account = pick(accounts);
        rows.push([`${account} — ${pick(['QBR', 'Check-in', 'Onboarding', 'Renewal prep', 'Success plan review'])}`, usDate(d), usTime(h, 0), usDate(d), usTime(h + 1, 0), csm.name, `contact@${account.toLowerCase().replace(/ /g, '')}.example`, 'Customer', account]);
      }
    }
  }
  const header = ['Subject', 'Start Date', 'Start Time', 'End Date', 'End Time', 'Meeting Organizer', 'Required Attendees', 'Categories', 'Account'];
  return [header, ...rows].map((r) => r.map(csv).join(',')).join('\r\n') + '\r\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? 'static/demo';
  mkdirSync(out, { recursive: true });
  const text = generateMeetings();
  writeFileSync(join(out, 'meetings.csv'), text);
  console.log(`demo: wrote ${join(out, 'meetings.csv')} (${text.split('\r\n').length - 2} meetings)`);
}
