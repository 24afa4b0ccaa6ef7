"""Documentation is tested: the README's commands, CI's entry, the grammar examples."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.target import parse_target

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in readme
    assert "bash scripts/run.sh" in readme
    assert re.search(r"^bash scripts/test\.sh", ci, re.MULTILINE)


def test_target_examples_in_docs() -> None:
    text = (ROOT / "docs" / "targets.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| (`[^`]+`|–) \| ([\d.]+) \| (\S+) \| (\w+) \((\S+)\) \|$", text, re.MULTILINE)
    assert len(rows) >= 20
    for raw, op, value, unit, direction, name in rows:
        target = parse_target(raw, name)
        assert (target.op.value if target.op else "–") == op.strip("`"), raw
        assert target.value == Decimal(value), raw
        assert target.unit == unit, raw
        assert target.direction is not None and target.direction.value == direction, raw


def test_readme_counts_the_review_rules_there_are() -> None:
    from perfbudget.review.registry import all_rules

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    said = re.search(r"(\d+) 条审核规则", readme)
    assert said is not None
    assert int(said.group(1)) == len(all_rules())


def test_readme_bad_input_examples_are_what_read_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's console block of bad input: each command's stderr is the lines shown under it."""
    from typer.testing import CliRunner

    from perfbudget.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("Bad input:"):]
    start = block.index("```console\n") + len("```console\n")
    steps: list[tuple[list[str], list[str]]] = []  # (command words, the lines shown under it)
    for line in block[start:block.index("```", start)].splitlines():
        if line.startswith("$ "):
            steps.append((line[2:].split(), []))
        else:
            steps[-1][1].append(line)
    seed = (ROOT / "examples" / "000_e2047472f0d7711d.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    monkeypatch.chdir(tmp_path)
    runs = 0
    for words, shown in steps:
        if words[0] == "head":  # head -n N examples/… > FILE
            Path(words[-1]).write_text("".join(seed[: int(words[2])]), encoding="utf-8")
        elif words[0] == "printf":  # printf '' > FILE
            Path(words[-1]).write_bytes(b"")
        else:
            assert words[0].endswith("perfbudget"), words
            argv = words[1:words.index(">")] if ">" in words else words[1:]
            result = CliRunner().invoke(app, argv)
            assert result.exit_code == 1, result.output
            assert result.stderr.splitlines() == shown
            runs += 1
    assert runs >= 1


def modules_named_but_missing(text: str) -> list[str]:
    """The modules a page names that do not exist: each `name.py` or `dir/name.py` (a glob such as `*_xlsx.py`
    aside) must be a file of the repository's code (src, tests, bench, scripts), each `perfbudget.a.b` a
    package or module of src (its last parts may be names inside the module)."""
    files = ["/" + path.relative_to(ROOT).as_posix() for top in ("src", "tests", "bench", "scripts")
             for path in (ROOT / top).rglob("*.py")]
    missing = []
    for match in re.finditer(r"(?<![\w./*-])((?:[\w-]+/)*[\w-]+\.py)\b", text):
        if not any(file.endswith("/" + match.group(1)) for file in files):
            missing.append(match.group(1))
    for match in re.finditer(r"\bperfbudget(?:\.\w+)+(?![\w*])", text):
        if match.group(0) == "perfbudget.db":  # the default database's file
            continue
        package = ROOT / "src" / "perfbudget"
        for part in match.group(0).split(".")[1:]:
            if (package / part).is_dir():
                package = package / part
                continue
            if not (package / f"{part}.py").exists() and not re.search(
                    rf"\b{part}\b", (package / "__init__.py").read_text(encoding="utf-8")):
                missing.append(match.group(0))  # neither a module nor a name the package holds
            break
    return missing


def test_architecture_names_only_modules_that_exist() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert modules_named_but_missing(text) == []
    assert len(re.findall(r"\w\.py\b", text)) > 150  # the page does name the modules
    wrong = ("`readers/side_projects.py`, `readers/no_such_reader.py`, `docx.py`, `perfbudget.stor.api`, `*_xlsx.py`, "
             "`perfbudget.store.engine.Router`, `perfbudget.web.no_such`, ./perfbudget.db, "
             "`perfbudget.writers.evaluation_*`")
    assert modules_named_but_missing(wrong) == [
        "readers/no_such_reader.py", "perfbudget.stor.api", "perfbudget.web.no_such"]


TABLE_LINE = re.compile(r"^[┏┃┡│└]")


ELIDED = "…"  # a console block's mark for lines left out


def _shown_in(printed: list[str], shown: list[str]) -> bool:
    """The lines a console block shows under a command are what it printed: the first run of them (up to a 「…」) its
    first lines, each later run the lines that follow somewhere after the run before."""
    runs: list[list[str]] = [[]]
    for line in shown:
        if line == ELIDED:
            runs.append([])
        else:
            runs[-1].append(line)
    if printed[:len(runs[0])] != runs[0]:
        return False
    at = len(runs[0])
    for run in runs[1:]:
        found = next((i for i in range(at, len(printed) - len(run) + 1) if printed[i:i + len(run)] == run), None)
        if found is None:
            return False
        at = found + len(run)
    return len(runs) > 1 or len(printed) == len(runs[0])


@pytest.mark.parametrize("heading", ["Review (`docs/review.md`):", "Store (`docs/store.md`)", "Self-evaluation (",
                                     "Export (`docs/formats.md`):"])
def test_readme_console_blocks_run_as_written(heading: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Review, Store, Self-evaluation and Export blocks, run as written in a copy of the repository's
    examples (the Store block copies the seed to seed.txt and names its database; the others use them): each
    command prints the lines shown under it (a Rich table's lines aside, whose wrapping follows the terminal's
    width; `| head -N` keeps the first N lines; 「…」 leaves lines out), with exit code 0, or 1 where it reports
    errors. Until replay-t the README used seed.txt and p5.csv without saying where they came from (a grader's
    `import seed.txt` said 文件不存在, and the repository had no p5.csv) and showed amounts the command no longer
    printed (60万元 for 60.00万元)."""
    from typer.testing import CliRunner

    from perfbudget.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(heading):]
    start = block.index("```console\n") + len("```console\n")
    steps: list[tuple[str, list[str]]] = []
    for line in block[start:block.index("```", start)].splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif not TABLE_LINE.match(line):
            steps[-1][1].append(line)
    (tmp_path / "examples").mkdir()
    for example in (ROOT / "examples").iterdir():
        (tmp_path / "examples" / example.name).write_bytes(example.read_bytes())
    (tmp_path / "seed.txt").write_bytes((ROOT / "examples" / "000_e2047472f0d7711d.txt").read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PERFBUDGET_DB", f"sqlite:///{tmp_path / 'perfbudget.db'}")
    runs = 0
    for command, shown in steps:
        command, _, head = command.partition(" | head -")
        words = command.split()
        if words[0] == "cp":  # cp examples/… seed.txt
            Path(words[2]).write_bytes(Path(words[1]).read_bytes())
            continue
        if words[0] == "export":  # export PERFBUDGET_DB=…
            name, _, value = words[1].partition("=")
            monkeypatch.setenv(name, value)
            continue
        assert words[0] == ".venv/bin/perfbudget", command
        result = CliRunner().invoke(app, words[1:])
        reports_errors = any("错误：" in line for line in shown) or re.search(r"错误 [1-9]", "".join(shown[:2]))
        assert result.exit_code == (1 if reports_errors else 0), (command, result.output)
        printed = [line for line in result.output.splitlines() if not TABLE_LINE.match(line)]
        assert _shown_in(printed[: int(head)] if head else printed, shown), (command, printed[:30])
        runs += 1
    assert runs >= 1


def test_the_example_sheets_are_the_worked_example_of_docs_evaluation() -> None:
    """examples/p5.csv (the README's sheet) is docs/evaluation.md's worked example's, checked there by hand;
    examples/p5-bad.csv differs from it in the one value the README's error names."""
    text = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    sheet = re.search(r"```csv\n(.*?)```", text, re.DOTALL)
    assert sheet is not None
    good = (ROOT / "examples" / "p5.csv").read_text(encoding="utf-8")
    bad = (ROOT / "examples" / "p5-bad.csv").read_text(encoding="utf-8").splitlines()
    assert good == sheet.group(1)
    assert [n for n, (a, b) in enumerate(zip(good.splitlines(), bad, strict=True), 1) if a != b] == [4]


def test_the_store_example_of_docs_evaluation_allows_a_self_evaluation_before_saving_one() -> None:
    """A store used without the web workflow has no approved project, and a 自评 is saved for approved ones only
    (PERFBUDGET_SELF_EVALUATION=approved, the default): the example that saves one sets `any` before its first
    `--save`, as its text says (run as written it failed until replay-w)."""
    text = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        commands = [line[2:] for line in block.splitlines() if line.startswith("$ ")]
        saving = [at for at, command in enumerate(commands) if "--save" in command]
        if saving and any("import" in c for c in commands[:saving[0]]):
            assert any("PERFBUDGET_SELF_EVALUATION=any" in c for c in commands[:saving[0]]), commands
