"""JupyterLab as a learner meets it (Binder's interface): a server on 127.0.0.1 with a token, and what a chapter's
source says the learner must see, and must not see yet, once JupyterLab (with jupyterlab-myst) has rendered it.

Used by tests/test_live_lab.py and course_tools/bench_live.py. The server gets its own settings: autosave off, so
running
cells never writes outputs into the repository, and windowing off, so every cell is in the page."""

from __future__ import annotations

import ast
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from course_tools.conventions import (  # the one rule for "what a chapter is", and for a citation
    CITE_LINK,
    ROOT,
    chapter_notebooks,
    cited_keys,
)
from course_tools.testing.browser_support import OfflineGuard


def chapter_paths() -> list[str]:
    """Every chapter notebook in _toc.yml, as a path from the repository root."""
    return [f"{doc}.ipynb" for doc in chapter_notebooks(ROOT)]


# ---- the server ------------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lab:
    base: str
    token: str
    log: Path

    def url(self, notebook: str) -> str:
        return f"{self.base}/lab/tree/{notebook}?reset&token={self.token}"  # reset: no tabs from earlier opens

    def api(self, path: str, method: str = "GET"):
        req = urllib.request.Request(f"{self.base}/api/{path}?token={self.token}", method=method)
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self) -> None:
        """One kernel per chapter would pile up on a small machine: stop each once its chapter is checked."""
        for kernel in self.api("kernels"):
            self.api(f"kernels/{kernel['id']}", method="DELETE")


@contextmanager
def start_lab(tmp: Path):
    """JupyterLab on 127.0.0.1 with a random token; always shut down, with its whole process group."""
    for plugin, name, value in (
        ("docmanager-extension", "plugin", {"autosave": False}),
        ("notebook-extension", "tracker", {"windowingMode": "none"}),
    ):
        folder = tmp / "settings" / "@jupyterlab" / plugin
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.jupyterlab-settings").write_text(json.dumps(value))
    token, port = secrets.token_hex(16), _free_port()
    cmd = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.user_settings_dir={tmp / 'settings'}",
        f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--ServerApp.open_browser=False",
        # window.jupyterapp, so that a tab already showing JupyterLab can open the next chapter (open_chapter)
        "--LabApp.expose_app_in_browser=True",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # CI containers often run as root
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime")}
    log_path = tmp / "lab.log"
    log = log_path.open("w")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"JupyterLab did not start:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.5)
        yield Lab(base, token, log_path)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()


# ---- driving a chapter -----------------------------------------------------------------------------------------


def guard_offline(context) -> list[str]:
    """The requests and web sockets that left 127.0.0.1, as the book's browser tests record them
    (browser_support.OfflineGuard: one rule for "local"; LAUNCH_ARGS make such requests fail). JupyterLab's own
    console messages are not judged here, only where its requests go."""
    return OfflineGuard(context).external


# The next chapter in a tab that already shows JupyterLab: close what is open, unsaved (the run's outputs are not
# the repository's; autosave is off as well), and open the notebook as the File Browser does, without loading
# JupyterLab again (measured: 5-8 CPU-seconds to open a chapter by its URL, 1-4 s in the app).
OPEN_IN_APP_JS = """async (path) => {
  for (const w of [...jupyterapp.shell.widgets('main')]) { if (w.context) w.context.model.dirty = false; w.dispose(); }
  const panel = await jupyterapp.commands.execute('docmanager:open', {path});
  await panel.context.ready;
  await panel.sessionContext.ready;
}"""


def open_chapter(page, lab: Lab, notebook: str) -> None:
    """Open the notebook (by its URL, as Binder links to it, or in the JupyterLab the page already shows) and wait
    until its kernel is idle and its Markdown cells are rendered."""
    if page.url.startswith(lab.base) and page.evaluate("() => typeof window.jupyterapp === 'object'"):
        page.evaluate(OPEN_IN_APP_JS, notebook)
    else:
        page.goto(lab.url(notebook), wait_until="load")
    page.locator(".jp-Notebook").first.wait_for(state="visible", timeout=90_000)
    page.wait_for_function("() => /\\| Idle/.test(document.body.innerText)", timeout=120_000)
    if page.locator(".jp-Dialog").count():  # a kernel chooser, if the environment asks: take the default
        page.keyboard.press("Enter")
    # jupyterlab-myst draws each rendered cell into a `.myst` element; JupyterLab's own renderer, if it is
    # missing, into `.jp-RenderedMarkdown` (and the raw-MyST check below then says what is wrong).
    page.wait_for_function(
        """() => { const cells = [...document.querySelectorAll('.jp-Notebook .jp-MarkdownCell')];
                   return cells.length > 0 && cells.every(c => c.classList.contains('jp-mod-rendered')
                       && c.querySelector('.myst, .jp-RenderedMarkdown')); }""",
        timeout=60_000,
    )


