import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { makeDemoAvatar, makeDemoPhoto } from "@/lib/images/demo";
import { imageQueueStats, setImageQueueSize } from "@/lib/images/limit";
import {
  applyOrientation,
  inspectImage,
  planRender,
  processAvatar,
  processPostPhoto,
  profileKind,
} from "@/lib/images/process";
import { sniffImage } from "@/lib/images/sniff";
import { ASPECTS, type Aspect, ImageError, type ImageErrorCode } from "@/lib/images/types";
import {
  gpsTags,
  halves,
  heicHeader,
  jpegWithGps,
  pixel,
  pngHeaderClaiming,
  sidewaysJpeg,
  solid,
} from "../fixtures/images";

const SLOW = { timeout: 30_000 };

async function rejection(p: Promise<unknown>): Promise<ImageError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ImageError)) throw new Error(`expected an ImageError, got ${String(err)}`);
  return err;
}

async function expectCode(p: Promise<unknown>, code: ImageErrorCode): Promise<ImageError> {
  const err = await rejection(p);
  expect(err.code).toBe(code);
  return err;
}

describe("sniffImage", () => {
  it.each([
    ["jpeg", "image/jpeg"],
    ["png", "image/png"],
    ["webp", "image/webp"],
    ["avif", "image/avif"],
  ] as const)("accepts real %s data", async (format, mime) => {
    expect(await sniffImage(await solid(32, 32, format))).toBe(mime);
  });

  it("refuses an empty file", async () => {
    const err = await expectCode(sniffImage(Buffer.alloc(0)), "EMPTY");
    expect(err.message).toBe("The file is empty.");
  });

  it.each([
    ["a text file", Buffer.from("holiday.jpg\nthis is not a photo, just some words\n")],
    ["a PDF", Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")],
    ["random bytes", Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])],
  ])("refuses %s as not an image", async (_, buf) => {
    const err = await expectCode(sniffImage(buf), "NOT_AN_IMAGE");
    expect(err.message).toBe("This file isn't a photo.");
  });

  it("refuses a GIF and a TIFF as unsupported kinds of image", async () => {
    await expectCode(sniffImage(await solid(8, 8, "gif")), "UNSUPPORTED_TYPE");
    await expectCode(sniffImage(await solid(8, 8, "tiff")), "UNSUPPORTED_TYPE");
  });

  it("tells iPhone users what to do with HEIC", async () => {
    const err = await expectCode(sniffImage(heicHeader()), "UNSUPPORTED_TYPE");
    expect(err.message).toMatch(/JPEG/);
    expect(err.message).toMatch(/Most compatible/);
  });

  it("refuses SVG as unsupported", async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>');
    await expectCode(sniffImage(svg), "UNSUPPORTED_TYPE");
  });
});

describe("processPostPhoto: refusals", () => {
  it("refuses text, empty and GIF input whatever its name", async () => {
    await expectCode(
      processPostPhoto(Buffer.from("not a photo"), { aspect: "1:1" }),
      "NOT_AN_IMAGE",
    );
    await expectCode(processPostPhoto(Buffer.alloc(0), { aspect: "1:1" }), "EMPTY");
    await expectCode(
      processPostPhoto(await solid(8, 8, "gif"), { aspect: "1:1" }),
      "UNSUPPORTED_TYPE",
    );
  });

  it("refuses a header claiming 30000x30000 before decoding anything", async () => {
    const png = pngHeaderClaiming(30_000, 30_000);
    expect((await sharp(png, { limitInputPixels: false }).metadata()).width).toBe(30_000);
    const start = performance.now();
    const err = await expectCode(processPostPhoto(png, { aspect: "1:1" }), "TOO_MANY_PIXELS");
    expect(performance.now() - start).toBeLessThan(1000);
    expect(err.message).toBe("Photos can have at most 50 megapixels.");
    await expectCode(processAvatar(png), "TOO_MANY_PIXELS");
  });

  it("refuses just over 50 MP (8000x6251) and lets 50 MP headers through to the decoder", async () => {
    const over = pngHeaderClaiming(8000, 6251);
    await expectCode(processPostPhoto(over, { aspect: "1:1" }), "TOO_MANY_PIXELS");
    const info = await inspectImage(pngHeaderClaiming(8000, 6250));
    expect([info.width, info.height]).toEqual([8000, 6250]);
  });

  it("refuses a truncated JPEG as corrupt", async () => {
    const jpeg = await makeDemoPhoto(3, { width: 800, height: 800 });
    const cut = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    await expectCode(processPostPhoto(cut, { aspect: "1:1" }), "CORRUPT");
  });

  it.each([
    { x: 0.5, y: 0, width: 0.6, height: 1 },
    { x: -0.1, y: 0, width: 0.5, height: 0.5 },
    { x: 0, y: 0.8, width: 0.5, height: 0.3 },
    { x: 0, y: 0, width: 0, height: 1 },
    { x: 0, y: 0, width: Number.NaN, height: 1 },
  ])("refuses crop %j", async (crop) => {
    const err = await expectCode(
      processPostPhoto(await solid(200, 200), { aspect: "1:1", crop }),
      "CROP_OUT_OF_BOUNDS",
    );
    expect(err.message).toBe("The crop is outside the photo.");
  });

  it("tolerates float slack at the edges of a crop", async () => {
    const crop = { x: 0.2, y: 0, width: 0.8 + 1e-9, height: 1 };
    const out = await processPostPhoto(await solid(200, 200), { aspect: "1:1", crop });
    expect(out.width).toBe(160);
  });
});

