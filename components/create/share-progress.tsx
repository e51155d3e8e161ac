"use client";

import { CircleCheck, Loader2, RefreshCw } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CroppedImage } from "./cropped-image";
import { formatBytes } from "./file-checks";
import { ProgressBar } from "./progress-bar";
import type { UploadState } from "./types";
import type { ShareJob, SharePhase } from "./use-share";

type Props = {
  job: ShareJob;
  phase: SharePhase;
  uploads: Record<string, UploadState>;
  onCancel: () => void;
  onRetry: (photoId: string) => void;
};

const percentOf = (u: UploadState | undefined) =>
  u ? (u.status === "done" ? 100 : u.total > 0 ? (u.loaded / u.total) * 100 : 0) : 0;

function statusText(upload: UploadState | undefined): string {
  switch (upload?.status) {
    case "uploading":
      return upload.total > 0 && upload.loaded >= upload.total
        ? "Finishing…"
        : `Uploading… ${Math.round(percentOf(upload))}%`;
    case "done":
      return "Uploaded";
    case "error":
      return "Upload failed";
    default:
      return "Waiting…";
  }
}

/** Share in progress: an overall bar, a bar per photo with Retry on failure, and Cancel. */
export function ShareProgress({ job, phase, uploads, onCancel, onRetry }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const list = job.photos.map((photo) => uploads[photo.id]);
  const total = list.reduce((sum, u) => sum + (u?.total ?? 0), 0);
  const loaded = list.reduce(
    (sum, u) => sum + (u?.status === "done" ? u.total : (u?.loaded ?? 0)),
    0,
  );
  const done = list.filter((u) => u?.status === "done").length;
  const failed = list.filter((u) => u?.status === "error").length;
  const creating = phase === "creating";
  const overall = creating ? 100 : total > 0 ? (loaded / total) * 100 : 0;
  const count = job.photos.length;

  return (
    <section aria-labelledby="share-progress-heading" className="flex flex-col gap-4">
      <div>
        <h3
          id="share-progress-heading"
          ref={headingRef}
          tabIndex={-1}
          className="flex items-center gap-2 text-base font-semibold focus:outline-none"
        >
          {creating || failed === 0 ? (
            <Loader2 aria-hidden="true" className="size-4 animate-spin text-sky-600" />
          ) : null}
          {creating ? "Sharing…" : `Uploading ${count === 1 ? "your photo" : `${count} photos`}`}
        </h3>
        <p aria-live="polite" className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          {creating
            ? "Preparing your post. This takes a moment."
            : failed > 0
              ? `${count === 1 ? "Your photo" : `${failed} of ${count} photos`} didn't upload. Retry, or cancel to go back.`
              : `${done} of ${count} uploaded`}
        </p>
        <ProgressBar
          value={overall}
          label="Overall upload progress"
          tone={failed > 0 ? "error" : "default"}
          className="mt-3"
        />
      </div>
      <ol className="flex flex-col gap-3">
        {job.photos.map((photo, i) => {
          const upload = uploads[photo.id];
          const isError = upload?.status === "error";
          const isDone = upload?.status === "done";
          return (
            <li key={photo.id} className="flex items-center gap-3">
              <CroppedImage photo={photo} aspect={job.aspect} className="w-11 shrink-0 rounded" />
              <div className="min-w-0 flex-1">
                <div className="flex items-baseline justify-between gap-2 text-xs">
                  <span className="truncate font-medium">
                    Photo {i + 1} <span className="text-neutral-500">· {photo.file.name}</span>
                  </span>
                  <span
                    className={`flex shrink-0 items-center gap-1 ${
                      isError ? "text-red-600 dark:text-red-400" : "text-neutral-500"
                    }`}
                  >
                    {isDone ? (
                      <CircleCheck aria-hidden="true" className="size-3.5 text-emerald-500" />
                    ) : null}
                    {statusText(upload)}
                  </span>
                </div>
                <ProgressBar
                  value={percentOf(upload)}
                  label={`Photo ${i + 1} upload (${formatBytes(photo.file.size)})`}
                  tone={isError ? "error" : isDone ? "done" : "default"}
                  className="mt-1.5"
                />
                {isError ? (
                  <div className="mt-1.5 flex items-start justify-between gap-2">
                    <p role="alert" className="text-xs text-red-600 dark:text-red-400">
                      {upload?.error}
                    </p>
                    <button
                      type="button"
                      onClick={() => onRetry(photo.id)}
                      className="inline-flex h-7 shrink-0 items-center gap-1 rounded-md px-2 text-xs font-semibold text-sky-600 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:bg-sky-950/40"
                      aria-label={`Retry photo ${i + 1}`}
                    >
                      <RefreshCw aria-hidden="true" className="size-3.5" />
                      Retry
                    </button>
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {creating ? null : (
        <Button variant="secondary" onClick={onCancel} className="self-start">
          Cancel
        </Button>
      )}
    </section>
  );
}
