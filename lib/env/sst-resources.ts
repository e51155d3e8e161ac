import { Resource } from "sst/resource";

// Under SST (sst.config.ts), secrets and the database reach the functions as linked resources:
// an encrypted file read with the SST SDK, never plain environment variables. This maps them
// onto the setting names lib/env/index.ts validates, so the app has one place for its settings and
// runs unchanged outside SST. A variable already set in the environment wins.

interface Linked {
  value?: string;
  host?: string;
  port?: number | string;
  username?: string;
  password?: string;
  database?: string;
}

/** The names sst.config.ts links, and the setting each one fills. */
export const linkedSecrets: Record<string, string> = {
  AuthSecret: "AUTH_SECRET",
  SmtpUrl: "SMTP_URL",
  PusherAppId: "PUSHER_APP_ID",
  PusherKey: "PUSHER_KEY",
  PusherSecret: "PUSHER_SECRET",
  PusherCluster: "PUSHER_CLUSTER",
  HealthToken: "HEALTH_TOKEN",
  OriginSecret: "ORIGIN_SECRET",
};

type Links = Record<string, unknown>;
const sdkLinks = Resource as unknown as Links;

function linked(name: string, links: Links = sdkLinks): Linked | undefined {
  // The SDK's proxy throws on a name that is not linked; `in` asks without throwing.
  return name in links ? (links[name] as Linked | undefined) : undefined;
}

/**
 * A postgres:// URL for the linked database (the RDS Proxy endpoint), with TLS required and the
 * server certificate verified: RDS Proxy presents an ACM certificate that Node's CAs trust.
 */
export function databaseUrlFrom(db: Linked): string {
  const user = encodeURIComponent(db.username ?? "");
  const password = encodeURIComponent(db.password ?? "");
  const name = encodeURIComponent(db.database ?? "");
  return `postgres://${user}:${password}@${db.host}:${db.port}/${name}?sslmode=verify-full`;
}

/** The linked database's URL, or undefined when none is linked (or outside SST). */
export function linkedDatabaseUrl(links: Links = sdkLinks): string | undefined {
  const db = linked("Database", links);
  return db?.host ? databaseUrlFrom(db) : undefined;
}

/** True when running as an SST function (SST sets SST_RESOURCE_App on every linked function). */
export function underSst(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SST_RESOURCE_App);
}

/**
 * Fills `env` from the linked resources (the SST SDK's `Resource` unless given); a no-op outside
 * SST. Returns the names it set.
 */
export function applySstResources(
  env: Record<string, string | undefined> = process.env,
  links: Links = sdkLinks,
): string[] {
  if (!underSst(env)) return [];
  const set: string[] = [];
  const put = (key: string, value: string | undefined) => {
    if (value === undefined || value === "" || env[key]) return;
    env[key] = value;
    set.push(key);
  };
  for (const [name, key] of Object.entries(linkedSecrets)) put(key, linked(name, links)?.value);
  put("DATABASE_URL", linkedDatabaseUrl(links));
  return set;
}
