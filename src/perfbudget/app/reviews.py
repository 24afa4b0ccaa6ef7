"""Reviewing stored versions, the same way from every face.

A stored version is always reviewed *with its unit's other projects*: the latest versions of
the same unit and money unit joined into one document (as in the unit's file), so
the cross-project rules see the same tables whether the CLI (``review --db --save``), an
upload, an API document or ``serve``'s catch-up review asked. Each project's saved review is
its grade and findings alone (:func:`project_payload`), numbered as in the file that brought it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from perfbudget.app.payload_text import finding_text, payload_of_texts, payload_text, project_part, source_part
from perfbudget.app.settings import CoreSettings
from perfbudget.library.peers import Peers, StorePeers, TransactionPeers, using
from perfbudget.library.peers import chosen as peers_chosen
from perfbudget.model import Document, Source
from perfbudget.review.config import ReviewConfig
from perfbudget.review.engine import REPORT_FORMAT, ProjectGrade, ReviewReport, review_document
from perfbudget.review.finding import Finding
from perfbudget.store import Store, StoredVersion
from perfbudget.store.review_summary import summary_of_findings, summary_text
from perfbudget.store.selection import StoredSelection, combine, group_versions
from perfbudget.store.transaction import Transaction


def project_payload(report: ReviewReport, seq: int, own_seq: int) -> dict[str, Any]:
    """The review of project ``seq`` alone, in the shape of ``review --json`` for a one-project file:
    its grade and findings (plus the document-level ones, e.g. a rule that crashed), numbered
    ``own_seq`` as in the file that brought the version. This is the payload a saved review keeps."""
    grade = next(g for g in report.projects if g.seq == seq)
    return _payload(grade, [f for f in report.findings if f.project in (seq, None)], own_seq)


def _payload(grade: ProjectGrade, findings: list[Finding], own_seq: int) -> dict[str, Any]:
    items = []
    for finding in findings:
        item = finding.to_dict()
        if finding.project is not None:
            item["project"] = own_seq
        items.append(item)
    return {"format": REPORT_FORMAT, "projects": [{**grade.to_dict(), "seq": own_seq}], "findings": items}


def located(report: ReviewReport, selection: StoredSelection) -> ReviewReport:
    """Each finding located in the file its project's version came from (stored tables keep no
    cell locations); a document-level finding in the selection's label."""
    files: dict[int | None, Source | None] = {None: selection.document.source}
    findings = []
    for f in report.findings:
        if f.source is None:
            if f.project not in files:
                assert f.project is not None  # the document-level source is in place
                files[f.project] = Source(selection.versions[f.project].meta["file"])
            f = Finding(f.project, f.indicator, f.field, f.message, f.suggestion, files[f.project], f.rule,
                        f.dimension, f.severity)
        findings.append(f)
    return replace(report, findings=tuple(findings))


def _key(version: StoredVersion) -> tuple[str | None, str | None, str | None]:
    unit = version.document.unit
    return unit.code, unit.name, version.document.money_unit


def contexts(tx: Transaction, versions: list[StoredVersion]) -> list[tuple[StoredSelection, list[int]]]:
    """For the given versions, each review context: the unit's current versions in the same money
    unit (the given versions standing in for their projects' latest), as the unit's file holds
    them, and which seq numbers in it are the given versions."""
    return group_contexts(versions, lambda code: tx.current_versions(unit=code))


def group_contexts(versions: list[StoredVersion], mates_of: Callable[[str], list[StoredVersion]]
                   ) -> list[tuple[StoredSelection, list[int]]]:
    """:func:`contexts` with the unit's current versions given by ``mates_of(unit code)`` (the store's
    query, or versions loaded beforehand by :mod:`perfbudget.app.review_batch`)."""
    groups: dict[tuple[Any, ...], list[StoredVersion]] = {}
    for version in versions:
        groups.setdefault(_key(version), []).append(version)
    out = []
    for (code, _name, _money), chosen in groups.items():
        mates = mates_of(code) if code else []
        mates = [m for m in mates if _key(m) == _key(chosen[0])]
        mine = {v.meta["project_id"]: v for v in chosen}
        members = [mine.pop(m.meta["project_id"], m) for m in mates] + list(mine.values())
        members.sort(key=lambda v: (v.meta["document_id"], v.document.projects[0].seq))
        selection = combine(members)
        assert not isinstance(selection, str)  # one unit and money unit
        wanted = {v.meta["version_id"] for v in chosen}
        out.append((selection, [seq for seq, v in selection.versions.items() if v.meta["version_id"] in wanted]))
    return out


