import "./helpers/next-runtime";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionRegistry } from "./helpers/action-registry";
import { setupActionHarness } from "./helpers/actions";

// Every exported server action has its row in the authorization matrix: adding an action without
// tests fails here. A server action is any export of a "use server" module under lib/ or app/.
setupActionHarness();

const root = path.resolve(import.meta.dirname, "../..");

function serverModules(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const head = readFileSync(file, "utf8").trimStart();
    if (/^["']use server["']/.test(head)) out.push(file);
  }
  return out;
}

describe("the action registry", () => {
  it("has a matrix row for every exported server action, and no stale rows", async () => {
    const files = [
      ...serverModules(path.join(root, "lib")),
      ...serverModules(path.join(root, "app")),
    ];
    expect(files.length).toBeGreaterThan(0);
    const exported: string[] = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      const id = path.relative(path.join(root, "lib"), file).replace(/\.tsx?$/, "");
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value === "function") exported.push(`${id}:${name}`);
      }
    }
    const missing = exported.filter((name) => !(name in actionRegistry));
    expect(missing, "exported actions without tests").toEqual([]);
    const stale = Object.keys(actionRegistry).filter((name) => !exported.includes(name));
    expect(stale, "registry rows for actions that no longer exist").toEqual([]);
  });

  it("points each row at the very action it is named after", async () => {
    for (const [name, c] of Object.entries(actionRegistry)) {
      const [id, exportName] = name.split(":") as [string, string];
      const mod = (await import(path.join(root, "lib", `${id}.ts`))) as Record<string, unknown>;
      expect(mod[exportName], name).toBe(c.action);
    }
  });
});
