import { describe, expect, it } from "vitest";
import manifest from "@/app/manifest";

// The share sheet lists Snapgram for images only if the manifest's share_target is exactly what
// the service worker (public/sw.js) expects: a multipart POST to /share-target with "photos".
describe("web app manifest", () => {
  it("offers Snapgram as a share target for images", () => {
    expect(manifest().share_target).toEqual({
      action: "/share-target",
      method: "POST",
      enctype: "multipart/form-data",
      params: {
        title: "title",
        text: "text",
        files: [{ name: "photos", accept: ["image/*"] }],
      },
    });
  });

  it("the worker reads the same action path and field name", async () => {
    const { readFileSync } = await import("node:fs");
    const sw = readFileSync("public/sw.js", "utf8");
    expect(sw).toContain('const SHARE_PATH = "/share-target"');
    expect(sw).toContain('getAll("photos")');
  });
});
