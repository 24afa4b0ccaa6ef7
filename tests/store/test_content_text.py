"""The content hash's text written straight (``store/content_text.py``) is, character for character, the JSON the
hash was defined on: ``json.dumps`` of the document's context and the project's interchange dict, sorted keys,
compact separators, non-ASCII kept. Checked on the real corpus's tables and on made-up tables holding every
optional field in every combination and awkward texts; values of other types fall back to the dicts."""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from perfbudget.interchange import project_to_dict
from perfbudget.load import load_path
from perfbudget.model import (
    Budget,
    Direction,
    Document,
    Indicator,
    Kind,
    Op,
    Progress,
    Project,
    Source,
    Target,
    Unit,
)
from perfbudget.store import content_text, importer, rows

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "corpus"
# besides every text file: tables read from Word and Excel with a self-evaluation's funds grid, its own total, a
# deviation column, a 监控表's period, periods and extras
OTHER_FILES = ["r102_shanxi-jishan-jiandanglika-selfeval-wps-merged.xlsx",
               "r110_hubei-xianning-daqiwuran-zhuanyizhifu-selfeval-word-merged.docx",
               "r99_hubei-huangshi-wenwuju-monitor-word-merged.docx",
               "r107_tianjin-ninghe-minbanyuan-wps-cover-sheet-formats-hidden-lists.xlsx",
               "r08_anhui-tianchang-shuihan-selfeval-template-word.docx"]


def _defined_text(document: Document, project: Project) -> str:
    """The text the content hash is defined on (rows.version_hash until import-reading, kept here as the reference)."""
    data: dict[str, Any] = {"document": {"unit": {"code": document.unit.code, "name": document.unit.name},
                                         "money_unit": document.money_unit, "kind": document.kind},
                            "project": project_to_dict(project)}
    if not project.complete:
        data["incomplete"] = True
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _written_text(document: Document, project: Project) -> str:
    table = importer.table_rows(project)
    texts = [content_text.indicator_text(indicator, row, target)
             for indicator, row, target in zip(project.indicators, table.indicators, table.targets, strict=True)]
    return content_text.version_text(content_text.context_text(document), project, texts)


def _check(document: Document) -> int:
    """Each table's text written straight is the defined one, and (a document that can be planned) the plan's
    hashes are those of the defined texts."""
    defined = [_defined_text(document, project) for project in document.projects]
    assert [_written_text(document, project) for project in document.projects] == defined  # not the fallback
    if document.unit.code or document.unit.name:
        plan = importer.plan_document(document)
        assert not isinstance(plan, str), plan
        assert plan.hashes == [hashlib.sha256(text.encode("utf-8")).hexdigest() for text in defined] == [
            rows.version_hash(document, project) for project in document.projects]
    return len(document.projects)


def test_every_table_of_the_real_corpus_hashes_as_defined() -> None:
    paths = sorted(CORPUS.glob("*.txt")) + [CORPUS / name for name in OTHER_FILES]
    tables = 0
    for path in paths:
        document = load_path(path).document
        if document is not None and document.projects:
            tables += _check(document)
    assert tables > 100


_TEXTS = ["", "普通文字", 'quote " and \\ backslash', "line\nbreak\ttab", "\x00\x1f\x7f control", "\u2028\u2029",
          "emoji 😀 𠀀", "full-width （１２３）", "</script>", "\ufeff\u200b", "a  b "]


def _text(rng: random.Random) -> str:
    return rng.choice(_TEXTS) + rng.choice(["", "指标", "x"])


def _maybe(rng: random.Random, value: Any) -> Any:
    return value if rng.random() < 0.5 else None


def _decimal(rng: random.Random) -> Decimal:
    return Decimal(rng.choice(["0", "-0", "12", "12.50", "1E+3", "0.0000001", "-3.5", "99999999999.99"]))


def _target(rng: random.Random) -> Target:
    choice = rng.randrange(5)
    if choice == 0:
        return Target(_text(rng), Kind.QUANTITATIVE, rng.choice(list(Op)), _decimal(rng), _maybe(rng, "%"),
                      rng.choice(list(Direction)), None, None)
    if choice == 1:
        return Target("90%-95%", Kind.QUANTITATIVE, None, _decimal(rng), "%", Direction.POSITIVE, _decimal(rng), None)
    if choice == 2:  # a period (and its due)
        return Target("2023.07-2024.01", Kind.QUALITATIVE, None, None, None, None, None, ("2023.07", "2024.01"))
    if choice == 3:  # a deadline: its due derived from the text
        return Target(rng.choice(["2025年10月底前", "6月30日前", "第三季度", "当年", "2024年1月-2025年3月"]),
                      Kind.QUALITATIVE, None, None, None, None, None, None)
    return Target(_text(rng), Kind.QUALITATIVE, None, None, None, None, None, None)


def _progress(rng: random.Random) -> Progress | None:
    if rng.random() < 0.6:
        return None
    return Progress(_maybe(rng, _text(rng)), _maybe(rng, _decimal(rng)), _maybe(rng, "%"), _maybe(rng, "全年"),
                    _maybe(rng, _decimal(rng)), None, _maybe(rng, "确定能"), None, _maybe(rng, _text(rng)), None)


