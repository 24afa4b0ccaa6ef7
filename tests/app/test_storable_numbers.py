"""``validate.storable_number_problem`` lets the usual number through by its text; what it says of any number is
what the digits and exponent say (the definition below, as it read before import-reading)."""

from __future__ import annotations

import dataclasses
import gc
import random
import weakref
from dataclasses import replace
from decimal import Decimal

import pytest

from perfbudget.app import validate
from perfbudget.app.validate import storable_number_problem
from perfbudget.model import Document, Kind, Problem, Progress, Source
from perfbudget.readers.text import read_text


def _defined(value: Decimal) -> str | None:
    if not value.is_finite():
        return "数值无效（不是有限数）"
    exponent = value.as_tuple().exponent
    if value.adjusted() >= 41 or (isinstance(exponent, int) and exponent < -20):
        return "数值位数过多，无法保存（整数部分至多 41 位，小数至多 20 位）"
    return None


def test_every_kind_of_number_is_judged_as_defined() -> None:
    rng = random.Random(5)
    texts = ["0", "-0", "0.000", "12", "-12.50", "1E+3", "1E-7", "0.0000001", "NaN", "-sNaN", "Infinity", "-Infinity",
             "9" * 21, "9" * 22, "0." + "1" * 19, "0." + "1" * 20, "0." + "1" * 21, "1." + "0" * 19, "-1." + "0" * 19,
             "1E+40", "1E+41", "9" * 41, "9" * 42, "1E-20", "1E-21", "12345678901234567890.5"]
    for _ in range(20_000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 45)))
        texts.append(f"{rng.choice(['', '-'])}{digits}E{rng.randrange(-50, 50)}")
    for text in texts:
        value = Decimal(text)
        assert storable_number_problem(value) == _defined(value), text


TABLE = ("项目支出绩效目标表\n单位名称：测试局\n单位：{unit}\n项目名称\t测试项目\n预算数\t{total}\n"
         "其中：财政资金\t{fiscal}\n其他资金\t\n绩效目标\t完成测试任务\n一级指标\t二级指标\t三级指标\t指标值\n"
         "产出指标\t数量指标\t培训人数\t{target}\n产出指标\t质量指标\t合格率\t≥95%\n")


def _document(unit: str = "万元", total: str = "5", fiscal: str = "5", target: str = "≥100人") -> Document:
    document = read_text(TABLE.format(unit=unit, total=total, fiscal=fiscal, target=target), "t.txt")[0]
    assert document is not None
    return document


def test_a_storable_document_is_checked_without_a_path_built(monkeypatch: pytest.MonkeyPatch) -> None:
    # import-floor7: the command line's check (`storage_problems`, in every reading process of a bulk import) wrote
    # every number's path (「projects[0].indicators[3].target.value」) to find none wrong, as costly as a third of the
    # text reader; a path is now written out only for a number refused or of 10^8 or more
    def written(place: validate.Place) -> str:
        raise AssertionError("a path written")

    document = _document(total="4764453.11", fiscal="4764453.11")
    monkeypatch.setattr(validate, "path_text", written)
    assert validate.storage_problems(document, "t.txt") == []


def test_a_document_with_a_large_number_is_walked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # import-floor7's first version walked a document without paths, then again with them if a number was 10^8 or
    # more (a walk of its own, kept in step with _leaves by hand). The values visited are counted where the walk asks
    # what to do with each (_SHAPES), not at a name a second walk need not call (import-floor9's mend: a test counting
    # the calls of _leaves passed with _leaves run again for every number of 10^8 or more)
    visits: list[type] = []

    class Counting(dict[type, object]):
        def get(self, kind: type, default: object = None) -> object:
            visits.append(kind)
            return super().get(kind, default)

    monkeypatch.setattr(validate, "_SHAPES", {texts: Counting(shapes) for texts, shapes in validate._SHAPES.items()})
    counted = []
    for total in ("5", "100000000"):
        document = _document(total=total, fiscal=total)
        visits.clear()
        validate.storage_problems(document, "t.txt")
        counted.append(len(visits))
    assert counted[0] == counted[1] > 0


