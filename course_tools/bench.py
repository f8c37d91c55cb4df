"""Performance report: `make bench` prints ONE table, each figure against its budget (issues 2 and 6).

Figures: clean build (as `make book`: course_tools.build_book) beside the floor, the same notebooks executed with
nbclient two at a time and nothing else, and their ratio; no-change rebuild; execution time per notebook (from
the build's execution cache); plain nbval time (once per chapter; `make test` runs each twice); per page the
HTML bytes and widget-state bytes (first-load weight and time to the first widget, in Chromium, come from
course_tools.bench_pages); the time to install the pinned environment into a fresh venv with uv; the full test
suite's time and the fast tier's (both recorded by tests/conftest.py).

Usage:
  python -m course_tools.bench                       everything (a few minutes)
  python -m course_tools.bench --skip install,nbval  leave figures out (build, nbval, pages, install, suite)
  python -m course_tools.bench --suite-time 812      the suite's time in seconds; otherwise the last full run's
                                                     time is read from _build/test-suite-time.json (written by a
                                                     hook in tests/conftest.py at the end of every pytest run)
  python -m course_tools.bench --json report.json    also write the rows as JSON

Budgets: course_tools.conventions.BUDGET.

Exit status: 0 when every figure with a budget is within it, 1 otherwise.

Extending (CAR T, slides, ...): every module course_tools/bench_*.py (e.g. bench_cart.py, bench_slides.py)
that defines `bench_rows(ctx)` is imported, and the rows it yields join the table. `ctx` is a `Context` (the
built HTML folder, the repository root, the Python of the venv, `ctx.browser()` for a shared Chromium page);
each row is a `Row(figure, value, unit, budget=None, note="")` (import it: `from course_tools.bench import Row`).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import course_tools as package
from course_tools import build_book
from course_tools.conventions import (
    BUDGET,
    BUILD,
    FAST_TIME_FILE,
    ROOT,
    SUITE_TIME_FILE,
    book_build_cmd,
    html_budget,
    toc_notebooks,
)

BIN = Path(sys.executable).parent
OUT = BUILD / "bench"
HTML = OUT / "_build" / "html"


@dataclass
class Row:
    figure: str
    value: float | None
    unit: str
    budget: float | None = None
    note: str = ""

    @property
    def ok(self) -> bool | None:
        if self.budget is None or self.value is None:
            return None
        return self.value <= self.budget


@dataclass
class Context:
    root: Path
    html: Path
    python: str
    _pw: object = field(default=None, repr=False)
    _browser: object = field(default=None, repr=False)

    def browser(self):
        """A shared headless Chromium (Playwright), offline launch flags as in the tests."""
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            from course_tools.testing.browser_support import LAUNCH_ARGS, find_chromium

            self._pw = sync_playwright().start()
            self._browser = self._pw.chromium.launch(executable_path=find_chromium(), headless=True, args=LAUNCH_ARGS)
        return self._browser

    def close(self):
        """Stop the shared Chromium; an extension that drives its own Playwright calls this first (Playwright's
        sync API allows one instance per thread). `browser()` starts a new one if asked again."""
        if self._browser is not None:
            self._browser.close()
            self._pw.stop()
            self._browser = self._pw = None


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "B":
        return f"{value / 1e6:.2f} MB" if value >= 1e5 else f"{value / 1e3:.1f} kB"
    return f"{value:.1f} {unit}" if unit else f"{value:g}"


def build_cmd() -> list[str]:
    return book_build_cmd(OUT)


def timed(cmd: list[str], **kw) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kw)
    return time.perf_counter() - t0, res


def parallel_floor() -> float:
    """The same notebooks executed with nbclient two at a time, nothing else: no build can beat this by much."""
    t0 = time.perf_counter()
    runs = build_book.execute_all(toc_notebooks(), jobs=2, **build_book.execution_settings())
    failed = [r.path.name for r in runs if r.notebook is None]
    if failed:
        sys.exit(f"bench: notebooks failed to execute: {failed}")
    return time.perf_counter() - t0


def bench_build() -> list[Row]:
    # The floor is measured before and after the build and averaged, so that load from other work on the
    # machine weighs on both sides of the ratio alike.
    floor_before = parallel_floor()
    shutil.rmtree(OUT, ignore_errors=True)
    clean, res = timed(build_cmd())
    if res.returncode != 0:
        sys.exit(f"bench: the clean build failed:\n{res.stdout[-3000:]}\n{res.stderr[-2000:]}")
    floor_after = parallel_floor()
    floor = (floor_before + floor_after) / 2
    again, res2 = timed(build_cmd())
    load = f"{os.getloadavg()[0]:.1f}"
    rows = [
        Row(
            "clean build, whole book",
            clean,
            "s",
            BUDGET["clean_build_s"],
            f"{os.cpu_count()} cores, load average {load}",
        ),
        Row(
            "floor: the notebooks, nbclient 2 at a time",
            floor,
            "s",
            None,
            f"mean of {floor_before:.1f} s before and {floor_after:.1f} s after the build",
        ),
        Row("clean build / floor", clean / floor, "x", BUDGET["build_floor_ratio"]),
        Row("no-change rebuild", again, "s", BUDGET["rebuild_s"], "" if res2.returncode == 0 else "rebuild FAILED"),
    ]
    from jupyter_cache import get_cache

    cache = get_cache(str(OUT / "_build" / ".jupyter_cache"))
    for rec in sorted(cache.list_cache_records(), key=lambda r: r.uri):
        rows.append(
            Row(
                f"execute {Path(rec.uri).name}",
                rec.data.get("execution_seconds"),
                "s",
                BUDGET["notebook_exec_s"],
                "in the clean build, in parallel",
            )
        )
    return rows


def bench_nbval() -> list[Row]:
    secs, res = timed(
        [str(BIN / "pytest"), "-q", "-p", "no:cacheprovider", "chapters", "--nbval", "--nbval-current-env"]
    )
    summary = (res.stdout.strip().splitlines() or ["?"])[-1]
    return [
        Row("nbval, every chapter notebook", secs, "s", None, summary if res.returncode == 0 else f"FAILED: {summary}")
    ]


def bench_pages(ctx: Context) -> list[Row]:
    """Per page the HTML and its widget state. What a cold browser fetches and the time to the first widget are
    measured by course_tools.bench_pages (through the bench_*.py hook)."""
    from course_tools.testing.page_audit import built_pages, has_widgets, widget_state_bytes

    rows = []
    for rel in built_pages(ctx.html):
        html = (ctx.html / rel).read_text(encoding="utf-8")
        rows.append(Row(f"{rel}: HTML", (ctx.html / rel).stat().st_size, "B", html_budget(rel)))
        if has_widgets(html):
            rows.append(Row(f"{rel}: widget state", widget_state_bytes(html), "B", None, "inside the HTML"))
    return rows


def bench_install() -> list[Row]:
    uv = shutil.which("uv", path=str(BIN)) or shutil.which("uv")
    if uv is None:
        return [Row("install into a fresh venv (uv)", None, "s", None, "uv not found")]
    with tempfile.TemporaryDirectory(prefix="bench-venv-") as tmp:
        venv = Path(tmp) / "venv"
        t0 = time.perf_counter()
        a = subprocess.run(
            [uv, "venv", "--quiet", "--python", sys.executable, str(venv)], capture_output=True, text=True
        )
        b = subprocess.run(
            [uv, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"), "-r", "requirements.txt"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        secs = time.perf_counter() - t0
    ok = a.returncode == 0 and b.returncode == 0
    return [
        Row(
            "install into a fresh venv (uv, requirements.txt)",
            secs,
            "s",
            None,
            "uv cache as found on this machine" if ok else f"FAILED: {(a.stderr + b.stderr)[-300:]}",
        )
    ]


def bench_suite(seconds: float | None) -> list[Row]:
    if seconds is not None:
        return [Row("full test suite", seconds, "s", BUDGET["suite_s"], "--suite-time")]
    if not SUITE_TIME_FILE.exists():
        return [Row("full test suite", None, "s", BUDGET["suite_s"], "no run recorded yet: run `make test`")]
    rec = json.loads(SUITE_TIME_FILE.read_text())
    workers = f", {rec['workers']} xdist workers" if rec.get("workers") else ""
    note = f"{rec['tests']} tests{workers}, exit {rec['exitstatus']}, {rec['finished']}"
    # Only a whole `make test` that passed measures the budget: a partial run (-k, one file) or a failing one
    # (it may stop early) is shown, in its note, and never reported as within the budget.
    if not rec.get("full_suite"):
        why = "last run was PARTIAL (" + " ".join(rec["args"])[:60] + ")"
    elif rec["exitstatus"] != 0:
        why = "last full run FAILED"
    else:
        return [Row("full test suite", rec["seconds"], "s", BUDGET["suite_s"], note)]
    note = f"{why} in {rec['seconds']} s; {note}: run `make test`"
    return [Row("full test suite", None, "s", BUDGET["suite_s"], note)]


def bench_fast() -> list[Row]:
    if not FAST_TIME_FILE.exists():
        return [Row("fast tier (make test-fast)", None, "s", BUDGET["fast_tier_s"], "no run recorded yet")]
    rec = json.loads(FAST_TIME_FILE.read_text())
    return [
        Row(
            "fast tier (make test-fast)",
            rec["seconds"],
            "s",
            BUDGET["fast_tier_s"],
            f"{rec['tests']} tests, exit {rec['exitstatus']}, {rec['finished']}",
        )
    ]


def extension_modules(package=package) -> list[str]:
    """The names of the bench_*.py modules in `package` (course_tools), sorted."""
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("bench_"))


def extension_rows(ctx: Context, package=package) -> list[Row]:
    """Rows from the course_tools/bench_*.py modules (CAR T, slides, ... budgets added by other work)."""
    rows = []
    for name in extension_modules(package):
        module = importlib.import_module(f"{package.__name__}.{name}")
        fn = getattr(module, "bench_rows", None)
        if fn is None:
            rows.append(Row(f"{name}.py", None, "", None, "defines no bench_rows(ctx)"))
            continue
        for r in fn(ctx):
            rows.append(r if isinstance(r, Row) else Row(*r))
    return rows


def render(rows: list[Row]) -> str:
    head = ("Figure", "Value", "Budget", "Status", "Note")
    body = []
    for r in rows:
        status = {True: "ok", False: "OVER", None: "-"}[r.ok]
        body.append(
            (
                r.figure,
                _fmt(r.value, r.unit),
                "-" if r.budget is None else "<= " + _fmt(r.budget, r.unit),
                status,
                r.note,
            )
        )
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(head), sep, *map(line, body)])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip", default="", help="comma-separated: build,nbval,pages,install,suite,extensions")
    ap.add_argument("--suite-time", type=float, default=None, help="the full suite's time in seconds")
    ap.add_argument("--html", type=Path, default=None, help="measure pages of an existing build (no build)")
    ap.add_argument("--json", type=Path, default=None, help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}

    rows: list[Row] = []
    html = args.html or HTML
    if "build" not in skip and args.html is None:
        print("bench: clean build and no-change rebuild ...", file=sys.stderr)
        rows += bench_build()
    if "nbval" not in skip:
        print("bench: nbval ...", file=sys.stderr)
        rows += bench_nbval()
    ctx = Context(ROOT, html, sys.executable)
    try:
        if "pages" not in skip:
            if not html.exists():
                sys.exit(f"bench: no built book at {html}; run without --skip build, or pass --html")
            print("bench: pages in Chromium ...", file=sys.stderr)
            rows += bench_pages(ctx)
        if "install" not in skip:
            print("bench: fresh install ...", file=sys.stderr)
            rows += bench_install()
        if "suite" not in skip:
            rows += bench_suite(args.suite_time) + bench_fast()
        if "extensions" not in skip:
            rows += extension_rows(ctx)
    finally:
        ctx.close()

    print(render(rows))
    if args.json:
        args.json.write_text(json.dumps([{**asdict(r), "ok": r.ok} for r in rows], indent=1))
    over = [r.figure for r in rows if r.ok is False]
    if over:
        print(f"\nOver budget: {', '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    # Run the imported module's main, not this __main__ copy: the extensions import Row from course_tools.bench,
    # and their rows must be instances of the same class.
    from course_tools import bench

    sys.exit(bench.main())
