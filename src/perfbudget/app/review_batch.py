"""Reviewing a whole province of stored projects (``perfbudget review --db … --year …``) on every core.

The result is the one :func:`perfbudget.app.reviews.review_stored` gives — every chosen project
reviewed with its unit's other current projects (:func:`~perfbudget.app.reviews.group_contexts`),
each one's payload, grade and counts saved — but the work is shaped for 100,000 projects:

* **Plan** (one query): the units holding chosen projects, with the indicators each brings.
  They are cut, in order, into chunks of about :data:`CHUNK_INDICATORS` indicators.
* **Per chunk** (in a process pool, ``jobs`` workers, each with its own connection): the chunk's
  units' latest versions are loaded in two queries, joined per unit, reviewed, and each chosen
  project's payload is turned into JSON text. The rules that compare projects see exactly the
  tables a one-by-one review gives them: a unit is never split between chunks, and the
  indicator library (below-peers, below-last-year) is read for the whole chunk at once
  (:class:`BatchPeers`, the same answers as :class:`~perfbudget.library.peers.StorePeers`; one per
  process, its names and groups kept from chunk to chunk).
* **Save** (the calling process, one transaction): each chunk's reviews in one statement
  (executemany on SQLite, ``COPY`` on PostgreSQL) as the chunks come back, in plan order, so the
  records and the reports come out in the same order whatever the number of workers.

A run either saves every chosen project's review or none (one transaction). ``jobs=1`` runs the
same chunks in the calling process.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from operator import attrgetter
from typing import Any

from perfbudget.app.kept_review import dismissed_keys, kept_payload, regrade
from perfbudget.app.payload_text import payload_text
from perfbudget.app.reviews import (
    ReviewedGroup,
    SavedReview,
    group_contexts,
    located,
    review_context,
    reviewed_group,
    selection_payloads,
    selection_texts,
)
from perfbudget.app.settings import CoreSettings
from perfbudget.library.peers import PeerStats, StorePeers, name_stem, project_year, using
from perfbudget.model import Project, Unit
from perfbudget.review.engine import ProjectGrade
from perfbudget.store import Store, StoredVersion, library_reads
from perfbudget.store import reviews as stored_reviews
from perfbudget.store.review_summary import summary_text
from perfbudget.store.reviews import ReviewRow
from perfbudget.store.rows import unit_key
from perfbudget.store.transaction import Actor, Transaction

# About this many indicators per chunk: small enough for a steady progress bar and an even
# spread over the workers, large enough that each chunk's two queries are worth it.
CHUNK_INDICATORS = 20_000


@dataclass(frozen=True, slots=True)
class BatchJob:
    """What to review and how.

    Attributes:
        url: the store's URL (each worker opens its own connection).
        settings: the deployment's review settings.
        library: compare with the store's indicator library (below-peers, below-last-year).
        project_ids / unit / year: the choice, as for ``Store.latest_versions``.
        save: save each chosen project's review, for ``record_year`` (default: the project's fund year).
        actor: who saves.
        keep: return every group's report (to print them); without it only the tally comes back.
    """

    url: str
    settings: CoreSettings
    library: bool = True
    project_ids: tuple[int, ...] | None = None
    unit: str | None = None
    year: int | None = None
    save: bool = False
    record_year: int | None = None
    actor: str | None = None
    keep: bool = False


@dataclass(slots=True)
class BatchTally:
    """What a run found, in numbers (for a summary of 100,000 projects)."""

    units: int = 0
    projects: int = 0
    indicators: int = 0
    findings: int = 0
    severities: Counter[str] = field(default_factory=Counter)
    grades: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)

    @property
    def has_errors(self) -> bool:
        return self.severities["error"] > 0

    def add(self, other: BatchTally) -> None:
        self.units += other.units
        self.projects += other.projects
        self.indicators += other.indicators
        self.findings += other.findings
        self.severities.update(other.severities)
        self.grades.update(other.grades)
        self.rules.update(other.rules)


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One chunk's results: the rows to save, its tally, and (``keep``) its groups."""

    rows: list[ReviewRow]
    tally: BatchTally
    groups: list[ReviewedGroup]
    projects: list[int] = field(default_factory=list)  # the project of each row
    dismissed: dict[int, frozenset[str]] = field(default_factory=dict)  # the decided projects' dismissed keys read