def review_selection(selection: StoredSelection, seqs: list[int], settings: CoreSettings, *, locate: bool = True
                     ) -> tuple[ReviewReport, list[tuple[StoredVersion, dict[str, Any], ProjectGrade]]]:
    """Review one context; the (located) report and, for each chosen seq, its version, the payload to
    save and its grade. Without ``locate`` the report's findings keep the rules' sources (None for
    stored tables): a caller that needs only the payloads, grades and counts (a province's batch) is
    spared a second copy of every finding; the payloads are located either way."""
    report = review_context(selection, settings)
    return (located(report, selection) if locate else report), selection_payloads(report, selection, seqs)


def review_context(selection: StoredSelection, settings: CoreSettings) -> ReviewReport:
    """One context reviewed, its findings unlocated (the rules' sources: None for stored tables)."""
    return review_document(replace(selection.document, source=None), settings.review_config, region=settings.region)


def selection_payloads(report: ReviewReport, selection: StoredSelection, seqs: list[int]
                       ) -> list[tuple[StoredVersion, dict[str, Any], ProjectGrade]]:
    """For each chosen seq of a reviewed context (``report``, the rules' findings unlocated), its version, the
    payload to save and its grade."""
    chosen = []
    wanted = set(seqs)
    # Each chosen project's payload is made here in one pass over the findings, as
    # ``_payload(located(report))`` makes it: the findings of project_payload, in the report's order
    # (document-level ones sort first), each located in its version's file, numbered as in that file.
    items: dict[int | None, list[dict[str, Any]]] = {}
    files: dict[int | None, dict[str, Any] | None] = {}
    numbers: dict[int | None, int | None] = {None: None}  # each seq's number in its own file
    for finding in report.findings:
        seq = finding.project
        if seq is not None and seq not in wanted:
            continue
        where: dict[str, Any] | None
        if finding.source is not None:
            where = finding.source.to_dict()
        else:
            if seq not in files:
                source = selection.document.source if seq is None else Source(selection.versions[seq].meta["file"])
                files[seq] = None if source is None else source.to_dict()
            where = files[seq]
        number = numbers.get(seq, -1)
        if number == -1:
            assert seq is not None
            number = numbers[seq] = selection.versions[seq].document.projects[0].seq
        items.setdefault(seq, []).append(
            {"rule": finding.rule, "dimension": finding.dimension, "severity": finding.severity, "project": number,
             "indicator": finding.indicator, "field": finding.field, "message": finding.message,
             "suggestion": finding.suggestion, "source": where})
    shared = items.get(None, [])
    for grade in report.projects:
        if grade.seq not in wanted:
            continue
        version = selection.versions[grade.seq]
        own_seq = version.document.projects[0].seq
        chosen.append((version, {"format": REPORT_FORMAT, "projects": [{**grade.to_dict(), "seq": own_seq}],
                                 "findings": shared + items.get(grade.seq, [])}, grade))
    return chosen


def selection_texts(report: ReviewReport, selection: StoredSelection, seqs: list[int]
                    ) -> list[tuple[StoredVersion, str, str, ProjectGrade]]:
    """:func:`selection_payloads` as a province's batch saves them: each chosen seq's version, its payload's JSON
    text (``json.dumps(payload, ensure_ascii=False)``), its summary (``review_summary.summary_text`` of the
    payload's findings) and its grade, written from the findings without the payloads' dicts
    (``payload_text.finding_text``); a finding of another shape than the rules give falls back to the dicts."""
    try:
        return _selection_texts(report, selection, seqs)
    except TypeError:  # payload_text.OddFinding, or a message that is no str
        return [(version, payload_text(payload), summary_text(payload["findings"]), grade)
                for version, payload, grade in selection_payloads(report, selection, seqs)]


