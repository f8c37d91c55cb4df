"""Every data file validates against its JSON Schema, checked by check-jsonschema (the pre-commit hook in
`make lint`), independently of the course's own loader (widgets.data, which the tests use).

Each `data/<name>.yaml` needs `data/schemas/<name>.schema.json`; a data file without a schema is a problem too.
The schemas share `data/schemas/common.defs.json` through relative `$ref`s, which check-jsonschema resolves from
the schema file's own location.

Usage: python -m course_tools.check_data
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

from course_tools.conventions import ROOT


def pairs(root: Path = ROOT) -> tuple[list[tuple[Path, Path]], list[str]]:
    """(data file, its schema) for every data file, and a message for each data file without a schema."""
    found, missing = [], []
    for data in sorted((root / "data").glob("*.yaml")):
        schema = root / "data" / "schemas" / f"{data.stem}.schema.json"
        if schema.exists():
            found.append((data, schema))
        else:
            missing.append(f"{data.relative_to(root)}: no schema {schema.relative_to(root)}")
    return found, missing


def check(data: Path, schema: Path) -> str:
    """check-jsonschema's own report for one file; empty when it validates. Run in this process: a subprocess per
    file costs more than the validation."""
    from check_jsonschema.cli.main_command import main as check_jsonschema

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:  # not standalone: click returns the exit status instead of leaving the process
            status = check_jsonschema.main(["--schemafile", str(schema), str(data)], standalone_mode=False) or 0
        except SystemExit as exc:
            status = exc.code or 0
    return "" if status == 0 else out.getvalue().strip() or f"check-jsonschema exited {status}"


def main(argv: list[str] | None = None) -> int:
    found, problems = pairs()
    for data, schema in found:
        report = check(data, schema)
        if report:
            problems.append(f"{data.relative_to(ROOT)} against {schema.relative_to(ROOT)}:\n{report}")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"check_data: {len(found)} data files checked against their schemas, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
