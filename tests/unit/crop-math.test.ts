import { describe, expect, it } from "vitest";
import {
  baseCropSize,
  clampCrop,
  cropFromView,
  defaultCrop,
  imagePlacement,
  MAX_ZOOM,
  normaliseView,
  panView,
  suggestAspect,
  zoomView,
} from "@/components/create/crop-math";
import { ASPECTS, type Aspect, type Crop } from "@/lib/images/types";

const landscape = { width: 4000, height: 3000 };
const portrait = { width: 3000, height: 4000 };
const square = { width: 1000, height: 1000 };
const aspects = Object.keys(ASPECTS) as Aspect[];

/** The crop's shape in pixels of the photo, which must equal the aspect. */
const pixelRatio = (crop: Crop, image: { width: number; height: number }) =>
  (crop.width * image.width) / (crop.height * image.height);

const expectInside = (crop: Crop) => {
  expect(crop.x).toBeGreaterThanOrEqual(0);
  expect(crop.y).toBeGreaterThanOrEqual(0);
  expect(crop.width).toBeGreaterThan(0);
  expect(crop.height).toBeGreaterThan(0);
  expect(crop.x + crop.width).toBeLessThanOrEqual(1 + 1e-9);
  expect(crop.y + crop.height).toBeLessThanOrEqual(1 + 1e-9);
};

describe("defaultCrop", () => {
  it.each([
    ["1:1", landscape, { x: 0.125, y: 0, width: 0.75, height: 1 }],
    ["4:5", landscape, { x: 0.2, y: 0, width: 0.6, height: 1 }],
    ["1.91:1", landscape, { x: 0, y: (1 - 4 / 3 / 1.91) / 2, width: 1, height: 4 / 3 / 1.91 }],
    ["1:1", portrait, { x: 0, y: 0.125, width: 1, height: 0.75 }],
    ["4:5", portrait, { x: 0, y: 1 / 32, width: 1, height: 0.9375 }],
    ["1.91:1", portrait, { x: 0, y: (1 - 0.75 / 1.91) / 2, width: 1, height: 0.75 / 1.91 }],
    ["1:1", square, { x: 0, y: 0, width: 1, height: 1 }],
  ] as const)("centres the largest %s rect on a %o photo", (aspect, image, expected) => {
    const crop = defaultCrop(image, aspect);
    expect(crop.x).toBeCloseTo(expected.x, 9);
    expect(crop.y).toBeCloseTo(expected.y, 9);
    expect(crop.width).toBeCloseTo(expected.width, 9);
    expect(crop.height).toBeCloseTo(expected.height, 9);
  });

  it.each(aspects)("keeps the %s shape in pixels and fills one side", (aspect) => {
    for (const image of [landscape, portrait, square, { width: 5000, height: 1000 }]) {
      const crop = defaultCrop(image, aspect);
      expectInside(crop);
      expect(pixelRatio(crop, image)).toBeCloseTo(ASPECTS[aspect], 9);
      expect(Math.max(crop.width, crop.height)).toBeCloseTo(1, 9);
      expect(crop.x + crop.width / 2).toBeCloseTo(0.5, 9);
      expect(crop.y + crop.height / 2).toBeCloseTo(0.5, 9);
    }
  });

  it("falls back to the whole photo when its size is unknown", () => {
    expect(baseCropSize({ width: 0, height: 0 }, "4:5")).toEqual({ width: 1, height: 1 });
  });
});

