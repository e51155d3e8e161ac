import "server-only";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";

// Private accounts (users.is_private): only the owner and their approved followers see the posts,
// the saved items and the follow lists. Every read of posts asks the database with the predicates
// here, so a list, a page and a route agree, and unfollowing removes access at the next read.

/** What a list route of a private account answers to someone who may not see it. */
export const PRIVATE_ACCOUNT = "This account is private. Follow it to see its photos.";

type Column = AnyColumn | SQL;

/**
 * SQL true when `viewerId` may see the posts (and lists) of the account in `authorId`, whose
 * is_private is `authorIsPrivate`: the account is public, is the viewer, or the viewer follows it
 * (one primary-key probe of follows, only for private accounts). Signed out: public accounts only.
 */
export function canSeePostsOf(
  viewerId: string | null,
  authorId: Column,
  authorIsPrivate: Column,
): SQL {
  if (!viewerId) return sql`not ${authorIsPrivate}`;
  return sql`(not ${authorIsPrivate} or ${authorId} = ${viewerId}::uuid or exists (
    select 1 from follows pa_f where pa_f.follower_id = ${viewerId}::uuid and pa_f.followee_id = ${authorId}))`;
}

/**
 * SQL true for a public account. Discovery shared by everyone (the explore snapshot, trending tags)
 * never shows a private account's posts, whoever looks.
 */
export function isPublicAccount(authorIsPrivate: Column): SQL {
  return sql`not ${authorIsPrivate}`;
}

/**
 * Whether the viewer may see an account's posts and lists, from what the page already knows (the
 * profile's is_private, whether the viewer follows it), without another query.
 */
export function viewerMaySee(
  account: { id: string; isPrivate: boolean },
  viewerId: string | null,
  viewerFollows: boolean,
): boolean {
  return !account.isPrivate || account.id === viewerId || viewerFollows;
}
