import { sql } from "kysely";
import type { Db } from "./types.ts";
import type { Migration } from "./migration.ts";

// Arbitrary constant identifying Homeward's migration lock among advisory locks.
const MIGRATION_LOCK = 7_305_514_022;

// Applies pending migrations on one connection under a session advisory lock, so that several
// processes opening the same database at once apply each migration exactly once.
export async function runMigrations(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await sql`create table if not exists homeward_migrations (
        id text primary key,
        applied_at timestamptz not null default now()
      )`.execute(conn);
      const rows = await conn.selectFrom("homeward_migrations").select("id").execute();
      const done = new Set(rows.map((r) => r.id));
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.id)) continue;
        await conn.transaction().execute(async (trx) => {
          for (const statement of m.statements) await sql.raw(statement).execute(trx);
          await trx.insertInto("homeward_migrations").values({ id: m.id }).execute();
        });
        applied.push(m.id);
      }
      return applied;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
