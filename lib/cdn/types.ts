// The CDN in front of the public photos: CloudFront in production (lib/cdn/cloudfront.ts), none
// on a laptop, where app/media serves the files itself and checks each request.

export interface Cdn {
  readonly driver: "cloudfront" | "none" | "memory";
  /** Drops the CDN's cached copies of these paths ("/posts/<id>/*"); resolves once accepted. */
  invalidate(paths: string[]): Promise<void>;
}

/** The CDN paths of a post's photos and of an account's avatars (routed as in sst.config.ts). */
export const postPath = (postId: string) => `/posts/${postId}/*`;
export const avatarPath = (userId: string) => `/avatars/${userId}/*`;

/** No CDN: nothing to invalidate. */
export const noCdn: Cdn = { driver: "none", invalidate: async () => {} };

/** Records every invalidation; for tests. */
export function memoryCdn(): Cdn & { invalidated: string[][] } {
  const invalidated: string[][] = [];
  return {
    driver: "memory",
    invalidated,
    async invalidate(paths) {
      if (paths.length > 0) invalidated.push([...paths]);
    },
  };
}
