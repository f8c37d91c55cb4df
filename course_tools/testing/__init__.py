"""Browser and page helpers shared by the tests (tests/) and the bench (course_tools.bench*): a local server, a
Chromium that refuses off-site requests, page audits, and the CAR T chapter's browser steps."""
