"use client";

import { type KeyboardEvent, type PointerEvent, useRef, useState } from "react";
import type { Aspect } from "@/lib/images/types";
import { type CropView, panView, zoomView } from "./crop-math";
import { CroppedImage, frameStyle } from "./cropped-image";
import type { Photo } from "./types";

type Props = {
  photo: Photo;
  aspect: Aspect;
  label: string;
  describedBy: string;
  onChange: (view: CropView) => void;
};

type Drag = {
  pointerId: number;
  x: number;
  y: number;
  width: number;
  height: number;
  view: CropView;
};

const KEY_STEPS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The crop frame over one photo: drag (mouse, pen or touch) to move the photo under the frame;
 * with the frame focused, arrow keys move the frame (Shift for bigger steps) and +/- zoom.
 */
export function CropFrame({ photo, aspect, label, describedBy, onChange }: Props) {
  const drag = useRef<Drag | null>(null);
  const [dragging, setDragging] = useState(false);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const rect = event.currentTarget.getBoundingClientRect();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
    drag.current = {
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      width: rect.width,
      height: rect.height,
      view: photo.view,
    };
    setDragging(true);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start || start.pointerId !== event.pointerId || !start.width || !start.height) return;
    // Dragging the photo right shows more of its left side: the crop moves the other way.
    const dx = -(event.clientX - start.x) / start.width;
    const dy = -(event.clientY - start.y) / start.height;
    onChange(panView(photo, aspect, start.view, dx, dy));
  };

  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    setDragging(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const direction = KEY_STEPS[event.key];
    if (direction) {
      event.preventDefault();
      const step = event.shiftKey ? 0.2 : 0.05;
      onChange(panView(photo, aspect, photo.view, direction[0] * step, direction[1] * step));
    } else if (event.key === "+" || event.key === "=" || event.key === "-") {
      event.preventDefault();
      const zoom = photo.view.zoom + (event.key === "-" ? -0.25 : 0.25);
      onChange(zoomView(photo, aspect, photo.view, zoom));
    }
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a 2-D drag surface has no native element
    <div
      role="group"
      aria-roledescription="crop frame"
      aria-label={label}
      aria-describedby={describedBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the frame takes arrow keys to move the crop
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onLostPointerCapture={endDrag}
      onKeyDown={onKeyDown}
      className={`group relative touch-none select-none focus:outline-none ${
        dragging ? "cursor-grabbing" : "cursor-grab"
      }`}
      style={frameStyle(aspect)}
    >
      <CroppedImage photo={photo} aspect={aspect} className="size-full" />
      {/* The focus ring is drawn above the photo (an outline would be painted under it). */}
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 z-10 hidden ring-3 ring-sky-500 ring-inset group-focus-visible:block"
      />
      <div
        aria-hidden="true"
        className={`pointer-events-none absolute inset-0 ring-1 ring-white/70 ring-inset transition-opacity ${
          dragging ? "opacity-100" : "opacity-0"
        }`}
      >
        <span className="absolute inset-y-0 left-1/3 w-px bg-white/60" />
        <span className="absolute inset-y-0 left-2/3 w-px bg-white/60" />
        <span className="absolute inset-x-0 top-1/3 h-px bg-white/60" />
        <span className="absolute inset-x-0 top-2/3 h-px bg-white/60" />
      </div>
    </div>
  );
}
