"""The machinery of the notebook tests, without a kernel: the doubled notebook nbval runs, the comparison of its
two runs by content, and the first run as the jupyter-cache record the book build reads."""

from __future__ import annotations

import json

import ipywidgets as ipw
import nbformat
import pytest
from notebook_runner import ROLE, ROOT, TwiceRun, cell_name, comparable_outputs, twice_cells

CHAPTER = ROOT / "chapters" / "01_autoimmunity.ipynb"
VIEW = "application/vnd.jupyter.widget-view+json"


def shown(widget) -> list[list[dict]]:
    """One code cell whose output is `widget`'s view, as nbval and nbclient record it."""
    return [
        [
            {
                "output_type": "execute_result",
                "execution_count": 1,
                "metadata": {},
                "data": {
                    "text/plain": repr(widget),
                    VIEW: {"version_major": 2, "version_minor": 0, "model_id": widget.model_id},
                },
            }
        ]
    ]


def panel(heading: str, body: str):
    return ipw.VBox([ipw.HTML(f"<h4>{heading}</h4>"), ipw.ToggleButtons(options=["A", "B"]), ipw.HTML(body)])


def state_of(*widgets) -> dict:
    """The widget state as the kernel's probe prints it (JSON)."""
    return json.loads(
        json.dumps(
            ipw.Widget.get_manager_state(
                drop_defaults=False, widgets=[w for top in widgets for w in [top, *getattr(top, "children", ())]]
            )["state"]
        )
    )


def test_runs_differing_only_in_model_ids_compare_equal():
    a, b = panel("TNF blockade", "<p>Blocks TNF</p>"), panel("TNF blockade", "<p>Blocks TNF</p>")
    assert a.model_id != b.model_id
    assert comparable_outputs(shown(a), state_of(a)) == comparable_outputs(shown(b), state_of(b))


@pytest.mark.parametrize("change", ["heading", "body", "options", "stream", "html output"])
def test_runs_with_different_content_compare_unequal(change):
    a = panel("TNF blockade", "<p>Blocks TNF</p>")
    b = panel(
        "IL-6 blockade" if change == "heading" else "TNF blockade",
        "<p>Blocks IL-6</p>" if change == "body" else "<p>Blocks TNF</p>",
    )
    if change == "options":
        b.children[1].options = ["A", "C"]
    out_a, out_b = shown(a), shown(b)
    if change == "stream":
        out_a[0].append({"output_type": "stream", "name": "stdout", "text": "3 therapies\n"})
        out_b[0].append({"output_type": "stream", "name": "stdout", "text": "4 therapies\n"})
    if change == "html output":
        for out, text in ((out_a, "<b>a</b>"), (out_b, "<b>b</b>")):
            out[0].append({"output_type": "display_data", "metadata": {}, "data": {"text/html": text}})
    assert comparable_outputs(out_a, state_of(a)) != comparable_outputs(out_b, state_of(b))


def test_a_missing_widget_view_compares_unequal():
    a = panel("TNF blockade", "<p>Blocks TNF</p>")
    text_only = [[{**shown(a)[0][0], "data": {"text/plain": repr(a)}}]]
    assert comparable_outputs(shown(a), state_of(a)) != comparable_outputs(text_only, state_of(a))


def test_the_doubled_notebook_runs_the_chapter_from_chapters_then_from_the_root():
    nb = nbformat.read(CHAPTER, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    cells = twice_cells(nb)
    roles = [c.metadata[ROLE]["role"] for c in cells]
    assert roles == ["first"] * len(code) + ["probe1", "to_root"] + ["second"] * len(code) + ["probe2"]
    assert [c.source for c in cells if c.metadata[ROLE]["role"] == "first"] == [c.source for c in code]
    assert [c.source for c in cells if c.metadata[ROLE]["role"] == "second"] == [c.source for c in code]
    assert [c.metadata.get("tags") for c in cells[: len(code)]] == [c.metadata.get("tags") for c in code]
    assert cell_name(cells[0]) == "Cell 0"  # the name nbval gives the chapter's first code cell
    assert repr(str(ROOT)) in cells[len(code) + 1].source
    assert all(not c.outputs and c.execution_count is None for c in cells)


def test_the_first_run_becomes_the_cache_record_myst_nb_finds(tmp_path):
    """The book build reads the first run from jupyter-cache, which matches on code and kernelspec."""
    from jupyter_cache import get_cache

    widget = panel("TNF blockade", "<p>Blocks TNF</p>")
    nb = nbformat.read(CHAPTER, as_version=4)
    cells = twice_cells(nb)
    for c in cells:
        if c.metadata[ROLE]["role"] in ("first", "second"):
            c.outputs = shown(widget)[0]
    run = TwiceRun.from_cells(CHAPTER, cells, errors=[])
    run.probe1 = {"state": state_of(widget)}
    executed = run.first_run_notebook()
    nbformat.validate(executed)
    assert executed.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"] == state_of(widget)
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert all(c.outputs[0]["data"][VIEW]["model_id"] == widget.model_id for c in code)
    cache = get_cache(str(tmp_path / "cache"))
    assert cache.create_hashed_notebook(executed)[1] == cache.create_hashed_notebook(nb)[1]


def test_a_run_read_back_from_another_worker_compares_as_the_original(tmp_path):
    """xdist workers hand nbval's runs to each other as JSON (tests/session_share.py)."""
    import session_share

    widget = panel("TNF blockade", "<p>Blocks TNF</p>")
    run = TwiceRun(
        CHAPTER,
        shown(widget),
        shown(widget),
        {"state": state_of(widget), "observers": {"a": 1}},
        {"state": state_of(widget)},
        str(ROOT),
        errors=[],
    )
    session_share.write_json(tmp_path / "runs" / "x.json", run.to_json())
    back = TwiceRun.from_json(session_share.read_json(tmp_path / "runs" / "x.json"))
    assert back.path == CHAPTER and back.first_widgets == {"a": 1}
    assert back.comparable("first") == run.comparable("first")
    assert not list((tmp_path / "runs").glob("*.tmp"))


def test_waiting_for_another_worker_returns_what_never_came(tmp_path):
    import session_share

    (tmp_path / "here.json").write_text("{}")
    assert session_share.wait_for([tmp_path / "here.json", tmp_path / "never.json"], timeout=0.2) == [
        tmp_path / "never.json"
    ]
