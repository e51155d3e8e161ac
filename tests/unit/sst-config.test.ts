import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { linkedSecrets } from "@/lib/env/sst-resources";
import { ORIGIN_SECRET_HEADER } from "@/lib/http/origin-guard";

// Evaluates sst.config.ts with the SST globals stubbed: `$config` returns its argument, each
// `sst.*` constructor records its name and arguments, and every output of a resource reads as the
// placeholder "<Name.output>" so interpolated values can be checked as plain strings.

interface Created {
  type: string;
  name: string;
  args: Record<string, unknown>;
  opts?: Record<string, unknown>;
  ref: object;
}

interface SstConfig {
  app(input?: { stage?: string }): Record<string, unknown>;
  run(): Promise<Record<string, unknown>>;
}

let config: SstConfig | undefined;
let created: Created[] = [];
let routes: { on: string; method: string; args: unknown[] }[] = [];
const g = globalThis as Record<string, unknown>;

/**
 * A component's `nodes`: each step deeper is another such object, `apply(fn)` calls fn with it
 * (an Output's apply); other props read "<path.prop>".
 */
function fakeNodes(path: string): object {
  const deeper = new Set(["nodes", "cdn", "distribution", "server", "function", "instance"]);
  return new Proxy(
    {},
    {
      get(target, prop) {
        if (typeof prop !== "string" || prop === "then") return Reflect.get(target, prop);
        if (prop === "apply") return (fn: (v: object) => unknown) => fn(fakeNodes(path));
        return deeper.has(prop) ? fakeNodes(`${path}.${prop}`) : `<${path}.${prop}>`;
      },
    },
  );
}

// A plain function, so `new` hands back the recording proxy (a class constructor may not).
function fakeComponent(type: string) {
  return function recordComponent(
    name: string,
    args: Record<string, unknown> = {},
    opts?: Record<string, unknown>,
  ) {
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
    created.push({ type, name, args, opts, ref });
    return ref;
  };
}

/** `new ns.a.B(...)` records type "ns.a.B" (for sst.aws.* and the Pulumi `aws.*` namespace). */
function fakeNamespace(prefix: string): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get: (cache, prop: string) => {
      cache[prop] ??= /^[A-Z]/.test(prop)
        ? fakeComponent(`${prefix}.${prop}`)
        : fakeNamespace(`${prefix}.${prop}`);
      return cache[prop];
    },
  });
}

async function loadConfig(stage: string): Promise<SstConfig> {
  created = [];
  routes = [];
  g.$config = (config: unknown) => config;
  g.$app = { name: "snapgram", stage };
  g.$interpolate = (strings: TemplateStringsArray, ...values: unknown[]) =>
    strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ""), "");
  g.$concat = (...values: unknown[]) => values.map(String).join("");
  g.$jsonStringify = (value: unknown) => JSON.stringify(value);
  g.sst = {
    Secret: fakeComponent("sst.Secret"),
    Linkable: fakeComponent("sst.Linkable"),
    aws: fakeNamespace("sst.aws"),
  };
  g.aws = fakeNamespace("aws");

  // Imported once, after the globals exist ($config runs at import); each run() is evaluated anew
  // and reads the stage from $app. Its dynamic import of infra/monitor goes through Vitest too.
  // (A computed path: tsc must not pull the config, which needs SST's own types, into this program.)
  const file = path.resolve(import.meta.dirname, "../../sst.config.ts");
  config ??= ((await import(/* @vite-ignore */ file)) as { default: SstConfig }).default;
  return config;
}

/** The one component of this type and name (there are two Crons). */
function named(type: string, name: string): Created {
  const matches = created.filter((c) => c.type === type && c.name === name);
  expect(matches, `exactly one ${type} ${name}`).toHaveLength(1);
  return matches[0] as Created;
}

function only(type: string): Created {
  const matches = created.filter((c) => c.type === type);
  expect(matches, `exactly one ${type}`).toHaveLength(1);
  return matches[0] as Created;
}

