"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toResult } from "@/components/forms/action-result";
import type { Aspect } from "@/lib/images/types";
import { createPostAction, requestUploadsAction } from "@/lib/posts/actions";
import { type Failure, fail, type Result } from "@/lib/result";
import type { PostControlSettings } from "./advanced-settings";
import { cropFromView } from "./crop-math";
import type { Photo, UploadState } from "./types";
import { createPool, putFile, type UploadSlot } from "./upload-file";

/** What Share sends: a snapshot taken when the user pressed it (editing is locked meanwhile). */
export type ShareJob = {
  photos: Photo[];
  aspect: Aspect;
  caption: string;
  controls?: PostControlSettings;
};

export type SharePhase = "idle" | "uploading" | "creating";

type Options = {
  onCreated: (postId: string) => void;
  /** The post was not created; `photoIds` are in the order sent, for per-photo field errors. */
  onFailed: (failure: Failure, photoIds: string[]) => void;
};

const MAX_PARALLEL_UPLOADS = 3;
const OFFLINE = "Couldn't reach Snapgram. Check your connection and try again.";
// What a refused input says when no field or form error names the problem.
const POST_REFUSED = "Please check your post.";

async function requestSlots(photos: Photo[]): Promise<Result<{ slots: UploadSlot[] }>> {
  try {
    const answer = await requestUploadsAction({
      purpose: "post",
      files: photos.map((p) => ({ type: p.type, size: p.file.size })),
    });
    const result = toResult<{ slots: UploadSlot[] }>(answer, POST_REFUSED);
    if (result.ok && result.data.slots.length !== photos.length) {
      return fail("INTERNAL", "Something went wrong. Please try again.");
    }
    return result;
  } catch {
    return fail("INTERNAL", OFFLINE);
  }
}

/**
 * Share: asks for upload slots, PUTs the files (at most 3 at once, with progress), then creates
 * the post. Cancel aborts everything; a failed file can be retried with a fresh slot. Results
 * of a cancelled or superseded run are ignored (each run has its own session number).
 */
export function useShare({ onCreated, onFailed }: Options) {
  const [phase, setPhase] = useState<SharePhase>("idle");
  const [job, setJob] = useState<ShareJob | null>(null);
  const [uploads, setUploads] = useState<Record<string, UploadState>>({});
  const [pool] = useState(() => createPool(MAX_PARALLEL_UPLOADS));
  const uploadsRef = useRef<Record<string, UploadState>>({});
  const jobRef = useRef<ShareJob | null>(null);
  const slotsRef = useRef(new Map<string, string>());
  const abortsRef = useRef(new Map<string, () => void>());
  const sessionRef = useRef(0);
  const createdInRef = useRef(-1);
  const callbacksRef = useRef({ onCreated, onFailed });

  useEffect(() => {
    callbacksRef.current = { onCreated, onFailed };
  });

  const patch = useCallback((id: string, change: Partial<UploadState>) => {
    const previous = uploadsRef.current[id];
    if (!previous) return;
    uploadsRef.current = { ...uploadsRef.current, [id]: { ...previous, ...change } };
    setUploads(uploadsRef.current);
  }, []);

  /** Stops every upload and forgets the run; the user's edits live elsewhere and stay. */
  const reset = useCallback(() => {
    sessionRef.current += 1;
    pool.clear();
    for (const abort of abortsRef.current.values()) abort();
    abortsRef.current.clear();
    slotsRef.current.clear();
    jobRef.current = null;
    uploadsRef.current = {};
    setJob(null);
    setUploads({});
    setPhase("idle");
  }, [pool]);

  useEffect(() => reset, [reset]);

  const fails = useCallback(
    (failure: Failure, current: ShareJob) => {
      reset();
      callbacksRef.current.onFailed(
        failure,
        current.photos.map((p) => p.id),
      );
    },
    [reset],
  );

  const create = useCallback(
    async (session: number, current: ShareJob) => {
      if (createdInRef.current === session) return;
      createdInRef.current = session;
      setPhase("creating");
      const media = current.photos.map((photo) => ({
        slotId: slotsRef.current.get(photo.id) ?? "",
        crop: cropFromView(photo, current.aspect, photo.view),
        alt: photo.alt.trim(),
      }));
      let result: Result<{ id: string }>;
      try {
        const answer = await createPostAction({
          aspect: current.aspect,
          caption: current.caption.trim(),
          media,
          ...current.controls,
        });
        result = toResult<{ id: string }>(answer, POST_REFUSED);
      } catch {
        result = fail("INTERNAL", OFFLINE);
      }
      if (session !== sessionRef.current) return;
      // On success the phase stays "creating" so "Sharing…" shows until the post page opens.
      if (result.ok) callbacksRef.current.onCreated(result.data.id);
      else fails(result, current);
    },
    [fails],
  );

  const upload = useCallback(
    (photo: Photo, slot: UploadSlot, session: number) => {
      patch(photo.id, { status: "waiting", loaded: 0, total: photo.file.size, error: null });
      pool.push(async () => {
        if (session !== sessionRef.current) return;
        patch(photo.id, { status: "uploading" });
        const handle = putFile(photo.file, slot, (loaded, total) => {
          if (session === sessionRef.current) patch(photo.id, { loaded, total });
        });
        abortsRef.current.set(photo.id, handle.abort);
        const outcome = await handle.done;
        if (session !== sessionRef.current) return;
        abortsRef.current.delete(photo.id);
        if (!outcome.ok) {
          patch(photo.id, { status: "error", loaded: 0, error: outcome.message });
          return;
        }
        slotsRef.current.set(photo.id, slot.id);
        patch(photo.id, { status: "done", error: null });
        const current = jobRef.current;
        if (current?.photos.every((p) => uploadsRef.current[p.id]?.status === "done")) {
          void create(session, current);
        }
      });
    },
    [create, patch, pool],
  );

  const start = useCallback(
    async (next: ShareJob) => {
      reset();
      const session = sessionRef.current;
      jobRef.current = next;
      uploadsRef.current = Object.fromEntries(
        next.photos.map((p) => [
          p.id,
          { status: "waiting", loaded: 0, total: p.file.size, error: null } as UploadState,
        ]),
      );
      setJob(next);
      setUploads(uploadsRef.current);
      setPhase("uploading");
      const result = await requestSlots(next.photos);
      if (session !== sessionRef.current) return;
      if (!result.ok) return fails(result, next);
      next.photos.forEach((photo, index) => {
        const slot = result.data.slots[index];
        if (slot) upload(photo, slot, session);
      });
    },
    [fails, reset, upload],
  );

  /** Uploads one failed photo again, to a new slot (the old link may have expired). */
  const retry = useCallback(
    async (photoId: string) => {
      const photo = jobRef.current?.photos.find((p) => p.id === photoId);
      if (!photo || uploadsRef.current[photoId]?.status !== "error") return;
      const session = sessionRef.current;
      patch(photoId, { status: "waiting", loaded: 0, error: null });
      const result = await requestSlots([photo]);
      if (session !== sessionRef.current) return;
      const slot = result.ok ? result.data.slots[0] : undefined;
      if (slot) upload(photo, slot, session);
      else patch(photoId, { status: "error", error: result.ok ? OFFLINE : result.message });
    },
    [patch, upload],
  );

  return { phase, job, uploads, start, retry, cancel: reset };
}
