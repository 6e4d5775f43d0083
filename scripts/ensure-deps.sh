#!/bin/sh
# Installs what `npm start` and `npm test` need and a fresh clone lacks: node modules, and
# VictoriaMetrics single-node from Debian's `victoria-metrics` package when the binary is absent;
# for tests also promtool (`prometheus`), Alertmanager (`prometheus-alertmanager`) and Debian's Chromium, which the observe tab's browser
# tests drive (Playwright's own browser download is not used).
# It changes nothing when both are present, so it is cheap to run before every start and test.
set -eu
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ensure-deps: installing node modules (npm ci)" >&2
  npm ci --include=dev --no-audit --no-fund >&2
fi

if [ -n "${LAYER_VM_URL:-}" ] && [ "${npm_lifecycle_event:-}" = "prestart" ]; then
  exit 0 # an external backend: no bundled vmsingle to install
fi

need=""
command -v victoria-metrics >/dev/null 2>&1 || need="victoria-metrics"
if [ "${npm_lifecycle_event:-}" = "pretest" ]; then
  command -v promtool >/dev/null 2>&1 || need="$need prometheus"
  [ -x /usr/bin/chromium ] || need="$need chromium"
  command -v prometheus-alertmanager >/dev/null 2>&1 || need="$need prometheus-alertmanager"
fi
[ -z "$need" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-deps: installing Debian packages:$need" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >&2 && exit 0
fi
echo "ensure-deps: missing$need; install it with: sudo apt-get install$need" >&2
echo "  (or set LAYER_VM_URL to an external VictoriaMetrics to run without the bundled vmsingle)" >&2
exit 1
