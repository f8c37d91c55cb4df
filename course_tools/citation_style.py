"""The book's citation labels and bibliography entries: the stock styles, with one change.

references.bib ends an author list it does not give in full with BibTeX's "and others". The stock style counts
"others" as a second author and prints "Schett and others, 2023"; the widgets' Sources lines (widgets/data/bib.py)
print "Schett et al. 2023". Here a label whose list ends in "others" is its first author and "et al.", as a
list of three or more named authors already is, so the text and the widgets read alike; the full-list roles
(`{cite:ts}` and the like) print the names the entry gives. The bibliography entry (pybtex's plain style) ends
such a list in "et al." as BibTeX's plain style does, not "and others".

`_config.yml` selects them (`bibtex_reference_style: course_author_year`, `bibtex_default_style: course_plain`);
importing this module registers both (course_tools/sphinx_ext.py does, and so does widgets/data/bib.py before it
computes a label as the book does).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pybtex.plugin import register_plugin as register_pybtex_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import FieldIsMissing, first_of, node, optional, sentence, tag
from pybtex.style.template import field as bib_field
from pybtex.style.template import join as pybtex_join
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.template import join

STYLE_NAME = "course_author_year"
BIBLIOGRAPHY_STYLE_NAME = "course_plain"


def _is_others(person) -> bool:
    return " ".join(person.last_names).lower() == "others" and not person.first_names


def _persons(data, role: str) -> list:
    """The entry's persons in `role`; a missing role is pybtex's FieldIsMissing, so `optional[...]` skips it."""
    try:
        return data["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, data["entry"]) from None


@node
def _names(children, data, role, other=None, **kwargs):
    """sphinxcontrib-bibtex's `names`, except that a list ending in "others" is the first author and `other`."""
    assert not children
    persons = _persons(data, role)
    style = data["style"]
    formatted = [style.person.style_plugin.format(p, style.person.abbreviate) for p in persons]
    if other is not None and len(persons) > 1 and _is_others(persons[-1]):
        return Text(formatted[0].format_data(data), other)
    return join(other=other, **kwargs)[formatted].format_data(data)


@node
def _author_or_editor_or_title(children, data, **kwargs):
    """sphinxcontrib-bibtex's node of the same name (what every author-year role prints), with `_names`."""
    assert not children
    return first_of[
        optional[_names("author", **kwargs)],
        optional[_names("editor", **kwargs)],
        tag("em")[bib_field("title")],
    ].format_data(data)


@dataclass
class EtAlPersonStyle(PersonStyle):
    def _separators(self, full: bool) -> dict:
        return {"sep": self.sep, "sep2": self.sep2, "last_sep": self.last_sep, "other": None if full else self.other}

    def names(self, role: str, full: bool):
        return _names(role=role, **self._separators(full))

    def author_or_editor_or_title(self, full: bool):
        return _author_or_editor_or_title(**self._separators(full))


@dataclass
class CourseAuthorYearStyle(AuthorYearReferenceStyle):
    person: PersonStyle = field(default_factory=EtAlPersonStyle)


@node
def _entry_names(children, context, role, **kwargs):
    """pybtex's `names` for a bibliography entry: a list ending in "others" ends in "et al." instead."""
    assert not children
    persons = _persons(context, role)
    style = context["style"]
    named = [p for p in persons if not _is_others(p)]
    formatted = [style.format_name(p, style.abbreviate_names) for p in named]
    if len(named) == len(persons):
        return pybtex_join(**kwargs)[formatted].format_data(context)
    if len(formatted) == 1:
        return Text(formatted[0].format_data(context), " et al.")
    return Text(pybtex_join(sep=kwargs["sep"])[formatted].format_data(context), kwargs["sep"], "et al.")


class CoursePlainStyle(PlainStyle):
    def format_names(self, role, as_sentence=True):
        formatted = _entry_names(role, sep=", ", sep2=" and ", last_sep=", and ")
        return sentence[formatted] if as_sentence else formatted


register_plugin("sphinxcontrib.bibtex.style.referencing", STYLE_NAME, CourseAuthorYearStyle)
register_pybtex_plugin("pybtex.style.formatting", BIBLIOGRAPHY_STYLE_NAME, CoursePlainStyle)
