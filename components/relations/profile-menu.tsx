"use client";

import { MoreHorizontal } from "lucide-react";
import { useRef, useState } from "react";
import { RestrictDialog, useRestricted } from "@/components/comments/restrict-dialog";
import { failureOf } from "@/components/forms/action-result";
import { ReportButton } from "@/components/moderation/report-button";
import { Alert } from "@/components/ui/alert";
import { LazyDialog as Dialog } from "@/components/ui/lazy-dialog";
import type { ProfileView } from "@/lib/shared/post-views";
import { BlockDialog } from "./block-dialog";
import { useSetBlock, useSetMute } from "./use-relations";

const row =
  "flex min-h-12 w-full items-center justify-center border-t border-neutral-200 px-4 py-3 text-sm first:border-t-0 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:border-neutral-800 dark:hover:bg-neutral-800";

/**
 * The "…" of someone else's profile, as on Instagram: Block (asks first) or Unblock, Restrict
 * (asks first: their new comments wait for approval), mute or unmute their posts (the home feed)
 * and their comments (what you see), and Report. Muting and restricting are silent: nobody is
 * told and nobody is unfollowed.
 */
export function ProfileMenu({ profile }: { profile: ProfileView }) {
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [restrictOpen, setRestrictOpen] = useState(false);
  // Fetched when the menu first opens, so the row can say Restrict or Unrestrict.
  const restricted = useRestricted(profile.username, open || restrictOpen).data;
  const close = () => setOpen(false);
  const block = useSetBlock(close);
  const mute = useSetMute(close);
  const busy = block.isPending || mute.isPending;
  const error = block.error ?? mute.error;
  const muted = profile.viewerMutes;
  const person = { id: profile.id, username: profile.username };
  const setMute = (next: { posts: boolean; comments: boolean }) =>
    mute.mutate({ userId: profile.id, ...next });

  if (profile.viewerIsSelf) return null;
  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="dialog"
        aria-label={`Options for ${profile.username}`}
        title="Options"
        onClick={() => {
          block.reset();
          mute.reset();
          setOpen(true);
        }}
        className="inline-flex size-9 items-center justify-center rounded-full text-neutral-900 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-neutral-100 dark:hover:bg-neutral-800"
      >
        <MoreHorizontal aria-hidden="true" className="size-5" />
      </button>
      <Dialog
        open={open}
        onClose={close}
        title={`Options for ${profile.username}`}
        hideTitle
        busy={busy}
        returnFocusRef={trigger}
        showCloseButton={false}
        className="max-w-sm"
      >
        <div className="flex flex-col">
          {error ? <Alert className="m-3">{failureOf(error).message}</Alert> : null}
          {profile.viewerBlocks ? (
            <button
              type="button"
              className={`${row} font-semibold text-red-600 dark:text-red-400`}
              disabled={busy}
              onClick={() => block.mutate({ userId: profile.id, blocked: false })}
            >
              Unblock
            </button>
          ) : (
            <button
              type="button"
              className={`${row} font-semibold text-red-600 dark:text-red-400`}
              disabled={busy}
              onClick={() => {
                close();
                setConfirmBlock(true);
              }}
            >
              Block
            </button>
          )}
          {profile.viewerBlocks ? null : (
            <>
              <button
                type="button"
                className={row}
                disabled={busy}
                aria-haspopup="dialog"
                onClick={() => {
                  close();
                  setRestrictOpen(true);
                }}
              >
                {restricted ? "Unrestrict" : "Restrict"}
              </button>
              <button
                type="button"
                className={row}
                disabled={busy}
                aria-pressed={muted.posts}
                onClick={() => setMute({ ...muted, posts: !muted.posts })}
              >
                {muted.posts ? "Unmute posts" : "Mute posts"}
              </button>
              <button
                type="button"
                className={row}
                disabled={busy}
                aria-pressed={muted.comments}
                onClick={() => setMute({ ...muted, comments: !muted.comments })}
              >
                {muted.comments ? "Unmute comments" : "Mute comments"}
              </button>
            </>
          )}
          <div className={`${row} hover:bg-transparent dark:hover:bg-transparent`}>
            <ReportButton targetType="user" targetId={profile.id} variant="inline" />
          </div>
          <button type="button" className={row} disabled={busy} onClick={close} data-autofocus>
            Cancel
          </button>
        </div>
      </Dialog>
      <RestrictDialog
        userId={profile.id}
        username={profile.username}
        open={restrictOpen}
        onClose={() => setRestrictOpen(false)}
        returnFocusRef={trigger}
      />
      <BlockDialog
        open={confirmBlock}
        onClose={() => setConfirmBlock(false)}
        person={person}
        returnFocusRef={trigger}
      />
    </>
  );
}
