import { ChevronLeft, ChevronRight, CircleAlert, Plus, Trash2 } from "lucide-react";
import { MAX_PHOTOS } from "@/lib/posts/limits";
import type { Photo } from "./types";

type Props = {
  photos: Photo[];
  index: number;
  errors: Record<string, string[]>;
  onSelect: (index: number) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onRemove: (id: string) => void;
  onAdd: () => void;
};

const tool =
  "inline-flex h-8 min-w-8 items-center justify-center gap-1 rounded-md border border-neutral-200 px-2 text-xs font-semibold text-neutral-700 transition-colors hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed disabled:opacity-40 dark:border-neutral-800 dark:text-neutral-300 dark:hover:bg-neutral-900";

/** Thumbnails of the post's photos in order: pick one, move it left/right, remove it, add more. */
export function PhotoStrip({ photos, index, errors, onSelect, onMove, onRemove, onAdd }: Props) {
  const current = photos[index];
  return (
    <section aria-label="Photos in this post">
      <div className="mb-2 flex items-baseline justify-between text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400">
        <span>Photos</span>
        <span className="font-normal tabular-nums">
          {photos.length}/{MAX_PHOTOS}
        </span>
      </div>
      <ol className="-mx-1 flex gap-2 overflow-x-auto p-1 md:flex-wrap">
        {photos.map((photo, i) => {
          const selected = i === index;
          const hasError = (errors[photo.id]?.length ?? 0) > 0;
          return (
            <li key={photo.id} className="relative shrink-0">
              <button
                type="button"
                aria-label={`Photo ${i + 1}: ${photo.file.name}${hasError ? " (has a problem)" : ""}`}
                aria-current={selected ? "true" : undefined}
                onClick={() => onSelect(i)}
                className={`block size-16 overflow-hidden rounded-md ring-offset-2 ring-offset-white transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:ring-offset-black ${
                  hasError
                    ? "ring-2 ring-red-500"
                    : selected
                      ? "ring-2 ring-neutral-900 dark:ring-white"
                      : "opacity-70 hover:opacity-100"
                }`}
              >
                {/* biome-ignore lint/performance/noImgElement: a local object URL */}
                <img src={photo.url} alt="" className="size-full object-cover" draggable={false} />
              </button>
              <span
                aria-hidden="true"
                className="pointer-events-none absolute top-1 left-1 flex size-5 items-center justify-center rounded-full bg-neutral-900/70 text-[10px] font-bold text-white"
              >
                {hasError ? <CircleAlert className="size-3.5 text-red-300" /> : i + 1}
              </span>
            </li>
          );
        })}
        {photos.length < MAX_PHOTOS ? (
          <li className="shrink-0">
            <button
              type="button"
              aria-label="Add photos"
              onClick={onAdd}
              className="flex size-16 items-center justify-center rounded-md border-2 border-dashed border-neutral-300 text-neutral-500 transition-colors hover:border-neutral-400 hover:text-neutral-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-neutral-700 dark:hover:border-neutral-500 dark:hover:text-neutral-300"
            >
              <Plus aria-hidden="true" className="size-6" />
            </button>
          </li>
        ) : null}
      </ol>
      {current ? (
        <div className="mt-2 flex items-center gap-1">
          <span className="mr-1 text-xs text-neutral-500 dark:text-neutral-400">
            Photo {index + 1}
          </span>
          {(
            [
              { by: -1, side: "left", Icon: ChevronLeft, last: index === 0 },
              { by: 1, side: "right", Icon: ChevronRight, last: index === photos.length - 1 },
            ] as const
          ).map(({ by, side, Icon, last }) => (
            <button
              key={side}
              type="button"
              className={tool}
              disabled={last}
              onClick={() => onMove(current.id, by)}
              aria-label={`Move photo ${index + 1} ${side}`}
              title={`Move ${side}`}
            >
              <Icon aria-hidden="true" className="size-4" />
            </button>
          ))}
          <button
            type="button"
            className={`${tool} ml-auto text-red-600 dark:text-red-400`}
            onClick={() => onRemove(current.id)}
            aria-label={`Remove photo ${index + 1}`}
          >
            <Trash2 aria-hidden="true" className="size-4" />
            Remove
          </button>
        </div>
      ) : null}
    </section>
  );
}
