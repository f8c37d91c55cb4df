"""Load one curated data file: YAML syntax, JSON Schema, source keys, then any dataset-specific checks.

Every fault found is collected and raised as one DataError, so nothing is returned half-built.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from widgets.data.bib import BIB_PATH, bib_keys
from widgets.data.errors import DataError, Problem

ROOT = Path(__file__).resolve().parents[2]
# COURSE_DATA_DIR lets tests point the loader at fixture files without touching the real data.
DATA_DIR = Path(os.environ.get("COURSE_DATA_DIR", ROOT / "data"))
SCHEMA_DIR = ROOT / "data" / "schemas"

# A check receives one valid record and yields (field, message) for each semantic fault.
RecordCheck = Callable[[dict[str, Any]], Iterable[tuple[str, str]]]


@dataclass(frozen=True)
class Dataset:
    name: str
    path: Path
    meta: dict[str, Any]
    records: tuple[dict[str, Any], ...]

    def by_id(self) -> dict[str, dict[str, Any]]:
        return {r["id"]: r for r in self.records}


def record_label(index: int, record: Any) -> str:
    rid = record.get("id") if isinstance(record, dict) else None
    return f"record {index + 1}" + (f" (id '{rid}')" if rid else "")


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, [Problem(None, None, "file not found")]) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        record = _record_at_line(text, mark.line) if mark else None
        raise DataError(path, [Problem(record, None, f"YAML syntax error at {where}{problem}")]) from None


def _record_at_line(text: str, line: int) -> str | None:
    """Name the record a syntax error falls in: the last `- id: ...` seen above the faulty line."""
    count, rid = 0, None
    for lineno, raw in enumerate(text.splitlines()):
        if lineno > line:
            break
        stripped = raw.strip()
        if stripped.startswith("- ") and raw.startswith("  - ") and not raw.startswith("    "):
            count += 1
            rid = stripped[2:].split(":", 1)[1].strip() if stripped[2:].startswith("id:") else None
    if not count:
        return None
    return f"record {count}" + (f" (id '{rid}')" if rid else "") + " or the one after it"


def _schema_problems(doc: Any, schema: dict) -> list[Problem]:
    problems = []
    validator = Draft202012Validator(schema)
    for err in sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(err.absolute_path)
        record = None
        if len(path) >= 2 and path[0] == "records" and isinstance(path[1], int):
            record = record_label(path[1], doc["records"][path[1]])
            path = path[2:]
        field = ".".join(str(p) for p in path) or None
        message = err.message
        if err.validator == "required":
            missing = [k for k in err.validator_value if k not in err.instance]
            field = ".".join([*(str(p) for p in path), missing[0]]) if missing else field
            message = "missing required field"
        elif err.validator == "type":
            message = f"expected {err.validator_value}, got {type(err.instance).__name__} {err.instance!r}"
        elif err.validator == "additionalProperties":
            message = f"unknown field(s): {message.split('(')[-1].rstrip(')')}"
        problems.append(Problem(record, field, message))
    return problems


def _source_problems(records: list[dict], keys: frozenset[str]) -> list[Problem]:
    problems = []
    for i, rec in enumerate(records):
        for j, key in enumerate(rec.get("sources", [])):
            if key not in keys:
                problems.append(Problem(record_label(i, rec), f"sources.{j}",
                                        f"unknown reference key '{key}' (not in references.bib)"))
    return problems


def load_dataset(name: str, checks: RecordCheck | None = None, *, data_dir: Path | None = None,
                 schema_name: str | None = None, bib_path: Path = BIB_PATH) -> Dataset:
    """Load `data/<name>.yaml`, validated by `data/schemas/<schema_name or name>.schema.json`."""
    path = (data_dir or DATA_DIR) / f"{name}.yaml"
    schema_path = SCHEMA_DIR / f"{schema_name or name}.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    doc = read_yaml(path)
    problems = _schema_problems(doc, schema)
    if problems:  # semantic checks assume the shape is right
        raise DataError(path, problems)
    records = doc["records"]
    problems = _source_problems(records, bib_keys(bib_path))
    ids = [r.get("id") for r in records if "id" in r]
    for i, rec in enumerate(records):
        if "id" in rec and ids.count(rec["id"]) > 1:
            problems.append(Problem(record_label(i, rec), "id", "duplicate id"))
        if checks:
            problems += [Problem(record_label(i, rec), f, m) for f, m in checks(rec)]
    if problems:
        raise DataError(path, problems)
    meta = {k: v for k, v in doc.items() if k != "records"}
    return Dataset(name=name, path=path, meta=meta, records=tuple(records))
