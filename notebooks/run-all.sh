#!/usr/bin/env bash
# Executes the notebooks headlessly on the flexphase-java kernel; executed copies (with outputs and images) go to
# <repo>/build/notebooks/. Exits non-zero if any notebook raises an error.
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
for nb in "${books[@]}"; do
  start=$(date +%s)
  if "$venv/bin/jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=flexphase-java \
       --ExecutePreprocessor.timeout=900 --output-dir "$out" "$nb" >"$out/${nb%.ipynb}.log" 2>&1; then
    echo "notebook ${nb}: ok ($(( $(date +%s) - start )) s)"
  else
    echo "notebook ${nb}: FAILED ($(( $(date +%s) - start )) s); log: $out/${nb%.ipynb}.log"
    tail -n 30 "$out/${nb%.ipynb}.log"
    failed=1
  fi
done
exit $failed
