"""course_tools.new_notebook: an outline becomes a chapter notebook with the course kernel, the cells' tags and
slide types, stable cell ids, and no outputs (so it passes the notebook lint hook as written)."""

from __future__ import annotations

import json

import pytest

from course_tools.check_notebooks import notebook_problems
from course_tools.new_notebook import main

OUTLINE = "%%% md slide=slide\n# Title\n%%% code tags=hide-input,remove-output\nimport widgets\n"


def test_outline_becomes_a_clean_notebook(tmp_path, capsys):
    src, dest = tmp_path / "outline.txt", tmp_path / "01_new.ipynb"
    src.write_text(OUTLINE, encoding="utf-8")
    assert main([str(src), str(dest)]) == 0
    nb = json.loads(dest.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    md, code = nb["cells"]
    assert md["cell_type"] == "markdown" and "".join(md["source"]) == "# Title"
    assert md["metadata"] == {"slideshow": {"slide_type": "slide"}}
    assert "".join(code["source"]) == "import widgets" and code["metadata"] == {"tags": ["hide-input", "remove-output"]}
    assert [c["id"] for c in nb["cells"]] == ["cell-000", "cell-001"]
    assert notebook_problems(nb) == []
    assert f"wrote {dest}" in capsys.readouterr().out


def test_missing_arguments_are_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2 and "outline" in capsys.readouterr().err