@dataclass(frozen=True, slots=True)
class BatchResult:
    """A whole run: the tally, the saved record ids (in plan order), the groups when kept."""

    tally: BatchTally
    records: list[int]
    groups: list[ReviewedGroup]


def chosen_count(store: Store, job: BatchJob) -> int:
    """How many projects the job chooses."""
    with store.reading() as tx:
        return stored_reviews.count_chosen(tx.connection, project_ids=None if job.project_ids is None
                                           else list(job.project_ids), unit=job.unit, year=job.year)


def chosen_unit_codes(store: Store, job: BatchJob) -> list[str | None]:
    """The codes of the units holding the projects the job chooses (whose review ``review --save --user`` may save:
    :func:`perfbudget.app.acting.review_refusal`)."""
    with store.reading() as tx:
        return [load.code for load in stored_reviews.review_units(
            tx.connection, project_ids=None if job.project_ids is None else list(job.project_ids), unit=job.unit,
            year=job.year)]


def plan_chunks(store: Store, job: BatchJob, chunk_indicators: int = CHUNK_INDICATORS) -> list[tuple[list[int], int]]:
    """The chosen projects' units cut in order into chunks of about ``chunk_indicators`` indicators
    (those of all the units' current projects: they are reviewed with the chosen ones); each chunk's
    unit ids and indicator count."""
    with store.reading() as tx:
        loads = stored_reviews.review_units(tx.connection, project_ids=None if job.project_ids is None
                                            else list(job.project_ids), unit=job.unit, year=job.year)
    chunks: list[tuple[list[int], int]] = []
    for load in loads:
        if not chunks or chunks[-1][1] >= chunk_indicators:
            chunks.append(([], 0))
        unit_ids, size = chunks[-1]
        unit_ids.append(load.unit_id)
        chunks[-1] = (unit_ids, size + load.indicators)
    return chunks