describe("clampCrop", () => {
  it("moves a rect that sticks out back inside [0,1]", () => {
    expect(clampCrop({ x: -0.2, y: 0.9, width: 0.5, height: 0.5 })).toEqual({
      x: 0,
      y: 0.5,
      width: 0.5,
      height: 0.5,
    });
    expect(clampCrop({ x: 0.8, y: -1, width: 0.4, height: 0.3 })).toEqual({
      x: 0.6,
      y: 0,
      width: 0.4,
      height: 0.3,
    });
  });

  it("shrinks a rect larger than the photo and survives NaN", () => {
    const crop = clampCrop({ x: Number.NaN, y: 0.2, width: 1.5, height: Number.NaN });
    expectInside(crop);
    expect(crop.width).toBe(1);
  });

  it("keeps every panned crop inside the photo", () => {
    for (const aspect of aspects) {
      for (const [dx, dy] of [
        [5, 5],
        [-5, -5],
        [3, -2],
        [-0.3, 0.7],
      ] as const) {
        const view = panView(landscape, aspect, { cx: 0.5, cy: 0.5, zoom: 2 }, dx, dy);
        expectInside(cropFromView(landscape, aspect, view));
      }
    }
  });
});

describe("zoom", () => {
  it("shrinks the rect around its centre", () => {
    const one = cropFromView(landscape, "1:1", { cx: 0.5, cy: 0.5, zoom: 1 });
    const two = cropFromView(landscape, "1:1", { cx: 0.5, cy: 0.5, zoom: 2 });
    expect(two.width).toBeCloseTo(one.width / 2, 9);
    expect(two.height).toBeCloseTo(one.height / 2, 9);
    expect(two.x + two.width / 2).toBeCloseTo(one.x + one.width / 2, 9);
    expect(two.y + two.height / 2).toBeCloseTo(one.y + one.height / 2, 9);
    expect(pixelRatio(two, landscape)).toBeCloseTo(1, 9);
  });

  it("keeps an off-centre crop's centre when zooming in", () => {
    const view = zoomView(portrait, "4:5", { cx: 0.3, cy: 0.4, zoom: 2 }, 3);
    expect(view).toEqual({ cx: 0.3, cy: 0.4, zoom: 3 });
  });

  it("pulls the centre in when zooming out would cross an edge", () => {
    const view = zoomView(square, "1:1", { cx: 0.2, cy: 0.8, zoom: 3 }, 1);
    expect(view.cx).toBeCloseTo(0.5, 9);
    expect(view.cy).toBeCloseTo(0.5, 9);
  });

  it("clamps the zoom to 1x-3x", () => {
    expect(zoomView(square, "1:1", { cx: 0.5, cy: 0.5, zoom: 1 }, 10).zoom).toBe(MAX_ZOOM);
    const wide = cropFromView(square, "1:1", { cx: 0.5, cy: 0.5, zoom: 0.1 });
    expect(wide.width).toBe(1);
  });
});

describe("panView", () => {
  it("moves by fractions of the crop frame", () => {
    const view = panView(square, "1:1", { cx: 0.5, cy: 0.5, zoom: 2 }, 0.1, -0.2);
    // The crop is half the photo wide, so 0.1 of it is 0.05 of the photo.
    expect(view.cx).toBeCloseTo(0.55, 9);
    expect(view.cy).toBeCloseTo(0.4, 9);
  });

  it("stops at the edge without storing overshoot", () => {
    const far = panView(square, "1:1", { cx: 0.5, cy: 0.5, zoom: 2 }, 10, 0);
    expect(far.cx).toBeCloseTo(0.75, 9);
    const back = panView(square, "1:1", far, -0.1, 0);
    expect(back.cx).toBeCloseTo(0.7, 9);
  });

  it("normalises a view left outside by an aspect change", () => {
    const view = normaliseView(landscape, "1.91:1", { cx: 0.1, cy: 0.5, zoom: 1 });
    expect(view.cx).toBeCloseTo(0.5, 9);
  });
});

describe("suggestAspect and imagePlacement", () => {
  it("suggests the aspect that crops least", () => {
    expect(suggestAspect(portrait)).toBe("4:5");
    expect(suggestAspect(square)).toBe("1:1");
    expect(suggestAspect({ width: 1920, height: 1080 })).toBe("1.91:1");
  });

  it("scales the photo so the crop fills the frame", () => {
    expect(imagePlacement({ x: 0.25, y: 0, width: 0.5, height: 1 })).toEqual({
      width: "200.0000%",
      height: "100.0000%",
      left: "-50.0000%",
      top: "0.0000%",
    });
  });
});