def test_the_walk_looks_at_each_type_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # import-floor9: the walk tested every value against the leaves' types and every child against the skipped ones,
    # and asked for the fields of every tuple (and of every dataclass without a walked field) at each visit; what to
    # do with a value is now decided once per type, so a second walk of the same kinds of values asks nothing
    document = _document()
    asked: list[type] = []
    stored_fields = validate._stored_fields
    monkeypatch.setattr(validate, "_stored_fields",
                        lambda kind, texts: asked.append(kind) or stored_fields(kind, texts))
    for texts in (False, True):
        first = list(validate._leaves(document, texts))
        asked.clear()
        assert list(validate._leaves(document, texts)) == first
        assert asked == []


def test_what_the_walk_learns_of_a_type_is_kept_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # import-floor9's mend: _SHAPES (what the walk does with a value, by type) is the one memo; _FIELDS kept each
    # dataclass's walked fields beside it, read once a type, and held on to the type after its shape was let go
    @dataclasses.dataclass(frozen=True)
    class Note:
        amount: Decimal
        words: str

    shapes: dict[bool, dict[type, object]] = {True: {}, False: {}}
    monkeypatch.setattr(validate, "_SHAPES", shapes)
    note = Note(Decimal("1.5"), "甲")
    assert [value for _place, _field, value in validate._leaves(note, False)] == [Decimal("1.5")]
    assert [value for _place, _field, value in validate._leaves(note, True)] == [Decimal("1.5"), "甲"]
    kept = weakref.ref(Note)
    del Note, note
    for memo in shapes.values():
        memo.clear()
    gc.collect()
    assert kept() is None


class _Count(int):
    pass


class _Words(str):
    pass


def _reference(value: object, place: validate.Place, field: str, texts: bool) -> list[tuple[object, str, object]]:
    """The walk as its definition says (recursive): a number or text is a leaf; a dataclass's stored fields, a tuple's
    or list's items and a dict's values are walked, None, flags, source locations and (without texts) texts not."""
    if isinstance(value, int | Decimal | str):
        return [(place, field, value)]
    names = validate._stored_fields(type(value), texts)
    if names is not None:
        children = [(getattr(value, name), (place, name), name) for name in names]
    elif isinstance(value, tuple | list):
        children = [(child, (place, index), field) for index, child in enumerate(value)]
    elif isinstance(value, dict):
        children = [(child, (place, str(key)), str(key)) for key, child in value.items()]
    else:
        return []
    skipped = (bool, Source) if texts else (bool, Source, str)
    return [leaf for child, at, name in children if child is not None and not isinstance(child, skipped)
            for leaf in _reference(child, at, name, texts)]


def test_the_walk_gives_every_value_its_definition_gives() -> None:
    document = _document(total="12.5", fiscal="10")
    project = document.projects[0]
    indicator = project.indicators[0]
    # every kind of value a container may hold: a number or text (of a subclass too, a StrEnum's member), None, a
    # flag, a source location, a float (no kind the walk knows)
    period = {"月": 6, "说明": _Words("上半年"), "空": None, "是否": True, "位置": Source("f", 1), "比例": 1.5,
              "类型": Kind.QUANTITATIVE}
    odd = replace(indicator, weight=Decimal("20"), score=Decimal("18.5"), extras=(("备注", "无"),),
                  target=replace(indicator.target, period=(_Count(2024), period)),
                  progress=Progress(actual_value=Decimal("1"), actual="完成", forecast_value=Decimal("2")))
    varied = replace(document, projects=[replace(project, fund_year=_Count(2024), needs_check=("名称",),
                                                 indicators=[odd, *project.indicators[1:]]), project])
    for texts in (False, True):
        walked = list(validate._leaves(varied, texts))
        assert walked == _reference(varied, None, "", texts)
        assert len(walked) > (8 if texts else 5)


