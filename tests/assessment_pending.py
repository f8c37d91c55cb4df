"""The one list of chapters not yet rewritten to the assessment pattern (issue 15), per check.

Each generic assessment test marks the chapters listed under its check as strict xfail: the test must still fail
for them, and turns red the moment it passes, so a chapter strand that finishes a chapter removes it from the
sets below in the same commit. The exemplar is car-t (chapters/06_car_t). Keys are chapter slugs
(data/objectives.yaml ids).
"""

from __future__ import annotations

import pytest

# What each check verifies:
#   blueprint   tests/test_blueprint.py: >= 5 items of 4 options, levels and objectives, >= 40% application or
#               above, a data item, answer cues within limits
#   coverage    tests/test_assessment.py: every objective assessed by an item or an exercise
#   exercises   tests/test_exercises.py: >= 2 exercises mapped in data/exercises.yaml, one case- or data-based,
#               each solution with a marking guide
#   predictions tests/test_predictions.py: each "Before you ..." prompt is a committed prediction
#               (widgets.prediction), and each interactive's "What you should have seen" is a closed
#               course-explanation dropdown
#   worksheet   tests/test_handouts.py: the worksheet PDF has >= 6 numbered questions
#   guide       tests/test_guide.py: the guide record has a model answer for every prompt and what to keep and
#               cut in 50 and in 90 minutes (plan_50, plan_90)
CHECKS = ("blueprint", "coverage", "exercises", "predictions", "worksheet", "guide")

# One line per chapter, so that strands converting different chapters edit different lines. Empty: every
# chapter in _toc.yml is on the assessment pattern (issue 15). A chapter added before its assessment is written
# goes here, e.g. "new-slug": set(CHECKS), and leaves as each check passes.
_PENDING_BY_CHAPTER: dict[str, set[str]] = {}

PENDING: dict[str, set[str]] = {
    check: {chapter for chapter, checks in _PENDING_BY_CHAPTER.items() if check in checks} for check in CHECKS
}


def chapter_params(check: str, chapters: list[str]) -> list:
    """`chapters` as pytest params, those pending for `check` marked strict xfail."""
    if check not in PENDING:
        raise KeyError(f"unknown assessment check {check!r}; known: {sorted(PENDING)}")
    return [
        pytest.param(
            c,
            marks=pytest.mark.xfail(
                strict=True, reason=f"{c}: not yet converted ({check}); tests/assessment_pending.py"
            ),
        )
        if c in PENDING[check]
        else c
        for c in chapters
    ]


def done(check: str, chapters: list[str]) -> list[str]:
    return [c for c in chapters if c not in PENDING[check]]
