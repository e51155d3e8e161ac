import { Trash2 } from "lucide-react";
import { useId } from "react";
import type { Aspect } from "@/lib/images/types";
import { MAX_ALT } from "@/lib/posts/limits";
import { CroppedImage } from "./cropped-image";
import { TextAreaField } from "./text-area-field";
import type { Photo } from "./types";

type Props = {
  photos: Photo[];
  aspect: Aspect;
  errors: Record<string, string[]>;
  onAlt: (id: string, alt: string) => void;
  onRemove: (id: string) => void;
};

/** One alt text per photo, next to its cropped thumbnail; problems with a photo show here too. */
export function AltTextList({ photos, aspect, errors, onAlt, onRemove }: Props) {
  const explanationId = useId();
  return (
    <section aria-labelledby={`${explanationId}-heading`} className="flex flex-col gap-3">
      <div>
        <h3 id={`${explanationId}-heading`} className="text-sm font-semibold">
          Accessibility
        </h3>
        <p id={explanationId} className="mt-0.5 text-xs text-neutral-500 dark:text-neutral-400">
          Alt text describes your photos for people who can't see them; screen readers read it
          aloud. Say what matters in each photo, briefly.
        </p>
      </div>
      <ul className="flex flex-col gap-4">
        {photos.map((photo, i) => {
          const problems = errors[photo.id] ?? [];
          return (
            <li key={photo.id} className="flex gap-3">
              <div className="w-16 shrink-0">
                <CroppedImage
                  photo={photo}
                  aspect={aspect}
                  className={`w-16 rounded-md ${problems.length > 0 ? "ring-2 ring-red-500" : ""}`}
                />
                <p className="mt-1 text-center text-[11px] text-neutral-500">Photo {i + 1}</p>
              </div>
              <div className="min-w-0 flex-1">
                <TextAreaField
                  label={
                    <>
                      Alt text<span className="sr-only"> for photo {i + 1}</span>
                    </>
                  }
                  value={photo.alt}
                  onChange={(alt) => onAlt(photo.id, alt)}
                  max={MAX_ALT}
                  overMessage={`Alt text can have at most ${MAX_ALT} characters.`}
                  describedBy={explanationId}
                  rows={2}
                  placeholder="Describe this photo…"
                />
                {problems.length > 0 ? (
                  <div
                    role="alert"
                    className="mt-2 flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-2.5 py-2 text-xs text-red-700 dark:bg-red-950/40 dark:text-red-300"
                  >
                    <span className="min-w-0 flex-1">
                      Photo {i + 1} ({photo.file.name}): {problems.join(" ")}
                    </span>
                    <button
                      type="button"
                      onClick={() => onRemove(photo.id)}
                      className="inline-flex h-7 items-center gap-1 rounded-md px-2 font-semibold hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-red-900/40"
                    >
                      <Trash2 aria-hidden="true" className="size-3.5" />
                      Remove photo {i + 1}
                    </button>
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
