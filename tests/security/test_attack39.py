"""Round 39's attack (docs/security.md, 「Attacked from outside (attack39)」): each test failed on 0e435d37."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import WebEnv
from tests.web.test_revisions import api, cli_import

# a tiny table of a unit without a code, in the money unit {unit}
TABLE = ("项目支出绩效目标表\n单位名称：测试局\n单位：{unit}\n项目名称\t测试项目\n预算数\t{total}\n"
         "其中：财政资金\t5\n其他资金\t\n绩效目标\t完成测试任务\n一级指标\t二级指标\t三级指标\t指标值\n"
         "产出指标\t数量指标\t培训人数\t{target}\n")
TRILLION = "1" + "0" * 12  # 10^12: within the bound of a number, 10^20 元 in 亿元


def test_an_amount_is_bounded_in_yuan_whatever_its_money_unit(web: WebEnv, tmp_path: Path) -> None:
    # the bound of 10^12 was the number's alone: 10^12 亿元 (10^20 元, ten thousand times 10^12 万元) was imported by
    # the command line and every web face, and listed as 10^12 in the lists' 预算（万元） column
    path = tmp_path / "yi.txt"
    path.write_text(TABLE.format(unit="亿元", total=TRILLION, target="≥100人"), encoding="utf-8")
    code, stdout, stderr = cli_import(web, str(path))
    assert code == 1 and "导入 0 个" in stdout, stdout
    assert (f"第5行 第2列：projects[0].budget.total：预算数「{TRILLION}」亿元超出允许范围（金额折合不超过 10^16 元，"
            "即 10^12 万元）：请核对金额单位和数字") in stderr, stderr
    # the API's upload alike, at the cell
    data = path.read_bytes()
    preview = web.client().post("/api/v1/uploads", headers=api(web, "admin"), files={"file": ("yi.txt", data)})
    assert preview.status_code == 200, preview.text
    [blocked] = preview.json()["blocked_tables"]
    [problem] = blocked["problems"]
    assert problem["source"] == {"file": "yi.txt", "line": 5, "column": 2}
    assert "亿元超出允许范围（金额折合不超过 10^16 元" in problem["message"]
    # a target in money counts in its own unit: ≥10^12 亿元 is refused at its cell, ≥10^12 万元 is not
    path.write_text(TABLE.format(unit="万元", total="5", target=f"≥{TRILLION}亿元"), encoding="utf-8")
    code, _, stderr = cli_import(web, str(path))
    place = "第10行 第4列：projects[0].indicators[0].target.value"
    assert code == 1 and f"{place}：指标值「{TRILLION}」亿元超出" in stderr, stderr
    # what was within before stays within: 10^8 亿元, 10^12 万元, 10^12 元 (the number's own bound)
    for unit, total, target in (("亿元", "1" + "0" * 8, "≥100人"), ("万元", TRILLION, f"≥{TRILLION}万元"),
                                ("元", TRILLION, "≥100人")):
        path.write_text(TABLE.format(unit=unit, total=total, target=target).replace("测试项目", f"测试项目{unit}"),
                        encoding="utf-8")
        code, stdout, stderr = cli_import(web, str(path))
        assert code == 0 and "导入 1 个" in stdout, (unit, stderr)


def test_the_command_line_batch_approves_only_the_version_the_reviewer_names(web: WebEnv) -> None:
    # `perfbudget desk batch approve P` sent no version: a revision the unit sent while the reviewer read version 1
    # was approved by it, where the queue's ticks and the API's batch name the version seen (attack38)
    from perfbudget.cli import app as cli
    from tests.web.test_workflow_cli import runner

    project = web.project_ids[1]
    client, editor, reviewer = web.client(), api(web, "editor"), api(web, "reviewer")

    def submit() -> None:
        assert client.post(f"/api/v1/projects/{project}/workflow", headers=editor,
                           json={"action": "submit", "justification": "理由"}).status_code == 200

    def batch(*references: str) -> object:
        return runner.invoke(cli, ["desk", "batch", "approve", *references, "--user", "reviewer", "--db", web.url])

    submit()
    todo = runner.invoke(cli, ["desk", "todo", "--year", "all", "--user", "reviewer", "--db", web.url]).output
    assert f"编号 {project}  第 1 版" in todo, todo  # the version to name
    document = client.get(f"/api/v1/projects/{project}", headers=editor).json()["document"]
    document["projects"][0]["purpose"] = "单位在审核期间改过的资金用途"
    assert client.post("/api/v1/documents?force=true", headers=editor, json=document).status_code == 200
    submit()  # version 2, sent again
    said = batch(f"{project}:1")
    assert said.exit_code == 1 and "您审核的是第 1 版，但该项目已有更新的第 2 版" in said.stdout, said.output
    assert client.get(f"/api/v1/projects/{project}", headers=reviewer).json()["state"] == "submitted"
    for wrong in (f"{project}:0", f"{project}:99999999999"):  # a version no number of versions reaches: named
        said = batch(wrong)
        assert said.exit_code == 1 and f"版本号「{wrong.partition(':')[2]}」无效" in said.stdout, said.output
    said = batch(f"{project}:2")  # the version seen, still the latest
    assert said.exit_code == 0 and "已审核通过 1 个项目" in said.stdout, said.output
    assert client.get(f"/api/v1/projects/{project}", headers=reviewer).json()["official_version"] == 2


def test_a_document_naming_a_money_unit_no_reader_reads_is_refused(web: WebEnv, tmp_path: Path) -> None:
    # a JSON document could name any money unit (「万亿元」): its amounts counted in 元 by nothing, the bound above
    # dodged, its 预算数 listed as so many 万元
    import json

    document = web.client().get("/api/v1/projects/1", headers=api(web, "admin")).json()["document"]
    document["money_unit"] = "万亿元"
    answer = web.client().post("/api/v1/documents", headers=api(web, "admin"), json=document)
    said = "金额单位「万亿元」无效，应为元、千元、万元、亿元之一"
    assert answer.status_code == 422 and said in answer.text, answer.text
    listed = tmp_path / "t.json"
    listed.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, stdout, stderr = cli_import(web, str(listed))
    assert code == 1 and "金额单位「万亿元」无效" in stderr, (stdout, stderr)
    for unit in ("元", "千元", "万元", "亿元", None):  # the readers' units, and none
        document["money_unit"] = unit
        answer = web.client().post("/api/v1/documents?dry_run=true", headers=api(web, "admin"), json=document)
        assert answer.status_code == 200, (unit, answer.text)


def _joined(text: str, words: list[str], parts: int = 0) -> bool:
    """Whether ``text`` is two or more of ``words`` joined."""
    return parts >= 2 if not text else any(
        word and text.startswith(word) and _joined(text[len(word):], words, parts + 1) for word in words)


def _joined_alternatives(pattern: str) -> list[str]:
    """The words of a repeated group of plain words, ``(?:甲|乙|甲乙)*``, that are others joined (甲乙): the engine
    tries each way a run of them splits, 2^n for n such words before a text the rest refuses."""
    import re

    found = []
    for group in re.finditer(r"\(\?:([^()]*)\)(?:[*+]|\{\d*,\d*\})", pattern):
        words = group.group(1).split("|")
        if not any(re.search(r"[\\\[\].?*+{}^$]", word) for word in words):
            found += [word for word in words if _joined(word, words)]
    return found


def test_no_pattern_repeats_a_word_that_is_others_joined() -> None:
    # kinds42's 「(?:已经|已|均已|均|…)*完成」 split each 「均已」 both ways: an 实际完成值 of 25 「均已」 and a word
    # that is no grade's cost 3.8 s of CPU per GET of the project's 自评 page (and per `perfbudget evaluate`), 30 of
    # them some two minutes; every compiled pattern of the package is looked at
    import importlib
    import pkgutil
    import re

    import perfbudget

    patterns: list[tuple[str, str]] = []
    for module in pkgutil.walk_packages(perfbudget.__path__, "perfbudget."):
        if module.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            values = value if isinstance(value, tuple | list) else (value,)
            for item in values:
                for one in item if isinstance(item, tuple) else (item,):
                    if isinstance(one, re.Pattern) and isinstance(one.pattern, str):
                        patterns.append((f"{module.name}.{name}", one.pattern))
    assert len(patterns) > 500
    assert [(name, joined) for name, pattern in patterns if (joined := _joined_alternatives(pattern))] == []
    from perfbudget.evaluate.vocabulary import stated_grade

    assert stated_grade("均已完成") == stated_grade("已经全部完成") == "达成"  # read as before
    assert stated_grade("均已" * 40 + "做完") is None  # 2^40 tries before
