"""Every example in the documentation runs, and every link in it leads somewhere.

How the docs' code is executed:

- Each page under ``docs/`` is one test. Its fenced blocks run in the order they appear, in a fresh
  temporary working directory holding a copy of ``examples/`` (as a source checkout has), with one namespace for all the page's ``python`` blocks, so that a
  page can build on what an earlier block made (files included).
- A ``python`` block followed directly by a ``text`` block titled ``Output`` (```` ```text
  title="Output" ````) must print exactly that text (doctest's ``...`` matches anything).
- In a ``console`` block, lines starting with ``$ `` are commands and the lines after one are its
  expected output (compared like the above). In ``bash``/``sh`` blocks every line is a command.
- A ``csv``/``yaml``/``json``/``toml`` block titled with a file name (```` ```csv
  title="measurements.csv" ````) is written to that file when reached, as the reader would save it.
- A command is split at ``&&``; every part starting with ``python`` or ``gender-plan`` runs (the
  first with this interpreter, the second with the installed console script, in a terminal
  `COLUMNS` wide), and every other
  part must be listed in `NOT_RUN` with the reason it is not run. A command must exit with 0,
  unless its block shows the output it prints, which then must match.
- There is no way to skip a block: ``<!-- docs-test: skip -->`` is refused.

Links: relative links must name an existing page (and a heading of it, for ``#anchor``), and
external URLs must be well formed; nothing is fetched (there is no network in CI).
"""

from __future__ import annotations

import contextlib
import doctest
import io
import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))

NOT_RUN = {
    "pip": "installs packages: the test environment is already installed, and there is no network",
    "python -m pip": "installs packages, as `pip` above",
    "python -m pytest": "runs the whole test suite, which includes this test",
    "mkdocs": "builds or serves the documentation site itself; CI runs `mkdocs build --strict`",
    "cd": "changes the reader's directory; the tests run every command in a temporary one",
}
"""Commands shown in the docs that are deliberately not run (by their first words), and why."""

COLUMNS = 100
"""The terminal width commands run with, so that tables wrap as the docs show them."""

RUN = ("python", "gender-plan")
"""First words of commands that are run."""

