"""Layouts first met in corpus 75–79 (corpus13), each on a tiny inline text: targets written as the sentences
of a notice (绩效目标设定的公示), and a transfer's 区域 label inside a glued header."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.text import read_text


def _read(text: str) -> tuple[list[tuple[str, str, str, str]], list[str], list[str]]:
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    rows = [(i.level1, i.level2, i.level3, i.target.raw) for p in document.projects for i in p.indicators]
    return rows, [p.name for p in document.projects], [p.message for p in problems]


NOTICE = """标 题: | 关于某镇葡萄种植项目绩效目标设定的公示 |
安排资金10万元,实施某镇葡萄种植项目,现将绩效目标设定如下:
一、 产出指标
数量指标:种植数量(≥**株)>=1000株;成活率(≥**%)>=85;时效指标:完成及时率(≥**%)>=100%。
二、 效益指标
效益指标:经济效益指标:产业产值(≥**万元)≥8万元;生态效益指标:生态修复功能提高。
三、 满意度指标
服务对象满意度指标,受益户满意度(≥**%)≥95%。
附件:某镇葡萄种植项目绩效目标设定表.xlsx
某镇人民政府
"""


def test_notice_sentences_read_by_their_hints() -> None:
    rows, names, problems = _read(NOTICE)
    assert rows == [
        ("产出指标", "数量指标", "种植数量(≥**株)", ">=1000株"),
        ("产出指标", "数量指标", "成活率(≥**%)", ">=85"),
        ("产出指标", "时效指标", "完成及时率(≥**%)", ">=100%"),
        ("效益指标", "经济效益指标", "产业产值(≥**万元)", "≥8万元"),
        ("满意度指标", "服务对象满意度指标", "受益户满意度(≥**%)", "≥95%"),
    ]
    assert names == ["某镇葡萄种植项目"]  # the title's words, written again in the body
    # a phrase without a hint is neither a name nor a value: reported, not read
    assert any("生态修复功能提高" in p and "没有取值提示" in p for p in problems)


def test_notice_project_needs_check() -> None:
    document, _problems = read_text(NOTICE, "t.txt")
    assert document is not None
    assert any("公示文字" in note for note in document.projects[0].needs_check)


def test_notice_title_not_repeated_gives_no_name_and_total_read() -> None:
    text = NOTICE.replace("实施某镇葡萄种植项目", "资金总额12万元,用于某村葡萄园")
    rows, names, problems = _read(text)
    assert len(rows) == 5
    assert names == [""]
    assert any("没有找到项目名称" in p for p in problems)
    document, _ = read_text(text, "t.txt")
    assert document is not None and document.projects[0].budget.total == Decimal("12")


def test_notice_name_is_the_end_of_the_title_the_body_repeats() -> None:
    text = NOTICE.replace("关于某镇葡萄种植项目绩效目标设定的公示",
                          "关于解决某县2023年某镇葡萄种植示范项目资金绩效目标设定的公示")
    text = text.replace("实施某镇葡萄种植项目", "资金用于某县2023年某镇葡萄种植示范项目")
    _rows, names, _problems = _read(text)
    assert names == ["某县2023年某镇葡萄种植示范项目"]  # not 解决…项目资金: the body's words


def test_value_at_the_end_of_a_cut_page_is_not_read() -> None:
    text = "一、产出指标\n数量指标:改造面积(≥**平方米)大于等于100平方米,绿化面积(≥**平方米)≥20"
    rows, _names, problems = _read(text)
    assert rows == [("产出指标", "数量指标", "改造面积(≥**平方米)", "大于等于100平方米")]
    assert any("可能被截断" in p for p in problems)


def test_headings_without_hinted_items_stay_refused() -> None:
    document, problems = read_text("一、产出指标\n数量指标:完成种植1000株。\n二、效益指标\n带动增收。\n", "t.txt")
    assert document is None
    assert any("没有表格结构" in p.message for p in problems)
    assert all(p.severity is Severity.ERROR for p in problems)


# a notice before the form: a whole form glued into one paragraph is read from 400 characters on
_NOTICE_BEFORE = "相关县(市、区)财政局:为促进少数民族地区经济社会事业发展,经研究,现下达专项资金(详见附表)," * 8


def test_glued_header_region_label_ends_the_name() -> None:
    text = _NOTICE_BEFORE + ("专项转移支付绩效目标表(2023年度)部门(单位)名称某局"
                             "项目名称宗教管理经费补助区域甲区、乙县、丙市"
                             "资金情况(万元)资金总额:30其中:财政拨款30其他资金总体目标推进规范化管理,绩效指标一级指标二级指标三级指标"
                             "指标值产出指标数量指标补助县数量3个")
    document, _problems = read_text(text, "t.txt")
    assert document is not None
    assert [p.name for p in document.projects] == ["宗教管理经费补助"]


def test_glued_header_region_word_inside_a_name_is_no_label() -> None:
    text = _NOTICE_BEFORE + ("项目支出绩效目标表项目名称区域医疗中心建设主管部门某局"
                             "资金情况(万元)资金总额:30其中:财政拨款30其他资金"
                             "总体目标推进建设,绩效指标一级指标二级指标三级指标指标值产出指标数量指标建设中心数量1个")
    document, _problems = read_text(text, "t.txt")
    assert document is not None
    assert [p.name for p in document.projects] == ["区域医疗中心建设"]
