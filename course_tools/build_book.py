"""Build the book with its notebooks executed in parallel, while Sphinx starts: `make book` runs this.

Usage: python -m course_tools.build_book [--jobs 2] JUPYTER_BOOK_BUILD_ARGS...
       e.g. python -m course_tools.build_book -W -n --keep-going .        (the arguments of `jupyter-book build`)

Why: in `execute_notebooks: cache` mode myst-nb executes each notebook, one after another, when Sphinx reads
it (ARCHITECTURE.md, "Build time"). Here every `.ipynb` page of `_toc.yml` that the cache lacks is executed
`--jobs` at a time in worker processes, the way myst-nb would (jupyter-cache's `single_nb_execution`: nbclient, the
notebook's kernel, its folder as working directory, `_config.yml`'s timeout, widget state recorded in the
notebook's metadata). Meanwhile this process runs `jupyter-book build` itself; when Sphinx comes to read a
notebook, it waits for that notebook's run and stores it in the jupyter-cache, so myst-nb only reads.

A failing cell stops the build: the notebook, the cell and the error are printed, nothing is cached, and the
exit status is 1 (raise-on-error, as `nb_execution_raise_on_error` does). A notebook that is already in the
cache (the test suite seeds it from nbval's run) is not executed again; `make book` starts from a clean cache.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from course_tools.conventions import ROOT, toc_notebooks


@dataclass
class Executed:
    path: Path
    notebook: nbformat.NotebookNode | None  # None when a cell failed
    seconds: float
    error: str = ""


def execution_settings(root: Path = ROOT) -> dict:
    """The `execute:` settings of `_config.yml` that decide how myst-nb runs a notebook."""
    execute = (yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}).get("execute", {})
    return {
        "mode": execute.get("execute_notebooks", "auto"),
        "timeout": execute.get("timeout", 30),
        "allow_errors": bool(execute.get("allow_errors", False)),
        "in_temp": bool(execute.get("run_in_temp", False)),
    }


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def failing_cell(nb: nbformat.NotebookNode) -> str:
    """'cell N (code cell M)' for the first cell whose outputs hold an error (nbclient stops there)."""
    code = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        code += 1
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return f"cell {i} (code cell {code})"
    return "a cell"


def execute_one(path: Path, timeout: int = 120, allow_errors: bool = False, in_temp: bool = False) -> Executed:
    """Run one notebook as myst-nb's cache mode does; a failure is returned, not raised."""
    from jupyter_cache.executors.utils import single_nb_execution

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() if in_temp else nullcontext(str(path.parent)) as cwd:
        result = single_nb_execution(
            nb, cwd=os.path.abspath(cwd), timeout=timeout, allow_errors=allow_errors, meta_override=True
        )
    if result.err is None:
        return Executed(path, nb, result.time)
    err = result.err
    what = f"{err.ename}: {err.evalue}" if getattr(err, "ename", None) else str(err).strip().splitlines()[-1]
    return Executed(path, None, result.time, f"{failing_cell(nb)} raised {what}\n{result.exc_string}")


def _execute(args) -> Executed:
    return execute_one(*args)


def execute_all(paths: list[Path], jobs: int = 2, **settings) -> list[Executed]:
    """Execute `paths`, `jobs` at a time (one kernel each); the floor that `make bench` compares builds with."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_execute, [(Path(p), *_run_args(settings)) for p in paths]))


def _run_args(settings: dict) -> tuple:
    return settings.get("timeout", 120), settings.get("allow_errors", False), settings.get("in_temp", False)


def fill_cache(cache_path: Path, executed: list[Executed]) -> None:
    """Store executed notebooks where myst-nb's cache mode finds them (it matches on code and kernelspec)."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(cache_path))
    for ex in executed:
        cache.cache_notebook_bundle(
            CacheBundleIn(ex.notebook, str(Path(ex.path).resolve()), data={"execution_seconds": ex.seconds}),
            check_validity=False,
            overwrite=True,
        )


def uncached(cache_path: Path, paths: list[Path]) -> list[Path]:
    """The notebooks whose current code the cache does not hold."""
    if not cache_path.exists():
        return list(paths)
    from jupyter_cache import get_cache

    cache, missing = get_cache(str(cache_path)), []
    for p in paths:
        try:
            cache.match_cache_notebook(nbformat.read(p, as_version=4))
        except KeyError:
            missing.append(p)
    return missing


class ReadWhenExecuted:
    """Makes myst-nb's cache client wait for a notebook's parallel run and cache it before looking it up."""

    def __init__(self, cache_path: Path, runs: dict[Path, Future]):
        self.cache_path, self.runs = cache_path, runs

    def before_lookup(self, path) -> None:
        run = self.runs.pop(Path(path).resolve(), None) if path is not None else None
        if run is None:
            return  # not ours (already cached, or not in _toc.yml): myst-nb handles it as usual
        ex = run.result()
        if ex.notebook is None:
            print(f"build_book: {shown(ex.path)}: {ex.error}", file=sys.stderr)
            print(f"build_book: executing {shown(ex.path)} failed; the build stops (raise on error)", file=sys.stderr)
            raise SystemExit(1)
        fill_cache(self.cache_path, [ex])
        print(f"build_book: {shown(ex.path)} executed in {ex.seconds:.1f} s (in parallel), now read from the cache")

    def install(self) -> None:
        from myst_nb.core.execute.cache import NotebookClientCache

        original, hook = NotebookClientCache.start_client, self.before_lookup

        def start_client(client):
            hook(client.path)
            given = client.notebook
            original(client)
            if client.notebook is not given:
                # A cache hit: myst-nb renders a merged copy but writes the notebook it was given to
                # _build/jupyter_execute, without outputs. The decks are made from that file
                # (course_tools.build_slides), so it gets the outputs and widget state too.
                given.update(client.notebook)

        NotebookClientCache.start_client = start_client


def cache_path_for(path_output: str | None, source: str) -> Path:
    """Where myst-nb keeps its cache for this build: <output>/_build/.jupyter_cache (as jupyter-book sets it)."""
    return Path(path_output or source).resolve() / "_build" / ".jupyter_cache"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=False)
    ap.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="notebooks executed at a time (default: 2, or 1 on one core)",
    )
    ap.add_argument("--path-output", default=None)
    ours, jb_args = ap.parse_known_args(argv)
    source = next((a for a in reversed(jb_args) if not a.startswith("-")), ".")
    if ours.path_output:
        jb_args = ["--path-output", ours.path_output, *jb_args]
    settings = execution_settings(Path(source).resolve())
    from jupyter_book.cli.main import main as jupyter_book

    def build():
        return jupyter_book.main(args=["build", *jb_args], prog_name="jupyter-book", standalone_mode=False)

    if settings["mode"] != "cache":
        print(
            f"build_book: _config.yml has execute_notebooks: {settings['mode']!r}; myst-nb executes as configured",
            file=sys.stderr,
        )
        return build() or 0
    cache_path = cache_path_for(ours.path_output, source)
    todo = uncached(cache_path, toc_notebooks(Path(source).resolve()))
    print(f"build_book: executing {len(todo)} notebook(s), {ours.jobs} at a time, while Sphinx starts")
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=ours.jobs) as pool:
        runs = {p.resolve(): pool.submit(_execute, (p, *_run_args(settings))) for p in todo}
        ReadWhenExecuted(cache_path, runs).install()
        try:
            status = build() or 0
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    print(f"build_book: done in {time.perf_counter() - t0:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
