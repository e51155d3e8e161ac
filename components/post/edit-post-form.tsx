"use client";

import { useEffect, useId, useState } from "react";
import { MentionTextarea } from "@/components/forms/mention-textarea";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { updatePostAction } from "@/lib/posts/actions";
import { MAX_ALT, MAX_CAPTION } from "@/lib/posts/limits";
import { formatCount } from "@/lib/shared/format";
import type { MediaView } from "@/lib/shared/post-views";
import { PhotoImage } from "./post-media";

type EditPostFormProps = {
  postId: string;
  caption: string;
  media: MediaView[];
  onCancel: () => void;
  onSaved: () => void;
  onPendingChange: (pending: boolean) => void;
};

/** The author's edit form: caption (with a live counter) and alt text of every photo. */
export function EditPostForm({
  postId,
  caption: initialCaption,
  media,
  onCancel,
  onSaved,
  onPendingChange,
}: EditPostFormProps) {
  const { execute, fieldErrors, message, isPending, succeeded } = useActionForm(updatePostAction);
  const [caption, setCaption] = useState(initialCaption);
  const [alts, setAlts] = useState<Record<string, string>>(() =>
    Object.fromEntries(media.map((m) => [m.id, m.alt])),
  );
  const captionId = useId();
  const counterId = useId();
  const errorId = useId();

  useEffect(() => onPendingChange(isPending), [isPending, onPendingChange]);
  useEffect(() => {
    if (succeeded) onSaved();
  }, [succeeded, onSaved]);

  const over = caption.length > MAX_CAPTION;
  const captionErrors = fieldErrors.caption;
  const altErrorsOf = (i: number) => fieldErrors[`alts.${i}.alt`];

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        execute({
          postId,
          caption,
          alts: media.map((m) => ({ mediaId: m.id, alt: alts[m.id] ?? "" })),
        });
      }}
      className="flex flex-col gap-5 p-5"
    >
      <div className="flex flex-col gap-1">
        <div className="flex items-baseline justify-between">
          <label
            htmlFor={captionId}
            className="text-xs font-medium text-neutral-600 dark:text-neutral-400"
          >
            Caption
          </label>
          <span
            id={counterId}
            aria-live="polite"
            className={`text-xs tabular-nums ${over ? "font-semibold text-red-600 dark:text-red-400" : "text-neutral-500 dark:text-neutral-400"}`}
          >
            {formatCount(caption.length)}/{formatCount(MAX_CAPTION)}
          </span>
        </div>
        <MentionTextarea
          id={captionId}
          data-autofocus
          name="caption"
          rows={6}
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
          aria-invalid={over || Boolean(captionErrors?.length) || undefined}
          aria-describedby={`${counterId}${captionErrors?.length ? ` ${errorId}` : ""}`}
          placeholder="Write a caption…"
          className="min-h-32 w-full resize-y rounded-md border border-neutral-300 bg-neutral-50 px-3 py-2 text-sm text-neutral-900 placeholder:text-neutral-400 focus:border-neutral-500 focus:bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500/40 aria-invalid:border-red-500 dark:border-neutral-700 dark:bg-neutral-950 dark:text-neutral-100 dark:focus:border-neutral-400"
        />
        {captionErrors?.length ? (
          <p id={errorId} className="text-xs text-red-600 dark:text-red-400">
            {captionErrors.join(" ")}
          </p>
        ) : null}
      </div>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-semibold">Alt text</legend>
        <p className="-mt-1 text-xs text-neutral-500 dark:text-neutral-400">
          Alt text describes your photos for people with visual impairments.
        </p>
        {media.map((m, i) => (
          <div key={m.id} className="flex items-start gap-3">
            <PhotoImage media={m} sizes="48px" className="mt-5 size-12 shrink-0 rounded-md" />
            <TextField
              label={media.length > 1 ? `Photo ${i + 1} of ${media.length}` : "Photo"}
              name={`alt-${m.id}`}
              value={alts[m.id] ?? ""}
              onChange={(e) => setAlts((prev) => ({ ...prev, [m.id]: e.target.value }))}
              maxLength={MAX_ALT}
              placeholder="Write alt text…"
              errors={altErrorsOf(i)}
              className="min-w-0 flex-1"
            />
          </div>
        ))}
        {fieldErrors.alts?.length ? (
          <p className="text-xs text-red-600 dark:text-red-400">{fieldErrors.alts.join(" ")}</p>
        ) : null}
      </fieldset>

      {message ? <Alert>{message}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={isPending}>
          Cancel
        </Button>
        <Button type="submit" pending={isPending} disabled={over}>
          Save
        </Button>
      </div>
    </form>
  );
}
