import type pg from 'pg';

/**
 * Waits until no session is connected to `database` (a closed pool's connections end asynchronously), so that
 * `DROP DATABASE … WITH (FORCE)` does not terminate a connection that is still closing (an unhandled error in the
 * test run). Bounded: after about five seconds it gives up and lets the drop terminate what is left.
 */
export async function waitForConnectionsToClose(admin: pg.Client, database: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const { rows } = await admin.query<{ open: number }>('select count(*)::int as open from pg_stat_activity where datname = $1', [database]);
    if (rows[0].open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
