import { createCipheriv, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applySstResources } from "@/lib/env/sst-resources";
import { emfLine, metric } from "@/lib/observability/metrics";

// lib/env/sst-resources.ts maps SST's linked resources onto the settings lib/env/index.ts reads.
// The SST SDK reads the links when it is imported, so each case imports a fresh copy of it.
const keys = [
  "SST_RESOURCE_App",
  "SST_RESOURCE_AuthSecret",
  "SST_RESOURCE_Database",
  "SST_KEY",
  "SST_KEY_FILE",
];
const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
const dirs: string[] = [];

afterEach(() => {
  for (const k of keys) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

let copies = 0;
/** A fresh copy of the SST SDK's Resource: it reads the links once, when imported. */
async function freshSdk(): Promise<{ Resource: Record<string, unknown> }> {
  // "sst/resource" maps to this file (import condition only, so require.resolve cannot find it).
  const file = path.resolve("node_modules/sst/dist/resource.js");
  const url = `${pathToFileURL(file).href}?copy=${++copies}`;
  // Not the proxy itself: awaiting it would ask it for `then`, which it refuses.
  const { Resource } = (await import(/* @vite-ignore */ url)) as {
    Resource: Record<string, unknown>;
  };
  return { Resource };
}

describe("applySstResources", () => {
  it("does nothing outside SST", async () => {
    delete process.env.SST_RESOURCE_App;
    const env: Record<string, string | undefined> = {};
    expect(applySstResources(env, (await freshSdk()).Resource)).toEqual([]);
    expect(env).toEqual({});
  });

  it("fills secrets and a TLS-verified database URL from SST's encrypted resource file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sst-links-"));
    dirs.push(dir);
    const key = randomBytes(32);
    const cipher = createCipheriv("aes-256-gcm", key, Buffer.alloc(12, 0));
    const links = {
      AuthSecret: { value: "a".repeat(40) },
      HealthToken: { value: "h".repeat(40) },
      Database: {
        host: "db.proxy.test",
        port: 5432,
        username: "app",
        password: "p@ss/w:rd",
        database: "snapgram",
      },
    };
    const data = Buffer.concat([cipher.update(JSON.stringify(links)), cipher.final()]);
    writeFileSync(path.join(dir, "resource.enc"), Buffer.concat([data, cipher.getAuthTag()]));
    process.env.SST_RESOURCE_App = JSON.stringify({ name: "snapgram", stage: "test" });
    process.env.SST_KEY = key.toString("base64");
    process.env.SST_KEY_FILE = path.join(dir, "resource.enc");

    const env: Record<string, string | undefined> = {
      SST_RESOURCE_App: "{}",
      SMTP_URL: "smtp://kept",
    };
    expect(applySstResources(env, (await freshSdk()).Resource).sort()).toEqual([
      "AUTH_SECRET",
      "DATABASE_URL",
      "HEALTH_TOKEN",
    ]);
    expect(env.AUTH_SECRET).toBe("a".repeat(40));
    expect(env.HEALTH_TOKEN).toBe("h".repeat(40));
    expect(env.DATABASE_URL).toBe(
      "postgres://app:p%40ss%2Fw%3Ard@db.proxy.test:5432/snapgram?sslmode=verify-full",
    );
    expect(env.SMTP_URL, "an explicit setting wins").toBe("smtp://kept");
  });

  it("an explicitly set variable wins over the linked value", async () => {
    process.env.SST_RESOURCE_App = JSON.stringify({ name: "snapgram", stage: "test" });
    process.env.SST_RESOURCE_AuthSecret = JSON.stringify({ value: "linked".repeat(8) });
    const env: Record<string, string | undefined> = {
      SST_RESOURCE_App: "{}",
      AUTH_SECRET: "explicit".repeat(5),
    };
    expect(applySstResources(env, (await freshSdk()).Resource)).toEqual([]);
    expect(env.AUTH_SECRET).toBe("explicit".repeat(5));
  });
});

describe("EMF metrics", () => {
  it("writes a CloudWatch Embedded Metric Format document", () => {
    const doc = JSON.parse(emfLine("ActionFailure", 1, "Count", { Code: "VALIDATION" }, 1000));
    expect(doc).toEqual({
      _aws: {
        Timestamp: 1000,
        CloudWatchMetrics: [
          {
            Namespace: "Snapgram",
            Dimensions: [[], ["Code"]],
            Metrics: [{ Name: "ActionFailure", Unit: "Count" }],
          },
        ],
      },
      Code: "VALIDATION",
      ActionFailure: 1,
    });
  });

  it("writes only on Lambda", () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const name = process.env.AWS_LAMBDA_FUNCTION_NAME;
    try {
      delete process.env.AWS_LAMBDA_FUNCTION_NAME;
      metric("RealtimePublishFailure", 1);
      expect(write).not.toHaveBeenCalled();
      process.env.AWS_LAMBDA_FUNCTION_NAME = "snapgram-server";
      metric("RealtimePublishFailure", 1);
      expect(write).toHaveBeenCalledWith(expect.stringContaining('"RealtimePublishFailure":1'));
    } finally {
      if (name === undefined) delete process.env.AWS_LAMBDA_FUNCTION_NAME;
      else process.env.AWS_LAMBDA_FUNCTION_NAME = name;
      write.mockRestore();
    }
  });
});