CODE_LANGUAGES = {
    "python",
    "console",
    "bash",
    "sh",
    "text",
    "yaml",
    "json",
    "toml",
    "csv",
    "ini",
    "html",
}
"""Languages a fenced block may declare; anything else is probably a typo."""

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+)\s*(?P<info>[^`]*)$")
_TITLE = re.compile(r'title="(?P<title>[^"]*)"')
_SKIP_MARKER = "docs-test: skip"
_FILE_NAME = re.compile(r"^[\w-]+(\.[\w-]+)*\.(csv|yaml|yml|json|toml)$")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_IMAGE = re.compile(r"!\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)\)")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
_EXPLICIT_ID = re.compile(r"#(?P<id>[\w-]+)")
_CHECKER = doctest.OutputChecker()


@dataclass
class Block:
    """A fenced code block of a page."""

    page: Path
    line: int
    """1-based line of the opening fence."""
    language: str
    title: str | None
    text: str
    preceding: str
    """The last non-blank line before the fence (to refuse skip markers)."""
    expected_output: str | None = field(default=None)
    """For a python block, the text of the ``Output`` block right after it."""


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of `page`, in order, with indentation (lists, admonitions) removed."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    previous = ""
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            if lines[index].strip():
                previous = lines[index].strip()
            index += 1
            continue
        indent, fence, info = match["indent"], match["fence"], match["info"].strip()
        body: list[str] = []
        end = index + 1
        while end < len(lines) and lines[end].strip() != fence:
            body.append(lines[end][len(indent) :] if lines[end].startswith(indent) else lines[end])
            end += 1
        assert end < len(lines), f"{page}:{index + 1}: code block is never closed"
        title = _TITLE.search(info)
        found.append(
            Block(
                page=page,
                line=index + 1,
                language=info.split()[0].lower() if info else "",
                title=title["title"] if title else None,
                text="\n".join(body) + "\n",
                preceding=previous,
            )
        )
        previous = ""
        index = end + 1
    for before, after in itertools.pairwise(found):
        if before.language == "python" and after.language == "text" and after.title == "Output":
            before.expected_output = after.text
    return found


def _matches(expected: str, actual: str) -> bool:
    def tidy(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.strip("\n").splitlines()) + "\n"

    return _CHECKER.check_output(tidy(expected), tidy(actual), doctest.ELLIPSIS)


@dataclass
class Command:
    """One command shown in a console or bash block, with the output the page shows for it."""

    block: Block
    text: str
    expected_output: str | None


def commands(block: Block) -> list[Command]:
    """The commands of a console or bash block (continuation lines joined)."""
    found: list[Command] = []
    pending = ""
    output: list[str] = []
    for raw in block.text.splitlines():
        if block.language == "console" and not raw.startswith("$ ") and not pending:
            if found:
                output.append(raw)
            continue
        line = raw[2:] if block.language == "console" and raw.startswith("$ ") else raw
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if found and output:
            found[-1].expected_output = "\n".join(output) + "\n"
        output = []
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        found.append(Command(block=block, text=pending + line.strip(), expected_output=None))
        pending = ""
    if found and output and any(line.strip() for line in output):
        found[-1].expected_output = "\n".join(output) + "\n"
    return found


def _executable(word: str) -> str:
    if word == "python":
        return sys.executable
    script = Path(sys.executable).parent / word
    located = str(script) if script.exists() else shutil.which(word)
    assert located is not None, f"{word!r} is not installed: run `pip install -e .` first"
    return located


def run_command(command: Command, cwd: Path) -> int:
    """Run the runnable parts of `command` in `cwd`; return how many ran."""
    ran = 0
    where = _where(command.block.page, command.block.line)
    for part in command.text.split("&&"):
        argv = shlex.split(part)
        assert argv, f"{where}: empty command in {command.text!r}"
        if any(argv[: len(words.split())] == words.split() for words in NOT_RUN):
            continue
        assert argv[0] in RUN, (
            f"{where}: {argv[0]!r} is neither run nor excused; add it to NOT_RUN with a reason "
            "or show a command the tests can run"
        )
        assert not {"|", ">", "<", ";", ">>"} & set(argv), f"{where}: no shell syntax, please"
        result = subprocess.run(
            [_executable(argv[0]), *argv[1:]],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            # A page in Vietnamese (.vi.md) shows what an officer's Vietnamese locale prints.
            env={**os.environ, "COLUMNS": str(COLUMNS),
                 "LANGUAGE": "vi" if command.block.page.name.endswith(".vi.md") else "en"},
        )
        printed = result.stdout + result.stderr
        if command.expected_output is not None:
            assert _matches(command.expected_output, printed), (
                f"{where}: `{part.strip()}` printed\n{printed}\nbut the page shows\n"
                f"{command.expected_output}"
            )
        else:
            assert 0 == result.returncode, f"{where}: `{part.strip()}` failed:\n{printed}"
        ran += 1
    return ran


def run_page(page: Path, cwd: Path) -> tuple[int, int]:
    """Run every python block and command of `page` in order; return (python, commands) run."""
    namespace: dict[str, object] = {"__name__": "__docs__"}
    python_blocks = commands_run = 0
    for block in blocks(page):
        where = _where(page, block.line)
        if block.language == "python":
            printed = io.StringIO()
            code = compile(block.text, where, "exec")
            with contextlib.redirect_stdout(printed):
                exec(code, namespace)
            if block.expected_output is not None:
                assert _matches(block.expected_output, printed.getvalue()), (
                    f"{where}: the block printed\n{printed.getvalue()}\nbut the page shows\n"
                    f"{block.expected_output}"
                )
            python_blocks += 1
        elif block.language in ("console", "bash", "sh"):
            for command in commands(block):
                commands_run += run_command(command, cwd)
        elif block.title is not None and _FILE_NAME.match(block.title):
            (cwd / block.title).write_text(block.text, encoding="utf-8")
    return python_blocks, commands_run


def _where(page: Path, line: int | None = None) -> str:
    """`page` relative to the repository (when it is inside), with `line`."""
    name = str(page.relative_to(ROOT)) if page.is_relative_to(ROOT) else str(page)
    return name if line is None else f"{name}:{line}"


def _page_id(page: Path) -> str:
    return str(page.relative_to(DOCS))


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_every_example_of_the_page_runs(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's python blocks and commands run in order, in a temporary directory."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")  # as in a reader's source checkout
    monkeypatch.chdir(tmp_path)
    run_page(page, tmp_path)


def test_the_docs_have_many_runnable_examples() -> None:
    """Guard against the runner silently finding nothing (a broken fence pattern, say)."""
    python_blocks = [b for page in PAGES for b in blocks(page) if b.language == "python"]
    assert len(python_blocks) >= 10
    assert {"python", "text"} <= {b.language for page in PAGES for b in blocks(page)}


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_no_block_is_skipped_and_every_language_is_known(page: Path) -> None:
    """Every example runs: there is no skip marker, and block languages are known ones."""
    for block in blocks(page):
        where = _where(page, block.line)
        assert _SKIP_MARKER not in block.preceding, f"{where}: make the example runnable instead"
        assert block.language in CODE_LANGUAGES, f"{where}: unknown language {block.language!r}"


def _prose(page: Path, *, inline_code: bool = False) -> str:
    """The page's text outside code blocks, and outside inline code unless `inline_code`."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^( *)(```+).*?^\1\2\s*$", "", text, flags=re.MULTILINE | re.DOTALL)
    return text if inline_code else re.sub(r"`[^`\n]*`", "", text)


def anchors(page: Path) -> set[str]:
    """The anchors of `page`'s headings, as the toc extension makes them."""
    found: set[str] = set()
    for line in _prose(page, inline_code=True).splitlines():
        match = _HEADING.match(line)
        if match is None:
            continue
        if match["attrs"] and (explicit := _EXPLICIT_ID.search(match["attrs"])):
            found.add(explicit["id"])
            continue
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match["text"])
        text = re.sub(r"[*_`]", "", text)
        slug = slugify(text, "-")
        candidate, number = slug, 0
        while candidate in found:
            number += 1
            candidate = f"{slug}_{number}"
        found.add(candidate)
    return found


