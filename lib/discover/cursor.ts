// Explore cursors: the snapshot a page was ranked in and the rank of its last post,
// base64url-encoded. Anything else is refused (the route answers 400), never passed to SQL.

export type ExploreCursor = { snapshotId: string; rank: number };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeExploreCursor(c: ExploreCursor): string {
  return Buffer.from(`${c.snapshotId}.${c.rank}`, "utf8").toString("base64url");
}

export function decodeExploreCursor(cursor: string): ExploreCursor | null {
  if (cursor.length > 120 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const match = /^([0-9a-f-]{36})\.(\d{1,7})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match?.[1] || !match[2] || !uuid.test(match[1])) return null;
  const rank = Number(match[2]);
  return rank >= 1 ? { snapshotId: match[1], rank } : null;
}
