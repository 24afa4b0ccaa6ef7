"""The rule registry: rules are plain functions ``rule(document, settings) -> list[Finding]``.

A rule registers with :func:`rule`, giving its id, a Chinese title, a dimension, a
severity and (optionally) the parameters a config may change, with their defaults; it is
called with its own :class:`~perfbudget.review.settings.RuleSettings` (those parameters resolved).
The function's docstring is the catalogue text (``docs/rules.md`` is generated from it).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from perfbudget.review.finding import DIMENSIONS, SEVERITIES, Finding

if TYPE_CHECKING:
    from perfbudget.model import Document
    from perfbudget.review.settings import RuleSettings

RuleFunction = Callable[["Document", "RuleSettings"], list[Finding]]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A registered rule.

    Attributes:
        id: kebab-case id, e.g. ``rate-over-100``.
        title: a short Chinese title.
        dimension: one of :data:`~perfbudget.review.finding.DIMENSIONS`.
        severity: error / warning / info.
        function: the rule itself.
        params: parameters a config may set, with their defaults.
        doc: the catalogue text (the function's docstring, dedented).
    """

    id: str
    title: str
    dimension: str
    severity: str
    function: RuleFunction
    params: dict[str, Any] = field(default_factory=dict)
    doc: str = ""


_REGISTRY: dict[str, RuleSpec] = {}
RULE_MODULES = ("rules_completeness", "rules_relevance", "rules_appropriateness", "rules_feasibility",
                "rules_conformity", "rules_goals", "rules_structure", "rules_money", "rules_execution", "rules_library")


def rule(id: str, *, title: str, dimension: str, severity: str,
         params: dict[str, Any] | None = None) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under ``id``."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"{id}: unknown dimension {dimension!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"{id}: unknown severity {severity!r}")

    def register(function: RuleFunction) -> RuleFunction:
        if id in _REGISTRY and _REGISTRY[id].function is not function:
            raise ValueError(f"rule {id!r} is registered twice")
        doc = inspect.cleandoc(function.__doc__ or "")
        _REGISTRY[id] = RuleSpec(id, title, dimension, severity, function, dict(params or {}), doc)
        return function

    return register


# The catalogue order of the registry as it was last sorted: every review asks for it (once per
# document, 100,000 times in a province), and the registry changes only when a rule registers.
_SORTED: tuple[tuple[RuleSpec, ...], list[RuleSpec]] = ((), [])
_LOADED = False


def all_rules() -> list[RuleSpec]:
    """Every registered rule, in catalogue order (dimension, then id)."""
    global _SORTED
    _load_rule_modules()
    registered = tuple(_REGISTRY.values())
    if registered != _SORTED[0]:
        order = {name: i for i, name in enumerate(DIMENSIONS)}
        _SORTED = (registered, sorted(registered, key=lambda spec: (order[spec.dimension], spec.id)))
    return list(_SORTED[1])


def get_rule(rule_id: str) -> RuleSpec | None:
    _load_rule_modules()
    return _REGISTRY.get(rule_id)


def _load_rule_modules() -> None:
    # Imported for their registration side effect, once per process.
    global _LOADED
    if _LOADED:
        return
    for module in RULE_MODULES:
        importlib.import_module(f"perfbudget.review.{module}")
    _LOADED = True
