import { describe, it, expect, beforeAll } from 'vitest';
import { deriveForTests, sql } from '$lib/testing/duckdb-node';
import { OPTIONS_SQL } from './options';

beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (manager VARCHAR, csm VARCHAR, kind VARCHAR, status VARCHAR, start_at TIMESTAMP);
    INSERT INTO meetings VALUES ('dana@x', 'alex@x', 'one_on_one', 'held', TIMESTAMP '2026-01-05 09:00');
    CREATE OR REPLACE TABLE accounts (account VARCHAR, segment VARCHAR, csm VARCHAR);
    INSERT INTO accounts VALUES ('Acme', 'High', 'sam@x');
    CREATE OR REPLACE TABLE outcomes (account VARCHAR, segment VARCHAR, csm VARCHAR, as_of DATE);
    CREATE OR REPLACE TABLE goals (owner VARCHAR, start_date DATE, updated_at TIMESTAMP);
    INSERT INTO goals VALUES ('gus@x', NULL, NULL);
    CREATE OR REPLACE TABLE person_names (person_key VARCHAR, name VARCHAR);
    INSERT INTO person_names VALUES ('dana@x', 'Dana Lee');
    CREATE OR REPLACE TABLE people (person_key VARCHAR, team VARCHAR);
    INSERT INTO people VALUES ('alex@x', 'East'), ('dana@x', 'East'), ('sam@x', 'West'), ('gus@x', 'Goals only'), ('vp@x', 'leadership'), ('nobody@x', NULL);`);
  // The lists read who the meetings name through the derived meeting_people, as in the app.
  await deriveForTests();
});

describe('filter options', () => {
  it('offers only teams whose people own a meeting, an account, an outcome or a goal', async () => {
    const teams = (await sql(OPTIONS_SQL.teams)).map((r) => r.value);
    expect(teams).toEqual(['East', 'Goals only', 'West']); // leadership is on the roster only: it would empty every view
  });

  it('offers as managers those who hold 1:1s, and as CSMs everyone the meetings, accounts and outcomes name', async () => {
    expect(await sql(OPTIONS_SQL.managers)).toEqual([{ value: 'dana@x', label: 'Dana Lee' }]);
    expect((await sql(OPTIONS_SQL.csms)).map((r) => r.value)).toEqual(['alex@x', 'sam@x']);
  });
});