def markdown_text(page) -> list[str]:
    """What a reader sees of each Markdown cell (innerText leaves out closed <details> and hidden editors)."""
    return page.evaluate("() => [...document.querySelectorAll('.jp-Notebook .jp-MarkdownCell')].map(c => c.innerText)")


def run_all(page) -> None:
    """Run > Run All Cells, as a learner does it (the Run menu acts on the active notebook)."""
    page.locator(".jp-Notebook:visible .jp-Cell").first.click()
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()


WIDGETS_RENDERED_JS = """(expected) => Object.entries(expected).every(([sel, n]) =>
    [...document.querySelectorAll(sel)].filter(e => e.getBoundingClientRect().height > 0).length >= n)"""
CELLS_DONE_JS = """() => { const p = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
    return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.innerText)); }"""


CLICK_CHANGES_JS = """(sel) => { const root = document.querySelector(sel);
    return root && root.innerText !== root.dataset.courseBefore; }"""


def click_changes_panel(page, selector: str) -> str:
    """Click the first control of the widget not already chosen; wait until the widget's visible text changes.
    Returns the button's label (so a failure can say which)."""
    root = page.locator(selector).first
    # the controls the course's widgets use (widgets.views.common): radio groups and drop-down lists
    radios = root.locator(".widget-radio-box input[type=radio]:not(:checked)")
    page.evaluate("(sel) => { const r = document.querySelector(sel); r.dataset.courseBefore = r.innerText; }", selector)
    selects = root.locator("select")
    if radios.count():
        control = radios.first
        label = control.get_attribute("value") or "radio"
        control.scroll_into_view_if_needed()
        control.click()
    elif selects.count():  # a list (the walkthrough's steps, the ordering task's positions): the next option
        control = selects.first
        control.scroll_into_view_if_needed()
        label = control.select_option(index=1)[0]
    else:
        raise AssertionError(f"{selector}: no radio group or list to choose from")
    page.wait_for_function(CLICK_CHANGES_JS, arg=selector, timeout=15_000)
    return label


def wait_for_widgets(page, expected: dict[str, int], timeout_ms: int = 180_000) -> None:
    """Every code cell has run and every expected interactive is drawn with a non-zero height."""
    page.wait_for_function(CELLS_DONE_JS, timeout=timeout_ms)
    page.wait_for_function(WIDGETS_RENDERED_JS, arg=expected, timeout=timeout_ms)


# ---- what the source says --------------------------------------------------------------------------------------


def load(notebook: str) -> dict:
    return json.loads((ROOT / notebook).read_text())


def markdown_sources(nb: dict) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


RAW_MYST = {
    "a ::: fence": re.compile(r":::"),
    "a {cite} role": re.compile(r"\{cite(:\w+)?\}"),
    "a {term} role": re.compile(r"\{term\}"),
    "a :class: line": re.compile(r"^\s*:class:", re.M),
    "a (label)= line": re.compile(r"^\s*\([\w.:-]+\)=\s*$", re.M),
    "a ```{ fence": re.compile(r"```\{"),
}


def raw_myst(text: str) -> list[str]:
    """Which kinds of unrendered MyST the text shows, each with the line it is on."""
    found = []
    for name, pattern in RAW_MYST.items():
        m = pattern.search(text)
        if m:
            line = text[text.rfind("\n", 0, m.start()) + 1 : text.find("\n", m.end()) % (len(text) + 1)]
            found.append(f"{name}: {line.strip()[:100]!r}")
    return found


# A directive fence, its name, and its body up to the same fence (colon or backtick fences, any length).
_DIRECTIVE = re.compile(
    r"^(?P<fence>:{3,}|`{3,})\{(?P<name>[\w:-]+)\}[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S
)
_OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")


@dataclass(frozen=True)
class ClosedBlock:
    """A solution, a lecturer note or any other dropdown: the reader sees its title only, until opened."""

    name: str
    title: str
    body: str


