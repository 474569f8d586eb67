/* eslint-disable no-restricted-imports -- domain/ is pure, but this test checks its SQL on the real databases of the test harness */
import { sql, type SQL } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/harness';
/* eslint-enable no-restricted-imports */
import { talentFacts, type Facts } from '../policies/facts';
import { evaluate, sqlArrayLiteral, toSql, truthy } from './index';
import { params, talentRule, talentSubject } from './test-arbitraries';

/**
 * `toSql` against `evaluate` on PostgreSQL or PGlite (whichever the run uses): a table with one column per talent
 * fact, a few hundred random subjects with NULLs, and for every random rule `toSql` accepts, the ids the SQL selects
 * must be exactly those `truthy(evaluate(...))` selects. fast-check shrinks a disagreement to a small rule.
 */
const columnTypes = { number: 'integer', ordinal: 'integer', code: 'text', date: 'text', codes: 'text[]', boolean: 'boolean' } as const;
const factNames = Object.keys(talentFacts) as (keyof typeof talentFacts)[];
const column = (fact: string) => `"${fact}"`;

/** toSql's text and values as a drizzle query: its `$n` placeholders become drizzle parameters. */
function query(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(parts.map((part, index) => (index % 2 ? sql`${values[Number(part) - 1]}` : sql.raw(part))));
}

function insertRows(subjects: Facts[], from: number): SQL {
  const cell = (subject: Facts, fact: string) => {
    const value = subject[fact];
    return Array.isArray(value) ? sql`${sqlArrayLiteral(value)}::text[]` : sql`${value}`;
  };
  const rows = subjects.map((subject, index) => sql`(${from + index}, ${sql.join(factNames.map((fact) => cell(subject, fact)), sql`, `)})`);
  return sql`insert into rule_facts values ${sql.join(rows, sql`, `)}`;
}

describe('toSql on a real database', () => {
  let t: TestApp;
  const subjects = fc.sample(talentSubject, { numRuns: 400, seed: 20_260_101 });

  beforeAll(async () => {
    t = await createTestApp({ template: 'empty' });
    const columns = factNames.map((fact) => `${column(fact)} ${columnTypes[talentFacts[fact].type]}`).join(', ');
    await t.db.execute(sql.raw(`create table rule_facts (id integer primary key, ${columns})`));
    for (let start = 0; start < subjects.length; start += 100) await t.db.execute(insertRows(subjects.slice(start, start + 100), start));
  });
  afterAll(() => t?.close());

  const selected = async (text: string, values: unknown[]) =>
    (await t.rows<{ id: number }>(query(`select id from rule_facts where ${text} order by id`, values))).map((row) => row.id);
  const expected = (rule: unknown, values: Record<string, unknown>) =>
    subjects.flatMap((subject, index) => (truthy(evaluate(rule, { ...subject, params: values })) ? [index] : []));

  it('selects exactly the subjects evaluate finds eligible, for every random rule it translates', async () => {
    let translated = 0;
    await fc.assert(
      fc.asyncProperty(talentRule, params, async (rule, values) => {
        const condition = toSql(rule, { model: talentFacts, column, params: values });
        if (!condition.ok) return;
        translated += 1;
        expect(await selected(condition.sql, condition.values)).toEqual(expected(rule, values));
      }),
      { numRuns: 800 },
    );
    // most generated rules are translatable; the rest are refusals by design (covered in to-sql.test.ts)
    expect(translated).toBeGreaterThan(400);
  }, 300_000);

  it('agrees on the NULL cases JavaScript coerces', async () => {
    const rules = [
      { '<': [{ var: 'age' }, 30] },
      { '>=': [{ var: 'age' }, 0] },
      { '==': [{ var: 'tier' }, null] },
      { '!=': [{ var: 'tier' }, 'A'] },
      { '<=': [{ var: 'arrivedOn' }, ''] },
      { '!': [{ '>': [{ '+': [{ var: 'age' }, 1] }, 30] }] },
      { '==': [{ '-': [{ var: 'age' }, { var: 'yearsInZone' }] }, 0] },
      { in: [{ var: 'tier' }, ['A', null]] },
      { in: ['null', { var: 'industry' }] },
      { '<=': [{ age_at: [{ var: 'birthDate' }, '2026-06-30'] }, 35] },
      { missing_some: [2, ['education', 'tier', 'tags']] },
    ];
    for (const rule of rules) {
      const condition = toSql(rule, { model: talentFacts, column });
      if (!condition.ok) throw new Error(`refused ${JSON.stringify(rule)}: ${condition.problems[0].message}`);
      expect(await selected(condition.sql, condition.values), JSON.stringify(rule)).toEqual(expected(rule, {}));
    }
  });
});
