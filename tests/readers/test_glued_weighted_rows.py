"""A glued self-evaluation whose 分值 column comes before the target (corpus 07): a row is read only when exactly
one split fits the column shapes; two readings or none stop the reading with an error, never a guess."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from perfbudget.readers.glued_stream import split_stream
from perfbudget.readers.glued_weighted_rows import weighted_header, weighted_row
from perfbudget.readers.text import read_text

HEADER = "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"


def _rows(text: str, reasons_after: bool = True) -> tuple[list[list[str]], str | None, str]:
    return split_stream(text, [], partial(weighted_row, reasons_after))


def test_the_header_with_the_weight_before_the_target() -> None:
    found = weighted_header(HEADER + "产出指标")
    assert found is not None and found[1] == len(HEADER) and found[2] is True
    assert weighted_header("一级指标二级指标三级指标年度指标值全年实际值得分产出指标") is None  # glued_stream's own
    assert weighted_header("一级指标二级指标三级指标分值年度指标值得分产出指标") is None  # no actual column


def test_rows_split_by_their_only_fitting_reading() -> None:
    rows, stopped, rest = _rows("产出指标(60分)数量指标培训人数10≥50人≥50人10质量指标合格率20100%100%20"
                                "……效益指标(30分)经济效益指标社会效益指标群众满意程度10显著提升显著提升9……总分3939")
    assert rows == [["产出指标", "数量指标", "培训人数", "10", "≥50人", "≥50人", "10"],
                    # 2 | 0100% and 201 | 00% have leading zeros: 20 | 100% is the only reading
                    ["产出指标", "质量指标", "合格率", "20", "100%", "100%", "20"],
                    # 经济效益指标 has no row; the target met is written twice
                    ["效益指标", "社会效益指标", "群众满意程度", "10", "显著提升", "显著提升", "9"]]
    assert stopped is None and rest == "总分3939"


def test_a_row_with_two_readings_is_not_split() -> None:
    # 3 | 35万元 | 35万元 | 3 or 33 | 5万元 | 35万元 | 3: which one cannot be known
    rows, stopped, _ = _rows("产出指标成本指标维修所需成本335万元35万元3")
    assert rows == [] and stopped is not None and "2 种拆法" in stopped


def test_a_row_with_no_reading_stops_the_reading() -> None:
    rows, stopped, _ = _rows("产出指标数量指标培训人数10≥50人≥50人10验收情况10合格基本合格10")
    assert [r[2] for r in rows] == ["培训人数"]
    assert stopped is not None and "验收情况" in stopped


def test_a_name_that_may_hold_the_reason_of_the_row_before_is_not_split() -> None:
    rows, stopped, _ = _rows("产出指标数量指标培训人数10≥50人≥40人8无培训合格率10100%100%10")
    assert [r[2] for r in rows] == ["培训人数"] and stopped is not None
    rows, stopped, _ = _rows("产出指标数量指标培训人数10≥50人≥40人8无害化处理率10100%100%10", reasons_after=False)
    assert [r[2] for r in rows] == ["培训人数", "无害化处理率"] and stopped is None


PAGE = ("附件:2022年衔接资金项目绩效自评表绩效目标自评表(2022年度)项目名称某村道路硬化工程主管部门某县交通运输局"
        "实施单位某县交通运输局资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:"
        "505010100.00%10其他资金年度总体目标年初设定目标年度总体目标完成情况综述完成某村道路硬化,方便群众出行,"
        "完成某村道路硬化,方便群众出行,绩效指标" + HEADER + "产出指标(50分)数量指标硬化道路长度20≥2公里≥2公里20"
        "质量指标项目(工程)验收合格率20100%100%20时效指标按期完工率10≥90%≥90%10效益指标(30分)社会效益指标"
        "群众出行条件改善状况30显著提升显著提升30满意度指标(10分)服务对象满意度指标受益群众满意度10≥95%≥95%10"
        "总分100100注:1.一级指标分值统一设置为产出指标50分\n")


def test_a_glued_form_with_the_weight_before_the_target_is_read() -> None:
    document, problems = read_text(PAGE, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert project.name == "某村道路硬化工程"
    assert [(i.level1, i.level2, i.level3, i.target.raw, i.score) for i in project.indicators] == [
        ("产出指标", "数量指标", "硬化道路长度", "≥2公里", Decimal("20")),
        ("产出指标", "质量指标", "项目(工程)验收合格率", "100%", Decimal("20")),
        ("产出指标", "时效指标", "按期完工率", "≥90%", Decimal("10")),
        ("效益指标", "社会效益指标", "群众出行条件改善状况", "显著提升", Decimal("30")),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥95%", Decimal("10")),
    ]
    assert [i.weight for i in project.indicators] == [Decimal(w) for w in ("20", "20", "10", "30", "10")]
    assert project.needs_check
    assert any("分值在指标值之前" in p.message for p in problems)
