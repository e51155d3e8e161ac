"use client";

import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useLayoutEffect, useState } from "react";
import { failureOf } from "@/components/forms/action-result";
import { patchCachedItems } from "./patch-cached-items";
import { postReaction } from "./post-reaction-request";

/** What the server said about the viewer and a post; the hook starts from it and follows it. */
export type ReactionsSnapshot = { liked: boolean; likeCount: number; saved: boolean };

export type PostReactions = ReactionsSnapshot & {
  postId: string;
  signedIn: boolean;
  /** /login?next=/p/<id>: where signed-out viewers are sent */
  loginHref: string;
  /**
   * The viewer liked or unliked here, or the count changed live since the server's snapshot:
   * "liked by <latest liker>" may no longer be true.
   */
  likeChanged: boolean;
  toggleLike: () => void;
  /** Likes, never unlikes (double tap). */
  like: () => void;
  toggleSave: () => void;
  error: string | null;
  dismissError: () => void;
};

type UsePostReactionsOptions = { postId: string; signedIn: boolean; initial: ReactionsSnapshot };

const same = (a: ReactionsSnapshot, b: ReactionsSnapshot) =>
  a.liked === b.liked && a.likeCount === b.likeCount && a.saved === b.saved;

/** The mutation key of every like/save of one post (to know whether one is still running). */
export const reactionsMutationKey = (postId: string) => ["post-reactions", postId] as const;

/**
 * The query key of one post's reaction state in the TanStack cache. The hook reads it, so writes
 * from elsewhere show at once: live like counts (useLivePostCache) and other views of the post.
 */
export const reactionsKey = (postId: string) => ["post-reactions-state", postId] as const;

/**
 * Like and save state of one post with optimistic updates: the heart, the count and the bookmark
 * change at once and roll back with an error message if the action fails. Every change is also
 * written into cached lists that show the post (the feed's infinite query, profile grids), so the
 * feed and the post page agree. Likes (and saves) of one post run one after the other (mutation
 * scope), so quick taps end in the state of the last one; they go to JSON routes with keepalive
 * (postReaction), never queued behind the page's other server actions.
 */
export function usePostReactions({
  postId,
  signedIn,
  initial,
}: UsePostReactionsOptions): PostReactions {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const [error, setError] = useState<string | null>(null);
  const [acted, setActed] = useState(false);
  const stateKey = reactionsKey(postId);
  const { data } = useQuery<ReactionsSnapshot>({
    queryKey: stateKey,
    queryFn: skipToken,
    initialData: initial,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const state = data ?? initial;
  /** The state right now (the cache), for callbacks that run between renders. */
  const current = (): ReactionsSnapshot =>
    queryClient.getQueryData<ReactionsSnapshot>(stateKey) ?? state;

  const key = reactionsMutationKey(postId);
  // The server's snapshot (on mount, then each refresh or refetched feed page) wins unless an
  // action of the viewer is running, whose answer settles the state instead.
  const { liked: initialLiked, likeCount: initialCount, saved: initialSaved } = initial;
  useLayoutEffect(() => {
    if (queryClient.isMutating({ mutationKey: reactionsMutationKey(postId) }) > 0) return;
    const server = { liked: initialLiked, likeCount: initialCount, saved: initialSaved };
    // Unchanged (every card on hydration: useQuery's initialData is this snapshot): no write, so
    // the cache does not notify every card's observers for nothing.
    const cached = queryClient.getQueryData<ReactionsSnapshot>(reactionsKey(postId));
    if (cached && same(cached, server)) return;
    queryClient.setQueryData<ReactionsSnapshot>(reactionsKey(postId), server);
  }, [queryClient, postId, initialLiked, initialCount, initialSaved]);

  const loginHref = `/login?next=${encodeURIComponent(`/p/${postId}`)}`;

  const apply = useCallback(
    (next: ReactionsSnapshot) => {
      queryClient.setQueryData<ReactionsSnapshot>(reactionsKey(postId), next);
      patchCachedItems(queryClient, postId, {
        viewerHasLiked: next.liked,
        likeCount: next.likeCount,
        viewerHasSaved: next.saved,
      });
    },
    [queryClient, postId],
  );

  // Only the last of several quick taps may settle the state; earlier answers are out of date.
  const isLast = (kind: "like" | "save") =>
    queryClient.isMutating({ mutationKey: [...key, kind], exact: true }) <= 1;

  const onFailure = (
    kind: "like" | "save",
    err: unknown,
    previous: ReactionsSnapshot | undefined,
  ) => {
    const failure = failureOf(err);
    if (previous && isLast(kind)) apply(previous);
    if (failure.code === "UNAUTHENTICATED") {
      router.push(`/login?next=${encodeURIComponent(pathname)}`);
      return;
    }
    setError(failure.message);
  };

  const likeMutation = useMutation({
    mutationKey: [...key, "like"],
    scope: { id: `like:${postId}` },
    mutationFn: (liked: boolean) =>
      postReaction<{ liked: boolean; likeCount: number }>(postId, "like", { liked }),
    onMutate: (liked) => {
      const previous = current();
      const delta = liked === previous.liked ? 0 : liked ? 1 : -1;
      setActed(true);
      apply({ ...previous, liked, likeCount: Math.max(0, previous.likeCount + delta) });
      return { previous };
    },
    onSuccess: (data) => {
      if (isLast("like")) apply({ ...current(), liked: data.liked, likeCount: data.likeCount });
    },
    onError: (err, _liked, context) => onFailure("like", err, context?.previous),
  });

  const saveMutation = useMutation({
    mutationKey: [...key, "save"],
    scope: { id: `save:${postId}` },
    mutationFn: (saved: boolean) => postReaction<{ saved: boolean }>(postId, "save", { saved }),
    onMutate: (saved) => {
      const previous = current();
      apply({ ...previous, saved });
      return { previous };
    },
    onSuccess: (data) => {
      if (isLast("save")) apply({ ...current(), saved: data.saved });
      // The viewer's Saved tab lists saved posts: it must load again when next shown.
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === "profile-grid" && q.queryKey[2] === "saved",
      });
    },
    onError: (err, _saved, context) => onFailure("save", err, context?.previous),
  });

  const { mutate: mutateLike } = likeMutation;
  const { mutate: mutateSave } = saveMutation;

  const requireSignIn = () => {
    if (signedIn) return false;
    router.push(loginHref);
    return true;
  };

  return {
    ...state,
    postId,
    signedIn,
    loginHref,
    likeChanged: acted || state.likeCount !== initial.likeCount,
    toggleLike: () => {
      if (requireSignIn()) return;
      setError(null);
      mutateLike(!current().liked);
    },
    like: () => {
      if (requireSignIn() || current().liked) return;
      setError(null);
      mutateLike(true);
    },
    toggleSave: () => {
      if (requireSignIn()) return;
      setError(null);
      mutateSave(!current().saved);
    },
    error,
    dismissError: () => setError(null),
  };
}

export const PostReactionsContext = createContext<PostReactions | null>(null);

/** The reactions of the post around this component (see PostReactionsProvider). */
export function usePostReactionsContext(): PostReactions {
  const value = useContext(PostReactionsContext);
  if (!value) throw new Error("usePostReactionsContext needs a <PostReactionsProvider> around it.");
  return value;
}
