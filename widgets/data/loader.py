"""Load one curated data file: YAML syntax, JSON Schema, every source key (at any depth), unique ids, then the
dataset's own whole-file checks (`widgets.data.checks`).

Models get their records only through `load_dataset`. Every fault found is collected and raised as one
DataError, so nothing is returned half-built: all schema faults together, or (once the shape is right) all
source-key, id and dataset faults together.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from widgets.data.bib import bib_keys, unknown_key_message
from widgets.data.checks import DATASET_CHECKS
from widgets.data.errors import DataError, Problem
from widgets.data.location import ContentRoot, content_root

COMMON_SCHEMA = "common.defs.json"  # the shared `id` and `sources` definitions every schema refers to


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


def dataset_names(root: ContentRoot | None = None) -> list[str]:
    """Every dataset that has a schema (data/schemas/<name>.schema.json)."""
    root = root or content_root()
    return sorted(p.name.removesuffix(".schema.json") for p in root.schema_dir.glob("*.schema.json"))


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, [Problem(None, None, "file not found")]) from None
    try:
        # libyaml's parser (PyYAML's C extension) reads the data several times faster than the pure-Python one, and
        # the fast test tier loads the data files hundreds of times; both are safe loaders. The C one may be missing
        # (a PyYAML built without libyaml, e.g. in a browser kernel).
        if yaml.__with_libyaml__:
            return yaml.load(text, Loader=yaml.CSafeLoader)
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


@lru_cache(maxsize=8)
def _validators(schema_dir: Path) -> dict[str, Draft202012Validator]:
    """One validator per schema, all sharing the registry that resolves `common.defs.json` references."""
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir.glob("*.json"))}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas.items())
    return {
        name.removesuffix(".schema.json"): Draft202012Validator(s, registry=registry)
        for name, s in schemas.items()
        if name.endswith(".schema.json")
    }


def validator(name: str) -> Draft202012Validator:
    """The validator of one dataset's JSON Schema (from the content root in use), references resolved."""
    return _validator(name, content_root())


def schema(name: str) -> dict:
    """The JSON Schema of one dataset (from the content root in use)."""
    return validator(name).schema


def _validator(name: str, root: ContentRoot) -> Draft202012Validator:
    validators = _validators(root.schema_dir)
    if name not in validators:
        raise DataError(
            root.data_dir / f"{name}.yaml", [Problem(None, None, f"no schema {name}.schema.json in {root.schema_dir}")]
        )
    return validators[name]


def _schema_problems(doc: Any, validator: Draft202012Validator) -> list[Problem]:
    problems = []
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


def source_keys(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, key) for every reference key at any depth: each item of a `sources` list, each `source` string."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "sources" and isinstance(v, list):
                yield from (((*path, k, j), key) for j, key in enumerate(v))
            elif k == "source" and isinstance(v, str):
                yield (*path, k), v
            else:
                yield from source_keys(v, (*path, k))
    elif isinstance(value, list):
        for j, v in enumerate(value):
            yield from source_keys(v, (*path, j))


def _where(doc: dict, path: tuple) -> tuple[str | None, str]:
    """A path in the document as (record label or None, dotted field inside it)."""
    if len(path) >= 2 and path[0] == "records":
        return record_label(path[1], doc["records"][path[1]]), ".".join(map(str, path[2:]))
    return None, ".".join(map(str, path))


# Validation is a pure function of the document and the schema, and a folder's schemas are read once per process
# (`_validators`), while models and tests load the same unchanged files hundreds of times in one process. The key is
# the document's repr, exact for everything YAML gives (types and key order included).
_SCHEMA_PROBLEMS: dict[tuple[Path, str, str], tuple[Problem, ...]] = {}


def _schema_problems_cached(name: str, doc: Any, root: ContentRoot) -> list[Problem]:
    key = (root.schema_dir, name, repr(doc))
    if key not in _SCHEMA_PROBLEMS:
        if len(_SCHEMA_PROBLEMS) > 512:  # bounded: a long session of edited files does not grow it for ever
            _SCHEMA_PROBLEMS.clear()
        _SCHEMA_PROBLEMS[key] = tuple(_schema_problems(doc, _validator(name, root)))
    return list(_SCHEMA_PROBLEMS[key])


def check_document(name: str, doc: dict, path: Path, root: ContentRoot) -> None:
    """Every check of one dataset on an in-memory document; raises one DataError listing every fault."""
    problems = _schema_problems_cached(name, doc, root)
    if problems:  # the checks below assume the shape is right
        raise DataError(path, problems)
    keys = bib_keys(root.bib_path)
    for where, key in source_keys(doc):
        if key not in keys:
            problems.append(Problem(*_where(doc, where), unknown_key_message(key, root.bib_path)))
    records = doc["records"]
    ids = [r.get("id") for r in records]
    problems += [
        Problem(record_label(i, r), "id", "duplicate id")
        for i, r in enumerate(records)
        if "id" in r and ids.count(r["id"]) > 1
    ]
    for index, field, message in DATASET_CHECKS.get(name, _no_checks)(doc):
        problems.append(Problem(record_label(index, records[index]) if index is not None else None, field, message))
    if problems:
        raise DataError(path, problems)


def _no_checks(doc: dict) -> Iterator:
    return iter(())


def load_dataset(name: str) -> Dataset:
    """Load `data/<name>.yaml` from the content root in use (see `widgets.data.location`), validated by
    `data/schemas/<name>.schema.json`, every source key, unique ids and the dataset's own checks."""
    root = content_root()
    path = root.data_dir / f"{name}.yaml"
    doc = read_yaml(path)
    check_document(name, doc, path, root)
    meta = {k: v for k, v in doc.items() if k != "records"}
    return Dataset(name=name, path=path, meta=meta, records=tuple(doc["records"]))
