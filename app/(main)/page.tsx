import type { Metadata } from "next";
import { FeedList } from "@/components/feed/feed-list";
import { LazySuggestionsPanel } from "@/components/feed/lazy-suggestions-panel";
import {
  createRequestQueryClient,
  HydrateLists,
  prefetchFirstPage,
} from "@/components/query/hydrate-lists";
import { listKeys } from "@/components/query/list-query";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db";
import { listFeedPage } from "@/lib/feed/queries";
import { suggestPeople } from "@/lib/follows/queries";
import type { AuthorView } from "@/lib/shared/post-views";
import { getProfileView } from "@/lib/users/queries-profile";

export const metadata: Metadata = { title: "Home" };

const SUGGESTIONS = 8;
/**
 * Posts in the server's HTML: what a phone shows in its first two screens. Every card rendered
 * here is also hydrated before the page responds to a tap, so the first page is kept short; the
 * rest comes from /api/feed (10 a page) as the reader scrolls, after the cursor of this page.
 */
const FIRST_SCREEN_POSTS = 4;

type Props = { searchParams: Promise<{ restored?: string | string[] }> };

/** The home feed: its first page rendered here, the rest fetched as the reader scrolls. */
export default async function HomePage({ searchParams }: Props) {
  const user = await requireUser();
  const db = getDb();
  const queryClient = createRequestQueryClient();
  const [firstPage, profile] = await Promise.all([
    prefetchFirstPage(queryClient, listKeys.feed(user.id), () =>
      listFeedPage(db, { viewerId: user.id, limit: FIRST_SCREEN_POSTS }),
    ),
    getProfileView(db, user.username, user.id),
  ]);
  const empty = firstPage.items.length === 0;
  // A sign-in that restored a deleted account lands here (lib/users/actions.ts signInAction).
  const restored = (await searchParams).restored === "1";
  const people = empty ? await suggestPeople(db, user.id, SUGGESTIONS) : [];
  const viewer: AuthorView = {
    id: user.id,
    username: user.username,
    name: user.name,
    avatarUrl: profile?.avatarUrl ?? null,
  };

  return (
    <main className="mx-auto w-full max-w-[630px] py-4 sm:px-4 md:py-8">
      <h1 className="mx-auto mb-2 max-w-[470px] px-4 text-xl font-bold sm:px-0 md:mb-4">Home</h1>
      {restored ? (
        <Alert tone="success" className="mx-4 mb-4 sm:mx-auto sm:max-w-[470px]">
          Welcome back, your account is restored.
        </Alert>
      ) : null}
      {empty ? (
        <LazySuggestionsPanel name={user.name} people={people} />
      ) : (
        <HydrateLists client={queryClient}>
          <FeedList viewer={viewer} />
        </HydrateLists>
      )}
    </main>
  );
}