class BatchPeers(StorePeers):
    """The store's indicator library read for many projects at once.

    :meth:`preload` reads, in a few queries, what :class:`StorePeers` would ask name by name and
    project by project: the group of every indicator name (as written), those groups' statistics,
    each unit's projects of the years before, and the latest versions of the projects that match.
    Anything not preloaded (a name first met later, a name the library does not hold as written)
    is asked the way :class:`StorePeers` asks it, so the answers are the same. One is kept for all the
    chunks a process reviews: the names, groups and answers read for one chunk serve the next (the
    library does not change during a run); the projects of the years before are read per chunk.
    """

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._candidates: dict[tuple[str, int], list[dict[str, Any]]] = {}
        self._latest: dict[int, StoredVersion] = {}
        self._answers: dict[tuple[str, str], PeerStats | None] = {}
        # each preloaded project's match among its unit's projects of the year before (by the project
        # object, which the entry holds, with its unit): worked out once in preload, read again by last_year
        self._matched: dict[int, tuple[Project, Unit, dict[str, Any] | None]] = {}

    def peers(self, name: str, measure_unit: str) -> PeerStats | None:
        """As :meth:`StorePeers.peers`, each answer kept (a province repeats its indicator names)."""
        key = (name, measure_unit)
        if key not in self._answers:
            self._answers[key] = super().peers(name, measure_unit)
        return self._answers[key]

    def preload(self, documents: list[tuple[Unit, list[Project]]]) -> None:
        """Read the library for these projects (each with the unit its review context gives it); what
        was read for the projects of an earlier chunk is dropped, the names and groups are kept."""
        self._candidates.clear()
        self._latest.clear()
        self._matched.clear()
        names = sorted({i.level3 for _unit, projects in documents for p in projects for i in p.indicators}
                       - set(self._groups))
        wanted: set[tuple[str, int]] = set()
        for unit, projects in documents:
            if not unit.code and not unit.name:
                continue
            for project in projects:
                year = project_year(project)
                if year is not None:
                    wanted.add((unit_key(unit), year - 1))
        with self.store.library_reading() as connection:
            found = stored_reviews.spelling_groups(connection, names)
            self._groups.update(found)
            groups = sorted(set(found.values()) - set(self._stats))
            for group, row in library_groups(library_reads.group_rows(connection, groups), groups).items():
                self._stats[group] = row
            keys = sorted({key for key, _year in wanted})
            years = sorted({year for _key, year in wanted})
            candidates = stored_reviews.units_projects(connection, keys, years)
        self._candidates.update({pair: candidates[pair] for pair in wanted})
        matched = set()
        for unit, projects in documents:
            for project in projects:
                match = self._match(unit, project)
                self._matched[id(project)] = (project, unit, match)
                if match is not None:
                    matched.add(match["id"])
        with self.store.library_reading() as connection:
            self._latest.update(stored_reviews.project_latest(connection, sorted(matched - set(self._latest))))

    def _match(self, unit: Unit, project: Project) -> dict[str, Any] | None:
        year = project_year(project)
        if year is None or (not unit.code and not unit.name):
            return None
        candidates = self._candidates.get((unit_key(unit), year - 1))
        if not candidates:  # none read, or the unit had no project that year
            return None
        stem = name_stem(project.name)
        matches = [c for c in candidates if name_stem(c["name"]) == stem
                   and (not project.fund_source or not c["fund_source"] or c["fund_source"] == project.fund_source)]
        return matches[0] if len(matches) == 1 else None

    def last_year(self, unit: Unit, project: Project) -> Project | None:
        year = project_year(project)
        if year is None or (not unit.code and not unit.name):
            return None
        if (unit_key(unit), year - 1) not in self._candidates:
            return super().last_year(unit, project)
        known = self._matched.get(id(project))
        if known is not None and known[0] is project and known[1] == unit:
            match = known[2]
        else:
            match = self._match(unit, project)
        if match is None:
            return None
        if match["id"] not in self._latest:
            return super().last_year(unit, project)
        return self._latest[match["id"]].document.projects[0]


def library_groups(rows: dict[int, dict[str, Any]], groups: list[int]) -> dict[int, dict[str, object]]:
    """Group statistics as :class:`StorePeers` keeps them (an absent group: empty)."""
    out: dict[int, dict[str, object]] = {}
    for group in groups:
        row = rows.get(group)
        out[group] = {"name": row["name"], **json.loads(row["stats"] or "{}")} if row else {}
    return out


# json.dumps(payload, ensure_ascii=False), as Transaction.record_review writes it, the findings from a template
# (payload_text: the keys written once, repeated values kept)
_PAYLOAD_JSON = payload_text
_SEVERITY = attrgetter("severity")
_RULE = attrgetter("rule")


def _utf8(text: str) -> str | bytes:
    """A payload's text as it travels back to the saving process: its UTF-8 bytes, which the pool sends as they
    are and SQLite stores as the text (``insert_values``'s ``utf8``), where a str was encoded by the pickle,
    decoded by the parent, then encoded again for the driver; a text that has no UTF-8 form (a lone
    surrogate) stays a str, for the driver to refuse as before."""
    try:
        return text.encode()
    except UnicodeEncodeError:
        return text


def _named(item: Any, unit: str, coded: bool) -> bool:
    """``--unit``'s unit (``store.unit_match``): its code, else the name of a unit without a code; by-id/…, by-name/…"""
    from perfbudget.store.unit_match import unit_matches

    return unit_matches(unit, item.unit_code, item.version.document.unit.name, item.unit_id, coded)


