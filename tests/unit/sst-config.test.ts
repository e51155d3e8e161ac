import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, afterEach, describe, expect, it } from "vitest";

// Evaluates sst.config.ts with the SST globals stubbed: `$config` returns its argument, each
// `sst.*` constructor records its name and arguments, and every output of a resource reads as the
// placeholder "<Name.output>" so interpolated values can be checked as plain strings.

interface Created {
  type: string;
  name: string;
  args: Record<string, unknown>;
  ref: object;
}

interface SstConfig {
  app(input?: { stage?: string }): Record<string, unknown>;
  run(): Promise<Record<string, unknown>>;
}

const configSource = readFileSync(path.resolve(import.meta.dirname, "../../sst.config.ts"), "utf8");
const workDir = mkdtempSync(path.join(tmpdir(), "sst-config-test-"));
let loads = 0;
let created: Created[] = [];
let routes: { on: string; method: string; args: unknown[] }[] = [];
const g = globalThis as Record<string, unknown>;

/** A component's `nodes`: each step deeper is another such object; other props read "<path.prop>". */
function fakeNodes(path: string): object {
  const deeper = new Set(["nodes", "cdn", "distribution"]);
  return new Proxy(
    {},
    {
      get(target, prop) {
        if (typeof prop !== "string" || prop === "then") return Reflect.get(target, prop);
        return deeper.has(prop) ? fakeNodes(`${path}.${prop}`) : `<${path}.${prop}>`;
      },
    },
  );
}

// A plain function, so `new` hands back the recording proxy (a class constructor may not).
function fakeComponent(type: string) {
  return function recordComponent(name: string, args: Record<string, unknown> = {}) {
    const ref: object = new Proxy(
      {},
      {
        get(target, prop) {
          if (typeof prop !== "string" || prop === "then") return Reflect.get(target, prop);
          // Methods such as router.route()/routeBucket() are recorded; other props are outputs.
          if (prop.startsWith("route")) {
            return (...args: unknown[]) => routes.push({ on: name, method: prop, args });
          }
          if (prop === "nodes") return fakeNodes(`${name}.nodes`);
          return `<${name}.${prop}>`;
        },
      },
    );
    created.push({ type, name, args, ref });
    return ref;
  };
}

async function loadConfig(stage: string, domain?: string): Promise<SstConfig> {
  created = [];
  routes = [];
  g.$config = (config: unknown) => config;
  g.$app = { name: "snapgram", stage };
  g.$interpolate = (strings: TemplateStringsArray, ...values: unknown[]) =>
    strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ""), "");
  g.$concat = (...values: unknown[]) => values.map(String).join("");
  g.sst = {
    Secret: fakeComponent("sst.Secret"),
    Linkable: fakeComponent("sst.Linkable"),
    aws: new Proxy({} as Record<string, unknown>, {
      get: (cache, prop: string) => {
        cache[prop] ??= fakeComponent(`sst.aws.${prop}`);
        return cache[prop];
      },
    }),
  };
  if (domain === undefined) delete process.env.SNAPGRAM_DOMAIN;
  else process.env.SNAPGRAM_DOMAIN = domain;

  const source = configSource.replace(/^\/\/\/\s*<reference[^\n]*\n/m, "");
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const file = path.join(workDir, `sst.config.${++loads}.mjs`);
  writeFileSync(file, js);
  const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
    default: SstConfig;
  };
  return mod.default;
}

function only(type: string): Created {
  const matches = created.filter((c) => c.type === type);
  expect(matches, `exactly one ${type}`).toHaveLength(1);
  return matches[0] as Created;
}

afterEach(() => {
  delete process.env.SNAPGRAM_DOMAIN;
});
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  for (const name of ["$config", "$app", "$interpolate", "$concat", "sst"]) delete g[name];
});

describe("sst.config.ts app()", () => {
  it("retains and protects production", async () => {
    const config = await loadConfig("production");
    expect(config.app({ stage: "production" })).toMatchObject({
      name: "snapgram",
      removal: "retain",
      protect: true,
      home: "aws",
    });
  });

  it("removes and does not protect other stages", async () => {
    const config = await loadConfig("dev");
    for (const stage of ["dev", "pr-42", "staging"]) {
      expect(config.app({ stage })).toMatchObject({
        name: "snapgram",
        removal: "remove",
        protect: false,
        home: "aws",
      });
    }
    expect(() => config.app(undefined)).not.toThrow();
  });
});

