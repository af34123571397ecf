"""Runs a notebook the way a person does: JupyterLab in a real (headless) Chromium, driven by Selenium.

Starts JupyterLab on 127.0.0.1 (a free port, a random token) serving a temporary copy of the notebook whose kernel
choice is removed, opens it, picks the kernel in JupyterLab's "Select Kernel" dialog, clicks Run > Run All Cells,
and waits (bounded) until every code cell has an execution count and the kernel is idle. Then it checks that no cell
raised an error (in the notebook as JupyterLab saved it), that at least one PNG image is rendered in an output area
(a data URI with non-zero natural width) and saves a screenshot. The server, its kernels and the browser are
stopped in all cases. Chromium may resolve no host name: every request stays on the loopback interface.

    .venv/bin/python notebooks/browser-check.py [NOTEBOOK] [--kernel "Java (flexphase)"] [--timeout 300]

Needs Debian's chromium and chromium-driver and Selenium (notebooks/browser-requirements.txt); see chromium.py.
"""
import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import chromium
import psutil
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# JupyterLab settings for the check: no requests to the Jupyter news feed, and every cell kept in the DOM.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def main():
    args = parse_args()
    chromium.require()
    notebook = os.path.basename(args.notebook)
    out_dir = os.path.join(REPO, "build", "browser")
    os.makedirs(out_dir, exist_ok=True)
    screenshot = os.path.join(out_dir, notebook.replace(".ipynb", ".png"))
    failure = os.path.join(out_dir, notebook.replace(".ipynb", "-failure"))
    for stale in (screenshot, failure + ".png", failure + ".html"):
        if os.path.exists(stale):
            os.remove(stale)
    work = tempfile.mkdtemp(prefix="flexphase-browser-")
    server = driver = None
    started = time.monotonic()
    try:
        root = prepare_root(work, args.notebook)
        port, token = free_port(), secrets.token_hex(24)
        server = start_server(work, root, port, token)
        base = f"http://127.0.0.1:{port}"
        wait_for_server(server, base, token, timeout=90)
        driver = chromium.start(work)
        driver.get(f"{base}/lab/tree/{notebook}?token={token}")
        server_api = ServerApi(base, token)
        choose_kernel(driver, args.kernel, server_api)
        run_all_cells(driver)
        wait_until_finished(driver, server_api, deadline=started + args.timeout)
        image_width = first_rendered_png_width(driver)
        driver.save_screenshot(screenshot)
        saved = save_and_read(driver, os.path.join(root, notebook))
        errors = [error_text(o) for c in saved["cells"] if c["cell_type"] == "code" for o in c["outputs"]
                  if o.get("output_type") == "error"]
        cells = [c for c in saved["cells"] if c["cell_type"] == "code"]
        if errors:
            raise SystemExit("browser-check: cells raised errors:\n" + "\n".join(errors))
        if any(c.get("execution_count") is None for c in cells):
            raise SystemExit("browser-check: the saved notebook has code cells that never ran")
        if image_width is None:
            raise SystemExit("browser-check: no PNG image is rendered in an output area")
        print(f"browser-check: {notebook} on kernel '{args.kernel}' in Chromium: {len(cells)} code cells ran without "
              f"error, a {image_width}px-wide PNG is rendered; screenshot {os.path.relpath(screenshot, REPO)} "
              f"({time.monotonic() - started:.0f} s)")
    except BaseException:
        if driver is not None:
            try:
                driver.save_screenshot(failure + ".png")
                with open(failure + ".html", "w") as f:
                    f.write(driver.page_source)
                print(f"browser-check: failed; page at the failure in {os.path.relpath(failure, REPO)}.png/.html",
                      file=sys.stderr)
            except WebDriverException:
                pass
        raise
    finally:
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
        if server is not None:
            stop_server(server)
        shutil.rmtree(work, ignore_errors=True)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("notebook", nargs="?", default=os.path.join(HERE, "00-quickstart.ipynb"))
    p.add_argument("--kernel", default=None, help="kernel display name (default: the notebook's own kernelspec's)")
    p.add_argument("--timeout", type=float, default=300, help="seconds for the whole check (default 300)")
    args = p.parse_args()
    if args.kernel is None:
        name = json.load(open(args.notebook))["metadata"]["kernelspec"]["name"]
        spec = os.path.join(sys.prefix, "share", "jupyter", "kernels", name, "kernel.json")
        if not os.path.isfile(spec):
            sys.exit(f"browser-check: kernelspec '{name}' not installed in {sys.prefix}: run bash notebooks/setup.sh")
        args.kernel = json.load(open(spec))["display_name"]
    return args


