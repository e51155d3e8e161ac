// OpenNext (the build SST's Nextjs component deploys; pinned as @opennextjs/aws in package.json).
// Next's output tracing leaves sharp out of the server bundle, so the server function installs
// sharp and @node-rs/argon2 itself, for the Lambda it runs on: linux, glibc, x86_64 (the
// architecture sst.config.ts gives the server function). npm picks the native packages by
// --os/--cpu/--libc (OpenNext's own `arch` option becomes `--arch`, which npm ignores), and
// sharp 0.35 ships libvips as @img/* registry packages: nothing is downloaded from elsewhere.
// The versions match package.json (scripts/test-aws.ts checks that the bundle holds them).
import type { OpenNextConfig } from "@opennextjs/aws/types/open-next.js";

export const SERVER_PACKAGES = ["sharp@0.35.5", "@node-rs/argon2@2.2.1"];

const config = {
  default: {
    install: {
      packages: SERVER_PACKAGES,
      arch: "x64",
      libc: "glibc",
      os: "linux",
      additionalArgs: "--cpu=x64 --no-save --no-audit --no-fund",
    },
  },
  // The app serves its own resized variants and does not use next/image, but SST still deploys
  // the image optimizer (arm64): OpenNext's default sharp@0.32.6 downloads libvips at install time.
  imageOptimization: {
    install: {
      packages: ["sharp@0.35.5"],
      arch: "arm64",
      libc: "glibc",
      os: "linux",
      additionalArgs: "--cpu=arm64 --no-save --no-audit --no-fund",
    },
  },
} satisfies OpenNextConfig;

export default config;
