"use client";

import { Images } from "lucide-react";
import { type DragEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { MAX_PHOTOS } from "@/lib/posts/limits";

type Props = { onFiles: (files: File[]) => void; onPick: () => void; opening: boolean };

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

/** Step 1: a large drop zone and a "Select from device" button (phones offer the camera too). */
export function SelectStep({ onFiles, onPick, opening }: Props) {
  const [over, setOver] = useState(false);

  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setOver(true);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setOver(false);
    onFiles([...event.dataTransfer.files]);
  };

  return (
    <section
      aria-label="Drop zone"
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
      className="p-3 sm:p-4"
    >
      <div
        className={`flex min-h-[22rem] flex-col items-center justify-center gap-4 rounded-xl border-2 border-dashed px-6 py-12 text-center transition-colors md:min-h-[30rem] ${
          over
            ? "border-sky-500 bg-sky-50 dark:bg-sky-950/30"
            : "border-neutral-200 dark:border-neutral-800"
        }`}
      >
        <span className="flex size-20 items-center justify-center rounded-full bg-gradient-to-br from-amber-400 via-pink-500 to-violet-600 text-white shadow-lg shadow-pink-500/20">
          <Images aria-hidden="true" className="size-10" strokeWidth={1.6} />
        </span>
        <div>
          <p className="text-lg font-semibold sm:text-xl">
            {over ? "Drop to add your photos" : "Drag photos here"}
          </p>
          <p className="mt-1 text-sm text-neutral-500 dark:text-neutral-400">
            Up to {MAX_PHOTOS} photos · JPEG, PNG, WebP or AVIF · 25 MB each
          </p>
        </div>
        <Button onClick={onPick} pending={opening}>
          {opening ? "Opening photos…" : "Select from device"}
        </Button>
      </div>
    </section>
  );
}
