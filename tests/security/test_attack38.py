"""Round 38's attack (docs/security.md, 「Attacked from outside (attack38)」): each test failed on 6a19f62a."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.web.conftest import SEED_UNIT, WebEnv
from tests.web.test_revisions import api, cli_import

# a tiny table of a unit without a code, its 预算数 written 10^36 (万元)
HUGE = "1" + "0" * 36
TABLE = ("项目支出绩效目标表\n单位名称：测试局\n单位：万元\n项目名称\t测试项目\n预算数\t{total}\n"
         "其中：财政资金\t{fiscal}\n其他资金\t\n绩效目标\t完成测试任务\n一级指标\t二级指标\t三级指标\t指标值\n"
         "产出指标\t数量指标\t培训人数\t{target}\n")


def test_an_amount_past_any_table_is_refused_at_its_cell_by_the_command_line(web: WebEnv, tmp_path: Path) -> None:
    # `perfbudget import` stored a 预算数 of 10^36 万元 (the web refused it, the command line let every number of up to
    # 41 digits through): `perfbudget list projects` then raised InvalidOperation, the unit's page answered 500
    path = tmp_path / "huge.txt"
    path.write_text(TABLE.format(total=HUGE, fiscal="5", target="≥100人"), encoding="utf-8")
    code, stdout, stderr = cli_import(web, str(path))
    assert code == 1 and "导入 0 个" in stdout
    assert (f"huge.txt:5:第2列: 错误：表1「测试项目」有错误，未导入：第5行 第2列：projects[0].budget.total："
            f"预算数「{HUGE}」超出允许范围（绝对值不超过 10^12）") in stderr, stderr
    # a count past it alike, at the indicator's cell
    path.write_text(TABLE.format(total="5", fiscal="5", target="≥" + "9" * 30 + "人"), encoding="utf-8")
    code, _, stderr = cli_import(web, str(path))
    assert code == 1 and "第10行 第4列：projects[0].indicators[0].target.value：指标值「" + "9" * 30 in stderr, stderr
    # a real table's sizes pass as before
    path.write_text(TABLE.format(total="4764453.11", fiscal="4764453.11", target="≥100人"), encoding="utf-8")
    code, stdout, stderr = cli_import(web, str(path))
    assert code == 0 and "导入 1 个" in stdout, stderr


def test_an_upload_names_the_cell_of_an_amount_past_any_table(web: WebEnv) -> None:
    # the web refused it at the file alone: 「projects[0].budget.total：数值超出允许范围（绝对值不超过 10^12）」
    data = TABLE.format(total=HUGE, fiscal="5", target="≥100人").encode()
    preview = web.client().post("/api/v1/uploads", headers=api(web, "admin"), files={"file": ("huge.txt", data)})
    assert preview.status_code == 200, preview.text
    [blocked] = preview.json()["blocked_tables"]
    [problem] = blocked["problems"]
    assert problem["source"] == {"file": "huge.txt", "line": 5, "column": 2}
    assert problem["message"] == (f"projects[0].budget.total：预算数「{HUGE}」超出允许范围（绝对值不超过 10^12）"
                                  "：请核对金额单位和数字")


def test_money_of_more_digits_than_the_decimal_context_is_printed_not_raised() -> None:
    # an amount stored before (41 digits at most) raised InvalidOperation out of money_text: every face printing it
    from perfbudget.money_text import money_text

    assert money_text(Decimal(HUGE)) == "1," + ",".join(["000"] * 12) + ".00"
    assert money_text(Decimal("-" + "9" * 41)) == "-99," + ",".join(["999"] * 13) + ".00"
    assert money_text(Decimal("12345678.9")) == "12,345,678.90" and money_text(Decimal("0.125")) == "0.125"


def test_the_publication_page_of_a_unit_not_seen_answers_as_the_api_and_as_no_unit(web: WebEnv) -> None:
    # the page answered 403 「您无权查看该单位的数据」 where the API and the unit's page answer 404 (attack37 left it)
    other = web.client("other_editor")
    for unit in (SEED_UNIT, "000000", "by-name/测试局", "by-code/255101"):
        page = other.get(f"/units/{unit}/publication/json?year=2024")
        assert page.status_code == 404, (unit, page.status_code)
        assert "没有找到该单位" in page.text
        through = other.get(f"/api/v1/units/{unit}/publication/json?year=2024", headers=api(web, "other_editor"))
        assert through.status_code == 404 and through.json()["error"]["message"] == "没有找到该单位"
