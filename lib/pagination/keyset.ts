import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { Keyset } from "./cursor";

/** `(created_at, id) < (cursor)`: a row comparison PostgreSQL answers from a (created_at, id) index. */
export function olderThan(createdAt: AnyColumn, id: AnyColumn, k: Keyset): SQL {
  return sql`(${createdAt}, ${id}) < (${k.createdAt.toISOString()}::timestamptz, ${k.id}::uuid)`;
}

/**
 * `col desc nulls last`: the order our (created_at desc, id desc) indexes are built in. A plain
 * `desc` (nulls first) does not match them, and PostgreSQL would sort instead of reading the index.
 */
export function descIndexed(column: AnyColumn | SQL): SQL {
  return sql`${column} desc nulls last`;
}

/** `(created_at, id) > (cursor)`: the next page of a list read oldest first (replies). */
export function newerThan(createdAt: AnyColumn, id: AnyColumn, k: Keyset): SQL {
  return sql`(${createdAt}, ${id}) > (${k.createdAt.toISOString()}::timestamptz, ${k.id}::uuid)`;
}
