"""What every command's ``--help`` ends with: examples that run as written and the exit codes.

The examples assume what the README's main command leaves behind: the repository's top directory, where ``bash
scripts/run.sh`` imported the seed into ./perfbudget.db, saved its review and made the demo account ``admin``; with
``.venv/bin`` on the path (``source .venv/bin/activate``). They run in the order given here (a later one may use a
file or a state an earlier one made: the sheet ``template`` writes, the project ``workflow`` submits);
``tests/test_help_examples.py`` runs every one of them on such a store and checks the exit code each states (0 unless
its comment says 「退出码 N」). Until replay-z the commands' help had no examples and named exit code 1 here and there
only.
"""

from __future__ import annotations

SEED = "examples/000_e2047472f0d7711d.txt"

SETTING = ("示例（在仓库目录、运行 bash scripts/run.sh 之后，先 source .venv/bin/activate，"
           "可照原样运行；# 后为说明）：")
GROUP_MORE = "各命令自己的示例见 {command} 命令 --help。"

# the exit codes every command may end with; a command's own meaning of 1 is in ONE
EXIT_CODES = ("退出码：0 完成；1 {one}；2 命令用法有误（选项或参数不对，见上）{more}；130 按 Ctrl+C 中止；"
              "141 输出被读取方提前关闭（如 | head），其余输出舍弃。")
SERVE_FAILED = "；3 网页服务启动失败（perfbudget serve）"
ONE = "出错或被拒绝（原因在标准错误上，以「错误：」开头）"

ONES: dict[str, str] = {
    "read": "文件读取有误或不完整（按「文件:位置: 说明」列出）",
    "review": "有「错误」级的审核意见，或读取有误",
    "import": "有文件未导入（逐个说明原因），或输入有误",
    "evaluate": "填报表或数据有误，未计算（按「文件:行号: 说明」列出）",
    "monitor": "填报表或数据有误，未计算（按「文件:行号: 说明」列出）",
    "workflow": "操作被拒绝（说明原因与当前状态）",
    "desk batch": "有未处理的项目（逐个说明原因）",
    "serve": "端口被占用、地址无效或数据库不可用，未启动",
}

