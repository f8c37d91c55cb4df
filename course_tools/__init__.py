"""The course's tools: book build, slide decks, vendored JavaScript, bench, currency report, notebook checks, and
the Sphinx extension, with the conventions they share (course_tools.conventions). See ARCHITECTURE.md.

Run a tool as `python -m course_tools.<tool>` (the Makefile targets do)."""
