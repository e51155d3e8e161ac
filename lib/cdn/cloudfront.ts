// Invalidation of the CloudFront distribution that serves posts/ and avatars/ (the SST router).
// Free of lib/env so scripts and tests can build it from plain settings.
import { CloudFrontClient, CreateInvalidationCommand } from "@aws-sdk/client-cloudfront";
import { uuidv7 } from "uuidv7";
import type { Cdn } from "./types";

export interface CloudFrontSettings {
  distributionId: string;
  /** CloudFront's API lives in us-east-1 whatever the distribution's edges. */
  region?: string;
  /** Another endpoint (tests). */
  endpoint?: string;
}

/** CloudFront takes at most 15 wildcard paths at a time, and up to 3,000 plain ones. */
const WILDCARD_BATCH = 15;
const PLAIN_BATCH = 1000;

function chunks(items: string[], size: number): string[][] {
  const out: string[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}
const PATH = /^\/[A-Za-z0-9/_.-]+(\/\*)?$/;

export function createCloudFrontCdn(settings: CloudFrontSettings): Cdn {
  const client = new CloudFrontClient({
    region: settings.region ?? "us-east-1",
    endpoint: settings.endpoint,
  });
  return {
    driver: "cloudfront",
    async invalidate(paths) {
      const unique = [...new Set(paths)];
      for (const path of unique) {
        if (!PATH.test(path)) throw new Error(`invalid CDN path: ${JSON.stringify(path)}`);
      }
      const batches = [
        ...chunks(
          unique.filter((p) => p.endsWith("*")),
          WILDCARD_BATCH,
        ),
        ...chunks(
          unique.filter((p) => !p.endsWith("*")),
          PLAIN_BATCH,
        ),
      ];
      for (const items of batches) {
        await client.send(
          new CreateInvalidationCommand({
            DistributionId: settings.distributionId,
            InvalidationBatch: {
              // A fresh reference each call: CloudFront treats a repeated one as the same request.
              CallerReference: uuidv7(),
              Paths: { Quantity: items.length, Items: items },
            },
          }),
        );
      }
    },
  };
}
