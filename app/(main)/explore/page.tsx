import { Compass } from "lucide-react";
import type { Metadata } from "next";
import { SuggestedPeople } from "@/components/discover/suggested-people";
import { TrendingTags } from "@/components/discover/trending-tags";
import { ProfileGrid } from "@/components/profile/profile-grid";
import {
  createRequestQueryClient,
  HydrateLists,
  prefetchFirstPage,
} from "@/components/query/hydrate-lists";
import { lists } from "@/components/query/list-query";
import { SearchBox } from "@/components/search/search-box";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db";
import { listExplorePage, suggestedPeople, trendingTags } from "@/lib/discover/queries";

export const metadata: Metadata = { title: "Explore" };

/**
 * Discover: on phones the search box on top (this is the search page there; from 768 px the nav
 * opens a search panel), trending tags, people to follow, then popular posts of people the viewer
 * does not follow, the first page rendered here and the rest fetched while scrolling.
 */
export default async function ExplorePage() {
  const user = await requireUser();
  const db = getDb();
  const queryClient = createRequestQueryClient();
  const [tags, people] = await Promise.all([
    trendingTags(db, { limit: 12 }),
    suggestedPeople(db, { viewerId: user.id, limit: 10 }),
    prefetchFirstPage(queryClient, lists.explore().queryKey, () =>
      listExplorePage(db, { viewerId: user.id }),
    ),
  ]);

  return (
    <main className="mx-auto w-full max-w-[935px] pb-12 md:px-5 md:pt-8">
      <h1 className="sr-only">Explore</h1>
      <div className="sticky top-14 z-10 bg-white px-4 py-2 md:hidden dark:bg-black">
        <SearchBox variant="popover" />
      </div>
      <div className="flex flex-col gap-6 pt-3 md:gap-8 md:pt-0">
        <TrendingTags tags={tags} />
        <SuggestedPeople people={people} />
        <HydrateLists client={queryClient}>
          <ProfileGrid
            feed={{
              ...lists.explore(),
              title: "Popular right now",
              empty: (
                <EmptyState
                  icon={Compass}
                  title="Nothing to explore yet"
                  description="Popular photos from people you don't follow will show up here."
                />
              ),
            }}
          />
        </HydrateLists>
      </div>
    </main>
  );
}
