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
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from course_tools.conventions import ROOT

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
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "course (no network)", "language": "python", "env": env})
    )
    return base


_SOCKETS = itertools.count()


def offline_kernel_manager() -> KernelManager:
    base = _kernel_dir()
    ksm = KernelSpecManager(kernel_dirs=[str(base / "kernels")])
    sock = base / f"k{os.getpid()}-{next(_SOCKETS)}"  # short and unique: ipc socket paths are limited
    return KernelManager(kernel_spec_manager=ksm, kernel_name="course-offline", transport="ipc", ip=str(sock))


class OfflineKernel:
    """One kernel with no network, started in `cwd`; run cells (or code) in it."""

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
            self.client = NotebookClient(
                nb,
                km=self.km,
                timeout=CELL_TIMEOUT,
                allow_errors=False,
                resources={"metadata": {"path": str(self.cwd)}},
            )
            self.client.start_new_kernel_client()
        self.client.nb = nb
        self.client.reset_execution_trackers()
        return self.client

    def run_cells(self, cells: list) -> list[str]:
        """Execute `cells` in order, filling their outputs; returns an error line per failed cell (then stops)."""
        nb = nbformat.v4.new_notebook(cells=cells)
        client = self._client(nb)
        for i, cell in enumerate(nb.cells):
            try:
                client.execute_cell(cell, i)
            except CellExecutionError as exc:
                return [f"{cell_name(cell)}: {exc.ename}: {exc.evalue}"]
        return []

    def run_code(self, code: str) -> str:
        """Run `code` in the kernel; returns its stdout (errors raise CellExecutionError)."""
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        client = self._client(nb)
        client.execute_cell(nb.cells[0], 0)
        out = nb.cells[0].outputs
        return "".join(o.get("text", "") for o in out if o.get("output_type") == "stream")


# ---- a chapter run twice in one kernel ------------------------------------------------------------------------
# The chapter's code cells run from chapters/ (as the book and Binder run them), a hidden probe records the
# widgets and their observers, the kernel moves to the repository root, the cells run again, and a second probe
# follows. nbval executes this doubled notebook (tests/nbval_twice.py); `run_twice` does the same with nbclient
# when nbval has not run in this session. Either way each chapter executes twice in all.
ROLE = "course_twice"  # cell metadata key: which part of the doubled notebook a cell is

PROBE = """\
def _course_probe():
    import json, os, ipywidgets
    instances = dict(ipywidgets.widgets.widget._instances)
    observers = {mid: sum(len(h) for by_type in w._trait_notifiers.values() for h in by_type.values())
                 for mid, w in instances.items()}
    state = ipywidgets.Widget.get_manager_state(drop_defaults=False)["state"]
    print(json.dumps({"cwd": os.getcwd(), "observers": observers, "state": state}))
_course_probe(); del _course_probe
"""
TO_ROOT = f"import os as _os; _os.chdir({str(ROOT)!r}); print(_os.getcwd()); del _os"


def _role(cell, role: str, index: int | None = None):
    cell.metadata[ROLE] = {"role": role, "index": index}
    return cell


def cell_name(cell) -> str:
    """How a cell of the doubled notebook is named in test ids and messages."""
    r = cell.metadata.get(ROLE, {})
    return {
        "first": f"Cell {r.get('index')}",
        "probe1": "first run (from chapters/): widgets and observers",
        "to_root": "move the kernel to the repository root",
        "second": f"second run (from the repository root): Cell {r.get('index')}",
        "probe2": "second run: widgets and observers",
    }.get(r.get("role"), "cell")


