"""The data layer: every real data file loads; every kind of bad file fails with file, record and field named."""
from __future__ import annotations

from pathlib import Path

import pytest

from widgets.data import DATA_DIR, DataError, bib_keys, load_dataset, short_citation
from widgets.data.loader import SCHEMA_DIR
from widgets.models.quiz import load_questions

FIXTURES = Path(__file__).parent / "fixtures" / "data"


def all_datasets() -> list[str]:
    return sorted(p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json"))


@pytest.mark.parametrize("name", all_datasets())
def test_every_data_file_loads_and_cites_known_sources(name):
    ds = load_dataset(name)
    assert ds.records, f"{name} has no records"
    for rec in ds.records:
        assert rec["sources"], f"{name}: record {rec.get('id')} has no sources"
        assert set(rec["sources"]) <= bib_keys()


def test_every_schema_has_a_data_file():
    assert {p.stem for p in DATA_DIR.glob("*.yaml")} == set(all_datasets())


def load_fixture(name: str):
    return load_questions(name=name, data_dir=FIXTURES)


def test_yaml_syntax_error_names_file_line_and_record():
    with pytest.raises(DataError) as exc:
        load_fixture("syntax_error")
    msg = str(exc.value)
    assert "tests/fixtures/data/syntax_error.yaml" in msg
    assert "YAML syntax error at line" in msg
    assert "record 1 (id 'first')" in msg


def test_missing_field_names_record_and_field():
    with pytest.raises(DataError) as exc:
        load_fixture("missing_field")
    msg = str(exc.value)
    assert "missing_field.yaml" in msg
    assert "record 1 (id 'no-prompt'), field 'prompt': missing required field" in msg


def test_wrong_type_names_record_field_and_types():
    with pytest.raises(DataError) as exc:
        load_fixture("wrong_type")
    msg = str(exc.value)
    assert "record 1 (id 'correct-is-text'), field 'options.0.correct': expected boolean, got str 'yes'" in msg


def test_unknown_bib_key_is_named():
    with pytest.raises(DataError) as exc:
        load_fixture("unknown_source")
    msg = str(exc.value)
    assert "record 1 (id 'bad-source'), field 'sources.1': unknown reference key 'nobody1999madeup'" in msg


def test_dataset_specific_check_runs_after_schema():
    with pytest.raises(DataError, match=r"field 'options': exactly one option must have correct: true, found 2"):
        load_fixture("two_correct")


def test_missing_file_is_a_clear_error():
    with pytest.raises(DataError, match=r"does_not_exist.yaml: 1 problem\(s\)\n  - file not found"):
        load_fixture("does_not_exist")


def test_all_problems_reported_at_once(tmp_path):
    (tmp_path / "many.yaml").write_text(
        "records:\n  - id: a\n    chapter: x\n    sources: [goodnow2005tolerance]\n"
        "  - id: b\n    chapter: x\n    prompt: 3\n    options: []\n    sources: []\n")
    with pytest.raises(DataError) as exc:
        load_questions(name="many", data_dir=tmp_path)
    assert len(exc.value.problems) >= 4  # prompt and options missing in a; wrong prompt type, empty lists in b


def test_short_citation_and_unknown_key():
    c = short_citation("arbuckle2003autoantibodies")
    assert c["label"] == "Arbuckle et al. 2003"
    assert c["link"] == "https://doi.org/10.1056/NEJMoa021933"
    with pytest.raises(KeyError, match="unknown reference key 'nope'"):
        short_citation("nope")


def test_short_citation_treats_and_others_as_et_al():
    assert short_citation("mackensen2022car")["label"] == "Mackensen et al. 2022"  # "Mackensen and others"
    assert short_citation("rhen2005glucocorticoids")["label"] == "Rhen and Cidlowski 2005"
