import { ASPECTS, type Aspect, type Crop } from "@/lib/images/types";

// Pure crop geometry of the create flow. A photo's framing is kept as a "view" (centre + zoom) so
// it survives a change of aspect; the Crop sent to the server is derived from it and always lies
// inside the photo. All values are fractions of the photo after EXIF orientation.

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 3;

/** Where a crop sits: its centre in fractions of the photo, and how far it is zoomed in (1-3). */
export type CropView = { cx: number; cy: number; zoom: number };

/** Pixel size of a photo as the browser displays it (EXIF-oriented). */
export type Size = { width: number; height: number };

export const CENTRED_VIEW: CropView = { cx: 0.5, cy: 0.5, zoom: 1 };

const clamp = (value: number, min: number, max: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;

export function clampZoom(zoom: number): number {
  return clamp(zoom, MIN_ZOOM, MAX_ZOOM);
}

/** The largest rectangle of the aspect that fits the photo (zoom 1), in fractions. */
export function baseCropSize(image: Size, aspect: Aspect): { width: number; height: number } {
  const ratio = ASPECTS[aspect];
  const imageRatio = image.width / image.height;
  if (!Number.isFinite(imageRatio) || imageRatio <= 0) return { width: 1, height: 1 };
  // Wider than the aspect: full height, part of the width; otherwise full width, part of the height.
  return imageRatio > ratio
    ? { width: ratio / imageRatio, height: 1 }
    : { width: 1, height: imageRatio / ratio };
}

/** Moves (and if needed shrinks) a rectangle so it lies inside [0,1] x [0,1]. */
export function clampCrop(crop: Crop): Crop {
  const width = clamp(crop.width, Number.EPSILON, 1);
  const height = clamp(crop.height, Number.EPSILON, 1);
  return {
    x: clamp(crop.x, 0, 1 - width),
    y: clamp(crop.y, 0, 1 - height),
    width,
    height,
  };
}

/** The crop a view stands for: the base rectangle shrunk by the zoom around the view's centre. */
export function cropFromView(image: Size, aspect: Aspect, view: CropView): Crop {
  const base = baseCropSize(image, aspect);
  const zoom = clampZoom(view.zoom);
  const width = base.width / zoom;
  const height = base.height / zoom;
  return clampCrop({
    x: clamp(view.cx, 0, 1) - width / 2,
    y: clamp(view.cy, 0, 1) - height / 2,
    width,
    height,
  });
}

/** The centred crop of the whole photo for an aspect (what a new photo starts with). */
export function defaultCrop(image: Size, aspect: Aspect): Crop {
  return cropFromView(image, aspect, CENTRED_VIEW);
}

/** A view whose centre has been pulled in so its crop is inside the photo (no "debt" at edges). */
export function normaliseView(image: Size, aspect: Aspect, view: CropView): CropView {
  const zoom = clampZoom(view.zoom);
  const crop = cropFromView(image, aspect, { ...view, zoom });
  return { cx: crop.x + crop.width / 2, cy: crop.y + crop.height / 2, zoom };
}

/**
 * Moves the crop by a distance given in fractions of the crop frame (e.g. pointer pixels divided
 * by the frame's width): 0.1 moves the crop a tenth of its own width.
 */
export function panView(
  image: Size,
  aspect: Aspect,
  view: CropView,
  dx: number,
  dy: number,
): CropView {
  const crop = cropFromView(image, aspect, view);
  return normaliseView(image, aspect, {
    cx: crop.x + crop.width / 2 + dx * crop.width,
    cy: crop.y + crop.height / 2 + dy * crop.height,
    zoom: view.zoom,
  });
}

/** Sets the zoom, keeping the crop's centre where it is (as far as the photo's edges allow). */
export function zoomView(image: Size, aspect: Aspect, view: CropView, zoom: number): CropView {
  const current = normaliseView(image, aspect, view);
  return normaliseView(image, aspect, { ...current, zoom: clampZoom(zoom) });
}

/** The aspect that crops least of a photo: portrait -> 4:5, wide landscape -> 1.91:1, else 1:1. */
export function suggestAspect(image: Size): Aspect {
  const ratio = image.width / image.height;
  if (!Number.isFinite(ratio)) return "1:1";
  if (ratio < 0.9) return "4:5";
  if (ratio > 1.5) return "1.91:1";
  return "1:1";
}

/**
 * CSS placement of the whole photo inside a frame that shows exactly `crop`: the photo is scaled
 * so the crop fills the frame (percentages of the frame, so no measuring is needed).
 */
export function imagePlacement(crop: Crop): {
  width: string;
  height: string;
  left: string;
  top: string;
} {
  const pct = (n: number) => `${(n * 100).toFixed(4)}%`;
  return {
    width: pct(1 / crop.width),
    height: pct(1 / crop.height),
    left: pct(-crop.x / crop.width),
    top: pct(-crop.y / crop.height),
  };
}