afterAll(() => {
  for (const name of ["$config", "$app", "$interpolate", "$concat", "$jsonStringify", "sst", "aws"])
    delete g[name];
});

/** The name of the component each entry of a `link` list refers to. */
const linkedNames = (link: unknown) =>
  (link as unknown[]).map((r) => created.find((c) => c.ref === r)?.name ?? String(r));

/** Runs a component's `transform.<key>` function on `args`, as SST does, and returns them. */
function transformed(component: Created, key: string, args: Record<string, unknown> = {}) {
  const transform = (component.args.transform as Record<string, unknown> | undefined)?.[key];
  expect(typeof transform, `transform.${key} of ${component.name}`).toBe("function");
  (transform as (a: Record<string, unknown>) => void)(args);
  return args;
}

describe("sst.config.ts app()", () => {
  it("retains and protects production, pins the SST version and the region", async () => {
    const config = await loadConfig("production");
    const app = config.app({ stage: "production" });
    expect(app).toMatchObject({ name: "snapgram", removal: "retain", protect: true, home: "aws" });
    const pkg = JSON.parse(readFileSync(path.resolve("package.json"), "utf8"));
    expect(pkg.devDependencies.sst, "sst pinned to an exact version").toMatch(/^\d+\.\d+\.\d+$/);
    expect(app.version, "app() version is the pinned sst").toBe(pkg.devDependencies.sst);
    expect(app.providers).toEqual({ aws: { region: expect.stringMatching(/^[a-z]+-[a-z]+-\d$/) } });
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
  it("puts PostgreSQL in a VPC with a bastion, a pinned version, a proxy and TLS", async () => {
    const config = await loadConfig("dev");
    await config.run();
    const vpc = only("sst.aws.Vpc");
    expect(vpc.args.bastion, "sst tunnel needs a bastion").toBe(true);
    const db = only("sst.aws.Postgres");
    expect(db.args.vpc).toBe(vpc.ref);
    expect(db.args.version, "engine version pinned to major.minor").toMatch(/^\d+\.\d+$/);
    expect(db.args.proxy).toBe(true);
    const params = transformed(db, "parameterGroup").parameters as {
      name: string;
      value: string;
    }[];
    expect(params).toContainEqual({ name: "rds.force_ssl", value: "1" });
    expect(transformed(db, "proxy").requireTls).toBe(true);
    expect(
      transformed(db, "instance").deletionProtection,
      "not outside production",
    ).toBeUndefined();
  });

  it("protects the production database: deletion protection and a final snapshot", async () => {
    const config = await loadConfig("production");
    await config.run();
    const instance = transformed(only("sst.aws.Postgres"), "instance", { skipFinalSnapshot: true });
    expect(instance).toMatchObject({ deletionProtection: true, skipFinalSnapshot: false });
    expect(instance.finalSnapshotIdentifier).toMatch(/^[a-z][a-z0-9-]+$/);
  });

  it("keeps the photo bucket private, with PUT CORS, uploads/ expiring after a day, exports/ after 8", async () => {
    const config = await loadConfig("dev");
    await config.run();
    const bucket = only("sst.aws.Bucket");
    expect(bucket.args.access, "never public: originals carry GPS metadata").toBe("cloudfront");
    expect((bucket.args.cors as { allowMethods?: string[] }).allowMethods).toContain("PUT");
    expect(bucket.args.lifecycle).toEqual([
      expect.objectContaining({ prefix: "uploads/", expiresIn: "1 day" }),
      expect.objectContaining({ prefix: "exports/", expiresIn: "8 days" }),
    ]);
    const served = routes.filter((r) => r.method === "routeBucket" && r.args[1] === bucket.ref);
    expect(served.map((r) => r.args[0]).sort()).toEqual(["/avatars", "/posts"]);
  });

  it("links every secret and the database to the site instead of copying them", async () => {
    const config = await loadConfig("dev");
    const output = await config.run();
    const secrets = created.filter((c) => c.type === "sst.Secret").map((c) => c.name);
    expect(secrets.sort()).toEqual([
      "AuthSecret",
      "HealthToken",
      "OriginSecret",
      "PusherAppId",
      "PusherCluster",
      "PusherKey",
      "PusherSecret",
      "SmtpUrl",
    ]);
    const site = only("sst.aws.Nextjs");
    expect(linkedNames(site.args.link)).toEqual(
      expect.arrayContaining(["Database", "Photos", ...secrets]),
    );
    const environment = site.args.environment as Record<string, string>;
    for (const copied of [
      "DATABASE_URL",
      "AUTH_SECRET",
      "SMTP_URL",
      "PUSHER_SECRET",
      "HEALTH_TOKEN",
    ]) {
      expect(environment[copied], `${copied} comes through link`).toBeUndefined();
    }
    expect(JSON.stringify(environment)).not.toMatch(/\.value>|\.password>/);
    expect(environment.S3_BUCKET).toBe("<Photos.name>");
    expect(environment.APP_URL).toBe("<Router.url>");
    expect(environment.S3_PUBLIC_URL).toBe(environment.APP_URL);
    expect(environment.DEV_OUTBOX_PAGE).toBe("false");
    expect(environment.BACKGROUND_JOBS_DISABLED, "the cron does the timer's work").toBe("true");
    expect(environment.MODERATION_REQUIRES_2FA, "moderators need two-factor on AWS").toBe("true");
    const distribution = "Router.nodes.cdn.nodes.distribution";
    expect(environment.CDN_DISTRIBUTION_ID).toBe(`<${distribution}.id>`);
    expect(site.args.permissions).toContainEqual({
      actions: ["cloudfront:CreateInvalidation"],
      resources: [`<${distribution}.arn>`],
    });
    expect(output.url).toBe("<Web.url>");
  });

  it("takes the client address and the origin secret from headers the router overwrites", async () => {
    for (const stage of ["production", "pr-1"]) {
      const config = await loadConfig(stage);
      await config.run();
      const environment = only("sst.aws.Nextjs").args.environment as Record<string, string>;
      const header = environment.CLIENT_IP_HEADER ?? "";
      expect(header).toMatch(/^[a-z0-9-]+$/);
      // No X-Forwarded-For hop is trusted: its first entries are the client's own words.
      expect(environment.TRUSTED_PROXY_HOPS ?? "0").toBe("0");
      const router = only("sst.aws.Router");
      const edge = router.args.edge as { viewerRequest?: { injection?: string } } | undefined;
      // The viewer-request function sets (not appends) the header from the viewer's address,
      // and the origin secret the app requires (proxy.ts) from the linked OriginSecret.
      expect(edge?.viewerRequest?.injection).toBe(
        `event.request.headers["${header}"] = { value: event.viewer.ip };\n` +
          `event.request.headers["${ORIGIN_SECRET_HEADER}"] = { value: "<OriginSecret.value>" };`,
      );
      expect(linkedSecrets.OriginSecret).toBe("ORIGIN_SECRET");
      expect(linkedNames(only("sst.aws.Nextjs").args.link)).toContain("OriginSecret");
    }
  });

  it("builds the site with the pinned OpenNext for x86_64 Lambda on Node 22, in the VPC", async () => {
    const config = await loadConfig("dev");
    await config.run();
    const site = only("sst.aws.Nextjs");
    const pkg = JSON.parse(readFileSync(path.resolve("package.json"), "utf8"));
    expect(site.args.openNextVersion).toBe(pkg.devDependencies["@opennextjs/aws"]);
    expect(site.args.buildCommand).toBe("npm run build:aws");
    expect(pkg.scripts["build:aws"]).toBe("open-next build");
    expect(site.args.server).toMatchObject({ runtime: "nodejs22.x", architecture: "x86_64" });
    expect(site.args.vpc).toBe(only("sst.aws.Vpc").ref);
    expect(site.args.router).toEqual({ instance: only("sst.aws.Router").ref });
    const server = transformed(site, "server");
    expect(server.logging).toMatchObject({ format: "json", retention: expect.any(String) });
  });

  it("migrates on every deploy, before the site, with the migrations copied in", async () => {
    const config = await loadConfig("dev");
    await config.run();
    const migrator = created.find((c) => c.type === "sst.aws.Function" && c.name === "Migrator");
    expect(migrator).toBeDefined();
    const args = migrator?.args as Record<string, unknown>;
    expect(args.handler).toBe("lib/deploy/migrate-handler.handler");
    expect(existsSync(path.resolve("lib/deploy/migrate-handler.ts"))).toBe(true);
    expect(args.vpc).toBe(only("sst.aws.Vpc").ref);
    expect(linkedNames(args.link)).toEqual(["Database"]);
    expect(args.copyFiles).toEqual([{ from: "db/migrations", to: "migrations" }]);
    expect(args).toMatchObject({ runtime: "nodejs22.x", architecture: "x86_64" });
    const invocation = only("aws.lambda.Invocation");
    expect(invocation.args.functionName).toBe("<Migrator.name>");
    expect(Object.values(invocation.args.triggers as object).length).toBeGreaterThan(0);
    const site = only("sst.aws.Nextjs");
    expect(site.opts?.dependsOn, "the site waits for the migrations").toEqual([invocation.ref]);
  });

  it("runs maintenance every 5 minutes in the VPC with the site's settings", async () => {
    const config = await loadConfig("dev");
    await config.run();
    const cron = named("sst.aws.Cron", "Maintenance");
    expect(cron.args.schedule).toBe("rate(5 minutes)");
    const fn = cron.args.function as Record<string, unknown>;
    expect(fn.handler).toBe("lib/deploy/maintenance-handler.handler");
    expect(existsSync(path.resolve("lib/deploy/maintenance-handler.ts"))).toBe(true);
    expect(fn.vpc).toBe(only("sst.aws.Vpc").ref);
    const site = only("sst.aws.Nextjs");
    expect(linkedNames(fn.link)).toEqual(
      expect.arrayContaining(["Database", "Photos", "AuthSecret"]),
    );
    expect(fn.environment).toEqual(site.args.environment);
    expect((fn.nodejs as { esbuild?: { conditions?: string[] } }).esbuild?.conditions).toContain(
      "react-server",
    );
  });

  it("builds data exports every minute for up to 15 minutes, with the site's links and mail", async () => {
    const config = await loadConfig("production");
    await config.run();
    const fn = named("sst.aws.Cron", "DataExports").args.function as Record<string, unknown>;
    expect(named("sst.aws.Cron", "DataExports").args.schedule).toBe("rate(1 minute)");
    expect(fn.handler).toBe("lib/deploy/data-export-handler.handler");
    expect(existsSync(path.resolve("lib/deploy/data-export-handler.ts"))).toBe(true);
    expect(fn.timeout).toBe("15 minutes");
    expect(fn.vpc).toBe(only("sst.aws.Vpc").ref);
    expect(linkedNames(fn.link)).toEqual(
      expect.arrayContaining(["Database", "Photos", "AuthSecret", "SmtpUrl", "Email"]),
    );
    expect(fn.environment).toEqual(only("sst.aws.Nextjs").args.environment);
  });

  it("gives production and staging their custom domain, with SES and CORS on it", async () => {
    const config = await loadConfig("production");
    await config.run();
    const router = only("sst.aws.Router");
    const domain = router.args.domain as string;
    expect(domain).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
    const environment = only("sst.aws.Nextjs").args.environment as Record<string, string>;
    expect(environment.APP_URL).toBe(`https://${domain}`);
    expect(environment.MAIL_FROM).toContain(`@${domain}>`);
    expect(only("sst.aws.Email").args.sender).toBe(domain);
    const cors = only("sst.aws.Bucket").args.cors as { allowOrigins?: string[] };
    expect(cors.allowOrigins).toEqual([`https://${domain}`]);

    await (await loadConfig("staging")).run();
    const staging = only("sst.aws.Router").args.domain as string;
    expect(staging).toBeTruthy();
    expect(staging).not.toBe(domain);

    await (await loadConfig("pr-42")).run();
    expect(only("sst.aws.Router").args.domain, "previews use the CloudFront URL").toBeUndefined();
    expect(created.some((c) => c.type === "sst.aws.Email")).toBe(false);
  });

  it("alarms on the server, the database and CloudFront to SNS e-mail, with a dashboard", async () => {
    const config = await loadConfig("production");
    const output = await config.run();
    const alarms = created.filter((c) => c.type === "aws.cloudwatch.MetricAlarm");
    const byMetric = Object.fromEntries(
      alarms.map((a) => [`${a.args.namespace}/${a.args.metricName}`, a]),
    );
    const server = "<Web.nodes.server.nodes.function.name>";
    for (const m of ["Errors", "Throttles", "Duration"]) {
      expect(byMetric[`AWS/Lambda/${m}`]?.args.dimensions).toEqual({ FunctionName: server });
    }
    expect(byMetric["AWS/Lambda/Duration"]?.args.extendedStatistic).toBe("p95");
    for (const m of ["CPUUtilization", "FreeStorageSpace", "DatabaseConnections"]) {
      expect(byMetric[`AWS/RDS/${m}`]?.args.dimensions).toEqual({
        DBInstanceIdentifier: "<Database.nodes.instance.identifier>",
      });
    }
    const cdn = byMetric["AWS/CloudFront/5xxErrorRate"];
    expect(cdn?.args.dimensions).toEqual({
      DistributionId: "<Router.nodes.cdn.nodes.distribution.id>",
      Region: "Global",
    });
    expect(cdn?.opts?.provider, "CloudFront metrics exist in us-east-1 only").toBe(
      only("aws.Provider").ref,
    );
    expect(only("aws.Provider").args.region).toBe("us-east-1");

    const topics = created.filter((c) => c.type === "aws.sns.Topic");
    const topicArns = topics.map((t) => `<${t.name}.arn>`);
    for (const a of alarms) expect(topicArns).toContain((a.args.alarmActions as string[])[0]);
    const subscriptions = created.filter((c) => c.type === "aws.sns.TopicSubscription");
    expect(subscriptions.map((s) => s.args.topic).sort()).toEqual(topicArns.sort());
    for (const s of subscriptions) {
      expect(s.args).toMatchObject({ protocol: "email", endpoint: expect.stringContaining("@") });
    }

    const dashboard = only("aws.cloudwatch.Dashboard");
    const body = String(dashboard.args.dashboardBody);
    for (const figure of [
      "Errors",
      "Throttles",
      "CPUUtilization",
      "5xxErrorRate",
      "ImageProcessingTime",
      "FeedPageTime",
      "ActionFailure",
      "RateLimitRefusal",
      "RealtimePublishFailure",
    ]) {
      expect(body).toContain(`"${figure}"`);
    }
    // Every app metric on the dashboard is one lib/observability/metrics.ts emits.
    const emitted = readFileSync(path.resolve("lib/observability/metrics.ts"), "utf8");
    for (const [, name] of body.matchAll(/\["Snapgram","(\w+)"/g))
      expect(emitted).toContain(`"${name}"`);
    expect(output.dashboard).toBe("<Dashboard.dashboardName>");

    const migrator = created.find((c) => c.name === "Migrator");
    const migratorLogging = migrator?.args.logging as { retention?: string } | undefined;
    expect(migratorLogging?.retention).toBeTruthy();
    for (const name of ["Maintenance", "DataExports"]) {
      const cron = named("sst.aws.Cron", name).args.function as { logging: { retention: string } };
      expect(cron.logging.retention).toBeTruthy();
    }
  });
});
