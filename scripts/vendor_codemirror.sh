#!/usr/bin/env bash
# Vendor CodeMirror 5 (the query page's SPARQL editor) from the npm registry into
# api/web/static/vendor/codemirror/: the library, its SPARQL mode, the matching-brackets
# addon and the licence. The web interface serves every asset itself (no CDN).
# Usage: scripts/vendor_codemirror.sh [VERSION]   (default: the version in SOURCE.md)
set -euo pipefail

cd "$(dirname "$0")/.."
target=api/web/static/vendor/codemirror
version=${1:-$(sed -n 's/^version: //p' "$target/SOURCE.md" 2>/dev/null || true)}
version=${version:-5.65.21}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "codemirror@$version" >/dev/null)
tar -xzf "$work"/codemirror-*.tgz -C "$work"
package=$work/package

rm -rf "$target"
mkdir -p "$target/mode/sparql" "$target/addon/edit"
cp "$package/lib/codemirror.js" "$package/lib/codemirror.css" "$package/LICENSE" "$target/"
cp "$package/mode/sparql/sparql.js" "$target/mode/sparql/"
cp "$package/addon/edit/matchbrackets.js" "$target/addon/edit/"
cat > "$target/SOURCE.md" <<DOC
# CodeMirror (vendored)

version: $version
source: the npm registry package \`codemirror@$version\` (MIT licence, see LICENSE)
files: lib/codemirror.js, lib/codemirror.css, mode/sparql/sparql.js, addon/edit/matchbrackets.js

Refresh with \`scripts/vendor_codemirror.sh [VERSION]\` (needs npm); commit the result.
DOC
echo "vendored codemirror@$version into $target"
