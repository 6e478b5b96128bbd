#!/usr/bin/env bash
# Builds the package into another folder (DIR/dist + DIR/package.json), so that several people (or agents) can
# build and test in one checkout without removing each other's dist/. Use with:
#   bash scripts/build-private.sh /tmp/mavibot-me && MAVIBOT_PACKAGE_DIR=/tmp/mavibot-me npx jest test/<file>
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:?usage: build-private.sh DIR}"
rm -rf "$dir/dist"
mkdir -p "$dir"
(cd "$root" && npx tsc -p tsconfig.json --outDir "$dir/dist" && node scripts/bundle.js "$dir")
cp "$root/package.json" "$root/index.js" "$dir/"
ln -sfn "$root/node_modules" "$dir/node_modules"
# Icons, codex files and output schemas, as `npm run build` copies them (gulpfile.js), into this folder.
(cd "$root" && MAVIBOT_DIST_DIR="$dir/dist" npx gulp build:assets)
