"""``perfbudget import --dry-run``: what importing the files now would do, table by table, nothing written — the
upload page's and the API's preview (``POST /api/v1/uploads``) at the command line, from the same use case
(:func:`perfbudget.app.import_preview.file_plan`). Until replay-v the CLI could only import and see."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from perfbudget.app.acting import Acting
from perfbudget.app.settings import CoreSettings
from perfbudget.cli.common import err, out, print_problems, shown_name, stdout_writer
from perfbudget.store import Store


def plan_files(store: Store, settings: CoreSettings, who: Acting, paths: Iterable[Path], as_json: bool,
               skip_blocked: bool = False) -> bool:
    """Tell each file's plan (text, or one JSON document ``{"files": [...]}`` on stdout); True when every file can
    be imported as it is (no error, no table refused, none needing ``--force`` or ``--allow-partial``) or was
    imported before (``import`` says 未变化: ``same_file_as`` and ``notices``, the plan then what ``--force`` does);
    ``skip_blocked``: the plan says what ``import --skip-blocked`` does (whose exit code also says a table was left
    out)."""
    from perfbudget.app.blocked import screen_result
    from perfbudget.app.import_preview import file_plan
    from perfbudget.app.imports import file_sha256, source_name
    from perfbudget.load import load_path

    plans: list[dict[str, Any]] = []
    every = True
    for path in paths:
        name = source_name(str(path))
        result = load_path(path)
        # bytes imported before: `import` says 未变化 without reading them (each project changed since named), and
        # restores them only with --force, which the plan then tells
        plan = file_plan(store, settings, who.principal, result, screen_result(result, name), name, file_sha256(path))
        every = every and (plan["same_file_as"] is not None or (plan["can_import"] and not plan["needs_confirmation"]))
        if as_json:
            plans.append({"file": str(path), "name": name, "form": result.form, "read_ok": result.ok,
                          "problems": [{"source": p.source.to_dict(), "severity": p.severity.value,
                                        "message": p.message} for p in result.problems], **plan})
        else:
            _tell(str(path), result.problems, plan, skip_blocked)
    if as_json:
        said = json.dumps({"dry_run": True, "files": plans}, ensure_ascii=False, indent=2)
        stdout_writer(json_text=True)(said + "\n")
    return every


def _tell(file: str, problems: Any, plan: dict[str, Any], skip_blocked: bool) -> None:
    from perfbudget.app.import_preview import FATE_LABELS, same_file_text

    print_problems(problems)
    shown = shown_name(file)
    if plan["same_file_as"] is not None:
        out.print(f"{shown}: {same_file_text(plan['same_file_as'])}；以下为加 --force 导入时的情况", markup=False,
                  highlight=False)
        for notice in plan["notices"]:
            out.print(f"  · {notice}", markup=False, highlight=False)
    if plan["blocked"]:
        err.print(f"{shown}: 不能导入：{plan['blocked']}", markup=False)
        return
    counts: dict[str, int] = {}
    for fate in plan["plan"]:
        counts[fate["fate"]] = counts.get(fate["fate"], 0) + 1
    said = "，".join(f"{FATE_LABELS[k]} {n} 个" for k, n in counts.items()) or "没有可导入的表格"
    out.print(f"{shown}: 预览（未导入）：{said}", markup=False, highlight=False)
    for fate in plan["plan"]:
        message = f"：{fate['message']}" if fate["message"] else ""
        out.print(f"  · 表{fate['position']}「{fate['name']}」{FATE_LABELS[fate['fate']]}{message}", markup=False,
                  highlight=False)
    for table in plan["blocked_tables"]:
        err.print(f"  · 表{table['position']}「{table['name']}」{FATE_LABELS['blocked']}：{table['reason']}",
                  markup=False)
    if plan["needs_confirmation"]:
        out.print("  导入时须加 --force 确认", markup=False)
    if plan["needs_allow_partial"]:
        out.print("  可以导入的表格都不完整：导入时须加 --allow-partial", markup=False)
    elif plan["can_import_rest"] and skip_blocked:
        out.print(f"  加 --skip-blocked 导入时：只导入其余 {plan['rest_count']} 个完整无误的表格，有错误的表格不导入",
                  markup=False)
    elif plan["can_import_rest"]:
        out.print(f"  只导入其余 {plan['rest_count']} 个完整无误的表格请加 --skip-blocked", markup=False)
