"""What one rule is given when it runs: its own parameters, already resolved.

The engine builds a :class:`RuleSettings` for each rule from the rule's registered defaults and
the review config (after the region/unit overrides), so a rule never looks anything up in the
config or the registry: the rule modules import neither, and the config module can check rule
ids against the registry without an import cycle.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """One rule's settings for one review.

    Attributes:
        rule: the rule's id.
        params: every parameter of the rule: the configured value, else the registered default.
        off: the rules that do not run in this review (the config's resolved ``disabled``, or those left out by
            ``only``): a rule that leaves a fault to another (one fault, one finding) tells it itself where that
            other rule is off.
        peers: every rule's parameters in the same review (configured, else registered), by rule id: a rule that
            leaves a fault to another reads where that other rule draws its line (``missing-level1-group`` leaves
            a project to ``too-few-indicators`` below that rule's ``minimum``), not a copy of the number.
        severities: every rule's severity in the same review (configured, else registered), by rule id: a rule
            leaves a fault to another only where that other's finding weighs as much as its own (a region making
            ``too-few-indicators`` a warning keeps ``missing-level1-group``'s error).
    """

    rule: str
    params: Mapping[str, Any] = field(default_factory=dict)
    off: frozenset[str] = frozenset()
    peers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    severities: Mapping[str, str] = field(default_factory=dict)

    def runs(self, rule_id: str) -> bool:
        """Whether the rule ``rule_id`` runs in the same review (not switched off, not left out)."""
        return rule_id not in self.off

    def peer_param(self, rule_id: str, name: str) -> Any:
        """A parameter of another rule of the same review: ``peer_param("too-few-indicators", "minimum")``."""
        params = self.peers.get(rule_id)
        if params is None or name not in params:
            raise KeyError(f"rule {rule_id!r} has no parameter {name!r} in this review")
        return params[name]

    def param(self, *names: str) -> Any:
        """A parameter of this rule: ``param("floor")``.

        ``param(rule_id, "floor")`` (the form rules used before settings were per rule) is
        accepted for this rule's own id.
        """
        if len(names) == 2 and names[0] == self.rule:
            names = names[1:]
        if len(names) != 1:
            raise TypeError(f"param() takes one parameter name, got {names!r}")
        name = names[0]
        if name not in self.params:
            raise KeyError(f"rule {self.rule!r} has no parameter {name!r}")
        return self.params[name]
