// The checks of `npm run test:aws` (scripts/test-aws.ts), each printed as PASS or FAIL.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type postgres from "postgres";
import { ORIGIN_SECRET_HEADER } from "../../lib/http/origin-guard";
import { type BundleRequest, postThroughBundle } from "./post-check";

export interface LambdaResult {
  statusCode: number;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}
export type Invoke = (event: object) => Promise<LambdaResult>;

/** A Lambda Function URL event (payload format 2.0), as CloudFront forwards it. */
export function functionUrlEvent(req: BundleRequest) {
  const method = req.method ?? "GET";
  const headers: Record<string, string> = {
    host: "snapgram.test",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    "x-forwarded-for": "198.51.100.7",
    "user-agent": "snapgram-test-aws",
    accept: "text/html,application/json",
    ...req.headers,
  };
  if (req.cookies?.length) headers.cookie = req.cookies.join("; ");
  const now = new Date();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: req.path,
    rawQueryString: req.query ?? "",
    cookies: req.cookies,
    headers,
    requestContext: {
      accountId: "anonymous",
      apiId: "snapgramtest",
      domainName: "snapgram.test",
      domainPrefix: "snapgram",
      http: {
        method,
        path: req.path,
        protocol: "HTTP/1.1",
        sourceIp: "198.51.100.7",
        userAgent: headers["user-agent"],
      },
      requestId: randomUUID(),
      routeKey: "$default",
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: req.body === undefined ? undefined : Buffer.from(req.body).toString("base64"),
    isBase64Encoded: req.body !== undefined,
  };
}

const text = (r: LambdaResult) =>
  r.body === undefined
    ? ""
    : r.isBase64Encoded
      ? Buffer.from(r.body, "base64").toString("utf8")
      : r.body;
const json = (r: LambdaResult) => {
  try {
    return JSON.parse(text(r)) as Record<string, unknown>;
  } catch {
    return {};
  }
};
/** "name=value" of each Set-Cookie of a response. */
const setCookies = (r: LambdaResult) =>
  [...(r.cookies ?? []), ...(r.headers?.["set-cookie"]?.split(/,(?=\s*[^;=,\s]+=)/) ?? [])]
    .map((c) => c.split(";")[0]?.trim() ?? "")
    .filter(Boolean);

