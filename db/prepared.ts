import type { Executor } from "./client";

// Statements on hot paths (every request's session check, every feed page) are built once per
// database with sql.placeholder() values and prepared: drizzle's SQL building costs as much CPU
// as running the statement, and postgres.js then parses each one once per connection.

const statements = new WeakMap<Executor, Map<string, unknown>>();

/** `build()`'s prepared statement for this database, built on first use and kept with it. */
export function preparedOnce<T>(db: Executor, name: string, build: () => T): T {
  let forDb = statements.get(db);
  if (!forDb) {
    forDb = new Map();
    statements.set(db, forDb);
  }
  if (!forDb.has(name)) forDb.set(name, build());
  return forDb.get(name) as T;
}
