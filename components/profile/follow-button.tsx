"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { failureOf, toResult, unwrap } from "@/components/forms/action-result";
import { patchCachedItems } from "@/components/post/patch-cached-items";
import Link from "@/components/ui/link";
import { setFollowAction } from "@/lib/follows/actions";

type FollowButtonProps = {
  /**
   * The account to follow, whether the viewer follows it already and whether they asked to (a
   * private account's pending request), as the page showed it.
   */
  person: {
    id: string;
    username: string;
    viewerFollows: boolean;
    viewerRequested?: boolean;
    isPrivate?: boolean;
  };
  /**
   * A private account (defaults to person.isPrivate): Follow sends a request, shown as
   * "Requested" until the owner answers.
   */
  isPrivate?: boolean;
  size?: "sm" | "md";
  /** Signed-out visitors get a "Follow" link to the login page instead. */
  signedIn?: boolean;
  /** Re-render the server page after a change (a profile, so its counts update). */
  refreshOnChange?: boolean;
  /** Called with the account's new follower count once the server confirmed a change. */
  onChange?: (following: boolean, followerCount: number) => void;
  className?: string;
};

const sizes = {
  sm: "h-8 min-w-[5.75rem] px-4",
  md: "h-8 min-w-[6.5rem] px-5 md:h-9",
} as const;

const base =
  "group inline-flex items-center justify-center rounded-lg text-sm font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500";
const followStyle = "bg-sky-500 text-white hover:bg-sky-600 active:bg-sky-700";
const requestedStyle =
  "bg-neutral-100 text-neutral-900 hover:bg-neutral-200 dark:bg-neutral-800 dark:text-neutral-100 dark:hover:bg-neutral-700";
const followingStyle =
  "bg-neutral-100 text-neutral-900 hover:bg-neutral-200 hover:text-red-600 dark:bg-neutral-800 dark:text-neutral-100 dark:hover:bg-neutral-700 dark:hover:text-red-400";

type FollowState = "none" | "requested" | "following";

const stateOf = (following: boolean, requested = false): FollowState =>
  following ? "following" : requested ? "requested" : "none";

/**
 * Follow (blue) / Requested (grey, a private account's pending request; pressing it again cancels)
 * / Following (grey; reads "Unfollow" on hover and focus) with an optimistic toggle that rolls
 * back, with a message, when the action fails. The accessible name stays "Follow", "Requested" or
 * "Following" (the hover text is decoration), aria-pressed says whether the viewer follows or asked.
 */
export function FollowButton({
  person,
  isPrivate = person.isPrivate ?? false,
  size = "md",
  signedIn = true,
  refreshOnChange = false,
  onChange,
  className = "",
}: FollowButtonProps) {
  const { id: userId, username } = person;
  const initially = stateOf(person.viewerFollows, person.viewerRequested);
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const errorId = useId();
  const [state, setState] = useState<FollowState>(initially);
  const [seen, setSeen] = useState<FollowState>(initially);
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationKey: ["follow", userId],
    scope: { id: `follow:${userId}` },
    mutationFn: async (follow: boolean) =>
      unwrap(toResult(await setFollowAction({ userId, follow }))),
    onMutate: (follow) => {
      setError(null);
      const previous = state;
      setState(follow ? (isPrivate ? "requested" : "following") : "none");
      patchCachedItems(queryClient, userId, { viewerFollows: follow && !isPrivate });
      return { previous };
    },
    onSuccess: (data) => {
      if (queryClient.isMutating({ mutationKey: ["follow", userId] }) > 1) return;
      setState(stateOf(data.following, data.requested));
      patchCachedItems(queryClient, userId, { viewerFollows: data.following });
      onChange?.(data.following, data.followerCount);
      if (refreshOnChange) router.refresh();
    },
    onError: (err, _follow, context) => {
      if (context && queryClient.isMutating({ mutationKey: ["follow", userId] }) <= 1) {
        setState(context.previous);
        patchCachedItems(queryClient, userId, {
          viewerFollows: context.previous === "following",
        });
      }
      const failure = failureOf(err);
      if (failure.code === "UNAUTHENTICATED") {
        router.push(`/login?next=${encodeURIComponent(pathname)}`);
        return;
      }
      setError(failure.message);
    },
  });

  useEffect(() => {
    if (!error) return;
    const timer = window.setTimeout(() => setError(null), 6000);
    return () => window.clearTimeout(timer);
  }, [error]);

  // A newer server answer (after a refresh) wins unless a change is on its way.
  if (seen !== initially) {
    setSeen(initially);
    if (!mutation.isPending) setState(initially);
  }
  const following = state === "following";

  if (!signedIn) {
    return (
      <Link
        href={`/login?next=${encodeURIComponent(`/${username}`)}`}
        className={`${base} ${sizes[size]} ${followStyle} ${className}`}
      >
        Follow
      </Link>
    );
  }

  return (
    <span className={`relative inline-flex flex-col ${className}`}>
      <button
        type="button"
        aria-pressed={state !== "none"}
        aria-describedby={error ? errorId : undefined}
        onClick={() => mutation.mutate(state === "none")}
        className={`${base} ${sizes[size]} ${state === "none" ? followStyle : state === "requested" ? requestedStyle : followingStyle}`}
      >
        {state === "requested" ? (
          "Requested"
        ) : following ? (
          <>
            <span className="group-hover:sr-only group-focus-visible:sr-only">Following</span>
            <span
              aria-hidden="true"
              className="hidden group-hover:inline group-focus-visible:inline"
            >
              Unfollow
            </span>
          </>
        ) : (
          "Follow"
        )}
      </button>
      <span id={errorId} role="alert" className="absolute top-full right-0 z-10 mt-1">
        {error ? (
          <span className="block w-max max-w-56 rounded-md bg-neutral-900 px-2 py-1 text-xs font-normal text-white shadow-lg dark:bg-neutral-100 dark:text-neutral-900">
            {error}
          </span>
        ) : null}
      </span>
    </span>
  );
}
