"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MoreHorizontal } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { failureOf, toResult, unwrap } from "@/components/forms/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { listKeys } from "@/components/query/list-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LazyDialog as Dialog } from "@/components/ui/lazy-dialog";
import { deletePostAction, setPostControlsAction } from "@/lib/posts/actions";
import type { PostView } from "@/lib/shared/post-views";
import { patchCachedItems } from "./patch-cached-items";

// The edit form is fetched when the author opens it, not with the post.
const EditPostForm = dynamic(() => import("./edit-post-form").then((m) => m.EditPostForm), {
  ssr: false,
});

type Mode = "menu" | "edit" | "delete" | null;

const menuItem =
  "flex h-12 w-full items-center justify-center border-t border-neutral-200 text-sm transition-colors first:border-t-0 hover:bg-neutral-50 focus-visible:bg-neutral-100 focus-visible:outline-none dark:border-neutral-800 dark:hover:bg-neutral-800 dark:focus-visible:bg-neutral-800";

/** The author's "…" button: a sheet of actions, then the edit form or the delete confirmation. */
export function PostOwnerMenu({ post }: { post: PostView }) {
  const router = useRouter();
  const trigger = useRef<HTMLButtonElement>(null);
  const [mode, setMode] = useState<Mode>(null);
  const [busy, setBusy] = useState(false);
  const close = useCallback(() => setMode(null), []);
  const saved = useCallback(() => {
    setMode(null);
    router.refresh();
  }, [router]);
  const controls = usePostControls(post, saved);

  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-label="Post options"
        aria-haspopup="dialog"
        onClick={() => setMode("menu")}
        className="inline-flex size-9 items-center justify-center rounded-full text-neutral-900 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-neutral-100 dark:hover:bg-neutral-800"
      >
        <MoreHorizontal aria-hidden="true" className="size-5" />
      </button>

      <Dialog
        open={mode === "menu"}
        onClose={close}
        title="Post options"
        hideTitle
        showCloseButton={false}
        returnFocusRef={trigger}
        className="max-w-sm"
      >
        {controls.message ? (
          <div className="p-3">
            <Alert>{controls.message}</Alert>
          </div>
        ) : null}
        <ul aria-busy={controls.isPending || undefined}>
          <li>
            <button
              type="button"
              onClick={() => setMode("delete")}
              className={`${menuItem} font-bold text-red-600 dark:text-red-400`}
            >
              Delete
            </button>
          </li>
          <li>
            <button type="button" onClick={() => setMode("edit")} className={menuItem}>
              Edit
            </button>
          </li>
          <li>
            <button
              type="button"
              disabled={controls.isPending}
              onClick={() => controls.set({ hideLikeCount: !post.likeCountHidden })}
              className={menuItem}
            >
              {post.likeCountHidden ? "Unhide like count" : "Hide like count"}
            </button>
          </li>
          <li>
            <button
              type="button"
              disabled={controls.isPending}
              onClick={() => controls.set({ commentsOff: !post.commentsOff })}
              className={menuItem}
            >
              {post.commentsOff ? "Turn on commenting" : "Turn off commenting"}
            </button>
          </li>
          <li>
            <button type="button" onClick={close} className={menuItem}>
              Cancel
            </button>
          </li>
        </ul>
      </Dialog>

      <Dialog
        open={mode === "edit"}
        onClose={close}
        title="Edit info"
        busy={busy}
        returnFocusRef={trigger}
        className="max-w-lg"
      >
        <EditPostForm
          postId={post.id}
          caption={post.caption}
          media={post.media}
          onCancel={close}
          onSaved={saved}
          onPendingChange={setBusy}
        />
      </Dialog>

      <Dialog
        open={mode === "delete"}
        onClose={close}
        title="Delete post?"
        description="This removes the post and its photos for good. You can't undo this."
        busy={busy}
        returnFocusRef={trigger}
        showCloseButton={false}
        className="max-w-sm"
      >
        <DeleteConfirm
          postId={post.id}
          username={post.author.username}
          onCancel={close}
          onPendingChange={setBusy}
        />
      </Dialog>
    </>
  );
}

type Controls = { hideLikeCount?: boolean; commentsOff?: boolean };

/**
 * "Hide like count" and "Turn off commenting": the action, then the post's cached views follow
 * (the feed card's flags, its comments fetched again) and the page is rendered again.
 */
function usePostControls(post: PostView, done: () => void) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (controls: Controls) =>
      unwrap(toResult(await setPostControlsAction({ postId: post.id, ...controls }))),
    onSuccess: ({ hideLikeCount, commentsOff }) => {
      patchCachedItems(queryClient, post.id, { likeCountHidden: hideLikeCount, commentsOff });
      void queryClient.invalidateQueries({ queryKey: listKeys.comments(post.id) });
      done();
    },
  });
  return {
    set: (controls: Controls) => mutation.mutate(controls),
    isPending: mutation.isPending,
    message: mutation.error ? failureOf(mutation.error).message : null,
  };
}

type DeleteConfirmProps = {
  postId: string;
  username: string;
  onCancel: () => void;
  onPendingChange: (pending: boolean) => void;
};

function DeleteConfirm({ postId, username, onCancel, onPendingChange }: DeleteConfirmProps) {
  const queryClient = useQueryClient();
  const { execute, message, isPending, succeeded } = useActionForm(deletePostAction);
  const busy = isPending || succeeded;

  useEffect(() => onPendingChange(busy), [busy, onPendingChange]);
  // The action redirects to the profile itself once the post is gone.
  const remove = () => {
    // The profile's cached grid still lists the post: drop it before going there.
    queryClient.removeQueries({ queryKey: listKeys.profileGrid(username) });
    execute({ postId });
  };

  return (
    <div className="flex flex-col gap-3 p-5">
      {message ? <Alert>{message}</Alert> : null}
      <Button variant="danger" fullWidth pending={busy} onClick={remove}>
        Delete
      </Button>
      <Button variant="secondary" fullWidth disabled={busy} onClick={onCancel} data-autofocus>
        Cancel
      </Button>
    </div>
  );
}
