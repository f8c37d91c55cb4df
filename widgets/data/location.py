"""Where the course content (`data/`, `data/schemas/`, `references.bib`) is read from.

Three places, tried in this order:

1. **setting**: the folder named by the environment variable `COURSE_CONTENT_DIR` (it must hold `data/`,
   `data/schemas/` and `references.bib`, laid out as in the repository);
2. **checkout**: the repository this package runs from (an editable install, or `widgets/` on the path);
3. **installed**: the copy shipped inside the package (`widgets/_content/`, built from the top-level folders).

`content_root()` says which one is used, and the first use of each is logged on the `widgets.data` logger.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "COURSE_CONTENT_DIR"
KINDS = ("setting", "checkout", "installed")

_PACKAGE = Path(__file__).resolve().parents[1]
_log = logging.getLogger("widgets.data")
_logged: set[tuple[str, Path]] = set()


@dataclass(frozen=True)
class ContentRoot:
    path: Path
    kind: str  # one of KINDS

    @property
    def data_dir(self) -> Path:
        return self.path / "data"

    @property
    def schema_dir(self) -> Path:
        return self.path / "data" / "schemas"

    @property
    def bib_path(self) -> Path:
        return self.path / "references.bib"

    def __repr__(self) -> str:
        return f"ContentRoot({self.kind}: {self.path})"


def _complete(path: Path) -> bool:
    return (path / "data" / "schemas").is_dir() and (path / "references.bib").is_file()


def content_root() -> ContentRoot:
    """The content the loader reads now: the explicit setting, else the checkout, else the installed copy.
    Looked up on every call (a few stat calls), so a changed setting takes effect at once."""
    setting = os.environ.get(ENV_VAR, "").strip()
    if setting:
        path = Path(setting).expanduser().resolve()
        if not _complete(path):
            raise FileNotFoundError(f"{ENV_VAR}={setting!r}: no data/schemas/ and references.bib in {path}")
        root = ContentRoot(path, "setting")
    elif _complete(_PACKAGE.parent) and (_PACKAGE.parent / "pyproject.toml").is_file():
        root = ContentRoot(_PACKAGE.parent, "checkout")
    elif _complete(_PACKAGE / "_content"):
        root = ContentRoot(_PACKAGE / "_content", "installed")
    else:
        raise FileNotFoundError(
            f"course content not found: not in a checkout ({_PACKAGE.parent}), no installed "
            f"copy ({_PACKAGE / '_content'}), and {ENV_VAR} is not set"
        )
    if (root.kind, root.path) not in _logged:
        _logged.add((root.kind, root.path))
        _log.info("course content: %s copy at %s", root.kind, root.path)
    return root