# Each command's examples, a group's too (``perfbudget``, ``perfbudget desk`` …: a few of its commands' at work, each
# run by the test in this order; a group's help had its exit codes only until faces47)
EXAMPLES: dict[str, tuple[str, ...]] = {
    "": (f"perfbudget read {SEED}",
         "perfbudget list projects --year 2024",
         "perfbudget review 5"),
    "read": (f"perfbudget read {SEED}",
             f"perfbudget read {SEED} --json > 种子表.json"),
    "review": (f"perfbudget review {SEED}    # 种子表有「错误」级意见：退出码 1",
               "perfbudget review 5",
               "perfbudget review --year 2023 --save --user admin    # 有「错误」级意见：保存后退出码 1"),
    "rules": ("perfbudget rules",
              "perfbudget rules --json > 审核规则.json"),
    "import": (f"perfbudget import {SEED}    # 已导入过：未变化",
               f"perfbudget import {SEED} --dry-run --json > 导入预览.json"),
    "list": ("perfbudget list projects --year 2024",
             "perfbudget list units",
             "perfbudget list indicators --search 满意度",
             "perfbudget list projects --format xlsx -o 项目列表.xlsx"),
    "show": ("perfbudget show 5",
             "perfbudget show 2024年检察业务经费项目-2024市级 --json > 项目5.json"),
    "history": ("perfbudget history 5",),
    "template": (f"perfbudget template {SEED} --to xlsx -o 自评填报.xlsx",
                 "perfbudget template 5 --kind monitor --month 6 -o 监控填报.csv"),
    "evaluate": (f"perfbudget evaluate {SEED} --actuals examples/p5.csv",
                 f"perfbudget evaluate {SEED} -a examples/p5.csv --to docx -o 自评表.docx",
                 f"perfbudget evaluate {SEED} -a examples/p5-bad.csv    # 单位不能换算：退出码 1"),
    "monitor": ("perfbudget monitor 5 -a 监控填报.csv --month 6    # 填报表还没有填写：逐行说明，退出码 1",),
    "evaluations": ("perfbudget evaluations 5",),
    "reviews": ("perfbudget reviews 5",
                "perfbudget reviews 5 --show 5 --json > 审核记录.json"),
    "export": (f"perfbudget export {SEED} --to docx -o 种子表.docx",
               "perfbudget export 5 --to xlsx -o 项目5.xlsx"),
    "workflow": ("perfbudget workflow 5 comment --comment 请补充效益指标 --user admin",
                 "perfbudget workflow 3 submit --justification 已与财政口径核对 --user admin"),
    "desk show": ("perfbudget desk show 5 --user admin",),
    "desk decide": ("perfbudget desk decide 5 1 --decision confirmed --reason 属实 --user admin",),
    "desk comment": ("perfbudget desk comment 5 --place purpose --text 请写明资金的具体用途 --user admin",),
    "desk grade": ("perfbudget desk grade 5 良 --reason 与系统评定一致 --user admin",),
    "desk batch": ("perfbudget desk batch approve 3:1 --comment 同意 --user admin"
                   "    # 3 已由 workflow 的示例送审，「:1」是 desk show 显示的版本",),
    "desk todo": ("perfbudget desk todo --user admin",),
    "desk opinion": ("perfbudget desk opinion 5 --user admin -o 审核意见书.docx",),
    "desk": ("perfbudget desk todo --user admin",
             "perfbudget desk show 5 --user admin"),
    "publish": ("perfbudget publish --unit 255101 --year 2023 --to docx    # 发布审核通过的项目 3",
                "perfbudget publish --unit 255101 --year 2024 --all --to html -o 发布.html"),
    "audit": ("perfbudget audit --limit 5",
              "perfbudget audit --project 5 --json > 项目5审计.json"),
    "library search": ("perfbudget library search 满意度",),
    "library show": ("perfbudget library show 使用部门满意度",),
    "library similar": ("perfbudget library similar 5",),
    "library export": ("perfbudget library export --to xlsx -o 指标库.xlsx",),
    "library build": ("perfbudget library build --quiet",),
    "library rename": ("perfbudget library rename 使用部门满意度 使用单位满意度 --user admin",),
    "library merge": ("perfbudget library merge 使用单位满意度 办案人员满意度 --user admin",),
    "library split": ("perfbudget library split 办案人员满意度 --user admin    # 把上一条并入的名称再拆出来",),
    "library": ("perfbudget library search 满意度",
                "perfbudget library similar 5"),
    "unit rename": ("perfbudget unit rename 255101 天津市和平区人民检察院（示例） --user admin",
                    "perfbudget unit rename 255101 天津市和平区人民检察院 --user admin"),
    "unit merge": ("perfbudget unit merge 255101 by-id/1 --user admin    # 同一个单位：说明原因，退出码 1",),
    "unit": ("perfbudget unit rename 255101 天津市和平区人民检察院（演示） --user admin    # 给单位 255101 改名",
             "perfbudget unit rename 255101 天津市和平区人民检察院 --user admin    # 改回原名"),
    "user add": ("perfbudget user add wang --role unit_editor --unit 255101 --name 王填报 --password wang-demo-1",),
    "user passwd": ("perfbudget user passwd wang --password wang-demo-2",),
    "user list": ("perfbudget user list",),
    "user token": ("perfbudget user token wang",),
    "user tokens": ("perfbudget user tokens wang --user admin",),
    "user revoke": ("perfbudget user revoke 1 --user admin",),
    "user disable": ("perfbudget user disable wang --user admin",),
    "user enable": ("perfbudget user enable wang --user admin",),
    "user": ("perfbudget user list",
             "perfbudget user tokens --user admin"),
    "project delete": ("perfbudget project delete 10 --yes --user admin    # 删除项目 10（演示数据）",),
    "project": ("perfbudget project delete 9 --yes --user admin    # 删除导入有误的项目 9（演示数据）",),
    "db upgrade": ("perfbudget db upgrade",),
    "db backup": ("perfbudget db backup 备份.db",),
    "db restore": ("perfbudget db restore 备份.db --force    # 用上一条的备份替换 perfbudget.db",),
    "db": ("perfbudget db upgrade",
           "perfbudget db backup 备份2.db"),
    "serve": ("perfbudget serve --port 8001    # 按 Ctrl+C 停止",),
}

# commands whose example does not end by itself (the test starts no server)
LONG_RUNNING = frozenset({"serve"})


def epilog(path: str) -> str:
    """The foot of ``perfbudget PATH --help``: the examples (as a block Click keeps as written) and the exit codes."""
    codes = EXIT_CODES.format(one=ONES.get(path, ONE), more=SERVE_FAILED if path in ("", "serve") else "")
    examples = EXAMPLES.get(path)
    if not examples:
        return codes
    lines = "\n".join(_shown(example) for example in examples)
    # a group's pointer to its commands' own examples is in the heading (faces47 printed it as its last example's
    # note, above that command as if it said what the command does)
    group = path == "" or any(key.startswith(f"{path} ") for key in EXAMPLES)
    more = (GROUP_MORE.format(command=" ".join(["perfbudget", *path.split()])) if group else "")
    return f"{more}{SETTING}\n\n\b\n{lines}\n\n{codes}"


def _shown(example: str, width: int = 76) -> str:
    """One example as printed: its note (after 「    # 」) on a comment line above it, a command wider than ``width``
    continued on the next line with a backslash (both run as written in a shell)."""
    from perfbudget.cli.usage_text import display_width

    command, _, note = example.partition("    # ")
    lines = [f"  # {note}"] if note else []
    line = "  "
    for word in command.split(" "):
        if line.strip() and display_width(f"{line} {word} \\") > width:
            lines.append(f"{line} \\")
            line = "     "
        line = f"{line} {word}" if line.strip() else f"{line}{word}"
    return "\n".join([*lines, line])
