#!/usr/bin/env bash
# Make sure a Chromium exists for the browser tests. Order (ARCHITECTURE.md, "Browser tests"): an explicit
# COURSE_CHROMIUM, Playwright's own browser, the system chromium; else install one.
set -euo pipefail
PY=${1:-python3}
FIND='import sys; from course_tools.testing.browser_support import find_chromium; p = find_chromium(); print(p); sys.exit(0 if p else 1)'
if "$PY" -c "$FIND" 2>/dev/null; then
  exit 0
fi
echo "No Chromium found; installing one." >&2
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif ! "$PY" -m playwright install chromium; then
  echo "Could not install Chromium: run as root on Debian (apt-get install chromium) or set COURSE_CHROMIUM." >&2
  exit 1
fi
"$PY" -c "$FIND"
