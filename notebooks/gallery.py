"""Exports executed notebooks to HTML and writes an index page: the gallery under build/notebooks/html/.

    .venv/bin/python notebooks/gallery.py [EXECUTED_NOTEBOOK ...]
    .venv/bin/python notebooks/gallery.py --check

Exports the given executed notebooks (default: every build/notebooks/*.ipynb) and then indexes every page in the
gallery, so a run of a subset keeps the pages of earlier runs. Pages are self-contained: figures are embedded as
PNG data URIs, and nothing is fetched from the network to show them. --check opens the index in headless Chromium
(chromium.py), follows every link and fails unless each page renders all of its notebook's figures; it saves a
screenshot of the index to build/browser/gallery-index.png.
"""
import datetime
import glob
import html
import json
import os
import shutil
import sys
import tempfile

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


def check():
    import chromium
    from selenium.webdriver.common.by import By
    chromium.require()
    index = os.path.join(GALLERY, "index.html")
    if not os.path.isfile(index):
        sys.exit(f"gallery: no {os.path.relpath(index, REPO)}: run bash notebooks/run-all.sh")
    shots = os.path.join(REPO, "build", "browser")
    os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="flexphase-gallery-")
    driver = None
    try:
        driver = chromium.start(work)
        driver.get("file://" + index)
        driver.save_screenshot(os.path.join(shots, "gallery-index.png"))
        rows = [(r.find_element(By.CSS_SELECTOR, "a").get_attribute("href"),
                 int(r.find_elements(By.CSS_SELECTOR, "td")[2].text))
                for r in driver.find_elements(By.CSS_SELECTOR, "tr") if r.find_elements(By.CSS_SELECTOR, "td a")]
        if not rows:
            sys.exit("gallery: the index lists no notebook")
        problems, shown = [], 0
        for href, figures in rows:
            driver.get(href)
            widths = driver.execute_script("""return [...document.querySelectorAll('img')]
                .filter(i => i.src.startsWith('data:image/png;base64,')).map(i => i.complete ? i.naturalWidth : 0);""")
            rendered = sum(1 for w in widths if w > 0)
            shown += rendered
            if rendered < figures:
                problems.append(f"{os.path.basename(href)}: {rendered} of {figures} figures rendered")
        if problems:
            sys.exit("gallery: pages miss figures: " + "; ".join(problems))
        print(f"gallery: {len(rows)} pages in Chromium, {shown} figures rendered; screenshot "
              f"build/browser/gallery-index.png")
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        check()
    else:
        main(sys.argv[1:])