def closed_blocks(markdown: str) -> list[ClosedBlock]:
    blocks = []
    for m in _DIRECTIVE.finditer(markdown):
        lines = m.group("body").splitlines()
        options = {}
        while lines and _OPTION.match(lines[0]):
            o = _OPTION.match(lines.pop(0))
            options[o.group("key")] = o.group("value")
        title = m.group(0).splitlines()[0].split("}", 1)[1].strip()
        if m.group("name") == "solution" or "dropdown" in options.get("class", "").split():
            blocks.append(ClosedBlock(m.group("name"), title, "\n".join(lines)))
    return blocks


_ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def normalise(text: str) -> str:
    """Lower-case words only: rendering changes quotes, dashes, spacing and markup, never the words."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def sentence_fragments(body: str, min_words: int = 4) -> list[str]:
    """Runs of plain words from each sentence of `body` (roles cut a sentence: they render differently)."""
    body = _LINK.sub(r"\1", body)
    fragments = []
    for sentence in re.split(r"(?<=[.!?])\s+", body):
        for piece in _ROLE.split(sentence):
            words = normalise(piece).split()
            if len(words) >= min_words:
                fragments.append(" " + " ".join(words) + " ")
    return fragments


def open_markdown(nb: dict) -> str:
    """The chapter's Markdown with every closed block cut out: what a reader sees before opening anything."""
    return "\n".join(
        _DIRECTIVE.sub(lambda m: " " if closed_blocks(m.group(0)) else m.group(0), s) for s in markdown_sources(nb)
    )


def hidden_fragments(nb: dict) -> dict[ClosedBlock, list[str]]:
    """For each closed block, the fragments of its sentences that appear nowhere in the open text."""
    open_text = normalise(open_markdown(nb))
    out = {}
    for s in markdown_sources(nb):
        for block in closed_blocks(s):
            out[block] = [f for f in sentence_fragments(block.body) if f not in open_text]
    return out


_XREF_TEXT = re.compile(r"\{(?:ref|doc)\}`([^`<]+?)\s*<[^`>]+>`")


def cross_reference_texts(nb: dict) -> list[str]:
    """The words each {ref}/{doc} shows (course_tools/myst_constructs.py writes the target's heading into it)."""
    return [m.group(1) for m in _XREF_TEXT.finditer(open_markdown(nb))]


# jupyterlab-myst shows a citation it cannot resolve as its key, in a span titled "Citation Not Found" (or "Citation
# Has No Label"); the chapters' citation links (course_tools.conventions, "Citations") must never produce one.
UNRESOLVED_CITATION = ".jp-MarkdownCell .myst [title^='Citation ']"


def citation_labels(nb: dict) -> list[str]:
    """The label each citation link in the chapter's open Markdown shows, as the book shows it."""
    return [m.group("label") for m in CITE_LINK.finditer(open_markdown(nb))]


def keys_shown(nb: dict, text: str) -> list[str]:
    """The chapter's citation keys that appear as words in `text`: a key in view is a citation left unrendered."""
    keys = cited_keys("\n".join(markdown_sources(nb)))
    return sorted(k for k in keys if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text))


def responsive(nb: dict) -> list[str]:
    """Selectors of the chapter's interactive widgets (registry: controls linked to panels), once each."""
    from widgets.views.registry import BUILDERS

    return sorted({sel for sel, name in _builder_calls(nb) if BUILDERS[name].interactive})


def interactives(nb: dict) -> Counter:
    """The widgets a chapter's code cells build, from the package's registry: CSS selector -> how many."""
    return Counter(sel for sel, _ in _builder_calls(nb))


def _builder_calls(nb: dict) -> list[tuple[str, str]]:
    """(root CSS selector, builder name) of each `widgets.<builder>(...)` call in the code cells. Each call is
    evaluated here, in the test process, to read its root CSS class; so a new builder or chapter is covered with
    no list to update."""
    import widgets
    from widgets.views.registry import BUILDERS

    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "widgets"
                and node.func.attr in BUILDERS
            ):
                widget = eval(compile(ast.Expression(node), "<chapter>", "eval"), {"widgets": widgets})  # noqa: S307
                if not hasattr(widget, "_dom_classes"):
                    continue  # a Markdown builder (the objectives box, the guide): text, not a widget
                classes = [c for c in widget._dom_classes if c != "course-widget"]
                found.append((".jp-OutputArea-output ." + (classes[0] if classes else "course-widget"), node.func.attr))
    return found