def prepare_root(work, notebook):
    """A served copy, so JupyterLab's autosave never writes outputs into the committed notebook. Its kernel choice
    is removed: JupyterLab then asks for a kernel, and the check picks one as a person does."""
    root = os.path.join(work, "notebooks")
    os.makedirs(root)
    nb = json.load(open(notebook))
    nb["metadata"].pop("kernelspec", None)
    json.dump(nb, open(os.path.join(root, os.path.basename(notebook)), "w"), indent=1)
    for path, value in LAB_SETTINGS.items():
        target = os.path.join(work, "lab-settings", path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        json.dump(value, open(target, "w"))
    return root


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(work, root, port, token):
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=os.path.join(work, "lab-settings"),
               JUPYTERLAB_WORKSPACES_DIR=os.path.join(work, "lab-workspaces"),
               JUPYTER_RUNTIME_DIR=os.path.join(work, "runtime"), JUPYTER_CONFIG_DIR=os.path.join(work, "config"))
    log = open(os.path.join(REPO, "build", "browser", "jupyterlab.log"), "w")
    # Its own process group, so that everything it starts can be stopped together.
    return subprocess.Popen(
        [os.path.join(sys.prefix, "bin", "jupyter"), "lab", "--no-browser", "--allow-root",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)


def wait_for_server(server, base, token, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if server.poll() is not None:
            raise SystemExit(f"browser-check: JupyterLab exited with {server.returncode}; see build/browser/jupyterlab.log")
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"browser-check: JupyterLab did not answer within {timeout} s")


def choose_kernel(driver, display_name, server_api):
    dialog = WebDriverWait(driver, 90).until(lambda d: chromium.visible(d, ".jp-Dialog select"))
    select = Select(dialog)
    names = [o.text for o in select.options]
    if display_name not in names:
        raise SystemExit(f"browser-check: kernel '{display_name}' is not offered; the dialog lists {names}")
    select.select_by_visible_text(display_name)
    accept = driver.find_element(By.CSS_SELECTOR, ".jp-Dialog .jp-mod-accept")
    accept.click()
    WebDriverWait(driver, 120, poll_frequency=1).until(lambda d: server_api.kernel_connected())


def run_all_cells(driver):
    click_menu(driver, "Run", "Run All Cells")


def click_menu(driver, menu, label):
    """Opens a menu of the menu bar by its title and clicks the item with that label, as a person does."""
    titles = [m for m in driver.find_elements(By.CSS_SELECTOR, ".lm-MenuBar-item") if m.text.strip() == menu]
    if not titles:
        raise SystemExit(f"browser-check: no {menu} menu in the JupyterLab menu bar")
    titles[0].click()
    def item(d):
        found = [e for e in d.find_elements(By.CSS_SELECTOR, ".lm-Menu-item:not(.lm-mod-disabled)")
                 if e.is_displayed() and e.find_element(By.CSS_SELECTOR, ".lm-Menu-itemLabel").text.strip() == label]
        return found[0] if found else None
    try:
        WebDriverWait(driver, 10).until(item).click()
    except TimeoutException:
        raise SystemExit(f"browser-check: no enabled item '{label}' in the {menu} menu") from None


def wait_until_finished(driver, server_api, deadline):
    """Waits until no code cell is queued or running ([*]), one has run, and the kernel is idle. After an error
    JupyterLab drops the cells still queued, so this also ends early on a failing notebook."""
    def prompts():
        return [p.text.strip() for p in driver.find_elements(By.CSS_SELECTOR, ".jp-CodeCell .jp-InputArea-prompt")]

    def finished(_):
        shown = prompts()
        return ("[*]:" not in shown and any(re.fullmatch(r"\[\d+\]:", p) for p in shown)
                and server_api.kernel_states() == ["idle"])
    try:
        WebDriverWait(driver, max(1.0, deadline - time.monotonic()), poll_frequency=1).until(finished)
    except TimeoutException:
        raise SystemExit(f"browser-check: cells not finished before the deadline; prompts {prompts()}, "
                         f"kernels {server_api.kernel_states()}") from None


class ServerApi:
    """The Jupyter server's REST API: it tracks each kernel's execution state from the kernel's status messages."""

    def __init__(self, base, token):
        self.base, self.token = base, token

    def kernels(self):
        request = urllib.request.Request(f"{self.base}/api/kernels", headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as r:
            return json.load(r)

    def kernel_states(self):
        return [k["execution_state"] for k in self.kernels()]

    def kernel_connected(self):
        return any(k["connections"] > 0 and k["execution_state"] != "dead" for k in self.kernels())


def first_rendered_png_width(driver):
    for img in driver.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output img"):
        if (img.get_attribute("src") or "").startswith("data:image/png;base64,"):
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", img)
            width = WebDriverWait(driver, 10).until(
                lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth;", img))
            if width:
                return width
    return None


def save_and_read(driver, path):
    """Saves through JupyterLab (File > Save Notebook) and reads the file it wrote."""
    before = os.path.getmtime(path)
    click_menu(driver, "File", "Save Notebook")
    WebDriverWait(driver, 30).until(lambda d: os.path.getmtime(path) > before)
    time.sleep(1)  # the server writes through a temporary file; let the rename land
    return json.load(open(path))


def error_text(output):
    return f"{output.get('ename')}: {output.get('evalue')}"


def stop_server(server):
    """Asks the server to shut down (it stops its kernels), then ends whatever of its process tree is left."""
    try:  # psutil.Process refuses to signal a process whose id was reused meanwhile
        tree = psutil.Process(server.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        tree = []
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    for p in tree:
        try:
            p.terminate()
            p.wait(timeout=10)
        except psutil.NoSuchProcess:
            pass
        except psutil.TimeoutExpired:
            p.kill()
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


if __name__ == "__main__":
    main()
