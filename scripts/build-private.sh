#!/usr/bin/env bash
# Builds the package into another folder (DIR/dist + DIR/package.json), so that several people (or agents) can
# build and test in one checkout without removing each other's dist/. The same steps as `npm run build` (tsc, the
# esbuild bundles, gulp's copy of icons, codex files and output schemas), so DIR/dist holds what dist/ would. Use with:
#   bash scripts/build-private.sh /tmp/mavibot-me && MAVIBOT_PACKAGE_DIR=/tmp/mavibot-me npx jest test/<file>
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:?usage: build-private.sh DIR}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
rm -rf "$dir/dist"
cd "$root"
ln -sfn "$root/node_modules" "$dir/node_modules"   # the built nodes load n8n-workflow from it (gulp reads the trigger's versions)
npx tsc -p tsconfig.json --outDir "$dir/dist"
node scripts/bundle.js "$dir"
npx gulp build:assets --dist "$dir/dist" >/dev/null
cp package.json index.js "$dir/"