def test_anchors_follow_the_toc_extension() -> None:
    """The anchor check computes headings' ids as mkdocs does (plain, code, duplicates, attrs)."""
    page = DOCS / "explanation" / "methods.md"
    expected = {
        "assessment-methods",
        "the-status-vocabulary",
        "method-1-linear-path-linearpath-the-default",
    }
    assert expected <= anchors(page)


def links(page: Path) -> list[tuple[str, str]]:
    """(text, target) of every link and image of `page`'s prose."""
    prose = _prose(page)
    found = [(m["text"], m["target"]) for m in _LINK.finditer(prose)]
    found += [(m["text"], m["target"]) for m in _IMAGE.finditer(prose)]
    return found


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_every_link_leads_somewhere(page: Path) -> None:
    """Relative links name existing files and headings; external URLs are well formed."""
    where = _where(page)
    for text, target in links(page):
        parsed = urllib.parse.urlsplit(target)
        if parsed.scheme:
            assert parsed.scheme in ("http", "https", "mailto"), f"{where}: {target!r}"
            if parsed.scheme != "mailto":
                assert "." in parsed.netloc, f"{where}: {target!r} has no host"
                assert " " not in target, f"{where}: {target!r} has a space"
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.is_file(), f"{where}: link [{text}]({target}) names no file"
        assert linked.is_relative_to(DOCS), f"{where}: {target!r} leaves the docs"
        if anchor and linked.suffix == ".md":
            assert anchor in anchors(linked), (
                f"{where}: no heading #{anchor} in {path or page.name}"
            )


def test_the_runner_checks_output_and_refuses_unknown_commands(tmp_path: Path) -> None:
    """The runner compares printed output and refuses commands it neither runs nor excuses."""
    page = tmp_path / "page.md"
    page.write_text(
        "```python\nprint('hello')\n```\n\n```text title=\"Output\"\nhello\n```\n\n"
        '```console\n$ python -c "print(2 + 2)"\n4\n$ pip install nothing\n```\n',
        encoding="utf-8",
    )
    page_blocks = blocks(page)
    assert ["python", "text", "console"] == [b.language for b in page_blocks]
    assert "hello\n" == page_blocks[0].expected_output
    console = commands(page_blocks[2])
    assert ['python -c "print(2 + 2)"', "pip install nothing"] == [c.text for c in console]
    assert "4\n" == console[0].expected_output
    assert 1 == run_command(console[0], tmp_path)
    wrong = Command(block=page_blocks[2], text='python -c "print(5)"', expected_output="4\n")
    with pytest.raises(AssertionError, match="printed"):
        run_command(wrong, tmp_path)
    unknown = Command(block=page_blocks[2], text="rm -rf nothing", expected_output=None)
    with pytest.raises(AssertionError, match="NOT_RUN"):
        run_command(unknown, tmp_path)
    bad_python = tmp_path / "bad.md"
    bad_python.write_text("```python\nprint('a')\n```\n\n```text title=\"Output\"\nb\n```\n")
    with pytest.raises(AssertionError, match="the block printed"):
        run_page(bad_python, tmp_path)


@pytest.mark.parametrize("page", ["statuses.md", "statuses.vi.md"])
def test_the_status_reference_matches_the_code(page: str) -> None:
    """docs/reference/statuses.md (and .vi.md) list every Status: value, labels and meaning."""
    from gender_plan import Status  # noqa: PLC0415

    rows = [
        [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        for line in (DOCS / "reference" / page).read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    ]
    assert [status.name for status in Status] == [row[0] for row in rows]
    for name, value, vietnamese, english, meaning in rows:
        status = Status[name]
        assert (value, vietnamese, english) == (status.value, status.text("vi"), status.text("en"))
        assert meaning.endswith("."), f"{name} needs its meaning in the table"


def test_titled_file_blocks_are_written_and_read_by_later_blocks(tmp_path: Path) -> None:
    """A csv/yaml/json/toml block titled with a file name is saved for the blocks after it."""
    page = tmp_path / "page.md"
    page.write_text(
        '```csv title="data.csv"\na,b\n1,2\n```\n\n'
        "```python\nfrom pathlib import Path\nprint(Path('data.csv').read_text().split())\n```\n\n"
        "```text title=\"Output\"\n['a,b', '1,2']\n```\n\n"
        "```bash\npip install nothing && python -c \"open('ran', 'w').close()\"\n```\n",
        encoding="utf-8",
    )
    work = tmp_path / "work"
    work.mkdir()
    with contextlib.chdir(work):
        assert (1, 1) == run_page(page, work)
    assert "a,b\n1,2\n" == (work / "data.csv").read_text(encoding="utf-8")
    assert (work / "ran").exists()
