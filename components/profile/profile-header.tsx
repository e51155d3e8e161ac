import { Link2, Lock } from "lucide-react";
import { RichText } from "@/components/post/caption";
import { ProfileMenu } from "@/components/relations/profile-menu";
import { UnblockButton } from "@/components/relations/unblock-button";
import { Avatar } from "@/components/ui/avatar";
import Link from "@/components/ui/link";
import type { ProfileView } from "@/lib/shared/post-views";
import { FollowButton } from "./follow-button";
import { ProfileStats } from "./profile-stats";

/** "example.com/shop" for "https://www.example.com/shop/": what Instagram shows for a website. */
export function displayWebsite(website: string): string {
  try {
    const url = new URL(website);
    const path = `${url.pathname}${url.search}`.replace(/\/$/, "");
    return `${url.host}${path}`;
  } catch {
    return website.replace(/^https?:\/\//i, "");
  }
}

const editButton =
  "h-8 items-center justify-center rounded-lg bg-neutral-100 px-4 text-sm font-semibold text-neutral-900 transition-colors hover:bg-neutral-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-neutral-800 dark:text-neutral-100 dark:hover:bg-neutral-700";

type ProfileHeaderProps = {
  profile: ProfileView;
  /** The signed-in viewer follows this profile (false when signed out or on one's own). */
  viewerFollows: boolean;
  signedIn: boolean;
};

/**
 * The top of a profile. Phones: username on top, then the avatar with the three counts beside it,
 * then name, bio and website, then "Edit profile" (or Follow). From 768 px: Instagram's classic header with a
 * large avatar on the left and everything else in a column on the right.
 */
export function ProfileHeader({ profile, viewerFollows, signedIn }: ProfileHeaderProps) {
  // Someone the viewer blocked: Unblock where Follow would be (a follow would be refused).
  const follow = (className: string) =>
    profile.viewerBlocks ? (
      <UnblockButton person={profile} className={className} />
    ) : (
      <FollowButton
        person={{ ...profile, viewerFollows }}
        isPrivate={profile.isPrivate}
        signedIn={signedIn}
        refreshOnChange
        className={className}
      />
    );
  return (
    <header className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-6 gap-y-4 px-4 pt-4 pb-6 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] md:gap-x-8 md:gap-y-5 md:px-0 md:pt-8 md:pb-11">
      <div className="col-span-2 flex min-w-0 items-center gap-5 md:col-span-1 md:col-start-2 md:row-start-1">
        <h1 className="flex min-w-0 items-center gap-1.5 text-xl leading-tight font-semibold md:font-normal">
          <span className="truncate">{profile.username}</span>
          {profile.isPrivate ? (
            <Lock aria-label="Private account" role="img" className="size-4 shrink-0" />
          ) : null}
        </h1>
        {profile.viewerIsSelf ? (
          <Link href="/accounts/edit" className={`${editButton} hidden shrink-0 md:inline-flex`}>
            Edit profile
          </Link>
        ) : (
          <div className="hidden shrink-0 md:block">{follow("")}</div>
        )}
        {signedIn && !profile.viewerIsSelf ? (
          <div className="ml-auto shrink-0 md:ml-0">
            <ProfileMenu profile={profile} />
          </div>
        ) : null}
      </div>

      <div className="row-start-2 md:col-start-1 md:row-span-3 md:row-start-1 md:justify-self-center">
        <Avatar src={profile.avatarUrl} name={profile.name} size="xl" />
      </div>

      <ProfileStats
        username={profile.username}
        postCount={profile.postCount}
        followerCount={profile.followerCount}
        followingCount={profile.followingCount}
        signedIn={signedIn}
        listsOpen={profile.viewerCanSeePosts}
      />

      <div className="col-span-2 min-w-0 text-sm leading-5 md:col-span-1 md:col-start-2 md:row-start-3">
        {profile.name ? <p className="font-semibold break-words">{profile.name}</p> : null}
        {profile.bio ? (
          <p className="break-words whitespace-pre-wrap">
            <RichText text={profile.bio} />
          </p>
        ) : null}
        {profile.website && /^https?:\/\//i.test(profile.website) ? (
          <a
            href={profile.website}
            rel="nofollow ugc noopener noreferrer"
            target="_blank"
            className="mt-0.5 inline-flex max-w-full items-center gap-1 font-semibold text-sky-900 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300"
          >
            <Link2 aria-hidden="true" className="size-3.5 shrink-0 -rotate-45" />
            <span className="truncate">{displayWebsite(profile.website)}</span>
          </a>
        ) : null}
      </div>

      {profile.viewerIsSelf ? (
        <Link href="/accounts/edit" className={`${editButton} col-span-2 flex md:hidden`}>
          Edit profile
        </Link>
      ) : (
        <div className="col-span-2 md:hidden">{follow("w-full")}</div>
      )}
    </header>
  );
}
