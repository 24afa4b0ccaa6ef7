"""Review settings: which rules run, their thresholds, the grade rule; per region or unit.

Read from TOML (``docs/review.md`` documents the format)::

    disabled = ["goals-repeat-purpose"]

    [rules.satisfaction-below-floor]
    floor = 85

    [grade]
    excellent_max_warnings = 1

    [[override]]
    region = "天津市"            # or: unit = "255101" (code or exact name)
    disabled = ["vague-qualitative"]
    [override.rules.satisfaction-below-floor]
    floor = 90

Bad settings are returned as :class:`~perfbudget.model.Problem` values, never raised.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfbudget.model import Problem, Source, Unit
from perfbudget.review.finding import SEVERITIES
from perfbudget.review.registry import get_rule
from perfbudget.review.settings import RuleSettings
from perfbudget.syntax_errors import syntax_error_text


@dataclass(frozen=True, slots=True)
class GradeRule:
    """How findings turn into a project's grade (优/良/中/差); see ``docs/review.md``.

    Attributes:
        excellent_max_warnings: 优 allows no error and at most this many warnings.
        good_max_warnings: 良 allows no error and at most this many warnings.
        fair_max_errors: 中 allows at most this many errors; more is 差.
        fail_rules: a finding of any of these rules makes the project 差 whatever else.
        writing_weight: what one 规范性 warning (typo, name/description mismatch …) weighs
            against the warning counts; other warnings weigh 1.
    """

    excellent_max_warnings: int = 1
    good_max_warnings: int = 5
    fair_max_errors: int = 3
    fail_rules: tuple[str, ...] = ("too-few-indicators",)
    writing_weight: Decimal = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class Override:
    """Settings that apply only to one region or one unit.

    Attributes:
        unit: a unit code or exact unit name; None to match any unit.
        region: a region name; matches the region given to the review, or a unit whose
            name contains it (天津市 matches 天津市和平区人民检察院); None to match any.
        disabled: rules switched off.
        enabled: rules switched back on.
        params: per-rule parameter values.
        severities: per-rule severity changes.
    """

    unit: str | None = None
    region: str | None = None
    disabled: frozenset[str] = frozenset()
    enabled: frozenset[str] = frozenset()
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)

    def matches(self, unit: Unit, region: str | None) -> bool:
        if self.unit is not None and self.unit not in (unit.code, unit.name):
            return False
        if self.region is not None:
            if region is not None:
                return region == self.region
            return bool(unit.name) and self.region in (unit.name or "")
        return True


@dataclass(frozen=True, slots=True)
class ReviewConfig:
    """The settings rules read. :meth:`resolve` applies the overrides for one document.

    Attributes:
        disabled: ids of rules that do not run.
        params: per-rule parameter values; a rule's registered defaults fill the rest.
        severities: per-rule severity changes.
        grade: the grade rule.
        overrides: per-region / per-unit settings, applied in file order.
    """

    disabled: frozenset[str] = frozenset()
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)
    grade: GradeRule = GradeRule()
    overrides: tuple[Override, ...] = ()

    def param(self, rule_id: str, name: str) -> Any:
        """A rule parameter: the configured value, else the rule's registered default."""
        return self.rule_settings(rule_id).param(name)

    def rule_settings(self, rule_id: str) -> RuleSettings:
        """What the rule ``rule_id`` is given when it runs: its defaults with the configured values."""
        spec = get_rule(rule_id)
        if spec is None:
            raise KeyError(f"no rule {rule_id!r}")
        return self.settings_for(spec.id, spec.params)

    def settings_for(self, rule_id: str, defaults: dict[str, Any],
                     off: frozenset[str] | None = None,
                     peers: Mapping[str, Mapping[str, Any]] | None = None,
                     severities: Mapping[str, str] | None = None) -> RuleSettings:
        """A rule's settings from its registered defaults (the engine passes them: no lookup), with the rules that
        do not run beside it (``off``: by default the config's ``disabled``), every rule's parameters
        (``peers``: :meth:`peer_params`, which the engine works out once for the rules it runs) and every rule's
        severity (``severities``: :meth:`peer_severities`)."""
        configured = self.params.get(rule_id)
        return RuleSettings(rule_id, {**defaults, **configured} if configured else defaults,
                            frozenset(self.disabled) if off is None else off, peers or {}, severities or {})

    def peer_params(self, defaults: Mapping[str, Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
        """Every rule's parameters (configured, else its registered ``defaults``, by rule id): what one rule reads
        of another (``RuleSettings.peer_param``)."""
        return {rule_id: {**params, **self.params[rule_id]} if rule_id in self.params else params
                for rule_id, params in defaults.items() if params}

    def peer_severities(self, defaults: Mapping[str, str]) -> dict[str, str]:
        """Every rule's severity (configured, else its registered one in ``defaults``, by rule id): whether one rule's
        finding weighs as much as another's (``RuleSettings.severities``)."""
        return {rule_id: self.severities.get(rule_id, severity) for rule_id, severity in defaults.items()}

    def resolve(self, unit: Unit, region: str | None = None) -> ReviewConfig:
        """The settings for one unit (and region): matching overrides merged in order."""
        disabled = set(self.disabled)
        params = {k: dict(v) for k, v in self.params.items()}
        severities = dict(self.severities)
        for override in self.overrides:
            if not override.matches(unit, region):
                continue
            disabled = (disabled | override.disabled) - override.enabled
            for rule_id, values in override.params.items():
                params.setdefault(rule_id, {}).update(values)
            severities.update(override.severities)
        return replace(self, disabled=frozenset(disabled), params=params, severities=severities,
                       overrides=())


DEFAULT_CONFIG = ReviewConfig()


def _coerce(value: Any, default: Any) -> Any:
    """A TOML value in the type of the parameter's default; ValueError when it does not fit."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, Decimal):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Decimal(str(value))
    elif isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(default, tuple):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
    elif isinstance(default, str) and isinstance(value, str):
        return value
    raise ValueError


_TYPE_NAMES = {bool: "true/false", Decimal: "数字", int: "整数", tuple: "字符串列表", str: "字符串"}


def _type_name(default: Any) -> str:
    for kind, name in _TYPE_NAMES.items():
        if isinstance(default, kind):
            return name
    return type(default).__name__


class _Reader:
    def __init__(self, file: str) -> None:
        self.source = Source(file)
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.source, f"{where}：{message}"))

    def rule_ids(self, where: str, value: Any) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(where, "应为规则编号的列表")
            return frozenset()
        known = set()
        for rule_id in value:
            if get_rule(rule_id) is None:
                self.problem(where, f"没有编号为「{rule_id}」的规则（perfbudget rules 列出全部规则）")
            else:
                known.add(rule_id)
        return frozenset(known)

    def rules_table(self, where: str, table: Any, disabled: set[str], enabled: set[str],
                    params: dict[str, dict[str, Any]], severities: dict[str, str]) -> None:
        if not isinstance(table, dict):
            self.problem(where, "应为表（[rules.规则编号]）")
            return
        for rule_id, values in table.items():
            spec = get_rule(rule_id)
            here = f"{where}.{rule_id}"
            if spec is None:
                self.problem(here, f"没有编号为「{rule_id}」的规则")
                continue
            if not isinstance(values, dict):
                self.problem(here, "应为表")
                continue
            for name, value in values.items():
                if name == "enabled":
                    if not isinstance(value, bool):
                        self.problem(f"{here}.enabled", "应为 true 或 false")
                    else:
                        (enabled if value else disabled).add(rule_id)
                elif name == "severity":
                    if value not in SEVERITIES:
                        self.problem(f"{here}.severity", "应为 error、warning 或 info")
                    else:
                        severities[rule_id] = value
                elif name in spec.params:
                    try:
                        params.setdefault(rule_id, {})[name] = _coerce(value, spec.params[name])
                    except ValueError:
                        self.problem(f"{here}.{name}", f"应为{_type_name(spec.params[name])}")
                else:
                    allowed = "、".join(["enabled", "severity", *spec.params]) or "enabled、severity"
                    self.problem(f"{here}.{name}", f"规则「{rule_id}」没有这个参数（可用：{allowed}）")

    def settings(self, where: str, data: dict[str, Any]) -> tuple[set[str], set[str], dict[str, Any],
                                                                 dict[str, str]]:
        disabled: set[str] = set()
        enabled: set[str] = set()
        params: dict[str, dict[str, Any]] = {}
        severities: dict[str, str] = {}
        if "disabled" in data:
            disabled |= self.rule_ids(f"{where}disabled", data["disabled"])
        if "enabled" in data:
            enabled |= self.rule_ids(f"{where}enabled", data["enabled"])
        if "rules" in data:
            self.rules_table(f"{where}rules", data["rules"], disabled, enabled, params, severities)
        return disabled, enabled, params, severities

    def grade(self, table: Any) -> GradeRule:
        if not isinstance(table, dict):
            self.problem("grade", "应为表（[grade]）")
            return GradeRule()
        default = GradeRule()
        values: dict[str, Any] = {}
        for name, value in table.items():
            if not hasattr(default, name):
                self.problem(f"grade.{name}", "没有这个设置（可用：excellent_max_warnings、good_max_warnings、"
                                              "fair_max_errors、fail_rules、writing_weight）")
                continue
            if name == "fail_rules":
                values[name] = tuple(sorted(self.rule_ids("grade.fail_rules", value)))
            elif name == "writing_weight":
                if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                    values[name] = Decimal(str(value))
                else:
                    self.problem("grade.writing_weight", "应为不小于 0 的数字")
            elif isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                values[name] = value
            else:
                self.problem(f"grade.{name}", "应为不小于 0 的整数")
        return replace(default, **values)


_TOP_KEYS = ("disabled", "enabled", "rules", "grade", "override")
_OVERRIDE_KEYS = ("unit", "region", "disabled", "enabled", "rules")


def config_from_dict(data: dict[str, Any], file: str = "<config>") -> tuple[ReviewConfig, list[Problem]]:
    """Settings from parsed TOML; unknown rules, parameters and bad values are problems."""
    reader = _Reader(file)
    for key in data:
        if key not in _TOP_KEYS:
            reader.problem(key, f"未知的设置（可用：{'、'.join(_TOP_KEYS)}）")
    disabled, enabled, params, severities = reader.settings("", data)
    grade = reader.grade(data["grade"]) if "grade" in data else GradeRule()
    overrides = []
    raw_overrides = data.get("override", [])
    if not isinstance(raw_overrides, list):
        reader.problem("override", "应写成 [[override]] 表数组")
        raw_overrides = []
    for number, item in enumerate(raw_overrides, 1):
        where = f"override[{number}]."
        if not isinstance(item, dict):
            reader.problem(where.rstrip("."), "应为表")
            continue
        for key in item:
            if key not in _OVERRIDE_KEYS:
                reader.problem(f"{where}{key}", f"未知的设置（可用：{'、'.join(_OVERRIDE_KEYS)}）")
        unit, region = item.get("unit"), item.get("region")
        if unit is None and region is None:
            reader.problem(where.rstrip("."), "需要 unit（单位编码或名称）或 region（地区）")
            continue
        if (unit is not None and not isinstance(unit, str)) or (region is not None and not isinstance(region, str)):
            reader.problem(where.rstrip("."), "unit 和 region 应为字符串")
            continue
        o_disabled, o_enabled, o_params, o_severities = reader.settings(where, item)
        overrides.append(Override(unit, region, frozenset(o_disabled), frozenset(o_enabled), o_params,
                                  o_severities))
    config = ReviewConfig(frozenset(disabled - enabled), params, severities, grade, tuple(overrides))
    return config, reader.problems


def load_config(path: str | Path) -> tuple[ReviewConfig | None, list[Problem]]:
    """Settings from a TOML file; (None, problems) when the file cannot be read or parsed."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(Source(name), "审核配置文件不存在")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(Source(name), f"无法读取审核配置文件：{exc}")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, where = _toml_error_place(str(exc), text)
        told = syntax_error_text(str(exc))
        return None, [Problem(Source(name, line=line), f"审核配置不是有效的 TOML：{told}{where}")]
    config, problems = config_from_dict(data, name)
    return config, problems


def _toml_error_place(message: str, text: str) -> tuple[int | None, str]:
    """The line of a TOML error and how to say its place: tomllib ends its message with
    「(at line L, column C)」 or 「(at end of document)」."""
    import re

    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if match:
        return int(match.group(1)), f"（第{match.group(2)}列）"
    if "at end of document" in message:
        return max(1, len(text.splitlines())), "（在文件末尾）"
    return None, ""