def twice_cells(nb: nbformat.NotebookNode) -> list:
    """The code cells of the doubled notebook (the chapter's own cells keep their source, tags and metadata)."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    fresh = lambda c, role, i: _role(nbformat.from_dict(copy.deepcopy(dict(c))), role, i)  # noqa: E731
    cells = [fresh(c, "first", i) for i, c in enumerate(code)]
    cells.append(_role(nbformat.v4.new_code_cell(PROBE), "probe1"))
    cells.append(_role(nbformat.v4.new_code_cell(TO_ROOT), "to_root"))
    cells += [fresh(c, "second", i) for i, c in enumerate(code)]
    cells.append(_role(nbformat.v4.new_code_cell(PROBE), "probe2"))
    for c in cells:
        c.outputs, c.execution_count = [], None
    return cells


def _probe(outputs: list) -> dict:
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    lines = text.strip().splitlines()
    return json.loads(lines[-1]) if lines else {}


@dataclass
class TwiceRun:
    """A chapter executed twice in one kernel with no network: outputs per code cell of each run, the probes."""

    path: Path
    first: list[list[dict]]
    second: list[list[dict]]
    probe1: dict
    probe2: dict
    cwd_second: str
    errors: list[str] = field(default_factory=list)
    seconds: float | None = None  # the first run's time, kept in the cache record

    @classmethod
    def from_cells(cls, path: Path, cells: list, errors: list[str], seconds: float | None = None) -> TwiceRun:
        parts: dict[str, list] = {}
        for c in cells:
            parts.setdefault(c.metadata[ROLE]["role"], []).append(list(c.get("outputs", [])))
        one = lambda role: (parts.get(role) or [[]])[0]  # noqa: E731
        return cls(
            Path(path),
            parts.get("first", []),
            parts.get("second", []),
            _probe(one("probe1")),
            _probe(one("probe2")),
            "".join(o.get("text", "") for o in one("to_root")).strip(),
            errors,
            seconds,
        )

    def to_json(self) -> dict:
        return {
            "path": str(self.path),
            "first": self.first,
            "second": self.second,
            "probe1": self.probe1,
            "probe2": self.probe2,
            "cwd_second": self.cwd_second,
            "errors": self.errors,
            "seconds": self.seconds,
        }

    @classmethod
    def from_json(cls, data: dict) -> TwiceRun:
        return cls(**{**data, "path": Path(data["path"])})

    @property
    def first_widgets(self) -> dict[str, int]:
        return self.probe1.get("observers", {})

    @property
    def second_widgets(self) -> dict[str, int]:
        return self.probe2.get("observers", {})

    def first_run_notebook(self) -> nbformat.NotebookNode:
        """The chapter as the first run left it: what myst-nb would cache (outputs and widget state)."""
        nb = nbformat.read(self.path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        for n, (cell, outputs) in enumerate(zip(code, self.first, strict=True), start=1):
            cell.execution_count = n
            cell.outputs = [
                nbformat.from_dict({**o, "execution_count": n} if o["output_type"] == "execute_result" else dict(o))
                for o in outputs
            ]
        nb.metadata["widgets"] = {
            WIDGET_STATE: {"version_major": 2, "version_minor": 0, "state": self.probe1.get("state", {})}
        }
        return nb

    def comparable(self, run: str) -> tuple:
        """What a reader sees of the first or the second run, model ids normalised (see `comparable_outputs`)."""
        if run == "first":
            return comparable_outputs(self.first, self.probe1.get("state", {}))
        first_ids = set(self.probe1.get("state", {}))
        return comparable_outputs(self.second, self.probe2.get("state", {}), exclude=first_ids)


def run_twice(path: Path) -> TwiceRun:
    """The doubled notebook with nbclient, in one kernel with no network started in the notebook's folder."""
    path = Path(path)
    cells = twice_cells(nbformat.read(path, as_version=4))
    with OfflineKernel(path.parent) as kernel:
        errors = kernel.run_cells(cells)
    return TwiceRun.from_cells(path, cells, errors)


# ---- comparing runs by content ---------------------------------------------------------------------------------
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MODEL_ID = re.compile(r"[0-9a-f]{32}")


class _Numbering:
    """Replaces widget model ids by their order of first appearance, so two runs can be compared by content."""

    def __init__(self, state: dict):
        self.state, self.number = state, {}

    def visit(self, model_id: str) -> str:
        """Number a model, then every model its state refers to, depth first in key order."""
        if model_id not in self.number:
            self.number[model_id] = f"<model {len(self.number) + 1}>"
            self._walk(self.state.get(model_id, {}).get("state", {}))
        return self.number[model_id]

    def _walk(self, value):
        if isinstance(value, dict):
            for k in sorted(value):
                self._walk(value[k])
        elif isinstance(value, list):
            for v in value:
                self._walk(v)
        elif isinstance(value, str):
            for mid in MODEL_ID.findall(value):
                self.visit(mid)

    def text(self, value, assign: bool = True) -> str:
        """`value` as text with model ids replaced; unnumbered ids get the next numbers, or `<model ?>`."""
        value = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
        return MODEL_ID.sub(
            lambda m: self.visit(m.group(0)) if assign else self.number.get(m.group(0), "<model ?>"), value
        )


def comparable_outputs(cells: list[list[dict]], state: dict, exclude: set[str] = frozenset()) -> tuple:
    """What a reader sees of a run, with widget model ids normalised: per code cell, each output's stream text,
    text/plain, HTML and other text data, which widget view it shows; then every widget model's name and state
    (the panels' HTML lives there), the displayed ones in display order, the rest (links, ...) sorted.
    Binary images are left out, as nbval does. `exclude`: models of an earlier run in the same kernel."""
    ids = _Numbering(state)
    shown = []
    for outputs in cells:
        row = []
        for o in outputs:
            kind = o.get("output_type")
            if kind == "stream":
                row.append(("stream", o.get("name"), ids.text(o.get("text", ""))))
            elif kind in ("display_data", "execute_result"):
                data = o.get("data", {})
                row.append(
                    (
                        kind,
                        tuple(
                            (mime, ids.text(v))
                            for mime, v in sorted(data.items())
                            if mime != WIDGET_VIEW and mime not in ("image/png", "image/jpeg")
                        ),
                        ids.visit(data[WIDGET_VIEW]["model_id"]) if WIDGET_VIEW in data else None,
                    )
                )
            else:
                row.append((kind, o.get("ename"), o.get("evalue")))
        shown.append(row)
    rest = sorted(
        (m for m in state if m not in ids.number and m not in exclude),
        key=lambda m: (state[m].get("model_name", ""), ids.text(state[m], assign=False)),
    )
    for m in rest:
        ids.visit(m)
    models = sorted(
        (name, state[m].get("model_name"), ids.text(state[m].get("state", {})), ids.text(state[m].get("buffers", [])))
        for m, name in ids.number.items()
        if m in state
    )
    return tuple(shown), tuple(models)
