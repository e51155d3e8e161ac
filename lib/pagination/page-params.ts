import { decodeCursor, type Keyset } from "./cursor";

// The page params of every list, read one way: the route checks the `?cursor=` text before any
// query (lib/http/api-route.ts), the query decodes it and sizes the page (pageParams).

/** What a list query is asked for: where to continue (none: the first page) and how many rows. */
export type PageRequest = { cursor?: string | null; limit?: number };

/** A list's page size when none (or NaN) is asked for, and the most rows one page may have. */
export type PageSize = { fallback: number; max: number };

/** A list's checked page params: its size, and where it continues (null: the first page). */
export type PageParams<K> = { limit: number; after: K | null };

const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * The `?cursor=` of a request: undefined when absent or empty, null when it cannot be a cursor
 * (the route answers 400 before any query), else the text for the query to decode.
 */
export function readCursor(search: URLSearchParams): string | null | undefined {
  const raw = search.get("cursor");
  if (!raw) return undefined;
  return CURSOR_TEXT.test(raw) ? raw : null;
}

/**
 * The size of a page: a missing or NaN limit gives the fallback; any other is cut to an integer
 * and kept between 1 and max (0 and negatives give 1, Infinity gives max).
 */
export function pageLimit(asked: number | undefined, { fallback, max }: PageSize): number {
  const wanted = asked === undefined || Number.isNaN(asked) ? fallback : Math.trunc(asked);
  return Math.min(Math.max(wanted, 1), max);
}

/**
 * A list query's page params, or null when its cursor does not decode (the route answers 400).
 * Keyset cursors by default; a list with its own cursor format passes its decoder.
 */
export function pageParams(params: PageRequest, size: PageSize): PageParams<Keyset> | null;
export function pageParams<K>(
  params: PageRequest,
  size: PageSize,
  decode: (cursor: string) => K | null,
): PageParams<K> | null;
export function pageParams<K>(
  params: PageRequest,
  size: PageSize,
  decode?: (cursor: string) => K | null,
): PageParams<K | Keyset> | null {
  const read = decode ?? decodeCursor;
  const after = params.cursor ? read(params.cursor) : null;
  if (params.cursor && !after) return null;
  return { limit: pageLimit(params.limit, size), after };
}
