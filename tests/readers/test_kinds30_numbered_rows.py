"""A glued self-evaluation whose rows the template numbers (指标1, 指标2 … under each 二级), OCR'd from a PDF (corpus
130, Ningxia's 绩效目标自评表: 三级 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因): until kinds30 one OCR slip
refused every row. The numbers tell where each row starts, so a row that does not split is left out alone, told, and
the next numbered row read; the level's points (产出指标(40分)) bound a row's 分值; a line the page broke inside a row
goes on with the rows."""

from __future__ import annotations

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.glued_stream import split_stream
from perfbudget.readers.glued_weighted_rows import weighted_row

_HEAD = ("文本内容:\n"
         "育苗示范项目绩效目标自评表(2022年度)项目名称育苗示范项目实施单位某县农技中心资金情况(万元)年度资金总额"
         "全年预算数(A)120全年执行数(B)执行率(B/A)\n")  # (a line break the OCR put in)
_GOAL = "年度总体目标一是采购原种300万粒,免费向农户发放;二是建成繁育基地400亩,平均亩产原种2500公斤"
_HEADER = "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施"


def _read(rows: str):  # type: ignore[no-untyped-def]
    return load_bytes((_HEAD + _GOAL + _HEADER + rows).encode(), "自评.txt")


def _rows(result) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    assert result.document is not None, [str(p) for p in result.problems]
    return [(i.level1, i.level2, i.level3, i.target.raw) for p in result.document.projects for i in p.indicators]


def test_a_row_that_does_not_split_is_left_out_alone_and_the_next_number_read() -> None:
    # 指标2's actual is an OCR slip (^80%): that row is told and left out, 指标3 and the next 二级's rows are read
    result = _read("产出指标(40分)数量指标指标1免费发放原种8300万粒300万粒8指标2种苗推广比例880%^80%8"
                   "指标3企业自行采购8200万粒200万粒8成本指标指标1采购价格不高于市场价8是是8满意度指标(20分)")
    assert _rows(result) == [("产出指标", "数量指标", "免费发放原种", "300万粒"),
                             ("产出指标", "数量指标", "企业自行采购", "200万粒"),
                             ("产出指标", "成本指标", "采购价格不高于市场价", "是")]
    errors = [p.message for p in result.problems if p.severity is Severity.ERROR]
    assert any("编号的粘连指标行" in m and "种苗推广比例880%^80%8" in m for m in errors)


def test_the_levels_points_bound_a_rows_weight() -> None:
    # 8300万粒300万粒8: 8 | 300万粒 | 300万粒 | 8, or 83 | 00万粒…, or 8 | 3 | 3 | 0 leaving 「0万粒…」: under
    # 产出指标(40分) and up to the next number, one reading
    rest = "免费发放原种8550万粒550万粒8"
    rows, stopped, _ = split_stream("产出指标(40分)数量指标指标1" + rest + "指标2企业自行采购8200万粒200万粒8", [],
                                    lambda text, most: weighted_row(True, text, most), [])
    assert stopped is None
    assert [row[2:4] for row in rows] == [["免费发放原种", "8"], ["企业自行采购", "8"]]
    assert rows[0][4] == "550万粒"
    # without the points (no note on the level) the first row reads two ways: an error, never a guess
    rows, stopped, _ = split_stream("产出指标数量指标" + rest + "企业自行采购8200万粒200万粒8", [],
                                    lambda text, most: weighted_row(True, text, most), [])
    assert not rows and stopped is not None and "2 种拆法" in stopped


def test_a_level_name_that_took_the_rows_number_keeps_its_level() -> None:
    # 生态效益指标1病害减少…: the row is 1 under 生态效益指标, not a row of 社会效益指标 before it
    result = _read("效益指标(40分)社会效益指标指标1推广面积占比880%80%8生态效益指标1化学农药用量较上年减少82%2%8"
                   "满意度指标(20分)")
    assert _rows(result) == [("效益指标", "社会效益指标", "推广面积占比", "80%"),
                             ("效益指标", "生态效益指标", "化学农药用量较上年减少", "2%")]


def test_a_line_broken_inside_a_row_goes_on_with_the_rows() -> None:
    result = _read("产出指标(40分)数量指标指标1免费发放原种8300万粒300万粒8指标2一级种薯繁育基地8000亩\n"
                   "8535.5亩质量指标指标1采购原种合格率8100%100%8满意度指标(20分)")
    assert _rows(result) == [("产出指标", "数量指标", "免费发放原种", "300万粒"),
                             ("产出指标", "质量指标", "采购原种合格率", "100%")]
    assert any("在行中换行" in p.message for p in result.problems)
    assert any("一级种薯繁育基地8000亩8535.5亩" in p.message for p in result.problems
               if p.severity is Severity.ERROR)


def test_a_name_holding_a_month_no_calendar_has_is_no_name() -> None:
    # 支付811月底完成100%100%8: no month 811 — not read as 「…支付811月底完成」 | 10 | 0% | 100% | 8
    result = _read("产出指标(40分)时效指标指标12021年11月30日前完成资金支付811月底完成100%100%8"
                   "成本指标指标1采购价格不高于市场价8是是8")
    assert _rows(result) == [("产出指标", "成本指标", "采购价格不高于市场价", "是")]
