"""Round 39's attack (docs/security.md, 「Attacked from outside (attack39)」): each test failed on 0e435d37."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


_MOST_WORDS = 256  # a repeated piece spelling more texts is not looked at


def _texts(items: Any) -> list[str] | None:
    """Every text a parsed piece of a pattern matches, once for each way it matches it (a text twice: two ways), or
    None when they are not few: a repeat without bound, a class of many characters, an anchor, a back reference."""
    from re import _constants as c  # type: ignore[attr-defined]

    out = [""]
    for op, arg in items:
        if op is c.LITERAL:
            ways: list[str] | None = [chr(arg)]
        elif op is c.IN:  # [数率]: its characters (a negated or large class: None)
            chars = [[chr(arg)] if kind is c.LITERAL else [chr(k) for k in range(arg[0], arg[1] + 1)]
                     if kind is c.RANGE and arg[1] - arg[0] < 16 else None for kind, arg in arg]
            ways = None if None in chars else [ch for one in chars for ch in one or ()]
        elif op is c.SUBPATTERN:
            ways = _texts(arg[-1])
        elif op is c.BRANCH:
            each = [_texts(branch) for branch in arg[1]]
            ways = None if None in each else [text for one in each for text in one or ()]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[1] <= 3:  # 数? and a{1,3}: each count spelled
            one, ways, power = _texts(arg[2]), [], [""]
            for count in range(arg[1] + 1):
                ways += power if count >= arg[0] else []
                power = [a + b for a in power for b in one or ()]
            ways = ways if one is not None else None
        else:
            ways = None
        if ways is None or len(out) * len(ways) > _MOST_WORDS:
            return None
        out = [a + b for a in out for b in ways]
    return out


def _decipherable(words: list[str]) -> bool:
    """Whether every run of ``words`` splits into them one way only (Sardinas–Patterson: no dangling suffix is empty;
    a word twice or an empty word splits two ways at once)."""
    if "" in words or len(set(words)) < len(words):
        return False
    code = set(words)
    dangling = {v[len(u):] for u in code for v in code if u != v and v.startswith(u)}
    met: set[frozenset[str]] = set()
    while dangling and (now := frozenset(dangling)) not in met:
        if "" in dangling:
            return False
        met.add(now)
        dangling = ({v[len(u):] for u in code for v in dangling if v.startswith(u)}
                    | {v[len(u):] for u in dangling for v in code if v.startswith(u)})
    return True


def _ambiguous_runs(pattern: str, flags: int) -> list[list[str]]:
    """The texts of each repeated piece of ``pattern`` whose runs split more than one way (``(?:预算数?|数)+``: 预算数
    | 预算+数): the engine tries each split, 2^n for n of them before a text the rest refuses. A possessive repeat
    (``*+``) tries one split and is not looked at; what it repeats is."""
    from re import _constants as c
    from re import _parser

    found: list[list[str]] = []

    def walk(items: Any) -> None:
        for op, arg in items:
            if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[1] > 1:
                texts = _texts(arg[2])
                found.extend([texts] if texts is not None and not _decipherable(texts) else [])
            if op is c.BRANCH:
                pieces = arg[1]
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                pieces = [arg[2]]
            elif op in (c.SUBPATTERN, c.ASSERT, c.ASSERT_NOT):
                pieces = [arg[-1]]
            elif op is c.ATOMIC_GROUP:
                pieces = [arg]
            elif op is c.GROUPREF_EXISTS:
                pieces = [arg[1], arg[2] or []]
            else:
                pieces = []
            for piece in pieces:
                walk(piece)

    walk(_parser.parse(pattern, flags))
    return found


def test_no_repeated_piece_of_a_pattern_splits_a_run_two_ways() -> None:
    # kinds42's 「(?:已经|已|均已|均|…)*完成」 split each 「均已」 both ways: an 实际完成值 of 25 「均已」 and a word
    # that is no grade's cost 3.8 s of CPU per GET of the project's 自评 page (and per `perfbudget evaluate`), 30 of
    # them some two minutes. The first guard looked only at groups of plain words for one that is others joined, and
    # missed broken_form's 「(?:年初|全年|预算数?|…|数)+」 (预算数 | 预算+数: 19 「预算数」 and 「X」 0.22 s a line of
    # an upload): each repeated piece is spelled out (数?, [数率], a|b) and its texts tested to split one way.
    import importlib
    import pkgutil
    import re

    import perfbudget

    assert [_decipherable(words) for words in (["ab", "a", "ba"], ["已", "已"], ["均", "已", "均已"], ["a", "ab", "bb"],
                                               ["年初", "全年", "预算", "执行数", "执行率", "数"])] == [
        False, False, False, True, True]
    assert _ambiguous_runs(r"(?:预算数?|[数率])+$", 0) == [["预算", "预算数", "数", "率"]]
    assert _ambiguous_runs(r"(?:已经|已|均已|均)*+完成|(?:已|已)*", 0) == [["已", "已"]]  # possessive: one split
    patterns: dict[tuple[str, int], str] = {}
    for module in pkgutil.walk_packages(perfbudget.__path__, "perfbudget."):
        if module.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            values = value if isinstance(value, tuple | list) else (value,)
            for item in values:
                for one in item if isinstance(item, tuple) else (item,):
                    if isinstance(one, re.Pattern) and isinstance(one.pattern, str):
                        patterns.setdefault((one.pattern, one.flags), f"{module.name}.{name}")
    assert len(patterns) > 500  # 631 distinct (of 700 found) at attack39's second reading
    assert [(name, texts) for (pattern, flags), name in patterns.items()
            if (texts := _ambiguous_runs(pattern, flags))] == []
    from perfbudget.evaluate.vocabulary import stated_grade

    assert stated_grade("均已完成") == stated_grade("已经全部完成") == "达成"  # read as before
    assert stated_grade("均已" * 20 + "做完") is None  # 2^20 tries before: slow, not hung, were the words to regress


def test_a_monitored_figure_without_its_own_unit_is_bounded_in_the_targets(tmp_path: Path) -> None:
    # second reading: a 监控表's figure written without a unit is read in its target's unit (evaluate.monitor), but the
    # bound in 元 skipped it: 「1000000000000」 under a target in 亿元 (10^20 元) was stored
    from dataclasses import replace
    from decimal import Decimal

    from perfbudget.app.validate import document_problems, storage_problems
    from perfbudget.load import load_path
    from perfbudget.model import Progress

    (tmp_path / "t.txt").write_text(TABLE.format(unit="万元", total="5", target="≥100亿元"), encoding="utf-8")
    read = load_path(tmp_path / "t.txt").document
    assert read is not None
    for figures, past in (({"actual_value": Decimal(TRILLION), "forecast_value": Decimal(TRILLION)}, True),
                          ({"actual_value": Decimal(TRILLION), "actual_unit": "万元"}, False)):  # its own unit rules
        monitored = [replace(read.projects[0].indicators[0], progress=Progress(**figures))]  # type: ignore[arg-type]
        checked = replace(read, projects=[replace(read.projects[0], indicators=monitored)])
        for check in (storage_problems, document_problems):
            said = " ".join(p.message for p in check(checked, "t.txt"))
            assert (f"progress.actual_value：数值「{TRILLION}」亿元超出" in said) is past, (check, said)
            assert (f"「{TRILLION}」亿元超出" in said.partition("progress.forecast_value")[2]) is past, (check, said)


def test_batch_references_read_every_colon_and_refuse_what_they_cannot_bind(web: WebEnv) -> None:
    # second reading: 「12：1」 (a full-width colon) was a name no project has, a name ending 「:2024」 was split into a
    # name no project has and a version, 「12:1 12:2」 approved version 1 of the two; the web queue dropped a tick's
    # version that is none (「12:0」) and approved the latest; a bare reference did not say which version it approved
    from perfbudget.app.review_desk import seen_reference
    from perfbudget.cli import app as cli
    from tests.web.conftest import csrf_of
    from tests.web.test_workflow_cli import runner

    assert [seen_reference(r) for r in ("12：3", "甲:2024", "甲：乙", "12:0")] == [
        ("12", 3), ("甲", 2024), ("甲：乙", None), ("12", 0)]
    project, other = web.project_ids[1], web.project_ids[2]
    client, editor, reviewer = web.client(), api(web, "editor"), api(web, "reviewer")

    def batch(*references: str) -> object:
        return runner.invoke(cli, ["desk", "batch", "approve", *references, "--user", "reviewer", "--db", web.url])

    document = client.get(f"/api/v1/projects/{project}", headers=editor).json()["document"]
    document["projects"][0]["name"] = "名称带冒号的项目:2024"
    assert client.post("/api/v1/documents?force=true", headers=editor, json=document).status_code == 200
    said = batch("名称带冒号的项目:2024")  # found whole: a draft, not 「没有找到」
    assert said.exit_code == 1 and "草稿" in said.stdout and "没有找到" not in said.stdout, said.output
    for pid in (project, other):
        assert client.post(f"/api/v1/projects/{pid}/workflow", headers=editor,
                           json={"action": "submit", "justification": "理由"}).status_code == 200
    said = batch(f"{project}:1", f"{project}：2")
    assert said.exit_code == 1 and "同一项目写了不同的版本（第 1 版、第 2 版）" in said.stdout, said.output
    assert client.get(f"/api/v1/projects/{project}", headers=reviewer).json()["state"] == "submitted"
    queue = web.client("reviewer")
    token = csrf_of(queue, "/review/queue")
    answer = queue.post("/review/queue", data={"csrf_token": token, "action": "approve", "project": [f"{project}:0"]})
    assert answer.status_code == 422 and "版本号「0」无效" in answer.text, answer.text
    assert client.get(f"/api/v1/projects/{project}", headers=reviewer).json()["state"] == "submitted"
    said = batch(f"{project}：1", f"{other}:1")  # the full-width colon read (a bare one is refused since attack40)
    assert said.exit_code == 0 and "已审核通过 2 个项目" in said.stdout, said.output
