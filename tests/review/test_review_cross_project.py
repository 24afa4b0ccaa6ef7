"""Rules that compare projects with each other: phrases the other tables write differently."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from perfbudget.model import Document
from perfbudget.review.engine import review_document
from tests.review.review_helpers import GOOD_ROWS, read, with_row


def three_projects(inline: Any, names: list[str]) -> Document:
    """Three copies of the good table whose 6th indicator is named names[0], names[1], names[2]."""
    projects = []
    for seq, name in enumerate(names, 1):
        row = ["满意度指标", "服务对象满意度指标", name, name, "≥95%"]
        project = read(with_row(6, row), None, inline).projects[0]
        projects.append(replace(project, seq=seq))
    base = read(GOOD_ROWS, None, inline)
    return replace(base, projects=tuple(projects))


def flagged(document: Document, rule_id: str) -> list[tuple[int | None, int | None]]:
    report = review_document(document, only={rule_id})
    return [(f.project, f.indicator) for f in report.findings]


def test_a_name_one_character_off_what_two_others_write(inline: Any) -> None:
    document = three_projects(inline, ["使用部门满意度", "使用部门满意度", "使用布门满意度"])
    assert flagged(document, "inconsistent-phrase") == [(3, 6)]
    report = review_document(document, only={"inconsistent-phrase"})
    assert "「布」/「部」" in report.findings[0].message


def test_a_contrast_character_is_not_a_slip(inline: Any) -> None:
    document = three_projects(inline, ["服务市级部门满意度", "服务市级部门满意度", "服务县级部门满意度"])
    assert flagged(document, "inconsistent-phrase") == []


def test_the_measure_word_is_not_compared(inline: Any) -> None:
    document = three_projects(inline, ["救助对象满意度", "救助对象满意度", "救助对象满意率"])
    assert flagged(document, "inconsistent-phrase") == []


def test_one_other_project_is_not_enough(inline: Any) -> None:
    document = three_projects(inline, ["使用部门满意度", "使用布门满意度", "办案人员满意度"])
    assert flagged(document, "inconsistent-phrase") == []


def test_same_indicator_in_different_projects_is_no_duplicate(inline: Any) -> None:
    document = three_projects(inline, ["使用部门满意度", "使用部门满意度", "使用部门满意度"])
    assert flagged(document, "duplicate-indicator") == []


def _slips_before(projects_of: dict[str, set[int]], minimum: int) -> dict[str, tuple[int, str]]:
    """inconsistent-phrase's choice as it was made before review-speed6 (every shared name's one-character
    variants indexed, each name written once looked up by its own): the reference for the comparison below."""
    from collections import defaultdict

    from perfbudget.review.rules_conformity import _CONTRASTS

    def variants(name: str) -> list[str]:
        return [f"{name[:i]}\0{name[i + 1:]}" for i in range(1, len(name) - 2)]

    index: dict[str, list[str]] = defaultdict(list)
    for name, seqs in projects_of.items():
        if len(seqs) >= 2 and len(name) >= minimum:
            for variant in variants(name):
                index[variant].append(name)
    slips: dict[str, tuple[int, str]] = {}
    for name, seqs in projects_of.items():
        if len(seqs) != 1 or len(name) < minimum:
            continue
        for i, variant in enumerate(variants(name), 1):
            if name[i] in _CONTRASTS:
                continue
            for common in index.get(variant, ()):
                if common[i] not in _CONTRASTS and not seqs & projects_of[common]:
                    slips[name] = (i, common)
    return slips


def test_slips_chosen_as_by_the_variant_index() -> None:
    """The shared names compared by shape pick the same slip, with the same differing character, as the
    variant index did: random names from a few characters (digits and 省/市 among them), in random projects."""
    import random
    from collections import defaultdict

    from perfbudget.model import Budget, Indicator, Project, Unit
    from perfbudget.review.config import DEFAULT_CONFIG
    from perfbudget.review.helpers import rows
    from perfbudget.review.registry import all_rules
    from perfbudget.target import parse_target

    spec = next(s for s in all_rules() if s.id == "inconsistent-phrase")
    settings = DEFAULT_CONFIG.settings_for(spec.id, spec.params)
    target = parse_target("≥95%", "满意度")
    chosen = 0
    for seed in range(300):
        rng = random.Random(seed)
        stem = "".join(rng.choice("使用部布门满意度市省") for _ in range(rng.randint(4, 8)))
        names = [stem] + [stem[:i] + rng.choice("部布门省1使") + stem[i + 1:]
                          for i in range(len(stem)) for _ in range(2)]
        projects = []
        for seq in range(1, rng.randint(3, 7)):
            own = rng.sample(names, rng.randint(1, min(6, len(names))))
            projects.append(Project(seq, None, f"项目{seq}", None, 2025, None, Budget(), None, (),
                                    tuple(Indicator("产出指标", "数量指标", n, None, target) for n in own)))
        document = Document(Unit("1", "单位"), "万元", tuple(projects))
        found = spec.function(document, settings)
        projects_of: dict[str, set[int]] = defaultdict(set)
        key_of = {}
        for row in rows(document):
            projects_of[row.key].add(row.project.seq)
            key_of[(row.project.seq, row.position)] = row.key
        expected = _slips_before(projects_of, settings.param("min_length"))
        assert {(f.project, f.indicator) for f in found} == {at for at, key in key_of.items() if key in expected}, seed
        for f in found:
            name = key_of[(f.project, f.indicator)]
            i, common = expected[name]
            assert f"「{common}」只差一个字（「{name[i]}」/「{common[i]}」）" in f.message, seed
        chosen += len(found)
    assert chosen > 50  # the names make slips often enough to compare