def every_number_placed(document: Document, file: str = "t.txt") -> list[Problem]:
    """The check as it was before import-floor7: every number placed (:func:`validate.number_problem_at`) at its
    path, written out, whatever it is; every whole number's problem."""
    problems = []
    for place, field, value in validate._leaves(document, texts=False):
        path = validate.path_text(place)
        if isinstance(value, Decimal):
            placed = validate.number_problem_at(document, path, value, storable_number_problem(value), file)
        else:
            problem = validate.integer_problem(value, field)
            placed = Problem(Source(file), f"{path}：{problem}") if problem else None
        if placed:
            problems.append(placed)
    return problems


def test_the_check_finds_what_placing_every_number_finds() -> None:
    rng = random.Random(7)
    values = ["0", "5", "-3", "99999999", "100000000", "1E+8", "1E+12", "1000000000001", "1" + "0" * 50, "NaN",
              "Infinity", "0." + "0" * 24 + "1", "123.456", "1E-7", "-1E+13"]
    documents = []
    for unit in ("元", "万元", "亿元"):
        for total in values:
            document = _document(unit=unit, total=total if total[0].isdigit() else "5")
            project = document.projects[0]
            indicator = project.indicators[0]
            number = Decimal(rng.choice(values))
            documents.append(replace(document, projects=[replace(
                project, budget=replace(project.budget, total=Decimal(total)),
                fund_year=rng.choice([None, 2024, 1, 99999]),
                indicators=[replace(indicator, target=replace(indicator.target, value=number),
                                    progress=Progress(actual_value=Decimal(rng.choice(values)))),
                            *project.indicators[1:]])]))
    found = [validate._value_problems(document, "t.txt", storable_number_problem, texts=False)
             for document in documents]
    assert found == [every_number_placed(document) for document in documents]
    assert sum(bool(problems) for problems in found) > len(documents) // 2  # and it found some


def _put(value: object, steps: list[str | int], new: object) -> object:
    """``value`` with ``new`` at the place ``steps`` (field names and indexes) below it."""
    if not steps:
        return new
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        items = list(value)  # type: ignore[call-overload]
        items[step] = _put(items[step], rest, new)
        return type(value)(items)  # type: ignore[call-arg]
    return replace(value, **{step: _put(getattr(value, step), rest, new)})  # type: ignore[type-var]


def _steps(place: validate.Place) -> list[str | int]:
    steps: list[str | int] = []
    while place is not None:
        place, step = place
        steps.append(step)
    return steps[::-1]


EDGES = ["0", "-0.5", "99999999.99", "100000000", "-1E+8", "1E+12", "1000000000000.01", "1E+13", "1E+50", "NaN",
         "-Infinity", "1E-24", "1E-25", "0.123456789012345678901234567"]


@pytest.mark.parametrize("unit", ["元", "亿元"])
def test_every_number_of_the_walk_at_every_edge_is_found_as_placing_it_finds(unit: str) -> None:
    # the second reading of import-floor7: the random test above varied 4 fields; here each number and whole number
    # the walk visits takes each edge value in turn
    document = _document(unit=unit, total="5", fiscal="5")
    project = document.projects[0]
    indicator = replace(project.indicators[0], progress=Progress(actual_value=Decimal("1")))
    document = replace(document, projects=[replace(
        project, fund_year=2024, budget=replace(project.budget, other=Decimal("0")),
        indicators=[indicator, *project.indicators[1:]])])
    leaves = [(place, value) for place, _field, value in validate._leaves(document, texts=False)]
    assert len(leaves) >= 8
    compared = 0
    for place, value in leaves:
        edges = [Decimal(edge) for edge in EDGES] if isinstance(value, Decimal) else [0, -1, 1, 2024, 99999, 2**63]
        for edge in edges:
            varied = _put(document, _steps(place), edge)
            assert isinstance(varied, Document)
            assert validate._value_problems(varied, "t.txt", storable_number_problem, texts=False) \
                == every_number_placed(varied), (validate.path_text(place), edge)
            compared += 1
    assert compared == sum(len(EDGES) if isinstance(value, Decimal) else 6 for _, value in leaves)
