"""The domain's words both the readers and the review look up: the classes of the economic classification of
expenditure (支出经济分类), written here once, below both layers.

The readers use them (``readers/expense_parts.py``): a 部门整体 table's split of its budget by kind of spending
(``按经济分类分：工资福利支出 | 300``, ``其中 | 对企业补助 | 20``) keeps each class under its name. The review uses
them too (``review/rules_conformity.name_is_expense_class``): a project named by a class says what kind of spending it
is, not what the money does. Until kinds43 the reader repeated four of the review's list; its second reading moved the
list out of the review's ``vocabulary.toml``, which only the review's rules should drive (a word added there for a
rule must not change what the reader reads), to this module. A class added here is read as a part of a 部门整体
table's split: a 年度主要任务 row named by one before the grid's 金额合计 still stays a task (``task_grid``).
"""

from __future__ import annotations

import re

# Classes of the economic classification of expenditure a project may be named by (历城's 45万元 named
# 商品和服务支出). The wage classes are apart: a wage item named by its class (工资福利支出) says what it pays and is
# judged by the simplified template, so the review leaves them out.
EXPENSE_CLASSES = frozenset({
    "商品和服务支出", "一般商品和服务支出", "其他商品和服务支出", "资本性支出", "其他资本性支出",
    "对个人和家庭的补助", "对个人和家庭补助", "对个人和家庭的补助支出", "对企业补助", "其他支出",
})
WAGE_CLASSES = frozenset({"工资福利支出"})

# A budget execution rate's name (预算执行率, 预算完成率, 资金支出率, 补助资金年度支出率, 资金支付完成率,
# 经费使用进度): the share of the year's money spent, a few characters allowed between the money and the act of
# spending it; 完成 right after the money or its payment only (预算绩效目标完成率, 资金项目完成率 are a goal's and
# a project's completion). Written once: the review's input-as-output (money going in) and execution-target-low
# read it, and ``--weights`` takes such a name for 预算执行率's points.
EXECUTION_RATE = re.compile(r"(?:预算|资金|经费|支出)(?:[^，,。；]{0,4}?(?:执行|支出|使用)(?:完成)?|(?:支付|拨付)?完成)"
                            r"(?:率|进度)$")
