"""``project_fields``' quick readings of a project name give what the patterns they stand for give: the fund
label found from the name's last dash (``_fund_label``) as the whole name's lazy pattern read it, the goal
number cut where ``_GOAL_NUMBER`` matches (as its ``sub`` did), a project code only looked for after ten
ASCII letters or digits."""

from __future__ import annotations

import random
import re

from perfbudget.readers.project_fields import _CODED_NAME, _fund_label, _goal_mark

# The pattern build_project matched each name with before reader-speed11 (the reference).
_FUND_LABEL = re.compile(r"^(?P<name>.+?)\s*[-—－–]\s*"
                         r"(?P<label>(?P<year>(?:19|20)\d{2})(?P<source>[^\d\-—－–项]{0,8}))$")

_ALPHABET = [*"-—－–2019020241 \t\n\u3000项目中央省级A", "检察", "2024", "-2024中央", "20", "19", " -", "\n-"]


def _names(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    fixed = ["检察业务、装备及外包服务费1-2023中央", "2024年检察业务信息化运维项目0-2024中央", "-2024中央",
             " -2024中央", "\n-2024中央", "a\n -2024", "名称 \n -2024中央", "名称-2024中央\n", "名称-2024中央\n\n",
             "名称-2024-2024",
             "名称—2019项", "名称－2025市级财政资金补助", "x-20245", "", "-", "项目-2024中央-2024省级"]
    return fixed + ["".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, 14))) for _ in range(count)]


def test_fund_label_reads_as_the_whole_names_pattern() -> None:
    matched = 0
    for name in _names(5, 20000):
        reference = _FUND_LABEL.match(name)
        quick = _fund_label(name)
        if reference is None:
            assert quick is None, repr(name)
            continue
        matched += 1
        assert quick is not None, repr(name)
        assert quick[0] == reference["name"].strip(), repr(name)
        assert [quick[1][g] for g in ("label", "year", "source")] == \
            [reference[g] for g in ("label", "year", "source")], repr(name)
    assert matched > 500  # the random names reach the label often (731 of 20,016)


# the goal number's pattern before goal_lines.list_mark became the one parser of list marks (reading44's mend)
_GOAL_NUMBER = re.compile(r"^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、)）](?!\d)|[①-⑳])\s*")


def test_the_goal_number_left_off_is_what_the_goal_numbers_pattern_left_off() -> None:
    rng = random.Random(7)
    alphabet = [*"1234567890.．、)）(（ \t\n目标①②", "12.", "(3)", "1.5"]
    for _ in range(20000):
        goal = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 10)))
        numbered, reference = _goal_mark(goal), _GOAL_NUMBER.match(goal)
        assert (goal[numbered.end:] if numbered else goal).strip() == \
            (goal[reference.end():] if reference else goal).strip(), repr(goal)


def test_a_project_code_needs_ten_ascii_letters_or_digits_first() -> None:
    """(Its digits may be typed full width since reading40: ``５１０００…-名称``.)"""
    rng = random.Random(9)
    alphabet = [*"0123456789AZaz-— 项目ａ１", "51000021R000000019951", "123456"]
    half = str.maketrans("０１２３４５６７８９", "0123456789")
    for _ in range(20000):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        if _CODED_NAME.match(name):
            assert name[:10].translate(half).isascii() and name[:10].isalnum(), repr(name)
    assert _CODED_NAME.match("51000021R000000019951-工资性支出")
