import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from '$lib/testing/duckdb-node';
import { OPTIONS_SQL } from './options';

beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (manager VARCHAR, csm VARCHAR, kind VARCHAR);
    INSERT INTO meetings VALUES ('dana@x', 'alex@x', 'one_on_one');
    CREATE OR REPLACE TABLE accounts (account VARCHAR, segment VARCHAR, csm VARCHAR);
    INSERT INTO accounts VALUES ('Acme', 'High', 'sam@x');
    CREATE OR REPLACE TABLE outcomes (account VARCHAR, segment VARCHAR, csm VARCHAR);
    CREATE OR REPLACE TABLE goals (owner VARCHAR);
    INSERT INTO goals VALUES ('gus@x');
    CREATE OR REPLACE TABLE people (person_key VARCHAR, team VARCHAR);
    INSERT INTO people VALUES ('alex@x', 'East'), ('dana@x', 'East'), ('sam@x', 'West'), ('gus@x', 'Goals only'), ('vp@x', 'leadership'), ('nobody@x', NULL);`);
});

describe('filter options', () => {
  it('offers only teams whose people own a meeting, an account, an outcome or a goal', async () => {
    const teams = (await sql(OPTIONS_SQL.teams)).map((r) => r.value);
    expect(teams).toEqual(['East', 'Goals only', 'West']); // leadership is on the roster only: it would empty every view
  });
});
