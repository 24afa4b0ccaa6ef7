"""Labels and messages first needed by the corpus's own misses (misses18), each on a tiny inline document: the
shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.text import read_text
from tests.readers.test_real_layout_faults import INDICATORS, _errors, _pipe_rows


def test_the_gansu_forms_type_and_request_labels() -> None:
    # 项目类型 and 资金性质 are labels (the name and the other funds end before them); 预算申报数 is the year's
    # budget, 项目总投资 (a multi-year investment) never is
    text = _pipe_rows([["项目名称", "博物馆免费开放补助资金", "项目类型", "新增项目"],
                       ["项目总投资", "30万元", "其他资金", "20万元", "预算申报数", "20万元", "资金性质", "一般公共预算"],
                       *INDICATORS])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert project.name == "博物馆免费开放补助资金"
    assert project.budget.total == Decimal("20") and project.budget.other == Decimal("20")
    assert document.money_unit == "万元"
    assert ("项目类型", "新增项目") in project.extras and ("资金性质", "一般公共预算") in project.extras
    assert ("项目总投资", "30万元") in project.extras


def test_the_gansu_form_glued_into_one_paragraph() -> None:
    # the same labels split a whole form glued into one paragraph (an OCR'd PDF on a document site)
    paragraph = ("省级部门预算项目支出绩效目标表(2023年度)一级项目名称文化事业发展专项资金二级项目名称"
                 "博物馆免费开放补助资金项目类型新增项目项目分类专项工作经费资金用途业务类项目主管部门某市文化和旅游局"
                 "项目总投资30万元其他资金20万元预算申报数20万元资金性质一般公共预算基本情况保障博物馆正常运转"
                 "项目立项必要性保障各项业务正常运行保证项目实施的制度措施博物馆绩效考核项目实施计划按年度计划组织实施"
                 "政策依据某财科[2022]78号其他依据需要说明的其他问题无组织实施单位某省文物局监督管理单位某市文旅局"
                 "项目实施单位某市博物馆年度绩效目标进一步提高博物馆纪念馆运行效率和免费开放服务水平，保障全年免费开放一级指标二级指标三级指标指标目标值"
                 "产出指标数量指标免费开放天数=300天质量指标藏品完好率=100%时效指标开放及时率=100%"
                 "效益指标社会效益指标参观人次≥10000人次满意度指标服务对象满意度指标观众满意度≥90%")
    document, problems = read_text(paragraph + "\n", "t.txt")
    assert document is not None
    project = document.projects[0]
    assert project.name == "博物馆免费开放补助资金"
    assert project.budget.total == Decimal("20")
    assert len(project.indicators) == 5