def _selection_texts(report: ReviewReport, selection: StoredSelection, seqs: list[int]
                     ) -> list[tuple[StoredVersion, str, str, ProjectGrade]]:
    wanted = set(seqs)
    texts: dict[int | None, list[str]] = {}
    found: dict[int | None, list[Finding]] = {}
    ends: dict[int | None, tuple[str, str]] = {}  # each seq's number part and its file's source part
    sources: dict[int, str] = {}  # a finding's own source's part, by the source's identity
    for finding in report.findings:
        seq = finding.project
        if seq is not None and seq not in wanted:
            continue
        end = ends.get(seq)
        if end is None:
            end = ends[seq] = _seq_parts(selection, seq)
        if finding.source is None:
            where = end[1]
        else:
            known = sources.get(id(finding.source))
            if known is None:
                known = sources[id(finding.source)] = source_part(finding.source.to_dict())
            where = known
        texts.setdefault(seq, []).append(finding_text(finding, end[0], where))
        found.setdefault(seq, []).append(finding)
    shared = texts.get(None, [])
    shared_found = found.get(None, [])
    chosen = []
    for grade in report.projects:
        if grade.seq not in wanted:
            continue
        version = selection.versions[grade.seq]
        own = found.get(grade.seq, [])
        chosen.append((version, payload_of_texts([{**grade.to_dict(), "seq": version.document.projects[0].seq}],
                                                 shared + texts.get(grade.seq, [])),
                       summary_of_findings(shared_found + own if shared_found else own), grade))
    return chosen


def _seq_parts(selection: StoredSelection, seq: int | None) -> tuple[str, str]:
    """A seq's number part and the source part of its file (the selection's for a document-level finding)."""
    if seq is None:
        source = selection.document.source
        return project_part(None), source_part(None if source is None else source.to_dict())
    version = selection.versions[seq]
    return project_part(version.document.projects[0].seq), source_part(Source(version.meta["file"]).to_dict())


@dataclass(frozen=True, slots=True)
class SavedReview:
    """One project's review as stored (or as it would be stored)."""

    version: StoredVersion
    payload: dict[str, Any]
    grade: str
    errors: int
    warnings: int
    record: int | None = None


@dataclass(frozen=True, slots=True)
class ReviewedGroup:
    """One review context: the joined selection (with the unit's other projects), the document of
    the chosen projects only, the report restricted to them, and each one's review as saved."""

    selection: StoredSelection
    document: Document
    report: ReviewReport
    saved: list[SavedReview]


def review_file(store: Store, document: Document, settings: CoreSettings, config: ReviewConfig | None = None
                ) -> ReviewReport:
    """A document not (yet) stored reviewed as the web app and the API show it (an upload's preview, a document
    sent to the API, the editor's check): with ``settings``' config (or ``config``) and region, and against the
    store's indicator library (below-peers, below-last-year), as ``perfbudget review FILE`` compares a file with
    its database's library."""
    with _library(lambda: StorePeers(store)):
        return review_document(document, config or settings.review_config, region=settings.region)


def _library(make: Callable[[], Peers]) -> AbstractContextManager[None]:
    """The library made by ``make`` in place for a review, unless the caller chose one (or none) already: the
    CLI's ``review`` (``--no-library``) and a province's batch put their own in place."""
    return nullcontext() if peers_chosen() else using(make())


def review_in_context(tx: Transaction, versions: list[StoredVersion], settings: CoreSettings, *, save: bool,
                      actor: str | None, year: int | None = None) -> list[ReviewedGroup]:
    """Review ``versions`` each in its unit's context, against the store's indicator library as ``tx`` reads
    it (unless a caller put one in place); save each one's payload when asked."""
    with _library(lambda: TransactionPeers(tx)):
        return _review_in_context(tx, versions, settings, save=save, actor=actor, year=year)


def _review_in_context(tx: Transaction, versions: list[StoredVersion], settings: CoreSettings, *, save: bool,
                       actor: str | None, year: int | None) -> list[ReviewedGroup]:
    out = []
    for selection, seqs in contexts(tx, versions):
        report, chosen = review_selection(selection, seqs, settings)
        saved = []
        for version, payload, grade in chosen:
            own = version.document.projects[0]
            record = None
            if save:
                record = tx.record_review(version.meta["version_id"], payload,
                                          year=year if year is not None else own.fund_year, grade=grade.grade,
                                          errors=grade.errors, warnings=grade.warnings, actor=actor)
            saved.append(SavedReview(version, payload, grade.grade, grade.errors, grade.warnings, record))
        out.append(reviewed_group(selection, seqs, report, saved))
    if save:  # a project's dismissed findings carry to its new version: graded on those that stand (print39)
        from perfbudget.app.kept_review import regrade

        regrade(tx, [version.meta["version_id"] for version in versions], settings, actor)
    return out


def reviewed_group(selection: StoredSelection, seqs: list[int], report: ReviewReport,
                   saved: list[SavedReview]) -> ReviewedGroup:
    """The group as the faces show it: the chosen projects only, the report restricted to them."""
    chosen = replace(selection.document, projects=tuple(p for p in selection.document.projects if p.seq in seqs))
    return ReviewedGroup(selection, chosen, _only(report, seqs), saved)


