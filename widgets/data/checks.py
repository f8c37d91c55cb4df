"""Each dataset's own checks, one function per data file, beyond what its JSON Schema can say.

A check receives the whole document (already valid against its schema, source keys and ids checked by the
loader) and yields `(record index or None, field, message)` for every fault it finds, so that every problem in
a file is reported together. `load_dataset(name)` runs the check registered under `name`, always.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

Fault = tuple[int | None, str, str]
DATASET_CHECKS: dict[str, Callable[[dict], Iterable[Fault]]] = {}


def checks(name: str):
    """Register the whole-file check of dataset `name` (data/<name>.yaml)."""

    def register(fn: Callable[[dict], Iterable[Fault]]):
        DATASET_CHECKS[name] = fn
        return fn

    return register


def _per_record(doc: dict, check: Callable[[dict[str, Any]], Iterable[tuple[str, str]]]) -> Iterator[Fault]:
    for i, record in enumerate(doc["records"]):
        for field, message in check(record):
            yield i, field, message


def _unknown(value: str, known: Iterable[str], what: str) -> str:
    return f"unknown {what} '{value}'; known: {sorted(known)}"


def _duplicates(items: list[dict], field: str, what: str) -> Iterator[tuple[str, str]]:
    """Items of a nested list with the same `id` (the loader checks the records' own ids)."""
    ids = [item["id"] for item in items]
    for i, value in enumerate(ids):
        if ids.count(value) > 1:
            yield f"{field}.{i}.id", f"duplicate {what} '{value}'"


@checks("knowledge_checks")
def _knowledge_checks(doc: dict) -> Iterator[Fault]:
    for i, record in enumerate(doc["records"]):
        n = sum(o["correct"] for o in record["options"])
        if n != 1:
            yield i, "options", f"exactly one option must have correct: true, found {n}"
    yield from objective_faults(doc)


@checks("therapy_reach")
def _therapy_reach(doc: dict) -> Iterator[Fault]:
    known = {c["id"] for c in doc["components"]}
    for i, record in enumerate(doc["records"]):
        unknown = set(record["acts_on"]) - known
        if unknown:
            yield i, "acts_on", f"unknown component(s) {sorted(unknown)}; known: {sorted(known)}"


@checks("therapies")
def _therapies(doc: dict) -> Iterator[Fault]:
    """Known diseases, no indication twice, no year before the first approval, positive dosing intervals, an
    approval date and year that agree, and routes that match the dosing text."""
    diseases = doc["diseases"]

    def check(rec: dict) -> Iterator[tuple[str, str]]:
        first = rec["first_fda_approval"]
        first_year = int(first["date"][:4]) if "date" in first else first.get("year")
        if "date" in first and "year" in first and int(first["date"][:4]) != first["year"]:
            yield "first_fda_approval", f"date {first['date']} and year {first['year']} disagree"
        seen = set()
        for j, ind in enumerate(rec["indications"]):
            if ind["disease"] not in diseases:
                yield (
                    f"indications.{j}.disease",
                    (f"unknown disease '{ind['disease']}'; add it to diseases: or use one of {sorted(diseases)}"),
                )
            if ind["disease"] in seen:
                yield f"indications.{j}.disease", f"disease '{ind['disease']}' listed twice"
            seen.add(ind["disease"])
            if first_year and ind.get("year") and ind["year"] < first_year:
                yield (
                    f"indications.{j}.year",
                    (f"approval year {ind['year']} is before the agent's first FDA approval ({first_year})"),
                )
        interval = rec["dosing"]["interval_days"]
        if interval is not None and interval <= 0:
            yield "dosing.interval_days", f"must be a positive number of days, got {interval}"
        named = {route for route, words in _ROUTE_WORDS.items() if words.search(rec["dosing"]["text"])}
        if named != set(rec["route"]):
            yield (
                "route",
                f"{sorted(rec['route'])} does not match the routes dosing.text names ({sorted(named) or 'none'}); "
                "name each route of the regimen in the text, and list exactly those",
            )

    yield from _per_record(doc, check)


# How dosing.text names each route, so that the `route` field cannot drift from the regimen it summarises.
_ROUTE_WORDS = {
    "IV": re.compile(r"\bIV\b|intravenous", re.I),
    "SC": re.compile(r"\bSC\b|subcutaneous|under the skin", re.I),
    "oral": re.compile(r"by mouth|tablet|oral", re.I),
}


@checks("cytokine_matrix")
def _cytokine_matrix(doc: dict) -> Iterator[Fault]:
    """Every cell names a known cytokine, disease and status; one cell per pair; no pair left out."""
    known = {
        "cytokine": {c["id"] for c in doc["cytokines"]},
        "disease": {d["id"] for d in doc["diseases"]},
        "status": {s["id"] for s in doc["statuses"]},
    }
    first: dict[tuple[str, str], str] = {}
    for i, r in enumerate(doc["records"]):
        for field in ("cytokine", "disease", "status"):
            if r[field] not in known[field]:
                yield i, field, _unknown(r[field], known[field], field)
        pair = (r["cytokine"], r["disease"])
        if pair in first:
            yield i, "disease", f"second cell for {pair[0]} x {pair[1]} (first: '{first[pair]}')"
        else:
            first[pair] = r["id"]
    missing = [f"{c} x {d}" for c in sorted(known["cytokine"]) for d in sorted(known["disease"]) if (c, d) not in first]
    if missing:
        yield None, "records", f"matrix incomplete, no cell for: {', '.join(missing)}"


@checks("patient_cases")
def _patient_cases(doc: dict) -> Iterator[Fault]:
    yield from _per_record(doc, lambda r: _duplicates(r["results"], "results", "result id"))


@checks("safety_checklists")
def _safety_checklists(doc: dict) -> Iterator[Fault]:
    phases = {p["id"] for p in doc["phases"]}
    for i, record in enumerate(doc["records"]):
        for j, item in enumerate(record["items"]):
            if item["phase"] not in phases:
                yield i, f"items.{j}.phase", _unknown(item["phase"], phases, "phase")


@checks("car_t_manufacturing")
def _car_t_manufacturing(doc: dict) -> Iterator[Fault]:
    for i, r in enumerate(doc["records"]):
        d = r["duration"]
        for key in ("typical", "min", "max"):
            if d[key] < 0:
                yield i, f"duration.{key}", f"negative duration {d[key]} days"
        if not d["min"] <= d["typical"] <= d["max"]:
            yield i, "duration", f"typical {d['typical']} must lie within min {d['min']} to max {d['max']} days"
    numbers = [r["step"] for r in doc["records"]]
    if numbers != list(range(1, len(numbers) + 1)):
        yield None, "records.step", f"steps must be numbered 1, 2, 3... in order; got {numbers}"


@checks("car_t_adverse_events")
def _car_t_adverse_events(doc: dict) -> Iterator[Fault]:
    for i, r in enumerate(doc["records"]):
        for ev, w in r["evidence"].items():
            start, end, median = w["start"], w["end"], w["onset_median"]
            if (start is None) != (end is None):
                yield i, f"evidence.{ev}", "start and end must both be given or both be null"
            elif start is not None:
                if start > end:
                    yield i, f"evidence.{ev}.start", f"onset day {start} is after the end day {end}"
                if median is not None and not start <= median <= end:
                    yield (
                        i,
                        f"evidence.{ev}.onset_median",
                        f"median onset day {median} lies outside days {start} to {end}",
                    )


@checks("checkpoints")
def _checkpoints(doc: dict) -> Iterator[Fault]:
    for group in ("signals", "levels"):
        for field, message in _duplicates(doc[group], group, group[:-1]):
            yield None, field, message
    for i, record in enumerate(doc["records"]):
        if record["id"] == "none":
            yield i, "id", "'none' is the no-drug choice; give the drug another id"


@checks("car_t_grading")
def _car_t_grading(doc: dict) -> Iterator[Fault]:
    for i, scale in enumerate(doc["records"]):
        yield from ((i, field, message) for field, message in _duplicates(scale["domains"], "domains", "domain id"))
        for j, domain in enumerate(scale["domains"]):
            grades = [level["grade"] for level in domain["levels"]]
            if grades != sorted(grades):
                yield i, f"domains.{j}.levels", f"levels must run from mild to severe; their grades are {grades}"
        if any(d.get("required") for d in scale["domains"]) and "without_required" not in scale:
            yield i, "without_required", "a scale with a required domain needs the line shown while it is absent"


@checks("pharmacokinetics")
def _pharmacokinetics(doc: dict) -> Iterator[Fault]:
    for key, choices in (("half_life", "half_lives"), ("interval", "intervals")):
        if doc["initial"][key] not in doc[choices]:
            yield None, f"initial.{key}", f"{doc['initial'][key]} is not one of {choices} {doc[choices]}"


# ---- chapter "Before and around treatment" (hbv_serology, vaccine_timing) ----------------------------------
@checks("hbv_serology")
def _hbv_serology(doc: dict) -> Iterator[Fault]:
    """Each of the 8 marker combinations exactly once; unique ids in the nested lists."""
    for group, what in (
        ("markers", "marker"),
        ("statuses", "status"),
        ("bands", "band"),
        ("drug_classes", "drug class"),
    ):
        for field, message in _duplicates(doc[group], group, what):
            yield None, field, message
    first: dict[tuple[bool, bool, bool], str] = {}
    for i, r in enumerate(doc["records"]):
        combo = (r["hbsag"], r["anti_hbc"], r["anti_hbs"])
        if combo in first:
            yield i, "hbsag", f"same HBsAg/anti-HBc/anti-HBs combination as record '{first[combo]}'"
        else:
            first[combo] = r["id"]
    if [m["id"] for m in doc["markers"]] != ["hbsag", "anti_hbc", "anti_hbs"]:
        yield None, "markers", "markers must be listed as hbsag, anti_hbc, anti_hbs (the records' field order)"


@checks("vaccine_timing")
def _vaccine_timing(doc: dict) -> Iterator[Fault]:
    """Known drug, vaccine and verdict ids; exactly one record per drug and vaccine; none left out."""
    known = {
        "drug": {d["id"] for d in doc["drugs"]},
        "vaccine": {v["id"] for v in doc["vaccines"]},
        "verdict": {v["id"] for v in doc["verdicts"]},
    }
    for group, what in (("drugs", "drug"), ("vaccines", "vaccine"), ("verdicts", "verdict")):
        for field, message in _duplicates(doc[group], group, what):
            yield None, field, message
    first: dict[tuple[str, str], str] = {}
    for i, r in enumerate(doc["records"]):
        for field in ("drug", "vaccine", "verdict"):
            if r[field] not in known[field]:
                yield i, field, _unknown(r[field], known[field], field)
        pair = (r["drug"], r["vaccine"])
        if pair in first:
            yield i, "vaccine", f"second record for {pair[0]} x {pair[1]} (first: '{first[pair]}')"
        else:
            first[pair] = r["id"]
    missing = [
        f"{d['id']} x {v['id']}" for d in doc["drugs"] for v in doc["vaccines"] if (d["id"], v["id"]) not in first
    ]
    if missing:
        yield None, "records", f"planner incomplete, no record for: {', '.join(missing)}"


# ---- chapter "pathogenic-antibodies" ----
@checks("fcrn_blockade")
def _fcrn_blockade(doc: dict) -> Iterator[Fault]:
    """One record per role with the right unit; choice ids unique; the opening choices exist."""
    units = {"half-life": "days", "cycle-reduction": "fraction", "recovery-check": "weeks"}
    roles = [r["role"] for r in doc["records"]]
    for role in units:
        if roles.count(role) != 1:
            yield None, "records", f"need exactly one record with role '{role}', found {roles.count(role)}"
    for i, r in enumerate(doc["records"]):
        if r["unit"] != units[r["role"]]:
            yield i, "unit", f"role '{r['role']}' is measured in {units[r['role']]}, not {r['unit']}"
        if r["role"] == "cycle-reduction":
            if not r["value"] < 1:
                yield i, "value", f"a fall in IgG is a fraction below 1, got {r['value']}"
            if "day" not in r:
                yield i, "day", "say on which day the fall was measured"
    for group, key in (("regimens", "regimen"), ("other_antibody", "other_antibody")):
        for field, message in _duplicates(doc[group], group, f"{key} id"):
            yield None, field, message
        ids = [c["id"] for c in doc[group]]
        if doc["initial"][key] not in ids:
            yield None, f"initial.{key}", _unknown(doc["initial"][key], ids, key)
    for j, r in enumerate(doc["regimens"]):
        if r["doses_per_cycle"] is None and r["cycle_every_days"] is not None:
            yield None, f"regimens.{j}.cycle_every_days", "continuous dosing (doses_per_cycle null) has no cycles"
        if (
            r["doses_per_cycle"]
            and r["cycle_every_days"]
            and r["cycle_every_days"] < r["doses_per_cycle"] * r["dose_interval_days"]
        ):
            yield None, f"regimens.{j}.cycle_every_days", "a new cycle would start before the previous one ends"
    if not any(r["doses_per_cycle"] for r in doc["regimens"]):
        yield None, "regimens", "at least one regimen must be a cycle (the blocking factor is fitted to one)"


@checks("complement_blockade")
def _complement_blockade(doc: dict) -> Iterator[Fault]:
    """Steps follow only earlier steps; drugs block known steps; the MAC and C5a steps the views read exist."""
    seen: list[str] = []
    for field, message in _duplicates(doc["steps"], "steps", "step id"):
        yield None, field, message
    for j, step in enumerate(doc["steps"]):
        for a in step["after"]:
            if a not in seen:
                yield (
                    None,
                    f"steps.{j}.after",
                    (f"'{a}' is not a step listed before '{step['id']}'; earlier steps: {seen}"),
                )
        seen.append(step["id"])
    for needed in ("mac", "c5a"):
        if needed not in seen:
            yield None, "steps", f"the cascade needs a step with id '{needed}'"
    for i, record in enumerate(doc["records"]):
        for b in record["blocks"]:
            if b not in seen:
                yield i, "blocks", _unknown(b, seen, "step")


@checks("tn10_follow_up")
def _tn10_follow_up(doc: dict) -> Iterator[Fault]:
    """Both arms once; a count never above its arm's size and agreeing with its percent (to the paper's rounding)."""
    arms = {a["id"]: a["n"] for a in doc["trial"]["arms"]}
    if len(arms) != 2:
        yield None, "trial.arms", f"need one teplizumab and one placebo arm, got {sorted(arms)}"
        return
    for i, record in enumerate(doc["records"]):
        for arm, n in arms.items():
            value = record["outcome"][arm]
            if "count" not in value:
                continue
            if value["count"] > n:
                yield i, f"outcome.{arm}.count", f"{value['count']} is more than the {n} participants in the arm"
            elif abs(100 * value["count"] / n - value["percent"]) > 0.6:
                yield (
                    i,
                    f"outcome.{arm}.percent",
                    (f"{value['percent']}% does not match {value['count']} of {n} ({100 * value['count'] / n:.1f}%)"),
                )


@checks("modality_comparison")
def _modality_comparison(doc: dict) -> Iterator[Fault]:
    """Every modality fills every attribute and nothing else; scenarios name known attributes, each once."""
    for field, message in _duplicates(doc["attributes"], "attributes", "attribute"):
        yield None, field, message
    for field, message in _duplicates(doc["modalities"], "modalities", "modality"):
        yield None, field, message
    known = [a["id"] for a in doc["attributes"]]
    for j, modality in enumerate(doc["modalities"]):
        missing = [a for a in known if a not in modality["values"]]
        extra = sorted(set(modality["values"]) - set(known))
        if missing:
            yield None, f"modalities.{j}.values", f"'{modality['id']}' has no value for {missing}"
        if extra:
            yield None, f"modalities.{j}.values", _unknown(extra[0], known, "attribute")
    for i, record in enumerate(doc["records"]):
        named = [m["attribute"] for m in record["matters"]]
        for k, attribute in enumerate(named):
            if attribute not in known:
                yield i, f"matters.{k}.attribute", _unknown(attribute, known, "attribute")
            elif named.index(attribute) != k:
                yield i, f"matters.{k}.attribute", f"attribute '{attribute}' listed twice"


@checks("mechanism_figures")
def _mechanism_figures(doc: dict) -> Iterator[Fault]:
    """Part ids are unique within a figure; a part's status is one of `statuses`. (Agents and drug classes are
    checked against the therapy table by widgets.models.figure_facts, which reads both files.)"""
    statuses = [s["id"] for s in doc["statuses"]]
    for i, record in enumerate(doc["records"]):
        for field, message in _duplicates(record["parts"], "parts", "part"):
            yield i, field, message
        for j, part in enumerate(record["parts"]):
            if "status" in part and part["status"] not in statuses:
                yield i, f"parts.{j}.status", _unknown(part["status"], statuses, "status")


@checks("car_t_outcomes")
def _car_t_outcomes(doc: dict) -> Iterator[Fault]:
    """Responders are at most the patients of their cohort; every patient has exactly one highest CRS grade."""
    for i, record in enumerate(doc["records"]):
        for j, cohort in enumerate(record["cohorts"]):
            if cohort["responders"] > cohort["patients"]:
                yield (
                    i,
                    f"cohorts.{j}.responders",
                    (f"{cohort['responders']} responders is more than the {cohort['patients']} patients"),
                )
        patients = sum(c["patients"] for c in record["cohorts"])
        graded = sum(record["crs"].values())
        if graded != patients:
            yield i, "crs", f"the CRS grades add up to {graded} patients, the cohorts to {patients}"


@checks("trial_effects")
def _trial_effects(doc: dict) -> Iterator[Fault]:
    """Each estimate lies inside its confidence interval."""
    for i, record in enumerate(doc["records"]):
        for field, message in _duplicates(record["outcomes"], "outcomes", "outcome"):
            yield i, field, message
        for j, o in enumerate(record["outcomes"]):
            if not o["low"] <= o["estimate"] <= o["high"]:
                yield (
                    i,
                    f"outcomes.{j}.estimate",
                    (f"{o['estimate']} is outside its confidence interval {o['low']} to {o['high']}"),
                )


@checks("b_cell_return")
def _b_cell_return(doc: dict) -> Iterator[Fault]:
    """Weeks ascend; a phase's state is one of `states`; phases are in order, each ending after it starts and
    no phase starting before the previous one ends."""
    weeks = doc["weeks"]
    if weeks != sorted(weeks):
        yield None, "weeks", f"weeks must ascend, got {weeks}"
    states = [s["id"] for s in doc["states"]]
    for i, record in enumerate(doc["records"]):
        previous_end = 0
        for j, phase in enumerate(record["phases"]):
            if phase["state"] not in states:
                yield i, f"phases.{j}.state", _unknown(phase["state"], states, "state")
            if phase["until"] is not None and phase["until"] <= phase["from"]:
                yield i, f"phases.{j}.until", f"ends (week {phase['until']}) before it starts (week {phase['from']})"
            if previous_end is None or phase["from"] < previous_end:
                yield i, f"phases.{j}.from", f"starts at week {phase['from']}, before the previous phase ends"
            previous_end = phase["until"]


# ---- assessment (objectives, knowledge checks v2, predictions, tasks, exercises) ------------------------------
@checks("lecturer_guide")
def _lecturer_guide(doc: dict) -> Iterator[Fault]:
    """The schedule names chapters by their slugs (data/objectives.yaml) and places each at most once."""
    from widgets.data import load_dataset

    known = [r["id"] for r in load_dataset("objectives").records]
    seen: set[str] = set()
    for n, session in enumerate(doc.get("schedule", [])):
        for j, slug in enumerate(session["chapters"]):
            if slug not in known:
                yield None, f"schedule.{n}.chapters.{j}", _unknown(slug, known, "chapter")
            elif slug in seen:
                yield None, f"schedule.{n}.chapters.{j}", f"chapter '{slug}' is in two sessions"
            seen.add(slug)


@checks("predictions")
def _predictions(doc: dict) -> Iterator[Fault]:
    for i, record in enumerate(doc["records"]):
        n = sum(o["correct"] for o in record["options"])
        if n != 1:
            yield i, "options", f"exactly one option must have correct: true (what the interactive shows), found {n}"


@checks("ordering_tasks")
def _ordering_tasks(doc: dict) -> Iterator[Fault]:
    for i, record in enumerate(doc["records"]):
        ids = [s["id"] for s in record["steps"]]
        for field, message in _duplicates(record["steps"], "steps", "step"):
            yield i, field, message
        if sorted(record["shown_order"]) != sorted(ids):
            yield i, "shown_order", f"must list each step id once; steps are {ids}"
        elif record["shown_order"] == ids:
            yield i, "shown_order", "shows the steps in the right order, which gives the answer away"
    yield from objective_faults(doc)


@checks("decision_cases")
def _decision_cases(doc: dict) -> Iterator[Fault]:
    for i, record in enumerate(doc["records"]):
        n = sum(o["correct"] for o in record["options"])
        if n != 1:
            yield i, "options", f"exactly one option must have correct: true (the decision), found {n}"
    yield from objective_faults(doc)


@checks("treatment_plans")
def _treatment_plans(doc: dict) -> Iterator[Fault]:
    for i, record in enumerate(doc["records"]):
        kinds = {item["include"] for item in record["items"]}
        if kinds != {True, False}:
            yield i, "items", "list items that belong in the plan and items that do not (include: true and false)"
    yield from objective_faults(doc)


@checks("exercises")
def _exercises(doc: dict) -> Iterator[Fault]:
    yield from objective_faults(doc)


@checks("objectives")
def _objectives(doc: dict) -> Iterator[Fault]:
    """Objective ids unique across the course (items, exercises and tasks refer to them); one record per notebook."""
    owner: dict[str, str] = {}
    paths: dict[str, str] = {}
    for i, record in enumerate(doc["records"]):
        if record["chapter"] in paths:
            yield (
                i,
                "chapter",
                f"notebook {record['chapter']} already has objectives (record '{paths[record['chapter']]}')",
            )
        paths.setdefault(record["chapter"], record["id"])
        for j, objective in enumerate(record["objectives"]):
            if objective["id"] in owner:
                yield (
                    i,
                    f"objectives.{j}.id",
                    (f"objective id '{objective['id']}' is already used by chapter '{owner[objective['id']]}'"),
                )
            owner.setdefault(objective["id"], record["id"])


def objective_faults(doc: dict, field: str = "objectives") -> Iterator[Fault]:
    """Records that name the objectives they assess (with their `chapter` slug) name known objectives of that
    chapter (data/objectives.yaml)."""
    from widgets.data import load_dataset  # here, not at import: the objectives file is loaded only when needed

    owner = {o["id"]: r["id"] for r in load_dataset("objectives").records for o in r["objectives"]}
    for i, record in enumerate(doc["records"]):
        for j, oid in enumerate(record.get(field, ())):
            if oid not in owner:
                mine = [o for o, ch in owner.items() if ch == record.get("chapter")]
                yield (
                    i,
                    f"{field}.{j}",
                    f"unknown objective '{oid}'; chapter '{record.get('chapter')}' has {mine} (data/objectives.yaml)",
                )
            elif "chapter" in record and owner[oid] != record["chapter"]:
                yield (
                    i,
                    f"{field}.{j}",
                    f"objective '{oid}' belongs to chapter '{owner[oid]}', not '{record['chapter']}'",
                )


@checks("jak_stat")
def _jak_stat(doc: dict) -> Iterator[Fault]:
    """Every kinase named by a receptor family or an inhibitor is one of the file's `kinases`; no inhibitor twice.
    (That each inhibitor is a therapy-table record is checked where both files meet, in the model.)"""
    known = set(doc["kinases"])
    for i, record in enumerate(doc["records"]):
        for kinase in record["kinases"]:
            if kinase not in known:
                yield i, "kinases", _unknown(kinase, known, "kinase")
    therapies = [drug["therapy"] for drug in doc["inhibitors"]]
    for j, drug in enumerate(doc["inhibitors"]):
        for kinase in drug["kinases"]:
            if kinase not in known:
                yield None, f"inhibitors.{j}.kinases", _unknown(kinase, known, "kinase")
        if therapies.count(drug["therapy"]) > 1:
            yield None, f"inhibitors.{j}.therapy", f"duplicate inhibitor '{drug['therapy']}'"
