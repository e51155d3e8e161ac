"use client";

import { Camera } from "lucide-react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { toResult } from "@/components/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { requestUploadsAction } from "@/lib/posts/actions";
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_BYTES } from "@/lib/posts/limits";
import { removeAvatarAction, setAvatarAction } from "@/lib/users/actions-profile";

const PHOTO_REFUSED = "Check the photo and try again.";

/** PUTs the file to its upload slot, reporting progress from 0 to 1. */
function putFile(
  slot: { url: string; method: "PUT"; headers: Record<string, string> },
  file: File,
  onProgress: (fraction: number) => void,
) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(slot.method, slot.url);
    for (const [name, value] of Object.entries(slot.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new Error(`The upload was refused (${xhr.status}).`));
    xhr.onerror = () => reject(new Error("The upload failed. Check your connection."));
    xhr.send(file);
  });
}

type Phase = { kind: "idle" } | { kind: "uploading"; progress: number } | { kind: "processing" };
const accepted: readonly string[] = ACCEPTED_IMAGE_TYPES;

/** Pick a photo -> upload slot -> PUT with progress -> setAvatar; or remove the photo. */
export function AvatarEditor({
  avatarUrl,
  name,
  username,
}: {
  avatarUrl: string | null;
  name: string;
  username: string;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [current, setCurrent] = useState(avatarUrl);
  const [preview, setPreview] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const requestUploads = useAction(requestUploadsAction);
  const setAvatar = useAction(setAvatarAction);
  const removeAvatar = useAction(removeAvatarAction);
  const busy = phase.kind !== "idle" || removeAvatar.isPending;

  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );

  const upload = async (file: File) => {
    setError(null);
    setNotice(null);
    if (!accepted.includes(file.type)) return setError("Choose a JPEG, PNG, WebP or AVIF photo.");
    if (file.size > MAX_UPLOAD_BYTES) return setError("Photos can be at most 25 MB.");
    setPreview(URL.createObjectURL(file));
    setPhase({ kind: "uploading", progress: 0 });
    try {
      const slots = await requestUploads.executeAsync({
        purpose: "avatar",
        files: [{ type: file.type as (typeof ACCEPTED_IMAGE_TYPES)[number], size: file.size }],
      });
      const slotResult = toResult(slots, PHOTO_REFUSED);
      if (!slotResult.ok) throw new Error(slotResult.message);
      const slot = slotResult.data.slots[0];
      if (!slot) throw new Error("No upload slot was given.");
      await putFile(slot, file, (progress) => setPhase({ kind: "uploading", progress }));
      setPhase({ kind: "processing" });
      const saved = await setAvatar.executeAsync({ slotId: slot.id });
      const savedResult = toResult(saved, PHOTO_REFUSED);
      if (!savedResult.ok) throw new Error(savedResult.message);
      setCurrent(savedResult.data.avatarUrl);
      setNotice("Profile photo updated.");
      router.refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : "The photo was not saved. Please try again.");
    } finally {
      setPreview(null);
      setPhase({ kind: "idle" });
    }
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // picking the same file again fires change again
    if (file) void upload(file);
  };

  const remove = async () => {
    setError(null);
    setNotice(null);
    const result = toResult(await removeAvatar.executeAsync(), PHOTO_REFUSED);
    if (!result.ok) return setError(result.message);
    setCurrent(null);
    setNotice("Profile photo removed.");
    router.refresh();
  };

  const status =
    phase.kind === "uploading"
      ? `Uploading… ${Math.round(phase.progress * 100)}%`
      : phase.kind === "processing"
        ? "Processing…"
        : null;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center gap-4">
        <div className="relative">
          <Avatar
            src={preview ?? current}
            name={name}
            size="lg"
            className={busy ? "opacity-60" : ""}
          />
          {busy ? (
            <span className="absolute inset-0 flex items-center justify-center">
              <Camera aria-hidden="true" className="size-5 animate-pulse text-white drop-shadow" />
            </span>
          ) : null}
        </div>
        <div className="min-w-0 flex-1">
          <p className="truncate font-semibold">{username}</p>
          <p className="truncate text-sm text-neutral-500 dark:text-neutral-400">{name}</p>
          <p role="status" className="text-xs text-neutral-500 dark:text-neutral-400">
            {status}
          </p>
          {phase.kind === "uploading" ? (
            <div
              role="progressbar"
              aria-label="Uploading photo"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(phase.progress * 100)}
              className="mt-1 h-1 max-w-48 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
            >
              <div
                className="h-full rounded-full bg-sky-500 transition-[width]"
                style={{ width: `${phase.progress * 100}%` }}
              />
            </div>
          ) : null}
        </div>
      </div>

      <input
        ref={input}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES.join(",")}
        onChange={onPick}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
      />
      <div className="flex flex-wrap gap-2">
        <Button
          onClick={() => input.current?.click()}
          pending={phase.kind !== "idle"}
          disabled={busy}
        >
          {current ? "Change photo" : "Upload photo"}
        </Button>
        {current ? (
          <Button
            variant="danger"
            onClick={() => void remove()}
            pending={removeAvatar.isPending}
            disabled={busy}
          >
            Remove photo
          </Button>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
    </div>
  );
}
