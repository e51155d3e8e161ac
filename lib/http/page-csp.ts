import { drivers, env } from "@/lib/env";
import { resolveRealtimeSettings } from "@/lib/realtime/settings";
import { type CspSources, contentSecurityPolicy, createNonce, cspSources } from "./csp";

// This process's page policy: sources from the settings (once), a fresh nonce per request.

let sources: CspSources | undefined;

function sourcesFromSettings(): CspSources {
  const realtime = resolveRealtimeSettings(env);
  return cspSources({
    dev: env.NODE_ENV === "development",
    appUrl: env.APP_URL,
    s3:
      drivers.storage === "s3" && env.S3_BUCKET
        ? {
            bucket: env.S3_BUCKET,
            region: env.S3_REGION,
            endpoint: env.S3_ENDPOINT,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
            publicUrl: env.S3_PUBLIC_URL,
          }
        : undefined,
    realtime:
      realtime.driver === "disabled"
        ? null
        : realtime.host
          ? {
              host: realtime.host,
              port: realtime.port ?? (realtime.useTLS ? 443 : 80),
              tls: realtime.useTLS,
            }
          : { cluster: realtime.cluster ?? "mt1", tls: realtime.useTLS },
  });
}

/** A nonce and the Content-Security-Policy header value that allows it. */
export function pagePolicy(): { nonce: string; policy: string } {
  sources ??= sourcesFromSettings();
  const nonce = createNonce();
  return { nonce, policy: contentSecurityPolicy(nonce, sources) };
}
