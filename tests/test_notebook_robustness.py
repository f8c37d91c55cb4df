"""Every chapter notebook, in a kernel with no network (tests/notebook_runner.py), run twice in one kernel:
- first from chapters/ (as the book and Binder run it), then from the repository root;
- the second run shows the same content as the first (text, HTML, streams, widget views and the widgets'
  state, model ids normalised) and adds no observers to the first run's widgets.

The runs are nbval's (tests/nbval_twice.py: `make test` validates each chapter in this doubled form); run
without nbval, the `twice_runs` fixture executes the same doubled notebook once per chapter. Either way each
chapter executes twice in all, and the book build reuses the first run."""

from __future__ import annotations

import http.server
import threading

import pytest
from notebook_runner import ROOT, OfflineKernel, network_isolation, unshare_works

NOTEBOOKS = sorted(p for p in (ROOT / "chapters").glob("*.ipynb"))
pytestmark = pytest.mark.kernel


def ran_cleanly(run):
    assert not run.errors, f"{run.path.name}: " + "; ".join(run.errors)


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_from_the_chapters_folder(twice_runs, nb_path):
    run = twice_runs(nb_path)
    ran_cleanly(run)
    assert run.probe1["cwd"] == str(ROOT / "chapters"), run.probe1["cwd"]
    assert any(outputs for outputs in run.first), "no cell produced output"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_runs_from_the_repository_root(twice_runs, nb_path):
    run = twice_runs(nb_path)
    ran_cleanly(run)
    assert run.cwd_second == run.probe2["cwd"] == str(ROOT), (run.cwd_second, run.probe2["cwd"])
    assert any(outputs for outputs in run.second), "no cell produced output"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.name)
def test_second_run_in_one_kernel_repeats_the_first(twice_runs, nb_path):
    run = twice_runs(nb_path)
    ran_cleanly(run)
    (shown1, models1), (shown2, models2) = run.comparable("first"), run.comparable("second")
    assert len(shown1) == len(shown2)
    for i, (x, y) in enumerate(zip(shown1, shown2, strict=True)):
        assert x == y, f"code cell {i}: the second run (from the repository root) shows other outputs"
    assert models1 == models2, "the second run's widgets differ in content from the first run's"
    # The second run builds its own widgets, as many as the first...
    first, second = run.first_widgets, run.second_widgets
    new = {k: v for k, v in second.items() if k not in first}
    assert len(new) == len(first), (len(first), len(new))
    # ...and attaches no extra observers to the first run's widgets (no module-level observer registry).
    grown = {k: (first[k], second[k]) for k in first if second.get(k, 0) > first[k]}
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
