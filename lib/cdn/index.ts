import "server-only";
import { drivers, env } from "@/lib/env";
import { createCloudFrontCdn } from "./cloudfront";
import { type Cdn, noCdn } from "./types";

export { avatarPath, type Cdn, memoryCdn, noCdn, postPath } from "./types";

const store = globalThis as unknown as { __cdn?: Cdn };

/** The CDN driver of this process: CloudFront when CDN_DISTRIBUTION_ID is set, else none. */
export function getCdn(): Cdn {
  if (drivers.cdn === "cloudfront" && env.CDN_DISTRIBUTION_ID) {
    store.__cdn ??= createCloudFrontCdn({ distributionId: env.CDN_DISTRIBUTION_ID });
  }
  return store.__cdn ?? noCdn;
}
