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
                       ["项目总投资", "30万元", "其他资金", "20万元", "预算申报数", "20万元",
                        "资金性质", "一般公共预算"],
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
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert project.name == "博物馆免费开放补助资金"
    assert project.budget.total == Decimal("20")
    assert len(project.indicators) == 5


_TRADITIONAL_CUT_FORM = (
    "某市檔案館2020年度項目支出績效目標表項目名稱檔案數字化專項經費主管部門某市檔案館項目實施單位某市檔案館項目類別其他"
    "項目屬性經常性項目年度資金總額(萬元)10年度總體目標完成全市檔案數字化工作,提升檔案查詢利用水平,保障檔案安全,"
    "推進檔案資料征集、編研、陳列等工作全面開展項目概況本項目用於檔案搶救與保護、檔案工作考評、查詢利用、檔案資料征集、"
    "數字化、編研、陳列等工作的開展,確保全年工作任務按期完成,檔案館藏資源得到有效保護和利用\n")


def test_a_form_in_traditional_characters_cut_before_its_indicators() -> None:
    # no indicator either way, but only the converted text finds the form: its name, budget and cut are read
    # converted (the warning that says so, the cut and the error that no indicator was read all there)
    document, problems = read_text(_TRADITIONAL_CUT_FORM, "t.txt")
    assert document is not None
    project = document.projects[0]
    assert project.name == "档案数字化专项经费" and project.budget.total == Decimal("10")
    messages = [p.message for p in problems]
    assert messages[0].startswith("原文是繁体字")
    assert any(m.startswith("表格在此中断") for m in messages)
    assert any(m.startswith("表格是繁体字") for m in messages)
    assert not any("没有表格结构" in m for m in messages)


def test_a_traditional_text_that_reads_to_nothing_either_way_stays_refused() -> None:
    document, problems = read_text("這是一段說明文字,沒有績效指標,也沒有表格。\n", "t.txt")
    assert document is None
    assert [p.message[:6] for p in _errors(problems)] == ["没有找到可识", "表格是繁体字"]


def test_a_refused_text_is_told_at_the_line_of_its_forms_words_and_what_to_do() -> None:
    # a sheet's rows each glued on a line, value and score fused: no layout takes it (FAILURES.md A, `52`)
    text = ("2019年度某县助学金项目绩效评价指标表\n\n发布时间:2020-12-02\n\n"
            "评价指标评价内容指标名称指标说明目标值分值备注\n产出数量指标享受资助人数达到预计值210010\n")
    document, problems = read_text(text, "t.txt")
    assert document is None
    [error] = _errors(problems)
    assert error.source.line == 5
    assert "「指标名称」" in error.message and "请导入原表格文件" in error.message


def test_a_refused_text_without_a_forms_words_is_told_it_is_no_target_table() -> None:
    document, problems = read_text("根据有关文件,现将资金分配方案印发给你们,请按要求做好资金管理。\n", "t.txt")
    assert document is None
    [error] = _errors(problems)
    assert error.source.line is None
    assert "文本中没有「项目名称」" in error.message and "请确认导入的是项目支出绩效目标表或自评表" in error.message



def test_a_few_pipe_rows_keep_their_pipes_out_of_the_cells() -> None:
    # fewer than five pipe rows are read as space rows: a pipe there is a separator, never a cell (the name was
    # read as 「|」 and the budget as 「|」 不是金额)
    text = _pipe_rows([["项目名称", "干渠防渗改造项目", "项目负责人", "(略)"], ["主管部门", "某县水利局"],
                       ["预算数(万元)", "50"], ["实施单位", "某县农村供水站"]])
    document, problems = read_text(text, "t.txt")
    assert document is not None
    [project] = document.projects
    assert project.name == "干渠防渗改造项目" and project.budget.total == Decimal("50")
    assert ("主管部门", "某县水利局") in project.extras
    assert not any("「|」" in p.message for p in problems)


def test_a_countys_fund_form_glued_ends_its_name_at_the_phone_label() -> None:
    # 专项资金名称 | 县级储备粮 | 负责人及电话 | (略) | 县级主管部门 | …, glued: the name ends at 负责人及电话, and
    # 县级主管部门 is one label (not 主管部门 with 县级 left on the phone)
    paragraph = ("2020年度县级专项资金绩效目标表专项资金名称县级储备粮负责人及电话(略)县级主管部门某县商务和粮食局"
                 "实施单位粮食调控储备股项目资金(万元)年度资金总额194.9其中:财政拨款194.9其他资金年度总体目标"
                 "保持和稳定地方粮食储备机制,确保地方储备粮食规模达标,储备粮数量真实、质量良好、储存安全,"
                 "保障全县粮食应急供应和市场稳定,完成年度储备轮换计划,落实储备粮管理制度,严格执行国家粮食收购政策,"
                 "做好储备粮贷款付息和政策性挂账利息补贴工作,推进科学保粮和绿色储粮,加强储备粮库存检查和质量监测,"
                 "确保账实相符、质量良好,防止发生储备粮霉变和安全生产事故,全面提升全县粮食储备管理水平一级指标二级指标三级指标指标值"
                 "产出指标数量指标成品粮储备到位率100%质量指标储备粮管理专户管理率100%时效指标贷款付息及时率100%"
                 "效益指标经济效益指标利息费用保障率100%满意度指标服务对象满意度指标群众满意度≥90%")
    document, problems = read_text(paragraph + "\n", "t.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert project.name == "县级储备粮" and project.budget.total == Decimal("194.9")
    assert ("负责人及电话", "(略)") in project.extras and ("县级主管部门", "某县商务和粮食局") in project.extras