def review_chunk(store: Store, job: BatchJob, unit_ids: list[int], peers: BatchPeers | None = None) -> ChunkResult:
    """Load these units' latest versions, review the chosen ones in their units' contexts (with
    ``job.library``: against ``peers``, the process's library reader, else a new one)."""
    wanted = None if job.project_ids is None else set(job.project_ids)
    with store.reading() as tx:
        loaded = stored_reviews.unit_versions(tx.connection, unit_ids)
        coded = job.unit is not None and any(item.unit_code == job.unit for item in loaded)  # the code wins
        chosen = [item.version for item in loaded
                  if (wanted is None or item.version.meta["project_id"] in wanted)
                  and (job.unit is None or _named(item, job.unit, coded))
                  and (job.year is None or item.fund_year == job.year)]
        # each decided project's 驳回 keys: its review saved graded on the findings that stand (print39)
        dismissed = dismissed_keys(tx.connection, [version.meta["project_id"] for version in chosen]) \
            if job.save else {}
    by_code: dict[str, list[StoredVersion]] = {}
    for item in loaded:
        if item.unit_code is not None:
            by_code.setdefault(item.unit_code, []).append(item.version)
    contexts = group_contexts(chosen, lambda code: by_code.get(code, []))
    if not job.library:
        peers = None
    else:
        peers = peers if peers is not None else BatchPeers(store)
        peers.preload([(selection.document.unit, list(selection.document.projects)) for selection, _ in contexts])
    rows: list[ReviewRow] = []
    projects: list[int] = []
    groups: list[ReviewedGroup] = []
    tally = BatchTally(units=len(unit_ids))
    actor = job.actor
    with using(peers):
        for selection, seqs in contexts:
            report = review_context(selection, job.settings)
            wanted_seqs = set(seqs)
            picked: list[tuple[StoredVersion, dict[str, Any] | None, ProjectGrade, str, str]]
            if job.keep:
                picked = [(version, payload, grade, _PAYLOAD_JSON(payload) if job.save else "",
                           summary_text(payload["findings"]) if job.save else "")
                          for version, payload, grade in selection_payloads(report, selection, seqs)]
            elif job.save:  # the texts written from the findings, no payload dict made
                picked = [(version, None, grade, text, summary)
                          for version, text, summary, grade in selection_texts(report, selection, seqs)]
            else:
                picked = [(selection.versions[grade.seq], None, grade, "", "")
                          for grade in report.projects if grade.seq in wanted_seqs]
            saved = []
            for version, payload, grade, text, summary in picked:
                own = version.document.projects[0]
                stored, errors, warnings = grade.grade, grade.errors, grade.warnings
                keys = dismissed.get(version.meta["project_id"])
                if keys is not None and grade.grade:  # (a decided project: graded on the findings that stand)
                    made = payload if payload is not None else \
                        selection_payloads(report, selection, [grade.seq])[0][1]
                    kept = kept_payload(made, (stored, errors, warnings), version.document, keys, job.settings)
                    if kept is not None:
                        payload, text = kept.payload, _PAYLOAD_JSON(kept.payload)
                        stored, errors, warnings = kept.grade, kept.errors, kept.warnings
                tally.projects += 1
                tally.indicators += len(own.indicators)
                tally.grades[stored] += 1
                if job.save:
                    rows.append((version.meta["version_id"],
                                 job.record_year if job.record_year is not None else own.fund_year,
                                 stored, errors, warnings, actor, _utf8(text), summary))
                    projects.append(version.meta["project_id"])
                if payload is not None and job.keep:
                    saved.append(SavedReview(version, payload, stored, errors, warnings))
            counted = [f for f in report.findings if f.project is None or f.project in wanted_seqs]
            tally.findings += len(counted)
            tally.severities.update(map(_SEVERITY, counted))  # counted in C, no generator step per finding
            tally.rules.update(map(_RULE, counted))
            if job.keep:
                groups.append(reviewed_group(selection, seqs, located(report, selection), saved))
    return ChunkResult(rows, tally, groups, projects, dismissed)


