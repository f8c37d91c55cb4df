"""Live-notebook budgets (issue 11), a `make bench` extension:

- installing requirements.txt into a fresh virtual environment with pip and no cache, as Binder does (<= 90 s);
- per chapter, in JupyterLab, the time from Run > Run All Cells to every widget drawn (<= 10 s).

Usage: .venv/bin/python -m course_tools.bench_live [--skip install,lab]   (or as part of `make bench`)"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from course_tools.conventions import ROOT

BUDGETS = {"pip_install_s": 90.0, "run_all_to_widgets_s": 10.0}


def pip_install_seconds() -> tuple[float, str]:
    """pip, a new venv, no cache: what Binder's `pip install --no-cache-dir -r requirements.txt` pays."""
    with tempfile.TemporaryDirectory(prefix="bench-pip-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        t0 = time.perf_counter()
        res = subprocess.run(
            [
                str(venv / "bin" / "pip"),
                "install",
                "--quiet",
                "--no-cache-dir",
                "--disable-pip-version-check",
                "-r",
                "requirements.txt",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - t0
    return seconds, "" if res.returncode == 0 else f"FAILED: {res.stderr.strip()[-300:]}"


def run_all_seconds(browser, tmp: Path) -> dict[str, float]:
    """One JupyterLab server; each chapter opened fresh, Run All, timed until every widget it builds is drawn."""
    from course_tools.testing.live_lab import (
        chapter_paths,
        guard_offline,
        interactives,
        load,
        open_chapter,
        run_all,
        start_lab,
        wait_for_widgets,
    )

    times = {}
    with start_lab(tmp) as lab:
        for notebook in chapter_paths():
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            guard_offline(context)
            page = context.new_page()
            try:
                open_chapter(page, lab, notebook)
                t0 = time.perf_counter()
                run_all(page)
                wait_for_widgets(page, dict(interactives(load(notebook))))
                times[notebook] = time.perf_counter() - t0
            finally:
                context.close()
                lab.shut_down_kernels()
    return times


def bench_rows(ctx, skip: frozenset[str] = frozenset()):
    from course_tools.bench import Row

    if "install" not in skip:
        seconds, note = pip_install_seconds()
        yield Row(
            "pip install requirements.txt, fresh venv, no cache (Binder)",
            seconds,
            "s",
            BUDGETS["pip_install_s"],
            note or "network as found on this machine",
        )
    if "lab" not in skip:
        with tempfile.TemporaryDirectory(prefix="bench-lab-") as tmp:
            for notebook, seconds in run_all_seconds(ctx.browser(), Path(tmp)).items():
                yield Row(
                    f"JupyterLab Run All to widgets: {Path(notebook).stem}",
                    seconds,
                    "s",
                    BUDGETS["run_all_to_widgets_s"],
                )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip", default="", help="comma-separated: install,lab")
    args = ap.parse_args(argv)
    from course_tools import bench

    ctx = bench.Context(ROOT, ROOT / "_build" / "html", sys.executable)
    try:
        rows = list(bench_rows(ctx, frozenset(s.strip() for s in args.skip.split(",") if s.strip())))
    finally:
        ctx.close()
    print(bench.render(rows))
    return 1 if any(r.ok is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
