"""Glued indicator rows with a 指标内容 column after the 三级 name and a 绩效标准 column after the target.

Hunan's 专项资金绩效目标表 heads its indicators ``一级指标 | 二级指标 | 三级指标 | 指标内容 | 指标值 | 绩效标准``:
the 指标内容 explains the 三级 in a sentence, and the 绩效标准 names the basis of the value (计划标准,
历史标准, 行业标准, 其他标准). A page that lost every separator gives a row as one run
(``补助人数实际发放解困工资人数250人计划标准``). A careful person reads it: the basis is one of four words at
the end, the target is the value before it, and the 三级 name is where the explanation starts to restate
it — the explanation ends as the name does (补助人数 … 人数, 补贴覆盖率 … 覆盖率).

The run is split only so: the basis word is cut from the end (a row without one is not split), the rest
is split by the general glued-row splitter into levels, name and target, and the name part is split where
its first part ends in a measure word (率, 人数, 标准, 成本 …) with the same two characters the explanation
ends in, when exactly one such place exists. Any other row (an explanation that does not restate its
name, ``完成及时率各项工作按计划进度及时完成``) is not split: an error at its line, never a guess.
"""

from __future__ import annotations

from collections.abc import Callable

from perfbudget.readers.labels import label_key

# The basis words of the 绩效标准 column (湘财绩 forms): the only values a glued row may end in.
BASIS_VALUES = ("计划标准", "历史标准", "行业标准", "其他标准")
# The words a 三级 name that measures something ends in: where its restating explanation is looked for.
_MEASURE_ENDINGS = ("率", "数", "量", "度", "标准", "成本", "金额", "面积", "比例", "占比", "时间", "时限",
                    "期限", "周期", "长度", "里程", "费用", "收入")

Splitter = Callable[[str], "list[str] | None"]


def described_plan(parts: list[str], roles: list[str | None]) -> tuple[bool, bool] | None:
    """(has a 指标内容 column, has a 绩效标准 column) of a glued indicator header whose columns after the 三级
    are [指标内容] 指标值 [绩效标准], one of the two present; None for any other header."""
    if "level3" not in roles:
        return None
    at = roles.index("level3") + 1
    tail, texts = roles[at:], parts[at:]
    described = tail[:1] == ["description"]
    if described:
        tail, texts = tail[1:], texts[1:]
    if tail[:1] != ["target"]:
        return None
    tail, texts = tail[1:], texts[1:]
    based = len(tail) == 1 and tail[0] is None and label_key(texts[0]) == "绩效标准"
    if tail and not based:
        return None
    return (described, based) if described or based else None


def split_described_line(line: str, plan: tuple[bool, bool], split_line: Splitter) -> list[str] | None:
    """[一级?, 二级?, 三级, 指标内容?, 指标值, 绩效标准?] of a glued row under a :func:`described_plan` header, or
    None when it cannot be split safely."""
    described, based = plan
    basis: list[str] = []
    if based:
        word = next((w for w in BASIS_VALUES if line.endswith(w)), None)
        if word is None:
            return None
        line, basis = line[:-len(word)], [word]
    cells = split_line(line)
    if cells is None:
        return None
    *levels, name, target = cells
    if not described:
        return [*levels, name, target, *basis]
    halves = name_and_description(name)
    return None if halves is None else [*levels, *halves, target, *basis]


def name_and_description(text: str) -> tuple[str, str] | None:
    """(三级 name, 指标内容) of a 三级 name glued to its explanation, split at the only place where the name
    (three characters or more) ends in a measure word and in the two characters the explanation ends in."""
    ending = text[-2:]
    if len(text) < 6 or not any(ending.endswith(w) for w in _MEASURE_ENDINGS):
        return None
    return _restated(text)


def question_and_description(text: str) -> tuple[str, str] | None:
    """(三级 name, 指标解释) of a yes/no question glued to the explanation restating it (``已建工程是否存在质量问题``
    + ``当年已完工项目是否在检查中发现质量问题``, 莆田 46): each part asks 是否 once, split at the only place where
    the name ends in the two characters the explanation ends in (reading39)."""
    if text.count("是否") != 2:
        return None
    split = _restated(text)
    return split if split is not None and "是否" in split[0] and "是否" in split[1] else None


def _restated(text: str) -> tuple[str, str] | None:
    ending = text[-2:]
    places = [p for p in range(3, len(text) - 1) if text[:p].endswith(ending)]
    if len(places) != 1:
        return None
    return text[:places[0]], text[places[0]:]
