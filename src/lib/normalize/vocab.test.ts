import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from '$lib/testing/duckdb-node';
import { CHANNEL, GOAL_STATUS, MEETING_KIND, MEETING_STATUS, OUTCOME_STATUS, parseWords, vocabCase } from './vocab';

const map = async (vocab: Record<string, string[]>, values: (string | null)[]) => {
  const rows = values.map((v) => `(${v === null ? 'NULL' : `'${v.replaceAll("'", "''")}'`})`).join(', ');
  return (await sql(`SELECT ${vocabCase('v', vocab)} AS x FROM (VALUES ${rows}) t(v)`)).map((r) => r.x);
};

beforeAll(async () => {
  await sql('SELECT 1');
});

describe('status vocabularies', () => {
  it('meeting statuses from HubSpot, Calendly, Google and Outlook exports', async () => {
    expect(await map(MEETING_STATUS, ['COMPLETED', 'NO_SHOW', 'no-show', 'Canceled', 'cancelled', 'RESCHEDULED', 'Scheduled', 'confirmed', 'Held', 'tentative', '', null, 'pending review'])).toEqual([
      'held', 'no_show', 'no_show', 'cancelled', 'cancelled', 'rescheduled', 'scheduled', 'held', 'held', 'scheduled', null, null, null
    ]);
  });
  it('goal and outcome statuses', async () => {
    expect(await map(GOAL_STATUS, ['On track', 'AT_RISK', 'Off-track', 'Achieved', 'Missed', 'Dropped'])).toEqual(['on_track', 'at_risk', 'off_track', 'achieved', 'missed', 'dropped']);
    expect(await map(OUTCOME_STATUS, ['Not Started', 'In Progress', 'At Risk', 'Achieved', 'Overdue'])).toEqual(['not_started', 'in_progress', 'at_risk', 'achieved', 'overdue']);
  });
  it('meeting kinds and channels', async () => {
    expect(await map(MEETING_KIND, ['1:1', 'One-on-one', 'Customer', 'internal', 'Webinar'])).toEqual(['one_on_one', 'one_on_one', 'customer', 'internal', null]);
    expect(await map(CHANNEL, ['Email', 'Call', 'Task', 'Meeting', 'Self-service'])).toEqual(['email', 'call', 'async', 'meeting', 'self_service']);
  });
  it('words inside qualified values', async () => {
    expect(await map(CHANNEL, ['Async (Slack)', 'Self-service (webinar)', 'Call - outbound', 'Email: sequence step 2', '(Slack)', 'Carrier pigeon'])).toEqual(['async', 'self_service', 'call', 'email', 'async', null]);
    expect(await map(GOAL_STATUS, ['On Hold', 'Behind', 'Paused (budget)'])).toEqual(['at_risk', 'off_track', 'at_risk']);
  });
  it('reads keyword lists as typed', () => {
    expect(parseWords(' Career, growth ,, PROMOTION, career')).toEqual(['career', 'growth', 'promotion']);
  });
});
