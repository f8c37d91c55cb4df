"""Content security, generic over every view: text from data files is shown as text, never as live HTML.

Every prose string (one with a space in it; ids, slugs and reference keys have none) in every data file gets
a script tag, an onerror attribute and a javascript: link appended (where its schema allows the length); then
every builder exported by `widgets` is called and every HTML string in the widget tree is parsed: no <script>, no
on* attribute, no javascript: URL may appear. The payload must show up as escaped text, which proves the data
really reached the views.
Also: nothing in widgets/ evaluates or executes data, or loads YAML unsafely."""

from __future__ import annotations

import ast
import copy
import re

import ipywidgets as ipw
import pytest
from widget_tree import builders, call_builder, walk

import widgets
import widgets.data.loader as loader
from course_tools.conventions import ROOT
from course_tools.testing.page_audit import parse

PAYLOAD = ' <script>alert("x")</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))'
MARKER = "&lt;script&gt;"
URL_OR_DATE = re.compile(r"^(https?://|\d{4}-\d{2})")


def _inject(value, key=None):
    if isinstance(value, dict):
        return {k: _inject(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_inject(v, key) for v in value]
    if isinstance(value, str) and " " in value.strip() and not URL_OR_DATE.match(value) and key != "sources":
        return value + PAYLOAD
    return value


def html_strings(w) -> list[str]:
    out = []
    for x in walk(w):
        if isinstance(x, (ipw.HTML, ipw.HTMLMath)):
            out.append(x.value)
        if getattr(x, "description_allow_html", False):
            out.append(x.description)
    return out


def live_html_problems(html: str) -> list[str]:
    problems = []
    for tag, attrs in parse(html).tags:
        if tag in ("script", "iframe", "object", "embed"):
            problems.append(f"live <{tag}>")
        for k, v in attrs.items():
            if k.lower().startswith("on"):
                problems.append(f"<{tag}> with event attribute {k}")
            if k in ("href", "src", "action", "formaction") and (v or "").strip().lower().startswith("javascript:"):
                problems.append(f"<{tag}> with a javascript: URL")
    return problems


def _get(doc, path):
    for k in path:
        doc = doc[k]
    return doc


def _inject_within_schema(doc, validator):
    """Inject into every prose field, except where the schema forbids it (e.g. a maxLength on a label)."""
    if not isinstance(doc, dict):
        return doc
    injected = _inject(copy.deepcopy(doc))
    for _ in range(5):
        errors = list(validator.iter_errors(injected))
        reverted = False
        for err in errors:
            path = list(err.absolute_path)
            if path and isinstance(_get(injected, path), str) and _get(injected, path) != _get(doc, path):
                _get(injected, path[:-1])[path[-1]] = _get(doc, path)
                reverted = True
        if not reverted:
            break
    return injected


@pytest.fixture
def injected_data(monkeypatch):
    """Every data file, as the loader reads it (its one reading place, `read_yaml`), gets the payload."""
    real = loader.read_yaml

    def read_injected(path):
        return _inject_within_schema(real(path), loader.validator(path.stem))

    monkeypatch.setattr(loader, "read_yaml", read_injected)
    widgets.text.markdown_to_html.cache_clear()
    widgets.text.markdown_inline.cache_clear()


def test_checker_catches_live_html():
    assert live_html_problems("<p><script>alert(1)</script></p>")
    assert live_html_problems('<img src=x onerror="alert(1)">')
    assert live_html_problems('<a href="javascript:alert(1)">x</a>')
    assert not live_html_problems('<p>&lt;script&gt; shown as text, <a href="https://doi.org/10.1/x">ok</a></p>')


@pytest.mark.parametrize("name", builders("data"))
def test_every_view_shows_injected_data_as_text(injected_data, name):
    seen_payload = False
    for w in call_builder(name):
        texts = html_strings(w)
        assert texts, f"{name} renders no HTML"
        for t in texts:
            assert not live_html_problems(t), (name, live_html_problems(t), t[:300])
        seen_payload |= any(MARKER in t for t in texts)
        # labels of buttons and options are plain text in ipywidgets; the payload stays a string there
        for x in walk(w):
            for label in getattr(x, "_options_labels", ()) or ():
                assert "<script>" not in label or not getattr(x, "description_allow_html", False)
    assert seen_payload, f"{name}: the injected text never reached the view (is its data loaded elsewhere?)"


UNSAFE_CALLS = {"eval", "exec", "compile", "__import__"}


def unsafe_calls(source: str, filename: str = "<src>") -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
        if isinstance(f, ast.Name) and name in UNSAFE_CALLS:
            found.append(f"{filename}:{node.lineno}: {name}()")
        elif owner == "yaml" and name in ("load", "load_all", "unsafe_load", "full_load", "unsafe_load_all"):
            loader_arg = next((k.value for k in node.keywords if k.arg == "Loader"), None)
            loader_arg = loader_arg or (node.args[1] if len(node.args) > 1 else None)
            if not (isinstance(loader_arg, ast.Attribute) and loader_arg.attr in ("SafeLoader", "CSafeLoader")):
                found.append(f"{filename}:{node.lineno}: yaml.{name}() without SafeLoader")
        elif owner == "pickle" and name in ("load", "loads"):
            found.append(f"{filename}:{node.lineno}: pickle.{name}()")
        elif owner in ("os", "subprocess") and name in ("system", "popen", "run", "call", "Popen", "check_output"):
            found.append(f"{filename}:{node.lineno}: {owner}.{name}()")
    return found


def test_unsafe_call_finder_works():
    assert unsafe_calls("eval(x)") and unsafe_calls("exec(s)") and unsafe_calls("yaml.load(t)")
    assert unsafe_calls("yaml.load(t, Loader=yaml.Loader)") and unsafe_calls("pickle.loads(b)")
    assert not unsafe_calls("yaml.safe_load(t)") and not unsafe_calls("yaml.load(t, Loader=yaml.SafeLoader)")


def test_no_eval_exec_or_unsafe_yaml_in_widgets():
    files = sorted((ROOT / "widgets").rglob("*.py"))
    assert files
    found = [hit for f in files for hit in unsafe_calls(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))]
    assert not found, "\n".join(found)