def _only(report: ReviewReport, seqs: list[int]) -> ReviewReport:
    """The report restricted to the chosen projects (context projects are reviewed but not reported)."""
    return replace(report, projects=tuple(g for g in report.projects if g.seq in seqs),
                   findings=tuple(f for f in report.findings if f.project is None or f.project in seqs))


def review_in_tx(tx: Transaction, version_ids: list[int], settings: CoreSettings, actor: str | None) -> None:
    """Review and save the given versions (used by imports and edits, inside their transaction)."""
    loaded = tx.versions(version_ids)
    review_in_context(tx, [loaded[i] for i in version_ids], settings, save=True, actor=actor)


def review_stored(store: Store, settings: CoreSettings, versions: list[StoredVersion], *, save: bool,
                  actor: str | None, year: int | None = None) -> list[ReviewedGroup]:
    """Review chosen stored versions (CLI ``review --db``, the web's catch-up), saving when asked."""
    if save:
        with store.transaction() as tx:
            return review_in_context(tx, versions, settings, save=True, actor=actor, year=year)
    with store.reading() as tx:
        return review_in_context(tx, versions, settings, save=False, actor=actor, year=year)


def current_errors(store: Store, settings: CoreSettings, project_id: int) -> int:
    """Error-level findings of a project's latest version that stand: its stored review's count (the kept findings'
    since print40), else a fresh one in context graded on the findings kept (a CLI import not yet reviewed: the
    machine's count would hold the errors a reviewer dismissed, which the 送审 check must not ask about)."""
    from perfbudget.app.kept_review import dismissed_keys, kept_payload

    with store.reading() as tx:
        chosen = tx.current_versions(project_ids=[project_id])
        if not chosen:
            return 0
        stored = tx.last_review(chosen[0].meta["version_id"])
        if stored is not None:
            return int(stored["errors"] or 0)
        results = review_in_context(tx, chosen, settings, save=False, actor=None)
        dismissed = dismissed_keys(tx.connection, [project_id]).get(project_id, frozenset())
    total = 0
    for saved in (s for group in results for s in group.saved):
        kept = kept_payload(saved.payload, (saved.grade, saved.errors, saved.warnings), saved.version.document,
                            dismissed, settings) if dismissed else None
        total += saved.errors if kept is None else kept.errors
    return total


REVIEW_BATCH = 200  # latest versions :func:`review_unreviewed` reads and reviews at a time


def review_unreviewed(store: Store, settings: CoreSettings, actor: str, batch: int = REVIEW_BATCH,
                      problem: Callable[[str], None] | None = None, skip: set[int] | None = None,
                      progress: Callable[[int], None] | None = None) -> int:
    """Review and record every latest version without a stored review (e.g. imported by the CLI).

    ``perfbudget serve`` calls it before starting, so that the dashboard covers every project, and again whenever a
    CLI import moves the unreviewed counter while it runs (:func:`review_catch_up`). Each batch is chosen inside its
    own write transaction (on PostgreSQL under an advisory lock), so two callers never review a version twice.

    A batch whose review raises (a stored version that cannot be read back: a damaged row, one written by a newer
    release; it is read with every version of its unit, the context of their review) is reviewed again a unit at a
    time: a unit that still fails is left unreviewed, told to ``problem`` (「单位编号 1 的 10 个项目版本未能审核…」)
    and its versions put in ``skip`` (a caller passing the same set does not try them again), and the other units
    are reviewed. Until attack25 one such version stopped ``perfbudget serve`` at its start with a traceback and,
    while it ran, had the catch-up review and roll back the same batch every second, nothing imported after it
    ever reviewed. ``progress`` is told how many versions were looked at after each batch (``serve``'s progress bar:
    it said nothing for minutes while it reviewed 15,000 versions a directory import left, until faces43)."""
    skip = set() if skip is None else skip
    done = looked = 0
    after = 0
    while True:
        found: list[int] = []
        missing: list[int] = []
        try:
            with store.transaction() as tx:
                tx.lock_reviewing()
                found = tx.unreviewed_latest(limit=batch, after=after)
                missing = [version_id for version_id in found if version_id not in skip]
                if missing:
                    review_in_tx(tx, missing, settings, actor)
            done += len(missing)
        except SQLAlchemyError:
            raise  # the database away or busy: the caller tries again later
        except Exception:
            done += _review_by_unit(store, settings, actor, missing, problem, skip)
        looked += len(found)
        if progress is not None:
            progress(looked)
        if len(found) < batch:
            return done
        after = found[-1]


