#!/usr/bin/env bash
# `npm run typecheck:sst`: type-checks sst.config.ts and infra/ against the pinned SST's own
# platform types. `sst install` writes them to .sst/platform (the platform sources embedded in the
# sst binary, plus @pulumi/aws and the rest from the npm registry, installed with bun). It insists
# on finding bun and pulumi in its bin folder first and downloads them from github.com, which this
# machine cannot reach; so the folder is a private one (XDG_CONFIG_HOME below, never the
# operator's own ~/.config/sst), bun comes from npm (@oven/bun-*, the version SST 3.19.3 asks
# for), and pulumi is a stub that only answers `version`: install never runs it, and a deploy
# never sees this folder.
set -euo pipefail
cd "$(dirname "$0")/../.."

export SST_TELEMETRY_DISABLED=1
tools="$PWD/.sst-tools"
export XDG_CONFIG_HOME="$tools/config"
bin="$XDG_CONFIG_HOME/sst/bin"
mkdir -p "$bin"

BUN_VERSION=1.2.1     # what sst 3.19.3 downloads
PULUMI_VERSION=3.210.0
want=$(node -p 'require("./package.json").devDependencies.sst')

if [ ! -x "$bin/bun" ] || [ "$("$bin/bun" --version)" != "$BUN_VERSION" ]; then
  case "$(node -p 'process.platform + "-" + process.arch')" in
    linux-x64) pkg=@oven/bun-linux-x64 ;;
    linux-arm64) pkg=@oven/bun-linux-aarch64 ;;
    darwin-arm64) pkg=@oven/bun-darwin-aarch64 ;;
    darwin-x64) pkg=@oven/bun-darwin-x64 ;;
    *) echo "typecheck:sst: no bun package for this platform" >&2; exit 1 ;;
  esac
  npm install --prefix "$tools/bun" --no-save --no-audit --no-fund --loglevel=error \
    "$pkg@$BUN_VERSION" >/dev/null
  cp "$tools/bun/node_modules/$pkg/bin/bun" "$bin/bun"
  chmod +x "$bin/bun"
fi
printf '#!/bin/sh\necho v%s\n' "$PULUMI_VERSION" >"$bin/pulumi"
chmod +x "$bin/pulumi"

if [ "$(cat .sst/platform/version 2>/dev/null)" != "$want" ]; then
  npx sst install --stage typecheck
fi
npx tsc -p tsconfig.sst.json
echo "typecheck:sst: sst.config.ts and infra/ type-check against sst $want's platform types"
