"""A transfer's region table glued into one paragraph (reading29, `46`/`77`): one value a region run together after
the 三级 and its 指标解释. A row whose regions all give one value is read with that value (and the 指标方向's sign);
a run no person can cut (``2312``) or a 三级 not told from its 指标解释 is a located error, the reading going on at
the next level name. Main refused every row: 单元格粘连在一起，且三级指标之后不止一列."""

from __future__ import annotations

from perfbudget.load import load_bytes

_HEAD = ("附件2专项转移支付绩效目标表(2023年度)部门(单位)名称某市民族与宗教事务局部门预算编码230001"
         "项目名称宗教管理经费补助区域新罗区、永定区资金情况(万元)资金总额:30其中:财政拨款30其他资金总体目标推进宗教活动场所规范化管理,绩效指标")


def _read(rows: str, header: str) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    result = load_bytes((_HEAD + header + rows + "\n").encode(), "notice.txt")
    assert result.document is not None, [p.message for p in result.problems]
    project = result.document.projects[0]
    return ([(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators],
            [p.message for p in result.errors if "粘连的区域指标行" in p.message])


def test_glued_region_values_the_same_in_every_region_are_the_target() -> None:
    rows = ("产出指标数量指标补助县(市、区)数量反映补助县数量情况2312质量指标项目资金使用合规性反映资金使用合规情况"
            ">=95%>=95%>=95%>=95%项目完成率反映项目完成情况100%100%100%100%满意度指标服务对象满意度指标"
            "群众满意度反映群众满意情况≥90%≥90%≥90%≥90%")
    read, errors = _read(rows, "一级指标二级指标三级指标指标解释区域目标值新罗区永定区上杭县漳平市")
    assert read == [("产出指标", "质量指标", "项目资金使用合规性", ">=95%"),
                    ("产出指标", "质量指标", "项目完成率", "100%"),
                    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]
    assert len(errors) == 1 and "不是同一个值逐区域重复" in errors[0] and "2312" in errors[0]


def test_a_direction_column_gives_its_sign_and_an_unsplit_name_is_an_error() -> None:
    rows = ("成本指标经济成本指标资金投入成本控制率(%)反映成本控制情况≤100%100%产出指标数量指标开展修复工程(个)"
            "反映修复项目开展情况≥11质量指标已建工程是否存在质量问题当年已完工项目检查中发现的质量问题是/否否否")
    # (the explanation no question: since reading39 one restating the name's 是否 question is split, 莆田 46)
    read, errors = _read(rows, "一级指标二级指标三级指标指标解释指标方向笏石街道办埭头镇")
    assert read == [("成本指标", "经济成本指标", "资金投入成本控制率(%)", "≤100%"),
                    ("产出指标", "数量指标", "开展修复工程(个)", "≥1")]
    assert len(errors) == 1 and "三级指标与指标解释粘连" in errors[0]
