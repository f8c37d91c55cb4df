"""The chapters live in JupyterLab: start a server on 127.0.0.1 with a token, open a chapter in Chromium, run
all cells, and check that its widgets render and respond to a click. Add a chapter by adding a LIVE_CHECKS row.

The server gets its own settings with autosave off, so running the cells never writes outputs into the
repository; each test also checks that the notebook file is byte-for-byte unchanged afterwards."""
from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent

# notebook, widget root selector, button to click, text that must then be visible in that widget
LIVE_CHECKS = [
    ("chapters/06_car_t.ipynb", ".course-car-t-manufacturing", "3", "Step 3 of 11: Shipping with chain of identity"),
    ("chapters/01_autoimmunity.ipynb", ".course-therapy-reach", "TNF blockade", "TNF blockade"),
    ("chapters/10_before_and_around_treatment.ipynb", ".course-vaccine-timing", "Methotrexate",
     "Methotrexate and Influenza"),
    ("chapters/03_pathogenic_antibodies.ipynb", ".course-complement", "Avacopan", "Avacopan (Tavneos)"),
    ("chapters/07_restoring_tolerance.ipynb", ".course-modality-comparison", "Joint pain, no arthritis yet",
     "Joint pain, no arthritis yet"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory):
    """JupyterLab on 127.0.0.1 with a random token; always shut down, with its whole process group."""
    tmp = tmp_path_factory.mktemp("lab")
    settings = tmp / "settings" / "@jupyterlab" / "docmanager-extension"
    settings.mkdir(parents=True)
    (settings / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))
    # JupyterLab 4 renders only the cells in view by default; render all, so every widget is in the page
    notebook_settings = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    notebook_settings.mkdir(parents=True)
    (notebook_settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    token, port = secrets.token_hex(16), _free_port()
    cmd = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}",
           f"--LabApp.user_settings_dir={tmp / 'settings'}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
           "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--ServerApp.open_browser=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # CI containers often run as root
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime")}
    log = (tmp / "lab.log").open("w")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not start:\n{(tmp / 'lab.log').read_text()[-3000:]}")
            time.sleep(0.5)
        yield base, token
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()
        assert proc.poll() is not None, "JupyterLab server still running"


@pytest.mark.parametrize("notebook, root, button, expected", LIVE_CHECKS, ids=[c[0] for c in LIVE_CHECKS])
def test_chapter_runs_live_and_widgets_respond(lab_server, browser, notebook, root, button, expected):
    base, token = lab_server
    before = (ROOT / notebook).read_bytes()
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    external: list[str] = []

    def route(r):
        if r.request.url.startswith("http://127.0.0.1") or r.request.url.startswith(("data:", "blob:", "ws://127.0.0.1")):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    try:
        page.goto(f"{base}/lab/tree/{notebook}?reset&token={token}", wait_until="load")  # reset: no tabs from earlier tests
        page.locator(".jp-Notebook").first.wait_for(state="visible", timeout=60_000)
        # wait until the kernel has started (status bar: "<kernel name> | Idle")
        page.wait_for_function("() => /\\| Idle/.test(document.body.innerText)", timeout=90_000)
        dialog = page.locator(".jp-Dialog")
        if dialog.count():  # a kernel chooser, if the environment asks: take the default
            page.keyboard.press("Enter")
        # the Run menu acts on the active notebook: activate it by clicking its first cell
        page.locator(".jp-Notebook:visible .jp-Cell").first.click()
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()
        widget = page.locator(root).first
        try:
            widget.wait_for(state="attached", timeout=120_000)
        except Exception:
            shot = ROOT / "_build" / "live-lab-failure.png"
            page.screenshot(path=str(shot))
            raise AssertionError(f"{root} never appeared after Run All Cells; screenshot {shot}") from None
        widget.scroll_into_view_if_needed()
        widget.wait_for(state="visible", timeout=30_000)
        widget.get_by_role("button", name=button, exact=True).first.click()
        page.wait_for_function(
            """([root, text]) => [...document.querySelectorAll(root + ' .course-panel h4')]
                 .some(h => h.offsetParent !== null && h.innerText.startsWith(text))""",
            arg=[root, expected], timeout=10_000)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert not page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").count(), \
            "a cell raised an error"
        print(f"{notebook}: ran live; {errors.count()} stderr outputs; blocked external requests: {len(external)}")
    finally:
        context.close()
    assert (ROOT / notebook).read_bytes() == before, f"{notebook} was modified by the live run"
