"use client";

import { useId } from "react";
import type { Aspect } from "@/lib/images/types";
import { AspectPicker } from "./aspect-picker";
import { CropFrame } from "./crop-frame";
import { type CropView, zoomView } from "./crop-math";
import { PhotoStage } from "./photo-stage";
import { PhotoStrip } from "./photo-strip";
import type { Photo } from "./types";
import { ZoomSlider } from "./zoom-slider";

type Props = {
  photos: Photo[];
  index: number;
  aspect: Aspect;
  errors: Record<string, string[]>;
  onIndex: (index: number) => void;
  onAspect: (aspect: Aspect) => void;
  onView: (id: string, view: CropView) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onRemove: (id: string) => void;
  onAdd: () => void;
};

/** Step 2: one aspect for the post, and a framing (pan + zoom) for each photo. */
export function CropStep(props: Props) {
  const { photos, index, aspect, errors, onIndex, onAspect, onView } = props;
  const hintId = useId();
  const photo = photos[index];
  if (!photo) return null;
  const photoLabel = `photo ${index + 1} of ${photos.length}`;
  const photoErrors = errors[photo.id] ?? [];
  return (
    <div className="grid grid-cols-1 md:grid-cols-[minmax(0,1fr)_18rem] lg:grid-cols-[minmax(0,1fr)_20rem]">
      <PhotoStage count={photos.length} index={index} onIndex={onIndex}>
        <CropFrame
          key={photo.id}
          photo={photo}
          aspect={aspect}
          label={`Crop of ${photoLabel}`}
          describedBy={hintId}
          onChange={(view) => onView(photo.id, view)}
        />
      </PhotoStage>
      <div className="flex min-w-0 flex-col gap-5 border-t border-neutral-200 p-4 md:border-t-0 md:border-l dark:border-neutral-800">
        <p id={hintId} className="text-sm text-neutral-600 dark:text-neutral-400">
          Drag the photo to frame it. With the frame focused, arrow keys move it and + / − zoom.
        </p>
        {photoErrors.length > 0 ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            Photo {index + 1}: {photoErrors.join(" ")}
          </p>
        ) : null}
        <AspectPicker value={aspect} onChange={onAspect} />
        <ZoomSlider
          value={photo.view.zoom}
          photoLabel={photoLabel}
          onChange={(zoom) => onView(photo.id, zoomView(photo, aspect, photo.view, zoom))}
        />
        <PhotoStrip
          photos={photos}
          index={index}
          errors={errors}
          onSelect={onIndex}
          onMove={props.onMove}
          onRemove={props.onRemove}
          onAdd={props.onAdd}
        />
      </div>
    </div>
  );
}
