"""The data layer: every real data file loads; every kind of bad file fails with file, record and field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.data import DataError, bib_keys, content_root, dataset_names, load_dataset, short_citation
from widgets.data.loader import COMMON_SCHEMA, schema, source_keys
from widgets.models.quiz import load_questions

KC = "knowledge_checks"


@pytest.mark.parametrize("name", dataset_names())
def test_every_data_file_loads_and_cites_known_sources(name):
    ds = load_dataset(name)
    assert ds.records, f"{name} has no records"
    for rec in ds.records:
        assert rec["sources"], f"{name}: record {rec.get('id')} has no sources"
    keys = [key for _, key in source_keys({**ds.meta, "records": list(ds.records)})]
    assert keys and set(keys) <= bib_keys()


def test_every_schema_has_a_data_file():
    assert {p.stem for p in content_root().data_dir.glob("*.yaml")} == set(dataset_names())


@pytest.mark.parametrize("name", dataset_names())
def test_every_schema_takes_id_and_sources_from_the_shared_fragment(name):
    item = schema(name)["properties"]["records"]["items"]
    assert item["properties"]["id"] == {"$ref": f"{COMMON_SCHEMA}#/$defs/id"}
    assert item["properties"]["sources"] == {"$ref": f"{COMMON_SCHEMA}#/$defs/sources"}
    assert {"id", "sources"} <= set(item["required"])


def test_the_checkout_is_the_content_in_use_here():
    root = content_root()
    assert root.kind == "checkout" and root.path == Path(__file__).resolve().parent.parent
    assert repr(root) == f"ContentRoot(checkout: {root.path})"


def test_the_explicit_setting_comes_first_and_its_use_is_logged(course_content, caplog):
    with caplog.at_level("INFO", logger="widgets.data"):
        root = content_root()
        content_root()
    assert root.kind == "setting" and root.path == course_content.root.resolve()
    assert [r.getMessage() for r in caplog.records] == [f"course content: setting copy at {root.path}"]


def test_a_setting_without_content_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_CONTENT_DIR", str(tmp_path))
    with pytest.raises(FileNotFoundError, match=r"COURSE_CONTENT_DIR=.*no data/schemas/ and references.bib"):
        load_dataset(KC)


def first_question(doc: dict) -> dict:
    return doc["records"][0]


def test_yaml_syntax_error_names_file_line_and_record(course_content):
    path = course_content.path(KC)
    first = course_content.read(KC)["records"][0]["id"]
    lines = path.read_text().splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("    prompt:"))
    lines[n] = "    prompt: Which: is not allowed here"  # a second ': ' on one line
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError) as exc:
        load_questions()
    msg = str(exc.value)
    assert f"data/{KC}.yaml" in msg
    assert "YAML syntax error at line" in msg
    assert f"record 1 (id '{first}')" in msg


def test_missing_field_names_record_and_field(course_content):
    doc = course_content.patch(KC, lambda d: first_question(d).pop("prompt"))
    with pytest.raises(DataError) as exc:
        load_questions()
    msg = str(exc.value)
    assert f"data/{KC}.yaml: 1 problem(s)" in msg
    assert f"record 1 (id '{first_question(doc)['id']}'), field 'prompt': missing required field" in msg


def test_an_edited_file_is_checked_again_in_the_same_process(course_content):
    """Schema results are remembered per document (loader._SCHEMA_PROBLEMS): an edit is a new document, so a fault
    appears, and goes again when it is mended, without restarting the kernel."""
    load_questions()
    original = course_content.path(KC).read_text(encoding="utf-8")
    course_content.patch(KC, lambda d: first_question(d).pop("prompt"))
    with pytest.raises(DataError, match="field 'prompt': missing required field"):
        load_questions()
    course_content.path(KC).write_text(original, encoding="utf-8")
    assert load_questions()


def test_wrong_type_names_record_field_and_types(course_content):
    doc = course_content.patch(KC, lambda d: first_question(d)["options"][0].update(correct="yes"))
    with pytest.raises(DataError) as exc:
        load_questions()
    assert (
        f"record 1 (id '{first_question(doc)['id']}'), field 'options.0.correct': expected boolean, got str 'yes'"
    ) in str(exc.value)


def test_unknown_bib_key_is_named(course_content):
    doc = course_content.patch(KC, lambda d: first_question(d)["sources"].append("nobody1999madeup"))
    j = len(first_question(doc)["sources"]) - 1
    with pytest.raises(DataError) as exc:
        load_questions()
    assert (
        f"record 1 (id '{first_question(doc)['id']}'), field 'sources.{j}': unknown reference key "
        "'nobody1999madeup' (not in references.bib)"
    ) in str(exc.value)


def test_dataset_specific_check_runs_after_schema(course_content):
    course_content.patch(KC, lambda d: [o.update(correct=True) for o in first_question(d)["options"][:2]])
    with pytest.raises(DataError, match=r"field 'options': exactly one option must have correct: true, found 2"):
        load_questions()


def test_missing_file_is_a_clear_error(course_content):
    course_content.path(KC).unlink()
    with pytest.raises(DataError, match=rf"data/{KC}.yaml: 1 problem\(s\)\n  - file not found"):
        load_questions()


def test_all_problems_reported_at_once(course_content):
    def edit(doc):
        a, b = doc["records"][:2]
        del a["prompt"], a["options"]
        b.update(prompt=3, options=[], sources=[])

    course_content.patch(KC, edit)
    with pytest.raises(DataError) as exc:
        load_questions()
    assert len(exc.value.problems) >= 4  # prompt and options missing in a; wrong prompt type, empty lists in b


def test_every_semantic_problem_reported_at_once(course_content):
    """therapy_reach: two records with unknown components and a bad source key, all in one error."""

    def edit(doc):
        doc["records"][0]["acts_on"].append("spleen")
        doc["records"][1]["acts_on"].append("liver")
        doc["records"][2]["sources"].append("nobody1999madeup")

    doc = course_content.patch("therapy_reach", edit)
    with pytest.raises(DataError) as exc:
        load_dataset("therapy_reach")
    fields = [(p.record, p.field) for p in exc.value.problems]
    labels = [course_content.label("therapy_reach", r["id"]) for r in doc["records"][:3]]
    assert (labels[0], "acts_on") in fields and (labels[1], "acts_on") in fields
    assert (labels[2], f"sources.{len(doc['records'][2]['sources']) - 1}") in fields
    assert "unknown component(s) ['spleen']" in str(exc.value)


def test_nested_source_keys_are_checked_in_metadata_too(course_content):
    course_content.patch("car_t_manufacturing", lambda d: d["cited_turnaround"][0].update(source="nosuch2099key"))
    with pytest.raises(DataError) as exc:
        load_dataset("car_t_manufacturing")
    assert "field 'cited_turnaround.0.source': unknown reference key 'nosuch2099key' (not in references.bib)" in str(
        exc.value
    )


def test_duplicate_ids_are_named(course_content):
    doc = course_content.patch(KC, lambda d: d["records"][1].update(id=d["records"][0]["id"]))
    with pytest.raises(DataError) as exc:
        load_questions()
    assert f"record 2 (id '{doc['records'][0]['id']}'), field 'id': duplicate id" in str(exc.value)


def test_short_citation_and_unknown_key():
    c = short_citation("arbuckle2003autoantibodies")
    assert c["label"] == "Arbuckle et al. 2003"
    assert c["link"] == "https://doi.org/10.1056/NEJMoa021933"
    with pytest.raises(KeyError, match="unknown reference key 'nope'"):
        short_citation("nope")


def test_short_citation_treats_and_others_as_et_al():
    assert short_citation("mackensen2022car")["label"] == "Mackensen et al. 2022"  # "Mackensen and others"
    assert short_citation("rhen2005glucocorticoids")["label"] == "Rhen and Cidlowski 2005"
