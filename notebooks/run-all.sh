#!/usr/bin/env bash
# Executes the notebooks headlessly on the flexphase-java kernel; executed copies (with outputs and images) go to
# <repo>/build/notebooks/, and HTML pages of them with an index to <repo>/build/notebooks/html/ (the gallery).
# Exits non-zero if any notebook raises an error.
#   bash notebooks/run-all.sh                      # all notebooks
#   bash notebooks/run-all.sh 00-quickstart.ipynb  # a subset
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.venv"
if [ ! -d "$venv/share/jupyter/kernels/flexphase-java" ]; then
  bash "$repo/notebooks/setup.sh"
fi
"$venv/bin/python" "$repo/notebooks/check-clean.py"
out="$repo/build/notebooks"
mkdir -p "$out"
cd "$repo/notebooks"
if [ "$#" -gt 0 ]; then books=("$@"); else books=(*.ipynb); fi
failed=0
executed=()
for nb in "${books[@]}"; do
  start=$(date +%s)
  # a failed run leaves no executed copy or page, so the gallery never shows a stale one
  rm -f "$out/$nb" "$out/html/${nb%.ipynb}.html"
  if "$venv/bin/jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=flexphase-java \
       --ExecutePreprocessor.timeout=900 --output-dir "$out" "$nb" >"$out/${nb%.ipynb}.log" 2>&1; then
    echo "notebook ${nb}: ok ($(( $(date +%s) - start )) s)"
    executed+=("$out/$nb")
  else
    echo "notebook ${nb}: FAILED ($(( $(date +%s) - start )) s); log: $out/${nb%.ipynb}.log"
    tail -n 30 "$out/${nb%.ipynb}.log"
    failed=1
  fi
done
if [ "${#executed[@]}" -gt 0 ]; then
  "$venv/bin/python" "$repo/notebooks/gallery.py" "${executed[@]}"
fi
exit $failed
