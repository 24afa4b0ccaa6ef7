"""The labels real tables use, mapped to model fields (header synonyms live here, nowhere else)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Header-block labels → field. "group:purpose" marks 预算规模及资金用途: a group whose
# unlabelled continuation row holds the purpose.
HEADER_LABELS: dict[str, str] = {
    "项目名称": "name",
    "项目支出名称": "name",
    "预算数": "total",
    "预算金额": "total",
    "年度预算数": "total",
    "年度资金总额": "total",
    "资金总额": "total",
    "其中财政资金": "fiscal",
    "财政资金": "fiscal",
    "其中财政拨款": "fiscal",
    "财政拨款": "fiscal",
    "其中当年财政拨款": "fiscal",
    "当年财政拨款": "fiscal",
    "其他资金": "other",
    "预算规模及资金用途": "group:purpose",
    "资金用途": "purpose",
    "项目资金用途": "purpose",
    "绩效目标": "goals",
    "年度绩效目标": "goals",
    "本年度绩效目标": "goals",
    "年度目标": "goals",
    "年度总体目标": "goals",
    "总体目标": "goals",
    "主管部门": "extra",
    "预算部门": "extra",
    "实施单位": "extra",
    "项目负责人及电话": "extra",
    "项目负责人": "extra",
    "联系电话": "extra",
    "项目实施期": "extra",
    "项目支出实施期": "extra",
    "实施期绩效目标": "extra",
    "项目属性": "extra",
    "项目类别": "extra",
}

# Indicator table header cells → column role.
COLUMN_LABELS: dict[str, str] = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "绩效指标描述": "description",
    "指标解释": "description",
    "指标内容": "description",
    "指标说明": "description",
    "指标值": "target",
    "年度指标值": "target",
    "目标值": "target",
    "指标值及单位": "target",
    "年度目标值": "target",
    "预期指标值": "target",
    "预期目标值": "target",
    "绩效指标值": "target",
    "分值": "weight",
    "权重": "weight",
    "指标分值": "weight",
    "实际完成值": "actual",
    "实际值": "actual",
    "全年实际值": "actual",
    "得分": "score",
    "偏差原因分析及改进措施": "deviation",
    "偏差原因分析": "deviation",
    "偏差原因": "deviation",
}

_PAREN = re.compile(r"[（(][^()（）]*[)）]")


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """A label as compared: NFKC, no spaces or colons, no parenthetical note, no ★."""
    key = unicodedata.normalize("NFKC", text)
    key = re.sub(r"[\s:：★*]+", "", key)
    key = _PAREN.sub("", key)
    return key.replace("，", "").replace(",", "")


def header_field(text: str) -> str | None:
    return HEADER_LABELS.get(label_key(text))


def column_role(text: str) -> str | None:
    return COLUMN_LABELS.get(label_key(text))