def unreviewed_total(store: Store) -> int:
    """How many latest versions have no stored review (what :func:`review_unreviewed` would look at), counted in the
    database (faces43 read every id at first)."""
    with store.reading() as tx:
        return tx.unreviewed_count()


def _review_by_unit(store: Store, settings: CoreSettings, actor: str, version_ids: list[int],
                    problem: Callable[[str], None] | None, skip: set[int]) -> int:
    """Review the versions of each unit among ``version_ids`` still unreviewed, a unit in a transaction of its own;
    a unit whose review fails is told and its versions skipped."""
    from sqlalchemy import select

    from perfbudget.store.schema import project_versions, projects

    with store.reading() as tx:
        rows = tx.connection.execute(select(project_versions.c.id, projects.c.unit_id)
                                     .join(projects, projects.c.id == project_versions.c.project_id)
                                     .where(project_versions.c.id.in_(version_ids))).all()
    by_unit: dict[int, list[int]] = {}
    for version_id, unit_id in rows:
        by_unit.setdefault(int(unit_id), []).append(int(version_id))
    done = 0
    for unit_id, ids in sorted(by_unit.items()):
        try:
            with store.transaction() as tx:
                tx.lock_reviewing()
                still = [i for i in sorted(ids) if tx.unreviewed_latest(only=i)]
                if still:
                    review_in_tx(tx, still, settings, actor)
            done += len(still)
        except SQLAlchemyError:
            raise
        except Exception as error:
            skip.update(ids)
            if problem is not None:
                problem(f"单位编号 {unit_id} 的 {len(ids)} 个项目版本（版本编号 {min(ids)}–{max(ids)}）未能审核，"
                        f"已跳过（其他单位照常审核）：{type(error).__name__}: {str(error)[:200]}")
    return done


def unreviewed_mark(store: Store) -> int:
    """The store's unreviewed counter (``change_counters.unreviewed``): it moves with every import that leaves its new
    versions unreviewed (the CLI's, :meth:`perfbudget.store.transaction.Transaction.mark_unreviewed`)."""
    from sqlalchemy import select

    from perfbudget.store.schema import change_counters

    with store.engine.connect() as connection:
        return int(connection.execute(select(change_counters.c.unreviewed)
                                      .where(change_counters.c.id == 1)).scalar_one())


def review_catch_up(store: Store, settings: CoreSettings, actor: str, seen: int, stop: threading.Event,
                    interval: float = 1.0, problem: Callable[[str], None] | None = None) -> None:
    """Until ``stop`` is set: every ``interval`` seconds read the unreviewed counter and, when it moved from ``seen``,
    review what is unreviewed (:func:`review_unreviewed`). ``perfbudget serve`` runs it in a thread, so a CLI import
    made while the server runs is reviewed within seconds — on the web, the API and the CLI's lists alike — where it
    stayed 「未审核」 until the server was restarted. A failure (the database away) is told to ``problem`` once per
    kind and tried again on the next turn; a version that cannot be reviewed is told once and skipped
    (:func:`review_unreviewed`)."""
    told: set[str] = set()
    skip: set[int] = set()  # versions that could not be reviewed: told once, not tried at each import after them

    while not stop.wait(interval):
        try:
            mark = unreviewed_mark(store)
            if mark != seen:
                review_unreviewed(store, settings, actor, problem=problem, skip=skip)
                seen = mark
        except Exception as error:  # a server keeps serving; the next turn tries again
            said = f"{type(error).__name__}: {error}"
            if problem is not None and said not in told:
                told.add(said)
                problem(f"审核命令行导入的项目时出错（稍后重试）：{said}")


def start_review_catch_up(store: Store, settings: CoreSettings, actor: str, seen: int,
                          interval: float = 1.0, problem: Callable[[str], None] | None = None) -> threading.Event:
    """:func:`review_catch_up` in a daemon thread; setting the returned event stops it."""
    stop = threading.Event()
    threading.Thread(target=review_catch_up, args=(store, settings, actor, seen, stop, interval, problem),
                     name="perfbudget-review-catch-up", daemon=True).start()
    return stop


def selections(versions: list[StoredVersion]) -> list[StoredSelection]:
    """Chosen versions joined per unit and money unit (for the CLI's listing of what was reviewed)."""
    out = []
    for group in group_versions(versions):
        selection = combine(group)
        assert not isinstance(selection, str)
        out.append(selection)
    return out
