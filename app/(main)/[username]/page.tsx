import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { PrivateProfilePanel } from "@/components/profile/private-profile-panel";
import { ProfileGrid } from "@/components/profile/profile-grid";
import { ProfileHeader } from "@/components/profile/profile-header";
import { ProfileTabs } from "@/components/profile/profile-tabs";
import {
  createRequestQueryClient,
  HydrateLists,
  prefetchFirstPage,
} from "@/components/query/hydrate-lists";
import { lists } from "@/components/query/list-query";
import { BlockedNotice } from "@/components/relations/blocked-notice";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { listProfileGrid } from "@/lib/posts/queries";
import { listSaved } from "@/lib/saves/queries";
import { getProfileView } from "@/lib/users/queries-profile";

type Props = {
  params: Promise<{ username: string }>;
  searchParams: Promise<{ tab?: string | string[] }>;
};

const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

// Usernames never need URL encoding, so anything else in the segment is simply not a profile.
const loadProfile = cache(async (username: string) => {
  if (!USERNAME.test(username)) return null;
  const viewer = await getCurrentUser();
  return getProfileView(getDb(), username, viewer?.id ?? null);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadProfile((await params).username);
  if (!profile) return { title: "Profile not found" };
  const title = `${profile.name} (@${profile.username})`;
  const description =
    profile.bio ||
    `${profile.postCount} posts, ${profile.followerCount} followers. See ${profile.name}'s photos on Snapgram.`;
  const url = new URL(`/${profile.username}`, env.APP_URL).toString();
  const images = profile.avatarUrl ? [new URL(profile.avatarUrl, env.APP_URL).toString()] : [];
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "profile", url, title, description, username: profile.username, images },
    twitter: { card: "summary", title, description, images },
  };
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const { username } = await params;
  const profile = await loadProfile(username);
  if (!profile) notFound();
  // One address per profile: /Ana and /ana show the same page, so send everyone to the real one.
  if (username !== profile.username) redirect(`/${profile.username}`);
  const db = getDb();
  const viewer = await getCurrentUser();
  // Saved posts are private: only the owner has the tab; anyone else gets the posts.
  const source = profile.viewerIsSelf && (await searchParams).tab === "saved" ? "saved" : "posts";
  const queryClient = createRequestQueryClient();
  const viewerId = viewer?.id ?? null;
  // A private account's posts stay on the server unless the viewer may see them.
  if (profile.viewerCanSeePosts) {
    await prefetchFirstPage(
      queryClient,
      lists.profileGrid(profile.username, source).queryKey,
      () =>
        source === "saved"
          ? listSaved(db, { userId: profile.id })
          : listProfileGrid(db, { userId: profile.id, viewerId }),
    );
  }
  const viewerFollows = profile.viewerFollows && !profile.viewerIsSelf;
  return (
    <main className="mx-auto w-full max-w-[935px] pb-12 md:px-5">
      <ProfileHeader profile={profile} viewerFollows={viewerFollows} signedIn={viewer !== null} />
      {profile.viewerBlocks ? (
        <BlockedNotice person={profile} />
      ) : !profile.viewerCanSeePosts ? (
        <PrivateProfilePanel />
      ) : null}
      {profile.viewerIsSelf ? <ProfileTabs username={profile.username} active={source} /> : null}
      {profile.viewerCanSeePosts ? (
        <HydrateLists client={queryClient}>
          <ProfileGrid
            key={source}
            username={profile.username}
            isSelf={profile.viewerIsSelf}
            source={source}
            hideHeading={profile.viewerIsSelf}
          />
        </HydrateLists>
      ) : null}
    </main>
  );
}
