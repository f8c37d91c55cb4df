"""Every chapter notebook, in a kernel with no network (tests/notebook_runner.py):
- runs from the repository root and from chapters/ (Binder opens either);
- runs twice in a row in one kernel with the same outputs and no observers piling up on earlier widgets.

Each notebook runs three times in all: twice in one kernel at the root, once at chapters/ (nbval and the book
build run it from chapters/ too). The runs are shared by the tests below through a module-level cache."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest

from notebook_runner import ROOT, OfflineKernel, comparable_outputs, network_isolation, unshare_works

NOTEBOOKS = sorted(p for p in (ROOT / "chapters").glob("*.ipynb"))
pytestmark = pytest.mark.slow


@functools.lru_cache(maxsize=None)
def runs_at_root(nb_name: str):
    with OfflineKernel(ROOT) as kernel:
        first = kernel.run(ROOT / "chapters" / nb_name)
        second = kernel.run(ROOT / "chapters" / nb_name)
    return first, second


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_from_the_repository_root(nb_path):
    first, _ = runs_at_root(nb_path.name)
    assert any(c.outputs for c in first.notebook.cells if c.cell_type == "code"), "no cell produced output"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_from_the_chapters_folder(nb_path):
    with OfflineKernel(ROOT / "chapters") as kernel:
        run = kernel.run(nb_path)
        assert kernel.run_code("import os; print(os.getcwd())").strip() == str(ROOT / "chapters")
    first, _ = runs_at_root(nb_path.name)
    assert comparable_outputs(run.notebook) == comparable_outputs(first.notebook), \
        "outputs depend on the working directory"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_second_run_in_one_kernel_repeats_the_first(nb_path):
    first, second = runs_at_root(nb_path.name)
    a, b = comparable_outputs(first.notebook), comparable_outputs(second.notebook)
    for i, (x, y) in enumerate(zip(a, b)):
        assert len(x) == len(y), f"code cell {i}: {len(x)} outputs on the first run, {len(y)} on the second"
        assert x == y, f"code cell {i}: the second run's output differs from the first"
    # The second run builds its own widgets, as many as the first...
    new = {k: v for k, v in second.widgets.items() if k not in first.widgets}
    assert len(new) == len(first.widgets), (len(first.widgets), len(new))
    # ...and attaches no extra observers to the first run's widgets (no module-level observer registry).
    grown = {k: (first.widgets[k], second.widgets[k]) for k in first.widgets
             if second.widgets.get(k, 0) > first.widgets[k]}
    assert not grown, f"widgets from the first run gained observers on the second: {grown}"


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def _local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


PROBE = """
import socket, urllib.request
try:
    urllib.request.urlopen("http://127.0.0.1:{port}/", timeout=3)
    print("REACHED")
except OSError as exc:
    print("BLOCKED", type(exc).__name__)
"""


def _assert_kernel_is_offline():
    server = _local_server()
    try:
        with OfflineKernel(ROOT) as kernel:
            out = kernel.run_code(PROBE.format(port=server.server_address[1]))
    finally:
        server.shutdown()
        server.server_close()
    assert "BLOCKED" in out and "REACHED" not in out, out
    assert _Counter.hits == 0


def test_notebook_kernel_cannot_reach_the_network():
    """Proof for the runs above: even a server on 127.0.0.1 is out of the kernel's reach."""
    print(f"network isolation: {network_isolation()}")
    _assert_kernel_is_offline()


def test_root_on_linux_uses_a_network_namespace():
    import os
    import sys
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("unshare -n needs root on Linux; the socket guard is used and tested instead")
    assert unshare_works(), "running as root on Linux but `unshare -n true` failed"


def test_socket_guard_fallback_blocks_too(monkeypatch):
    """The fallback for machines where unshare is not allowed must block as well."""
    import notebook_runner

    monkeypatch.setenv("COURSE_NO_UNSHARE", "1")
    notebook_runner.unshare_works.cache_clear()
    notebook_runner._kernel_dir.cache_clear()
    try:
        assert network_isolation() == "socket guard"
        _assert_kernel_is_offline()
    finally:
        monkeypatch.delenv("COURSE_NO_UNSHARE")
        notebook_runner.unshare_works.cache_clear()
        notebook_runner._kernel_dir.cache_clear()
