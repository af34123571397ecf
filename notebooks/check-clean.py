"""Fails if a committed notebook carries outputs or execution counts: committed notebooks stay clean."""
import glob
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
dirty = []
for path in sorted(glob.glob(os.path.join(here, "*.ipynb")) + glob.glob(os.path.join(here, "external", "*.ipynb"))):
    for cell in json.load(open(path))["cells"]:
        if cell.get("cell_type") == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            dirty.append(os.path.relpath(path, here))
            break
if dirty:
    sys.exit("notebooks with outputs (clear them before committing: jupyter nbconvert --clear-output --inplace): "
             + ", ".join(dirty))