describe("processPostPhoto: output", () => {
  let big: Buffer;
  beforeAll(async () => {
    big = await makeDemoPhoto(11, { width: 2400, height: 2400 });
  }, 30_000);

  it.each(Object.keys(ASPECTS) as Aspect[])(
    "renders WebP variants 1080/750/640/320 at exactly %s",
    async (aspect) => {
      const out = await processPostPhoto(big, { aspect });
      const expected = [1080, 750, 640, 320].map((w) => [w, Math.round(w / ASPECTS[aspect])]);
      expect(out.variants.map((v) => [v.width, v.height])).toEqual(expected);
      expect([out.width, out.height]).toEqual(expected[0]);
      for (const v of out.variants) {
        const meta = await sharp(v.data).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(["webp", v.width, v.height]);
      }
    },
    SLOW.timeout,
  );

  it("strips EXIF (GPS), XMP and ICC from every variant", SLOW, async () => {
    const original = await jpegWithGps();
    const meta = await sharp(original).metadata();
    expect(gpsTags(meta.exif)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(meta.xmp).toBeDefined();
    const out = await processPostPhoto(original, { aspect: "4:5" });
    for (const v of out.variants) {
      const m = await sharp(v.data).metadata();
      expect(m.exif).toBeUndefined();
      expect(m.xmp).toBeUndefined();
      expect(m.icc).toBeUndefined();
      expect(v.data.includes("TestCam")).toBe(false);
    }
  });

  it("applies EXIF orientation before cropping", async () => {
    const out = await processPostPhoto(await sidewaysJpeg(), { aspect: "4:5" });
    // Shown portrait 300x400; the 4:5 crop keeps the full width and 375 px of the height.
    expect([out.width, out.height]).toEqual([300, 375]);
    const largest = out.variants[0]?.data ?? Buffer.alloc(0);
    const [r, , b] = await pixel(largest, 290, 10);
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(60);
    const [r2, , b2] = await pixel(largest, 10, 10);
    expect(r2).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("orients like sharp's autoOrient (EXIF %i)", async (o) => {
    const raw = { width: 6, height: 4, channels: 3 as const };
    const px = Buffer.from(Array.from({ length: 6 * 4 * 3 }, (_, i) => (i * 29) % 256));
    const tagged = await sharp(px, { raw }).png().withMetadata({ orientation: o }).toBuffer();
    const expected = await sharp(tagged, { autoOrient: true }).raw().toBuffer();
    const actual = await applyOrientation(sharp(px, { raw }), o).raw().toBuffer();
    expect(actual.equals(expected)).toBe(true);
  });

  it("converts a Display P3 photo to sRGB (also when it is stored sideways)", async () => {
    const colour = { r: 200, g: 100, b: 50 };
    const p3 = await sharp({ create: { width: 240, height: 200, channels: 3, background: colour } })
      .jpeg({ quality: 100 })
      .withMetadata({ orientation: 6, icc: "p3" })
      .toBuffer();
    const meta = await sharp(p3).metadata();
    expect([meta.orientation, profileKind(meta.icc)]).toEqual([6, "other"]);
    const [storedR] = await pixel(await sharp(p3, { ignoreIcc: true }).png().toBuffer(), 0, 0);
    expect(Math.abs(storedR - colour.r)).toBeGreaterThan(8);
    const out = await processPostPhoto(p3, { aspect: "4:5" });
    expect([out.width, out.height]).toEqual([192, 240]);
    const [r, g, b] = await pixel(out.variants[0]?.data ?? Buffer.alloc(0), 100, 100);
    for (const [got, want] of [
      [r, colour.r],
      [g, colour.g],
      [b, colour.b],
    ] as const) {
      expect(Math.abs(got - want)).toBeLessThanOrEqual(4);
    }
  });

  it("recognises sRGB profiles, whose conversion is skipped", async () => {
    const base = () => sharp({ create: { width: 8, height: 8, channels: 3, background: "#f00" } });
    const icc = async (b: Buffer) => (await sharp(b).metadata()).icc;
    expect(profileKind(await icc(await base().jpeg().withMetadata().toBuffer()))).toBe("srgb");
    expect(profileKind(await icc(await base().jpeg().withIccProfile("p3").toBuffer()))).toBe(
      "other",
    );
    expect(profileKind(await icc(await base().jpeg().withIccProfile("cmyk").toBuffer()))).toBe(
      "other",
    );
    expect(profileKind(await icc(await base().jpeg().toBuffer()))).toBe("none");
  });

  it("keeps the cropped region", async () => {
    const crop = { x: 0.5, y: 0, width: 0.5, height: 1 };
    const out = await processPostPhoto(await halves(800, 400), { aspect: "1:1", crop });
    expect([out.width, out.height]).toEqual([400, 400]);
    const [r, , b] = await pixel(out.variants[0]?.data ?? Buffer.alloc(0), 5, 200);
    expect([r < 40, b > 200]).toEqual([true, true]);
  });

  it("never upscales a small source", async () => {
    const out = await processPostPhoto(await solid(500, 700, "png"), { aspect: "1:1" });
    expect(out.variants.map((v) => [v.width, v.height])).toEqual([
      [500, 500],
      [320, 320],
    ]);
    const tiny = await processPostPhoto(await solid(100, 100, "webp"), { aspect: "1.91:1" });
    expect(tiny.variants.map((v) => [v.width, v.height])).toEqual([[100, 52]]);
  });

  it("makes a blurred WebP placeholder data URL under 1 KB", async () => {
    const out = await processPostPhoto(big, { aspect: "4:5" });
    expect(out.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/=]+$/);
    expect(out.placeholder.length).toBeLessThan(1024);
    const webp = Buffer.from(out.placeholder.split(",")[1] ?? "", "base64");
    const meta = await sharp(webp).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 16, 20]);
  });

  it("accepts AVIF and PNG with transparency", async () => {
    const avif = await processPostPhoto(await solid(400, 400, "avif"), { aspect: "1:1" });
    expect(avif.width).toBe(400);
    const alpha = await sharp({
      create: { width: 300, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const out = await processPostPhoto(alpha, { aspect: "1:1" });
    expect((await sharp(out.variants[0]?.data ?? Buffer.alloc(0)).metadata()).hasAlpha).toBe(true);
  });
});

describe("processAvatar", () => {
  it("yields squares of 320 and 150", async () => {
    const out = await processAvatar(await makeDemoAvatar(4, "AL"));
    expect(out.variants.map((v) => [v.width, v.height])).toEqual([
      [320, 320],
      [150, 150],
    ]);
  });

  it("crops off-centre and never upscales", async () => {
    const crop = { x: 0, y: 0, width: 0.5, height: 1 };
    const out = await processAvatar(await halves(400, 200), { crop });
    expect(out.variants.map((v) => v.width)).toEqual([200, 150]);
    const [r] = await pixel(out.variants[0]?.data ?? Buffer.alloc(0), 100, 100);
    expect(r).toBeGreaterThan(200);
  });
});

describe("planRender", () => {
  it("centres the aspect inside the crop and scales the whole image around it", () => {
    const plan = planRender({ width: 4000, height: 3000 }, 1, undefined, [1080, 640, 320]);
    expect(plan.extract).toEqual({ left: 180, top: 0, width: 1080, height: 1080 });
    expect(plan.resize).toEqual({ width: 1440, height: 1080 });
    expect(plan.sizes.map((s) => s.width)).toEqual([1080, 640, 320]);
  });

  it("drops widths larger than the source but keeps at least one", () => {
    expect(planRender({ width: 40, height: 40 }, 1, undefined, [1080, 640]).sizes).toEqual([
      { width: 40, height: 40 },
    ]);
  });
});

describe("bounded queue", () => {
  it("never runs more pipelines than the queue size", SLOW, async () => {
    setImageQueueSize(2);
    const photo = await makeDemoPhoto(2, { width: 1200, height: 1200 });
    let maxActive = 0;
    const timer = setInterval(() => {
      maxActive = Math.max(maxActive, imageQueueStats().active);
    }, 1);
    await Promise.all(Array.from({ length: 6 }, () => processPostPhoto(photo, { aspect: "1:1" })));
    clearInterval(timer);
    expect(maxActive).toBeLessThanOrEqual(2);
    expect(() => setImageQueueSize(0)).toThrow(RangeError);
  });
});

describe("demo images", () => {
  it("are deterministic JPEGs that pass the pipeline", SLOW, async () => {
    const a = await makeDemoPhoto(5, { label: "Porto" });
    expect(a.equals(await makeDemoPhoto(5, { label: "Porto" }))).toBe(true);
    const info = await inspectImage(a);
    expect(info.mime).toBe("image/jpeg");
    expect(info.width).toBeGreaterThanOrEqual(1080);
    const avatar = await makeDemoAvatar(1, "zé");
    expect((await sharp(avatar).metadata()).width).toBe(400);
  });
});
