"""A transfer's region table whose regions give different values: the row stays a located error (the model holds
one target an indicator), but the error names the regions, glued (readers.glued_region_rows) as in cells
(readers.region_columns, where each region's value is also kept as the indicator's extra under its name)."""

from __future__ import annotations

from perfbudget.load import load_bytes

_HEAD = ("附件2专项转移支付绩效目标表(2023年度)部门(单位)名称某市民族与宗教事务局部门预算编码230001"
         "项目名称宗教管理经费补助区域新罗区、永定区资金情况(万元)资金总额:30其中:财政拨款30其他资金总体目标推进宗教活动场所规范化管理,绩效指标")


def test_a_glued_region_row_not_cut_names_its_regions() -> None:
    rows = ("产出指标数量指标补助县(市、区)数量反映补助县数量情况2312质量指标项目资金使用合规性反映资金使用合规情况"
            ">=95%>=95%>=95%>=95%")
    text = _HEAD + "一级指标二级指标三级指标指标解释区域目标值新罗区永定区上杭县漳平市" + rows + "\n"
    result = load_bytes(text.encode(), "notice.txt")
    assert result.document is not None
    assert [i.level3 for i in result.document.projects[0].indicators] == ["项目资金使用合规性"]
    errors = [p.message for p in result.errors if "粘连的区域指标行" in p.message]
    assert len(errors) == 1 and "各区域（新罗区、永定区、上杭县、漳平市）的目标值粘连在一起" in errors[0], errors
    assert result.errors[0].source.line == 1


def test_glued_region_values_that_differ_but_cut_one_way_are_named_region_by_region() -> None:
    # each value closed by its unit (2条3条…, >=95%>=90%…): the run cuts one way only; the row is read without a
    # target (the model's one target an indicator), its error naming each region's value, and the next row under
    # the same 二级 (no level name between) is read as before
    rows = ("产出指标数量指标新建水渠数量反映新建水渠情况2条3条1条2条质量指标项目资金使用合规性反映资金使用合规情况"
            ">=95%>=90%>=95%>=95%项目完成率反映项目完成情况100%100%100%100%")
    text = _HEAD + "一级指标二级指标三级指标指标解释区域目标值新罗区永定区上杭县漳平市" + rows + "\n"
    result = load_bytes(text.encode(), "notice.txt")
    assert result.document is not None
    assert [(i.level3, i.description, i.target.raw) for i in result.document.projects[0].indicators] == [
        ("新建水渠数量", "反映新建水渠情况", ""), ("项目资金使用合规性", "反映资金使用合规情况", ""),
        ("项目完成率", "反映项目完成情况", "100%")]
    errors = [p.message for p in result.errors if "各区域的目标值不同" in p.message]
    assert errors == [
        "各区域的目标值不同（新罗区2条、永定区3条、上杭县1条、漳平市2条）：表中没有项目的指标值列，无法确定项目的指标值，"
        "这一行未读取指标值；请人工核对",
        "各区域的目标值不同（新罗区>=95%、永定区>=90%、上杭县>=95%、漳平市>=95%）：表中没有项目的指标值列，"
        "无法确定项目的指标值，这一行未读取指标值；请人工核对"]


def test_region_cells_with_different_values_keep_each_regions_value_and_name_them() -> None:
    text = ("2023年专项资金区域绩效目标表\n"
            "项目名称 | 小型水利工程建设\n"
            "资金总额（万元） | 40\n"
            "一级指标 | 二级指标 | 三级指标 | 西坪镇尧山村 | 桃舟乡吾培村\n"
            "产出指标 | 数量指标 | 新建水渠 | 2条 | 3条\n"
            "产出指标 | 质量指标 | 验收合格率 | 100% | 100%\n")
    result = load_bytes(text.encode(), "regions.txt")
    assert result.document is not None
    first, second = result.document.projects[0].indicators
    assert (first.target.raw, second.target.raw) == ("", "100%")
    assert dict(first.extras) == {"西坪镇尧山村": "2条", "桃舟乡吾培村": "3条"}
    errors = [p for p in result.errors if "各区域的指标值不同" in p.message]
    assert len(errors) == 1 and "西坪镇尧山村2条、桃舟乡吾培村3条" in errors[0].message
    assert errors[0].source.line == 5