export async function runChecks(opts: {
  invoke: Invoke;
  probe: (name: string) => Promise<{ resolved: string }>;
  bundleDir: string;
  packages: string[];
  expectedMigrations: number;
  account: { identifier: string; password: string };
  healthToken: string;
  /** What the router writes into x-origin-verify (the linked OriginSecret). */
  originSecret: string;
  db: postgres.Sql;
  /** Everything the function wrote to stdout so far. */
  output: () => string;
}): Promise<number> {
  let failed = 0;
  async function check(name: string, run: () => Promise<string | undefined>) {
    try {
      const note = await run();
      console.log(`PASS  ${name}${note ? ` (${note})` : ""}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  function expect(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
  }
  // As CloudFront forwards it: the router's viewer-request function adds the origin secret.
  const call = (req: BundleRequest) =>
    opts.invoke(
      functionUrlEvent({
        ...req,
        headers: { [ORIGIN_SECRET_HEADER]: opts.originSecret, ...req.headers },
      }),
    );
  const modules = path.join(opts.bundleDir, "node_modules");

  await check("the bundle holds sharp and argon2 for linux-x64-glibc", async () => {
    const found: string[] = [];
    for (const spec of opts.packages) {
      const at = spec.lastIndexOf("@");
      const [name, version] = [spec.slice(0, at), spec.slice(at + 1)];
      const file = path.join(modules, name, "package.json");
      expect(existsSync(file), `${name} is missing from the bundle`);
      const actual = JSON.parse(readFileSync(file, "utf8")).version;
      expect(actual === version, `${name} is ${actual}, open-next.config.ts asks for ${version}`);
      found.push(`${name}@${actual}`);
    }
    for (const native of [
      "@img/sharp-linux-x64",
      "@img/sharp-libvips-linux-x64",
      "@node-rs/argon2-linux-x64-gnu",
    ]) {
      expect(existsSync(path.join(modules, native)), `${native} is missing`);
    }
    const sharp = await opts.probe("sharp");
    expect(
      sharp.resolved.startsWith(modules),
      `sharp resolved outside the bundle: ${sharp.resolved}`,
    );
    return found.join(", ");
  });

  await check(
    "the function URL answers 403 to requests that did not come through the router",
    async () => {
      const around = [
        functionUrlEvent({ path: "/api/health" }),
        functionUrlEvent({ path: "/login", headers: { [ORIGIN_SECRET_HEADER]: "a guess" } }),
        functionUrlEvent({
          method: "POST",
          path: "/api/auth/callback/credentials",
          headers: { "x-viewer-address": "203.0.113.50" },
          body: "identifier=lambda_tester&password=guess",
        }),
      ];
      for (const event of around) {
        const r = await opts.invoke(event);
        expect(r.statusCode === 403, `${event.rawPath}: status ${r.statusCode}`);
      }
      return `${around.length} requests refused`;
    },
  );

  await check("GET /api/health: database ok, migrations current", async () => {
    const r = await call({ path: "/api/health" });
    const body = json(r) as {
      database?: { ok?: boolean; driver?: string };
      migrations?: { current?: boolean; applied?: number; expected?: number };
    };
    expect(r.statusCode === 200, `status ${r.statusCode}: ${text(r).slice(0, 300)}`);
    expect(body.database?.ok && body.database.driver === "postgres", "database not ok on postgres");
    expect(body.migrations?.current === true, "migrations not current");
    expect(
      body.migrations.applied === opts.expectedMigrations,
      `applied ${body.migrations.applied}`,
    );
    return `${body.migrations.applied}/${opts.expectedMigrations} migrations`;
  });

  await check("GET /api/health: 503 when the latest migration is missing", async () => {
    const [row] = await opts.db`delete from drizzle.__drizzle_migrations
      where id = (select max(id) from drizzle.__drizzle_migrations) returning *`;
    try {
      const r = await call({ path: "/api/health" });
      const body = json(r) as { migrations?: { current?: boolean } };
      expect(r.statusCode === 503, `status ${r.statusCode}`);
      expect(body.migrations?.current === false, "still reported current");
    } finally {
      if (row) await opts.db`insert into drizzle.__drizzle_migrations ${opts.db(row)}`;
    }
    return undefined;
  });

  await check("GET /api/health/deep: 404 without the token", async () => {
    const r = await call({ path: "/api/health/deep", headers: { "x-health-token": "wrong" } });
    expect(r.statusCode === 404, `status ${r.statusCode}`);
    return undefined;
  });

  await check("GET /api/health/deep: sharp and argon2 run inside the bundle", async () => {
    const r = await call({
      path: "/api/health/deep",
      headers: { "x-health-token": opts.healthToken },
    });
    const body = json(r) as {
      sharp?: { ok?: boolean; detail?: string; error?: string };
      argon2?: { ok?: boolean; error?: string };
    };
    expect(r.statusCode === 200, `status ${r.statusCode}: ${text(r).slice(0, 400)}`);
    expect(body.sharp?.ok, `sharp: ${body.sharp?.error}`);
    expect(body.argon2?.ok, `argon2: ${body.argon2?.error}`);
    return body.sharp.detail;
  });

  await check("GET /login renders the sign-in form", async () => {
    const r = await call({ path: "/login" });
    const html = text(r);
    expect(r.statusCode === 200, `status ${r.statusCode}`);
    expect(/<form/i.test(html), "no <form> in the page");
    expect(/type="password"/.test(html), "no password field");
    return `${html.length} bytes`;
  });

  let session: string[] = [];
  await check("sign in through next-auth's credentials callback", async () => {
    const csrf = await call({ path: "/api/auth/csrf" });
    const token = (json(csrf) as { csrfToken?: string }).csrfToken;
    expect(csrf.statusCode === 200 && token, `csrf: status ${csrf.statusCode}`);
    const form = new URLSearchParams({
      csrfToken: token,
      identifier: opts.account.identifier,
      password: opts.account.password,
      callbackUrl: "https://snapgram.test/",
    });
    const r = await call({
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://snapgram.test",
      },
      cookies: setCookies(csrf),
      body: form.toString(),
    });
    session = setCookies(r).filter((c) => c.includes("session-token"));
    const location = r.headers?.location ?? "";
    expect(r.statusCode === 302, `status ${r.statusCode}`);
    expect(session.length > 0, `no session cookie (redirect to ${location})`);
    expect(!location.includes("error"), `redirected to ${location}`);
    return session.map((c) => c.split("=")[0]).join(", ");
  });

  await check("a signed-in request: GET /api/notifications/unread", async () => {
    const anonymous = await call({ path: "/api/notifications/unread" });
    expect(anonymous.statusCode === 401, `without a session: status ${anonymous.statusCode}`);
    const r = await call({ path: "/api/notifications/unread", cookies: session });
    expect(r.statusCode === 200, `status ${r.statusCode}: ${text(r).slice(0, 200)}`);
    expect((json(r) as { unreadCount?: number }).unreadCount === 0, "no unreadCount");
    return "401 without the cookie, 200 with it";
  });

  await check("a photo goes upload -> processing -> post through the create page's actions", () =>
    postThroughBundle({
      call,
      bundleDir: opts.bundleDir,
      session,
      origin: "https://snapgram.test",
      db: opts.db,
    }),
  );

  await check("EMF metrics: feed time, failed actions by code, image processing", async () => {
    // A failure made by lib/result's fail(): an unknown profile's grid (public route).
    const missing = await call({ path: "/api/users/nobody_by_this_name/posts" });
    expect(missing.statusCode === 404, `unknown profile: status ${missing.statusCode}`);
    const r = await call({ path: "/api/feed", cookies: session });
    expect(r.statusCode === 200, `feed: status ${r.statusCode}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const docs = opts
      .output()
      .split("\n")
      .filter((line) => line.startsWith('{"_aws"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const names = (d: Record<string, unknown>) =>
      (
        d._aws as { CloudWatchMetrics: { Metrics: { Name: string }[] }[] }
      ).CloudWatchMetrics[0]?.Metrics.map((m) => m.Name) ?? [];
    const find = (name: string) => docs.find((d) => names(d).includes(name));
    expect(find("FeedPageTime"), "no FeedPageTime");
    expect(find("ActionFailure")?.Code === "NOT_FOUND", "no ActionFailure with Code NOT_FOUND");
    expect(find("ImageProcessingTime"), "no ImageProcessingTime (deep health runs the pipeline)");
    return `${docs.length} EMF lines`;
  });

  return failed;
}
