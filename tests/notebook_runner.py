"""Run chapter notebooks with nbclient in a kernel that has no network, from a chosen working directory.

Isolation, best first:
1. `unshare -n` (root on Linux): the kernel runs in a new network namespace with no interfaces up, so no
   connection can leave it, not even to 127.0.0.1. The kernel talks to the client over Unix sockets
   (`transport="ipc"`), which do not depend on the network namespace.
2. Otherwise a socket guard: a `sitecustomize.py` on the kernel's PYTHONPATH makes every AF_INET/AF_INET6
   connect, sendto and getaddrinfo raise. The kernel itself still uses ipc sockets.
`NETWORK_ISOLATION` says which one is in force; the tests prove it by trying to reach a local server.
"""
from __future__ import annotations

import copy
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
CELL_TIMEOUT = 120

GUARD = '''\
"""Installed only into the test kernel: any attempt to use the network raises."""
import socket as _socket

class NetworkBlocked(OSError):
    pass

def _refuse(*args, **kwargs):
    raise NetworkBlocked("network access is blocked in the course's notebook tests")

_real_connect, _real_connect_ex, _real_sendto = _socket.socket.connect, _socket.socket.connect_ex, _socket.socket.sendto

def _guarded(real):
    def method(self, *args, **kwargs):
        if self.family in (_socket.AF_INET, _socket.AF_INET6):
            _refuse()
        return real(self, *args, **kwargs)
    return method

_socket.socket.connect = _guarded(_real_connect)
_socket.socket.connect_ex = _guarded(_real_connect_ex)
_socket.socket.sendto = _guarded(_real_sendto)
_socket.getaddrinfo = _refuse
_socket.create_connection = _refuse
'''

# Printed by a hidden cell after each run: how many widgets exist and how many observers each one has.
OBSERVER_PROBE = '''\
import json as _json, ipywidgets as _ipw
_all = dict(_ipw.widgets.widget._instances)
print(_json.dumps({mid: sum(len(h) for by_type in w._trait_notifiers.values() for h in by_type.values())
                   for mid, w in _all.items()}))
'''


@functools.lru_cache(maxsize=1)
def unshare_works() -> bool:
    exe = shutil.which("unshare")
    if not exe or os.environ.get("COURSE_NO_UNSHARE") == "1":
        return False
    res = subprocess.run([exe, "-n", "true"], capture_output=True)
    return res.returncode == 0


def network_isolation() -> str:
    return "unshare -n" if unshare_works() else "socket guard"


@functools.lru_cache(maxsize=1)
def _kernel_dir() -> Path:
    """A private kernelspec (and guard) for the test kernel, in a short temporary path (ipc socket names)."""
    base = Path(tempfile.mkdtemp(prefix="ck-"))
    spec = base / "kernels" / "course-offline"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    env = {}
    if unshare_works():
        argv = [shutil.which("unshare"), "-n", *argv]
    else:
        guard = base / "guard"
        guard.mkdir()
        (guard / "sitecustomize.py").write_text(GUARD)
        env["PYTHONPATH"] = os.pathsep.join([str(guard), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    (spec / "kernel.json").write_text(json.dumps(
        {"argv": argv, "display_name": "course (no network)", "language": "python", "env": env}))
    return base


def offline_kernel_manager() -> KernelManager:
    base = _kernel_dir()
    ksm = KernelSpecManager(kernel_dirs=[str(base / "kernels")])
    sock = base / f"k{time.monotonic_ns() % 10**9}"
    return KernelManager(kernel_spec_manager=ksm, kernel_name="course-offline", transport="ipc", ip=str(sock))


@dataclass
class Run:
    notebook: nbformat.NotebookNode
    seconds: float
    widgets: dict[str, int] = field(default_factory=dict)  # model id -> number of observers


class OfflineKernel:
    """One kernel with no network, started in `cwd`; run notebooks (or a notebook again) in it."""

    def __init__(self, cwd: Path):
        self.cwd = Path(cwd)
        self.km = offline_kernel_manager()
        self.client: NotebookClient | None = None

    def __enter__(self):
        self.km.start_kernel(cwd=str(self.cwd))
        return self

    def __exit__(self, *exc):
        if self.client is not None and self.client.kc is not None:
            self.client.kc.stop_channels()
        self.km.shutdown_kernel(now=True)
        self.km.cleanup_resources()

    def _client(self, nb) -> NotebookClient:
        if self.client is None:
            self.client = NotebookClient(nb, km=self.km, timeout=CELL_TIMEOUT, allow_errors=False,
                                         resources={"metadata": {"path": str(self.cwd)}})
            self.client.start_new_kernel_client()
        self.client.nb = nb
        self.client.reset_execution_trackers()
        return self.client

    def run(self, path: Path) -> Run:
        nb = nbformat.read(path, as_version=4)
        client = self._client(nb)
        t0 = time.perf_counter()
        for i, cell in enumerate(nb.cells):
            client.execute_cell(cell, i)
        seconds = time.perf_counter() - t0
        return Run(nb, seconds, self.probe_widgets())

    def run_code(self, code: str) -> str:
        """Run `code` in the kernel; returns its stdout (errors raise CellExecutionError)."""
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        client = self._client(nb)
        client.execute_cell(nb.cells[0], 0)
        out = nb.cells[0].outputs
        return "".join(o.get("text", "") for o in out if o.get("output_type") == "stream")

    def probe_widgets(self) -> dict[str, int]:
        return json.loads(self.run_code(OBSERVER_PROBE).strip().splitlines()[-1])


def comparable_outputs(nb) -> list[list[tuple]]:
    """Each code cell's outputs, with widget model ids and execution counts left out."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outs = []
        for o in cell.outputs:
            if o.output_type == "stream":
                outs.append(("stream", o.name, o.text))
            elif o.output_type in ("display_data", "execute_result"):
                data = o.get("data", {})
                outs.append((o.output_type, tuple(sorted(data)),
                             data.get("text/html") if "application/vnd.jupyter.widget-view+json" not in data
                             else None))
            else:
                outs.append((o.output_type, json.dumps(o, sort_keys=True, default=str)))
        cells.append(outs)
    return cells