describe("sst.config.ts run()", () => {
  it("creates the database in a VPC, the photo bucket with PUT CORS and both secrets", async () => {
    const config = await loadConfig("dev");
    await config.run();

    const vpc = only("sst.aws.Vpc");
    const postgres = created.filter((c) => ["sst.aws.Postgres", "sst.aws.Aurora"].includes(c.type));
    expect(postgres, "one PostgreSQL database").toHaveLength(1);
    expect(postgres[0]?.args.vpc, "database inside the VPC").toBeDefined();
    if (postgres[0]?.type === "sst.aws.Aurora") expect(postgres[0].args.engine).toBe("postgres");
    expect(vpc.name).toBeTruthy();

    const bucket = only("sst.aws.Bucket");
    const cors = bucket.args.cors as { allowMethods?: string[] } | undefined;
    expect(cors?.allowMethods).toContain("PUT");

    expect(bucket.args.access, "never public: originals carry GPS metadata").toBe("cloudfront");

    const secrets = created.filter((c) => c.type === "sst.Secret").map((c) => c.name);
    expect(secrets.sort()).toEqual([
      "AuthSecret",
      "PusherAppId",
      "PusherCluster",
      "PusherKey",
      "PusherSecret",
      "SmtpUrl",
    ]);
  });

  it("links everything to the Next.js site and passes the settings the app reads", async () => {
    const config = await loadConfig("dev");
    const output = await config.run();

    const site = only("sst.aws.Nextjs");
    const db = created.find((c) => ["sst.aws.Postgres", "sst.aws.Aurora"].includes(c.type));
    const dbName = db?.name ?? "?";
    const bucketName = only("sst.aws.Bucket").name;

    const link = (site.args.link as unknown[]).map(
      (r) => created.find((c) => c.ref === r)?.name ?? String(r),
    );
    expect(link).toEqual(expect.arrayContaining([dbName, bucketName, "AuthSecret", "SmtpUrl"]));

    const environment = site.args.environment as Record<string, string>;
    expect(environment.DATABASE_URL).toBe(
      `postgres://<${dbName}.username>:<${dbName}.password>@<${dbName}.host>:<${dbName}.port>/<${dbName}.database>`,
    );
    expect(environment.S3_BUCKET).toBe(`<${bucketName}.name>`);
    expect(environment.AUTH_SECRET).toBe("<AuthSecret.value>");
    expect(environment.SMTP_URL).toBe("<SmtpUrl.value>");
    // Live updates use Pusher Channels in AWS, never the laptop's embedded server.
    expect(environment.PUSHER_APP_ID).toBe("<PusherAppId.value>");
    expect(environment.PUSHER_KEY).toBe("<PusherKey.value>");
    expect(environment.PUSHER_SECRET).toBe("<PusherSecret.value>");
    expect(environment.PUSHER_CLUSTER).toBe("<PusherCluster.value>");
    expect(environment.APP_URL).toMatch(/^(<\w+\.url>|https:\/\/)/);
    expect(environment.DEV_OUTBOX_PAGE ?? "false").toBe("false");
    // Photos load through the router, which serves only the processed prefixes of the bucket.
    expect(environment.S3_PUBLIC_URL).toBe(environment.APP_URL);
    const bucketRef = only("sst.aws.Bucket").ref;
    const served = routes
      .filter((r) => r.method === "routeBucket" && r.args[1] === bucketRef)
      .map((r) => r.args[0]);
    expect(served.sort()).toEqual(["/avatars", "/posts"]);
    // Removed photos are invalidated on the router's distribution, which the site may do.
    const router = only("sst.aws.Router").name;
    const distribution = `${router}.nodes.cdn.nodes.distribution`;
    expect(environment.CDN_DISTRIBUTION_ID).toBe(`<${distribution}.id>`);
    expect(site.args.permissions).toEqual(
      expect.arrayContaining([
        { actions: ["cloudfront:CreateInvalidation"], resources: [`<${distribution}.arn>`] },
      ]),
    );
    expect(site.args.vpc, "site in the VPC to reach the database").toBeDefined();

    expect(output.url).toBe(`<${site.name}.url>`);
  });

  it("takes the client address from a header the CloudFront router overwrites", async () => {
    for (const domain of [undefined, "snapgram.example.com"]) {
      const config = await loadConfig("production", domain);
      await config.run();
      const environment = only("sst.aws.Nextjs").args.environment as Record<string, string>;
      const header = environment.CLIENT_IP_HEADER ?? "";
      expect(header).toMatch(/^[a-z0-9-]+$/);
      // No X-Forwarded-For hop is trusted: its first entries are the client's own words.
      expect(environment.TRUSTED_PROXY_HOPS ?? "0").toBe("0");
      const router = only("sst.aws.Router");
      const edge = router.args.edge as { viewerRequest?: { injection?: string } } | undefined;
      // The viewer-request function sets (not appends) the header from the viewer's address.
      expect(edge?.viewerRequest?.injection).toBe(
        `event.request.headers["${header}"] = { value: event.viewer.ip };`,
      );
      if (domain) expect(router.args.domain).toBe(domain);
    }
  });

  it("uses the custom domain for e-mailed links and photo uploads when set", async () => {
    const config = await loadConfig("production", "snapgram.example.com");
    await config.run();
    const environment = only("sst.aws.Nextjs").args.environment as Record<string, string>;
    expect(environment.APP_URL).toBe("https://snapgram.example.com");
    const cors = only("sst.aws.Bucket").args.cors as { allowOrigins?: string[] };
    expect(cors.allowOrigins).toEqual(["https://snapgram.example.com"]);
  });
});
