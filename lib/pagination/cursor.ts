// Opaque keyset cursors: (created_at, id) of the last row of a page, base64url-encoded. A cursor
// that does not decode to exactly that is refused (the route answers 400), never passed to SQL.

export type Keyset = { createdAt: Date; id: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The last millisecond of 9999-12-31: past it, Dates serialise as "+033658-..." and SQL fails. */
const LAST_TIMESTAMP = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function encodeCursor(k: Keyset): string {
  return Buffer.from(`${k.createdAt.getTime()}.${k.id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): Keyset | null {
  if (cursor.length > 120 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{1,15})\.(.+)$/.exec(text);
  if (!match?.[1] || !match[2] || !uuid.test(match[2])) return null;
  const ms = Number(match[1]);
  if (!Number.isSafeInteger(ms) || ms > LAST_TIMESTAMP) return null;
  const createdAt = new Date(ms);
  return { createdAt, id: match[2] };
}

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => Keyset,
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
