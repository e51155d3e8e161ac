import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { type Keyset, toPage } from "@/lib/pagination/cursor";
import { descIndexed, olderThan } from "@/lib/pagination/keyset";
import type { PageParams, PageSize } from "@/lib/pagination/page-params";
import { notBlockedBetween } from "@/lib/shared/blocks";
import {
  personColumns,
  toPersonView,
  viewerFollowsColumn,
  viewerRequestedColumn,
} from "@/lib/shared/people";
import type { Page, PersonView } from "@/lib/shared/post-views";
import type { Storage } from "@/lib/storage/types";

/** Page size of a people list (followers, following, likers): 30 unless asked, at most 60. */
export const PEOPLE_PAGE: PageSize = { fallback: 30, max: 60 };

/** The table whose rows link a person to the list (a follow, a like), and which rows count. */
export type PeopleEdge = {
  table: PgTable;
  createdAt: AnyPgColumn<{ data: Date; notNull: true }>;
  personId: AnyPgColumn<{ data: string; notNull: true }>;
  where: SQL;
};

/**
 * One page of the active people at one end of `edge` (never one blocked either way with the
 * viewer), newest edge first, keyset (created_at,
 * person id) from its index; each row says whether the viewer follows that person.
 */
export async function listPeopleOf(
  db: Executor,
  edge: PeopleEdge,
  { limit, after }: PageParams<Keyset>,
  viewerId: string | null,
  storage: Pick<Storage, "publicUrl">,
): Promise<Page<PersonView>> {
  const rows = await db
    .select({
      ...personColumns,
      createdAt: edge.createdAt,
      viewerFollows: viewerFollowsColumn(viewerId),
      viewerRequested: viewerRequestedColumn(viewerId),
    })
    .from(edge.table)
    .innerJoin(users, eq(users.id, edge.personId))
    .where(
      and(
        edge.where,
        eq(users.status, "active"),
        notBlockedBetween(viewerId, users.id),
        after ? olderThan(edge.createdAt, edge.personId, after) : undefined,
      ),
    )
    .orderBy(descIndexed(edge.createdAt), descIndexed(edge.personId))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => ({ createdAt: r.createdAt, id: r.id }),
    (r) => toPersonView(storage, r, viewerId),
  );
}
