"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { Aspect } from "@/lib/images/types";
import { MAX_ALT, MAX_CAPTION } from "@/lib/posts/limits";
import { DEFAULT_POST_CONTROLS } from "./advanced-settings";
import { suggestAspect } from "./crop-math";
import { CropStep } from "./crop-step";
import { DetailsStep } from "./details-step";
import { ACCEPT_ATTRIBUTE, type FileProblem } from "./file-checks";
import { FlowHeader } from "./flow-header";
import { errorsByPhoto } from "./photo-errors";
import { SelectStep } from "./select-step";
import { ShareProgress } from "./share-progress";
import { cameFromShare, takeSharedPhotos } from "./shared-photos";
import type { Step } from "./types";
import { usePhotos } from "./use-photos";
import { useShare } from "./use-share";

const TITLES: Record<Step, string> = {
  select: "Create new post",
  crop: "Crop",
  details: "Details",
};

/**
 * The Instagram-style create flow: pick or drop photos, crop them to one aspect, write a caption
 * and alt texts, then Share (upload with progress, then create the post and open it).
 */
export function CreatePostFlow() {
  const router = useRouter();
  const { photos, addFiles, remove, removeAll, move, setView, setAlt } = usePhotos();
  const [step, setStep] = useState<Step>("select");
  const [aspect, setAspect] = useState<Aspect>("1:1");
  const [index, setIndex] = useState(0);
  const [caption, setCaption] = useState("");
  const [controls, setControls] = useState(DEFAULT_POST_CONTROLS);
  const [opening, setOpening] = useState(false);
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [captionErrors, setCaptionErrors] = useState<string[]>([]);
  const [photoErrors, setPhotoErrors] = useState<Record<string, string[]>>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // After a step change (or a failed Share), move focus to the step's title so keyboard and
  // screen-reader users start at the top of what changed.
  useEffect(() => {
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);
  const refocus = () => setFocusRequest((n) => n + 1);
  const goTo = (next: Step) => {
    setStep(next);
    refocus();
  };

  const share = useShare({
    onCreated: (postId) => {
      router.push(`/p/${postId}`);
      router.refresh();
    },
    onFailed: (failure, photoIds) => {
      const { byIndex, other } = errorsByPhoto(failure.fieldErrors);
      const perPhoto: Record<string, string[]> = {};
      for (const [i, messages] of byIndex) {
        const id = photoIds[i];
        if (id) perPhoto[id] = messages;
      }
      setPhotoErrors(perPhoto);
      setCaptionErrors(other.caption ?? []);
      setMessage(
        byIndex.size > 0 ? `${failure.message} Check the photos marked below.` : failure.message,
      );
      refocus();
    },
  });
  const busy = share.phase !== "idle";

  // Leaving the page would lose the picked photos and any upload in progress.
  const unsaved = photos.length > 0 && share.phase !== "creating";
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  // A file dropped beside the drop zone must not make the browser open it (and lose the post).
  useEffect(() => {
    const keep = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    };
    window.addEventListener("dragover", keep);
    window.addEventListener("drop", keep);
    return () => {
      window.removeEventListener("dragover", keep);
      window.removeEventListener("drop", keep);
    };
  }, []);

  const current = Math.min(index, Math.max(0, photos.length - 1));
  const overLimit = caption.length > MAX_CAPTION || photos.some((p) => p.alt.length > MAX_ALT);

  const openPicker = () => inputRef.current?.click();

  const handleFiles = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    const before = photos.length;
    setOpening(true);
    const { added, problems: refused } = await addFiles(files);
    setOpening(false);
    setProblems(refused);
    const first = added[0];
    if (!first) return;
    if (before === 0) setAspect(suggestAspect(first));
    setIndex(before);
    if (step === "select") goTo("crop");
  };

  // Photos shared from another app (share_target) open the flow with them selected, once.
  const handleFilesRef = useRef(handleFiles);
  handleFilesRef.current = handleFiles;
  useEffect(() => {
    if (!cameFromShare()) return;
    void takeSharedPhotos().then((files) => handleFilesRef.current(files));
  }, []);

  const handleRemove = (id: string) => {
    const at = photos.findIndex((p) => p.id === id);
    if (at < 0) return;
    remove(id);
    setPhotoErrors(({ [id]: _removed, ...rest }) => rest);
    if (photos.length === 1) {
      setIndex(0);
      goTo("select");
    } else if (at < current || current === photos.length - 1) {
      setIndex(Math.max(0, current - 1));
    }
  };

  const handleMove = (id: string, delta: -1 | 1) => {
    const at = photos.findIndex((p) => p.id === id);
    const to = at + delta;
    if (at < 0 || to < 0 || to >= photos.length) return;
    move(id, delta);
    setIndex(to);
  };

  const discard = () => {
    if (!window.confirm("Discard this post? The photos you picked and your edits will be lost.")) {
      return;
    }
    removeAll();
    setProblems([]);
    setMessage(null);
    setPhotoErrors({});
    setCaption("");
    setControls(DEFAULT_POST_CONTROLS);
    setIndex(0);
    goTo("select");
  };

  const startShare = () => {
    if (overLimit || busy || photos.length === 0) return;
    setProblems([]);
    setMessage(null);
    setCaptionErrors([]);
    setPhotoErrors({});
    void share.start({ photos, aspect, caption, controls });
  };

  const cancelShare = () => {
    share.cancel();
    refocus();
  };

  const header =
    step === "crop"
      ? {
          back: { label: "Discard and start over", onClick: discard },
          action: {
            label: "Next",
            onClick: () => {
              setProblems([]);
              goTo("details");
            },
          },
        }
      : step === "details"
        ? {
            back: { label: "Back to crop", onClick: () => goTo("crop"), disabled: busy },
            action: {
              label: "Share",
              onClick: startShare,
              disabled: overLimit,
              pending: busy,
            },
          }
        : {};

  // What the crop and details steps both show: the photos, the current one and the crop.
  const stepPhotos = { photos, index: current, aspect, onIndex: setIndex };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut for "Add photos"
    <div
      onDragOver={(event) => {
        if (step === "crop" && event.dataTransfer.types.includes("Files")) event.preventDefault();
      }}
      onDrop={(event) => {
        if (step !== "crop" || event.defaultPrevented) return;
        event.preventDefault();
        void handleFiles([...event.dataTransfer.files]);
      }}
      className="overflow-hidden border-y border-neutral-200 bg-white sm:rounded-xl sm:border dark:border-neutral-800 dark:bg-black"
    >
      <FlowHeader title={TITLES[step]} headingRef={headingRef} {...header} />
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        multiple
        hidden
        aria-label="Photos to post"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = "";
          void handleFiles(files);
        }}
      />
      {problems.length > 0 || message ? (
        <div className="flex flex-col gap-2 border-b border-neutral-200 p-3 dark:border-neutral-800">
          {message ? <Alert>{message}</Alert> : null}
          {problems.length > 0 ? (
            <Alert>
              <p className="font-semibold">
                {problems.reduce((n, p) => n + p.files, 0) === 1
                  ? "One file wasn't added:"
                  : "Some files weren't added:"}
              </p>
              <ul className="mt-1 list-disc space-y-0.5 pl-4">
                {problems.map((problem) => (
                  <li key={`${problem.name}:${problem.message}`} className="break-words">
                    {problem.name ? <span className="font-medium">{problem.name}: </span> : null}
                    {problem.message}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </div>
      ) : null}

      {step === "select" || photos.length === 0 ? (
        <SelectStep onFiles={handleFiles} onPick={openPicker} opening={opening} />
      ) : step === "crop" ? (
        <CropStep
          {...stepPhotos}
          errors={photoErrors}
          onAspect={setAspect}
          onView={setView}
          onMove={handleMove}
          onRemove={handleRemove}
          onAdd={openPicker}
        />
      ) : (
        <DetailsStep
          {...stepPhotos}
          caption={caption}
          onCaption={(value) => {
            setCaption(value);
            setCaptionErrors([]);
          }}
          captionErrors={captionErrors}
          photoErrors={photoErrors}
          onAlt={setAlt}
          onRemove={handleRemove}
          controls={controls}
          onControls={setControls}
          onShare={startShare}
          canShare={!overLimit && !busy}
          sharePanel={
            share.job ? (
              <ShareProgress
                job={share.job}
                phase={share.phase}
                uploads={share.uploads}
                onCancel={cancelShare}
                onRetry={(id) => void share.retry(id)}
              />
            ) : null
          }
        />
      )}
    </div>
  );
}
