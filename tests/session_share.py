"""What the processes of one test run share on disk, so that with pytest-xdist (`make test` runs two workers)
each chapter still executes twice in all and the book is built once.

One folder per run, `_build/test-run/<run id>/` (the id is xdist's testrunuid, the same in every worker; a
fresh one without xdist), removed when the run ends:
- `runs/<chapter>.json`: nbval's doubled run of a chapter (tests/nbval_twice.py), written by the worker that
  ran it, read by the others;
- `book.lock`, `book.json`: the first worker that needs the book builds it under the lock and records the
  result; the others wait for the lock and read the record.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from course_tools.conventions import BUILD

RUNS_ROOT = BUILD / "test-run"
# A wait, not a budget: how long a worker waits for a chapter that another worker's nbval is running.
WAIT_FOR_OTHER_WORKER_S = 900


def configure(config) -> Path:
    """Give this run its folder; the controller picks the id that xdist hands to every worker."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        uid = workerinput["testrunuid"]
    else:
        uid = getattr(config.option, "testrunuid", None) or uuid.uuid4().hex
        if hasattr(config.option, "testrunuid"):
            config.option.testrunuid = uid
    config._course_run_dir = RUNS_ROOT / uid
    return config._course_run_dir


def run_dir(config) -> Path:
    return config._course_run_dir


def unconfigure(config) -> None:
    """The process that owns the run (not an xdist worker) removes its folder."""
    if getattr(config, "workerinput", None) is None and hasattr(config, "_course_run_dir"):
        shutil.rmtree(config._course_run_dir, ignore_errors=True)


@contextmanager
def locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data))
    os.replace(tmp, path)  # readers never see half a file


def read_json(path: Path):
    return json.loads(path.read_text()) if path.exists() else None


def wait_for(paths: list[Path], timeout: float = WAIT_FOR_OTHER_WORKER_S) -> list[Path]:
    """Wait until every path exists (another worker writes it); returns those still missing at the timeout."""
    deadline = time.monotonic() + timeout
    missing = [p for p in paths if not p.exists()]
    while missing and time.monotonic() < deadline:
        time.sleep(0.5)
        missing = [p for p in missing if not p.exists()]
    return missing
