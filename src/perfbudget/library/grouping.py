"""Grouping indicator names: the same key is the same indicator; near keys join the nearest group.

Names are grouped by *leader clustering*, most frequent first: a name whose key equals a group's
key joins that group; otherwise it is compared (rapidfuzz ``token_sort_ratio`` on the segmented
words, so word order does not matter) with the leaders of the groups that end in the same head
word, and joins the most similar one when the score reaches ``threshold``; otherwise it leads a
new group. Comparing with leaders only (not with every member) keeps chains from forming
(A≈B, B≈C does not put A with C) and makes an incremental update decide exactly as a full build.
Every assignment carries its reason in Chinese, shown by ``library show``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from perfbudget.library.names import NameKey, name_key

THRESHOLD = 82.0  # token_sort_ratio from which two names with the same head word are near
SPELLING = 93.0  # when each name has a word the other lacks, only keys this close (character ratio) are near
CANDIDATES = 5


def substituted(a: NameKey, b: NameKey) -> bool:
    """Each name has a word the other lacks (猪养殖数 / 羊养殖数): a different thing is counted."""
    words_a, words_b = set(a.words), set(b.words)
    return bool(words_a - words_b) and bool(words_b - words_a)


@dataclass(frozen=True, slots=True)
class Leader:
    """A group's leading name, as far as grouping needs it."""

    group: int
    key: NameKey


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one normalised name went and why.

    Attributes:
        norm: the normalised name.
        group: the group's index (in a build) or id (in an update); None: it leads a new group.
        score: the similarity with the group's leader (100 for the same key).
        reason: why, in Chinese.
    """

    norm: str
    group: int | None
    score: float
    reason: str


def words_text(key: NameKey) -> str:
    return " ".join(key.words)


def same_key_reason(leader: NameKey) -> str:
    return f"规范化后与「{leader.norm}」相同（关键词：{'/'.join(leader.words)}）"


def near_reason(key: NameKey, leader: NameKey, score: float) -> str:
    return (f"与「{leader.norm}」相近：分词 {'/'.join(key.words)} 与 {'/'.join(leader.words)}，"
            f"中心词同为「{key.head}」，相似度 {score:.0f}")


def assign(key: NameKey, by_key: Mapping[str, int], leaders: list[Leader], threshold: float = THRESHOLD, *,
           leader_keys: Mapping[int, NameKey] | None = None) -> Assignment:
    """Place one name among existing groups: ``by_key`` maps keys to groups, ``leaders`` are the
    leaders with the same head word."""
    if key.key in by_key:
        group = by_key[key.key]
        same = (leader_keys or {}).get(group, key)
        return Assignment(key.norm, group, 100.0, same_key_reason(same))
    if leaders:
        choices = [words_text(leader.key) for leader in leaders]
        found = process.extract(words_text(key), choices, scorer=fuzz.token_sort_ratio, score_cutoff=threshold,
                                limit=CANDIDATES)
        for _text, score, index in found:
            leader = leaders[index]
            if substituted(key, leader.key) and fuzz.ratio(key.key, leader.key.key) < SPELLING:
                continue
            return Assignment(key.norm, leader.group, float(score), near_reason(key, leader.key, float(score)))
    return Assignment(key.norm, None, 100.0, "新的一组：没有相同或相近的指标名称")


@dataclass(frozen=True, slots=True)
class Grouping:
    """The result of grouping a set of names.

    Attributes:
        leaders: each group's leading name (index = group number).
        assignments: every name's group and reason.
    """

    leaders: tuple[NameKey, ...]
    assignments: dict[str, Assignment]


def group_names(weights: Mapping[str, int] | Iterable[str], threshold: float = THRESHOLD) -> Grouping:
    """Group normalised names; ``weights`` (how often each is used) decide who leads (most used first)."""
    counts = dict(weights) if isinstance(weights, Mapping) else {n: 1 for n in weights}
    order = sorted(counts, key=lambda n: (-counts[n], len(n), n))
    leaders: list[NameKey] = []
    by_key: dict[str, int] = {}
    by_head: dict[str, list[Leader]] = {}
    leader_keys: dict[int, NameKey] = {}
    assignments: dict[str, Assignment] = {}
    for norm in order:
        key = name_key(norm)
        found = assign(key, by_key, by_head.get(key.head, []), threshold, leader_keys=leader_keys)
        if found.group is None:
            group = len(leaders)
            leaders.append(key)
            leader_keys[group] = key
            by_key[key.key] = group
            by_head.setdefault(key.head, []).append(Leader(group, key))
            found = Assignment(norm, group, 100.0, "本组的代表名称")
        assignments[norm] = found
    return Grouping(tuple(leaders), assignments)
