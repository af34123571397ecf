"""Exports executed notebooks to HTML and writes an index page: the gallery under build/notebooks/html/.

    .venv/bin/python notebooks/gallery.py [EXECUTED_NOTEBOOK ...]

Exports the given executed notebooks (default: every build/notebooks/*.ipynb) and then indexes every page in the
gallery, so a run of a subset keeps the pages of earlier runs. Pages are self-contained: figures are embedded as
PNG data URIs, and nothing is fetched from the network to show them.
"""
import datetime
import glob
import html
import json
import os
import sys

import nbformat
from nbconvert import HTMLExporter

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXECUTED = os.path.join(REPO, "build", "notebooks")
GALLERY = os.path.join(EXECUTED, "html")


def main(paths):
    os.makedirs(GALLERY, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    for path in paths or sorted(glob.glob(os.path.join(EXECUTED, "*.ipynb"))):
        body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
        with open(page_of(path), "w", encoding="utf-8") as f:
            f.write(body)
    rows = [describe(page) for page in sorted(glob.glob(os.path.join(GALLERY, "*.html"))) if not is_index(page)]
    with open(os.path.join(GALLERY, "index.html"), "w", encoding="utf-8") as f:
        f.write(index_page(rows))
    print(f"gallery: {len(rows)} notebooks in {os.path.relpath(os.path.join(GALLERY, 'index.html'), REPO)}")


def page_of(executed):
    return os.path.join(GALLERY, os.path.basename(executed)[:-len(".ipynb")] + ".html")


def is_index(page):
    return os.path.basename(page) == "index.html"


def describe(page):
    """Title (the first markdown heading), figure count, and execution time of the notebook behind a page."""
    name = os.path.basename(page)[:-len(".html")]
    executed = os.path.join(EXECUTED, name + ".ipynb")
    title, figures, when = name, 0, None
    if os.path.isfile(executed):
        nb = json.load(open(executed, encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                heading = next((line[2:].strip() for line in "".join(cell["source"]).splitlines()
                                if line.startswith("# ")), None)
                if heading:
                    title = heading
                    break
        figures = sum("image/png" in o.get("data", {}) for c in nb["cells"] if c["cell_type"] == "code"
                      for o in c.get("outputs", []))
        when = datetime.datetime.fromtimestamp(os.path.getmtime(executed)).strftime("%Y-%m-%d %H:%M")
    return name, title, figures, when


def index_page(rows):
    items = "\n".join(
        f'<tr><td><a href="{html.escape(name)}.html">{html.escape(title)}</a></td><td><code>{html.escape(name)}'
        f'.ipynb</code></td><td>{figures}</td><td>{when or "-"}</td></tr>' for name, title, figures, when in rows)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>flexphase notebooks</title>
<style>
body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: 0.4em 0.8em; border-bottom: 1px solid #ddd; }}
</style></head>
<body>
<h1>flexphase notebooks</h1>
<p>Executed by <code>notebooks/run-all.sh</code> on the flexphase-java kernel; each page shows the notebook with its
outputs and figures.</p>
<table>
<tr><th>notebook</th><th>file</th><th>figures</th><th>executed</th></tr>
{items}
</table>
</body></html>
"""


if __name__ == "__main__":
    main(sys.argv[1:])
