import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { fail } from "@/lib/result";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import { PRIVATE_ACCOUNT } from "@/lib/shared/private-accounts";
import { getProfileView } from "@/lib/users/queries-profile";

type PeopleList = (
  db: ReturnType<typeof getDb>,
  params: { userId: string; viewerId: string | null; cursor?: string },
) => Promise<object | null>;

/**
 * A `GET ?cursor=` list of an account's people (followers, following): 404 for no account, 403
 * for a private account the viewer does not follow.
 */
export function peopleListRoute(label: string, list: PeopleList) {
  return apiRoute<{ username: string }>(
    { label, viewer: "optional", cursor: true },
    async ({ params, viewer, cursor }) => {
      const db = getDb();
      const viewerId = viewer?.id ?? null;
      // getProfileView answers null for a malformed name, a missing or a suspended account.
      const profile = await getProfileView(db, params.username, viewerId);
      if (!profile) return fail("NOT_FOUND", USER_NOT_FOUND);
      // A blocker sees the blocked account's header only, never its people.
      if (profile.viewerBlocks) return { items: [], nextCursor: null };
      if (!profile.viewerCanSeePosts) return fail("FORBIDDEN", PRIVATE_ACCOUNT);
      const page = await list(db, { userId: profile.id, viewerId, cursor });
      // The list's owner gets a Block button on each row (components/profile/people-list-dialog).
      return page && { ...page, viewerOwnsList: profile.viewerIsSelf };
    },
  );
}