def _indicator(rng: random.Random) -> Indicator:
    return Indicator(_text(rng), _text(rng), _text(rng), _maybe(rng, _text(rng)), _target(rng),
                     _maybe(rng, _decimal(rng)), _maybe(rng, _text(rng)), _maybe(rng, _decimal(rng)),
                     _maybe(rng, _text(rng)), tuple((_text(rng), _text(rng)) for _ in range(rng.randrange(3))),
                     _progress(rng), Source("f.txt", 3))


def _project(rng: random.Random, seq: int) -> Project:
    budget = Budget(*[_maybe(rng, _decimal(rng)) for _ in range(3)],
                    *[_maybe(rng, _decimal(rng)) if rng.random() < 0.3 else None for _ in range(5)])
    name, label = f"{_text(rng)}项目{seq}", _maybe(rng, "2024中央")
    complete = rng.random() < 0.7
    return Project(seq, _maybe(rng, _text(rng)), name, label, _maybe(rng, 2024), _maybe(rng, "中央"), budget,
                   _maybe(rng, _text(rng)), tuple(_text(rng) for _ in range(rng.randrange(3))),
                   tuple(_indicator(rng) for _ in range(rng.randrange(4))),
                   rng.choice([f"{name}-{label}" if label else name, None, _text(rng)]),
                   tuple((_text(rng), _text(rng)) for _ in range(rng.randrange(3))), complete,
                   None if complete or rng.random() < 0.3 else Source("f.txt", rng.randrange(1, 9), None, 2, 4, 1),
                   tuple(_text(rng) for _ in range(rng.randrange(2))), _maybe(rng, 6), _maybe(rng, _decimal(rng)),
                   _maybe(rng, "优"))


def test_made_up_tables_with_every_optional_field_hash_as_defined() -> None:
    rng = random.Random(17)
    for number in range(300):
        unit = Unit(_maybe(rng, "255101"), _maybe(rng, _text(rng)) or "单位")
        document = Document(unit, _maybe(rng, "万元"), tuple(_project(rng, seq) for seq in range(1, 4)),
                            rng.choice(["target", "selfeval", "monitor"]))
        assert _check(document) == 3, number


@pytest.mark.parametrize("change", [{"seq": True}, {"fund_year": "2024"}, {"month": 6.0}, {"goals": ("a", 1)}])
def test_a_value_of_another_type_is_hashed_by_the_dicts(seed_document: Document, change: dict[str, Any]) -> None:
    """A value the model does not type so (a reader's or a caller's slip) is not guessed at: the hash is the
    dicts' own (as before import-reading), and equal to the straight text's whenever that one can be written."""
    project = replace(seed_document.projects[0], **change)
    document = replace(seed_document, projects=(project,))
    with pytest.raises(TypeError):
        _written_text(document, project)
    plan = importer.plan_document(document)
    assert not isinstance(plan, str)
    assert plan.hashes == [hashlib.sha256(_defined_text(document, project).encode("utf-8")).hexdigest()]


def _defined_figures(project: Project) -> str | None:
    """rows._figures_json as it read before import-reading."""
    from perfbudget.interchange import progress_to_dict

    month, total, grade = project.month, project.table_total, project.table_grade
    progress = [progress_to_dict(i.progress) if i.progress is not None else None for i in project.indicators]
    if month is None and total is None and grade is None and not any(progress):
        return None
    figures = {"month": month, "total": None if total is None else rows.format_decimal(total), "grade": grade,
               "progress": progress if any(progress) else None}
    return json.dumps({k: v for k, v in figures.items() if v is not None}, ensure_ascii=False, separators=(",", ":"))


def _defined_rows(indicator: Indicator, position: int) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """rows.indicator_row and rows.target_row as they read before import-reading."""
    from perfbudget.model import ENUM_TEXT

    def dec(value: Decimal | None) -> str | None:
        return None if value is None else rows.format_decimal(value)

    target, period = indicator.target, indicator.target.period
    extras = json.dumps([list(p) for p in indicator.extras], ensure_ascii=False) if indicator.extras else None
    return ((position, indicator.level1, indicator.level2, indicator.level3, indicator.description,
             dec(indicator.weight), indicator.actual, dec(indicator.score), indicator.deviation, extras),
            (target.raw, ENUM_TEXT[target.kind], ENUM_TEXT[target.op] if target.op else None, dec(target.value),
             target.unit, ENUM_TEXT[target.direction] if target.direction else None, dec(target.upper),
             period[0] if period else None, period[1] if period else None))


def test_the_rows_of_made_up_tables_are_as_before() -> None:
    rng = random.Random(23)
    empty_progress = Progress()  # a monitoring table's indicator with none of its columns filled
    for number in range(300):
        project = _project(rng, 1)
        if number % 7 == 0 and project.indicators:
            project = replace(project, indicators=(replace(project.indicators[0], progress=empty_progress),
                                                   *project.indicators[1:]))
        table = importer.table_rows(project)
        assert table.version["table_figures"] == _defined_figures(project), number
        assert table.version["goals"] == json.dumps(list(project.goals), ensure_ascii=False)
        defined = [_defined_rows(indicator, position) for position, indicator in enumerate(project.indicators, 1)]
        assert list(zip(table.indicators, table.targets, strict=True)) == defined
