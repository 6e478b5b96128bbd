#!/usr/bin/env bash
# Every lint CI asks for (`npm run lint:all`): n8n-node lint clean with no warning either (it fails only on errors),
# n8n-node cloud-support saying eligible, the tooling lint of tests, sandbox, e2e, bench and scripts, Prettier, and no
# source file under nodes/ or credentials/ longer than 250 lines.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

npm run lint 2>&1 | tee "$log"      # n8n-node lint: strict mode, stock eslint.config.mjs
if grep -q '✖' "$log"; then echo "✖ n8n-node lint reported problems (warnings count too)"; exit 1; fi

npx n8n-node cloud-support 2>&1 | tee "$log"
if ! grep -q 'Status: .*eligible' "$log" || grep -q 'NOT eligible' "$log"; then
	echo "✖ n8n-node cloud-support: not eligible for n8n Cloud verification"; exit 1
fi

npm run lint:tooling                # eslint.tooling.config.mjs

npx prettier --check .              # .prettierrc.js (n8n node-cli's template); `npx prettier --write .` fixes

# No source file under nodes/ or credentials/ passes 250 lines: split it by job, each part named for what it holds.
# The output schemas (JSON) are data, not code.
MAX_LINES=250
problems=0
while read -r lines file; do
	[ "$file" = total ] && continue
	if [ "$lines" -gt "$MAX_LINES" ]; then
		echo "✖ $file has $lines lines (more than $MAX_LINES): split it into files that each hold one job"
		problems=1
	fi
done < <(find nodes credentials -type f ! -name '*.json' -print0 | xargs -0 wc -l)
[ "$problems" = 0 ] || exit 1
