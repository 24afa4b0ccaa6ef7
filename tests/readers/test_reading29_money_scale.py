"""A budget whose size under the money unit its table states a person doubts (reading29): amounts in 元 under a
(万元) label, or in 万元 under 单位：元. Read as written, in the stated unit, and told at the amount (a warning and
a check note), never a silent ×10,000; an ordinary amount is told nothing."""

from __future__ import annotations

from perfbudget.load import load_bytes


def _form(money_label: str, amount: str) -> bytes:
    rows = [["项目名称", "地方志编纂经费"], [money_label, amount], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "编纂出版志书", "1部"], ["满意度指标", "服务对象满意度指标", "读者满意度", "≥90%"]]
    return ("绩效目标表\n" + "".join("| " + " | ".join(row) + " |\n" for row in rows)).encode()


def _told(data: bytes) -> tuple[object, list[str], list[str]]:
    result = load_bytes(data, "form.txt")
    assert result.document is not None and not result.errors, [p.message for p in result.problems]
    project = result.document.projects[0]
    said = [f"{p.source.line}:{p.message}" for p in result.problems if "请核对金额单位" in p.message]
    return project.budget.total, said, [note for note in project.needs_check if "请核对金额单位" in note]


def test_yuan_amounts_under_a_wan_yuan_label_are_read_as_written_and_told() -> None:
    """2,751,417.82 under 年度资金总额（万元） is 275 亿元 as written: kept so, a warning at the amount's line. Main
    read it silently."""
    total, said, notes = _told(_form("年度资金总额（万元）", "2751417.82"))
    assert str(total) == "2751417.82"
    assert len(said) == 1 and said[0].startswith("3:") and "275.14 亿元" in said[0] and len(notes) == 1


def test_wan_yuan_amounts_under_a_yuan_label_are_told_and_ordinary_ones_not() -> None:
    total, said, notes = _told(_form("年度资金总额（元）", "16"))
    assert str(total) == "16" and len(said) == 1 and "不足一千元" in said[0] and len(notes) == 1
    for label, amount in (("年度资金总额（万元）", "999999.99"), ("年度资金总额（元）", "1000"),
                          ("年度资金总额（万元）", "16")):
        assert _told(_form(label, amount))[1:] == ([], []), (label, amount)