# The garbage collector's thresholds while a batch runs: a chunk makes millions of small objects
# (rows, indicators, targets, findings) that form no cycles, and with the default thresholds (700,
# 10, 10) the collector spent about a tenth of a run's CPU walking them and the caches, freeing
# nothing. Collections still run, a hundred times less often in the youngest generation.
BATCH_GC_THRESHOLD = (50_000, 20, 20)


@contextmanager
def _batch_gc() -> Iterator[None]:
    """Fewer collections while a batch runs (:data:`BATCH_GC_THRESHOLD`); what is alive at the start
    (modules, vocabulary, caches) is frozen, so the collections that do run do not walk it again."""
    before = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    gc.set_threshold(*BATCH_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if not frozen_before:  # objects someone else froze stay frozen
            gc.unfreeze()


def _collecting_after(review: Callable[[], ChunkResult]) -> ChunkResult:
    """``review()`` (one chunk) with no automatic collection while it runs, then the youngest generation
    collected once. Nearly all a chunk makes is alive until its end (its rows, indicators, findings) and
    forms no cycles: the few collections the batch thresholds still let run (about one per 20,000
    indicators) walked all of it and freed nothing (≈ 3 % of a worker's CPU); what a chunk leaves
    behind in cycles is freed here, chunk by chunk."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return review()
    finally:
        if enabled:
            gc.enable()
            gc.collect(0)


# The worker processes' own store (each opens its own connections) and job.
_WORKER: dict[str, Any] = {}


def _start_worker(job: BatchJob) -> None:
    gc.freeze()  # a worker lives for one batch: the collector's thresholds as in _batch_gc
    gc.set_threshold(*BATCH_GC_THRESHOLD)
    _WORKER["store"] = Store(job.url, migrate=False)
    _WORKER["job"] = job
    _WORKER["peers"] = BatchPeers(_WORKER["store"]) if job.library else None


def _worker_chunk(unit_ids: list[int]) -> ChunkResult:
    return _collecting_after(partial(review_chunk, _WORKER["store"], _WORKER["job"], unit_ids, _WORKER["peers"]))


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@contextmanager
def _chunk_results(store: Store, job: BatchJob, chunks: list[list[int]], jobs: int) -> Iterator[Iterator[ChunkResult]]:
    """Each chunk's result, in plan order; in a pool of ``jobs`` processes when more than one (started
    here, before the caller opens its write transaction)."""
    if jobs <= 1 or len(chunks) <= 1:
        peers = BatchPeers(store) if job.library else None
        yield (_collecting_after(partial(review_chunk, store, job, chunk, peers)) for chunk in chunks)
        return
    # fork shares the loaded modules and the word dictionary; spawn where fork is not offered
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        from perfbudget.review.language import words

        words("加载分词词典")  # once here, then shared by every worker
    store.engine.dispose()  # no connection of this process is carried into the workers
    with multiprocessing.get_context(method).Pool(min(jobs, len(chunks)), _start_worker, (job,)) as pool:
        yield pool.imap(_worker_chunk, chunks)


def review_batch(store: Store, job: BatchJob, jobs: int | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 chunk_indicators: int = CHUNK_INDICATORS, by: Actor | None = None) -> BatchResult:
    """Review (and with ``job.save`` save) the chosen projects with ``jobs`` processes (default: one
    per core); ``progress(done, total)`` counts the indicators of the units reviewed so far (a
    unit's other current projects included: they are reviewed with the chosen ones). A save is audited
    (:func:`audit_saved`) as ``by`` (else ``job.actor``, a bare name) in the same transaction."""
    plan = plan_chunks(store, job, chunk_indicators)
    if store.engine.dialect.name == "sqlite" and store.engine.url.database in (None, "", ":memory:"):
        jobs = 1  # an in-memory database lives in this process only
    jobs = default_jobs() if jobs is None else max(1, jobs)
    total = sum(size for _units, size in plan)
    tally = BatchTally()
    records: list[int] = []
    groups: list[ReviewedGroup] = []
    done = 0
    if progress is not None:
        progress(0, total)
    with _batch_gc(), _chunk_results(store, job, [units for units, _size in plan], jobs) as results, \
            (store.transaction() if job.save else nullcontext()) as tx:
        for (_units, size), result in zip(plan, results, strict=True):
            late = _decided_meanwhile(tx, result) if tx is not None and result.rows else []
            ids = (stored_reviews.insert_review_rows(tx.connection, result.rows)
                   if tx is not None and result.rows else [])
            records.extend(ids)
            if late:
                assert tx is not None
                regrade(tx, late, job.settings, job.actor)
            if job.keep:
                groups.extend(_with_records(result.groups, result.rows, ids))
            tally.add(result.tally)
            done += size
            if progress is not None:
                progress(done, total)
        if tx is not None and records:
            audit_saved(tx, job, by or Actor(None, job.actor), records, tally)
    return BatchResult(tally, records, groups)


def _decided_meanwhile(tx: Transaction, result: ChunkResult) -> list[int]:
    """The versions of ``result``'s rows whose project's dismissed findings are not those its review was graded on
    (a decision made after the chunk read them), the decided projects locked (:meth:`Transaction.lock_projects`:
    no decision on them until the batch commits); one query where none of the chunk's projects holds a decision."""
    decided = dismissed_keys(tx.connection, result.projects)
    if not decided:
        return []
    tx.lock_projects(decided)
    now = dismissed_keys(tx.connection, decided)
    changed = {project for project in now.keys() | result.dismissed.keys()
               if now.get(project) != result.dismissed.get(project)}
    return [row[0] for row, project in zip(result.rows, result.projects, strict=True) if project in changed]


def audit_saved(tx: Transaction, job: BatchJob, by: Actor, records: list[int], tally: BatchTally) -> None:
    """The audit entry of a saved review (``review.save``, 「保存审核结果」): who saved how many projects' reviews,
    their record numbers and grades. A saved review sets the 审核等级 every face shows of its projects (the lists, the
    pages, the API), so it is audited as what others see is (it was not until replay-x: docs/web.md said it changed no
    project). One entry a run, filed under its project when the run chose one (``review PROJECT --save``; the
    project's audit then lists it), else under the reviews (审核记录) with the run's unit and year."""
    one = job.project_ids[0] if job.project_ids and len(job.project_ids) == 1 else None
    numbers = f"{records[0]}" if len(records) == 1 else f"{records[0]}–{records[-1]}"
    grades = "、".join(f"{grade} {count}" for grade, count in sorted(tally.grades.items(), key=_grade_order))
    tx.audit(by, "review.save", "project" if one is not None else "review", one,
             f"保存 {len(records)} 个项目的审核结果（记录编号 {numbers}）" + (f"：{grades}" if grades else ""),
             after={"count": len(records), "records": numbers, "grades": grades or None, "unit": job.unit,
                    "year": job.year}, unit_code=job.unit)


def _grade_order(item: tuple[str, int]) -> int:
    return "优良中差".find(item[0]) % 5


def _with_records(groups: list[ReviewedGroup], rows: list[ReviewRow], ids: list[int]) -> list[ReviewedGroup]:
    """The groups with each saved review's record id filled in."""
    if not ids:
        return groups
    record = {row[0]: new_id for row, new_id in zip(rows, ids, strict=True)}
    return [replace(group, saved=[replace(s, record=record.get(s.version.meta["version_id"])) for s in group.saved])
            for group in groups]
