import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { Keyset } from "./cursor";

/** `(created_at, id) < (cursor)`: a row comparison PostgreSQL answers from a (created_at, id) index. */
export function olderThan(createdAt: AnyColumn, id: AnyColumn, k: Keyset): SQL {
  return sql`(${createdAt}, ${id}) < (${k.createdAt.toISOString()}::timestamptz, ${k.id}::uuid)`;
}
