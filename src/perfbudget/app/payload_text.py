"""The JSON text of a review's payload, exactly as ``json.dumps(payload, ensure_ascii=False)`` writes it, a
finding at a time.

A province's review writes 100,000 payloads of a few findings each; the C encoder spent about a sixth of a
review worker's instructions on them, most of it encoding every finding's nine keys again and the few
rule ids, dimensions, severities, fields and suggestions it meets again and again. :func:`payload_text`
writes a payload of the shape ``app.reviews.review_selection`` makes (``format``, ``projects``,
``findings``; each finding the nine keys of ``Finding.to_dict`` in that order, with strings, ints and
None, and its ``source`` a dict or None) from a template with the keys written once, each value encoded
by the same function the C encoder uses (``json.encoder.encode_basestring``) and the repeated ones kept;
anything else is written by the C encoder (:func:`perfbudget.store.json_text.json_writer`). About 28 %
fewer instructions than the C encoder on a 20,064-indicator chunk's 2,280 payloads (callgrind: 331 M
against 464 M).

A province's batch (``app.review_batch`` without ``keep``) does not make the payload dicts at all: it writes each
chosen project's text from the report's :class:`~perfbudget.review.finding.Finding` objects
(:func:`finding_text`, ``app.reviews.selection_texts``), each finding from three kept pieces — its rule,
dimension and severity with the keys around them, its field's, its suggestion's and source's — with its
numbers and message between them: the same text again, with about a third of the pieces to join.
"""

from __future__ import annotations

from json.encoder import encode_basestring  # the C encoder's own function for a str with ensure_ascii=False
from typing import Any

from perfbudget.review.engine import REPORT_FORMAT
from perfbudget.review.finding import Finding
from perfbudget.store.json_text import json_writer
from perfbudget.text_caches import held_by

_WRITE = json_writer()
_TOP_KEYS = ("format", "projects", "findings")
_FINDING_KEYS = ("rule", "dimension", "severity", "project", "indicator", "field", "message", "suggestion", "source")
# Encoded texts met again and again (rule ids, dimensions, severities, fields, suggestions), at most
# REPEATED_LIMIT of them
REPEATED_LIMIT = 4096
_REPEATED: dict[str, str] = {}


def payload_text(payload: Any) -> str:
    """``json.dumps(payload, ensure_ascii=False)``."""
    if type(payload) is not dict or tuple(payload) != _TOP_KEYS or type(payload["findings"]) is not list:
        return _WRITE(payload)
    sources: dict[int, str] = {}  # each source dict's text, by identity (the payload holds them)
    parts = []
    for finding in payload["findings"]:
        text = _finding_text(finding, sources)
        if text is None:
            return _WRITE(payload)
        parts.append(text)
    return (f'{{"format": {_WRITE(payload["format"])}, "projects": {_WRITE(payload["projects"])}, '
            f'"findings": [{", ".join(parts)}]}}')


def _finding_text(finding: Any, sources: dict[int, str]) -> str | None:
    """A finding's JSON text, or None when it is not of the shape written here."""
    if type(finding) is not dict or tuple(finding) != _FINDING_KEYS:
        return None
    rule, dimension, severity, project, indicator, field, message, suggestion, source = finding.values()
    if (type(rule) is not str or type(dimension) is not str or type(severity) is not str
            or type(message) is not str or type(suggestion) is not str
            or (project is not None and type(project) is not int)
            or (indicator is not None and type(indicator) is not int)
            or (field is not None and type(field) is not str)):
        return None
    if source is None:
        where = "null"
    elif type(source) is dict:
        known = sources.get(id(source))
        if known is None:
            known = sources[id(source)] = _WRITE(source)
        where = known
    else:
        return None
    return (f'{{"rule": {_repeated(rule)}, "dimension": {_repeated(dimension)}, "severity": {_repeated(severity)}, '
            f'"project": {"null" if project is None else int.__repr__(project)}, '
            f'"indicator": {"null" if indicator is None else int.__repr__(indicator)}, '
            f'"field": {"null" if field is None else _repeated(field)}, "message": {encode_basestring(message)}, '
            f'"suggestion": {_repeated(suggestion)}, "source": {where}}}')


def _repeated(text: str) -> str:
    """``encode_basestring(text)``, kept for the next time."""
    known = _REPEATED.get(text)
    if known is None:
        if len(_REPEATED) >= REPEATED_LIMIT:
            _REPEATED.clear()  # memory stays bounded whatever is reviewed
        known = _REPEATED[text] = encode_basestring(text)
    return known


# Pieces of a finding's text met again and again, at most REPEATED_LIMIT of each kind: the head (rule,
# dimension, severity, up to the project's number), the field up to the message, the suggestion up to the source.
_HEADS: dict[tuple[str, str, str], str] = {}
_FIELD_TEXTS: dict[str | None, str] = {}
_SUGGESTIONS: dict[str, str] = {}
held_by(_REPEATED.clear)  # (a suggestion may quote a table's text)
held_by(_SUGGESTIONS.clear)


class OddFinding(TypeError):
    """A finding with a value of a type :func:`finding_text` does not write (the caller falls back to the
    payload's dict and :func:`payload_text`)."""


def finding_text(finding: Finding, project: str, source: str) -> str:
    """The text ``json.dumps`` writes for the finding's dict as a payload holds it (``Finding.to_dict`` with
    ``project`` the number in its own file): ``project`` that number's part (:func:`project_part`), ``source``
    its source's (:func:`source_part`). Raises :class:`OddFinding` (or the ``TypeError`` of
    ``encode_basestring``) for a value of another type than the rules give."""
    head = _HEADS.get((finding.rule, finding.dimension, finding.severity))
    if head is None:
        head = _head(finding.rule, finding.dimension, finding.severity)
    indicator = finding.indicator
    if indicator is None:
        place = "null"
    elif type(indicator) is int:
        place = int.__repr__(indicator)
    else:
        raise OddFinding(indicator)
    field = _FIELD_TEXTS.get(finding.field)
    if field is None:
        field = _field_text(finding.field)
    suggestion = _SUGGESTIONS.get(finding.suggestion)
    if suggestion is None:
        suggestion = _suggestion_text(finding.suggestion)
    return f"{head}{project}{place}{field}{encode_basestring(finding.message)}{suggestion}{source}"


def project_part(number: Any) -> str:
    """The part of a finding's text from its project's number (None: ``null``) to the indicator's."""
    if number is None:
        return 'null, "indicator": '
    if type(number) is not int:
        raise OddFinding(number)
    return f'{int.__repr__(number)}, "indicator": '


def source_part(source: Any) -> str:
    """The end of a finding's text from its source's dict (or None)."""
    if type(source) is dict:
        return _WRITE(source) + "}"
    if source is not None:
        raise OddFinding(source)
    return "null}"


def _head(rule: Any, dimension: Any, severity: Any) -> str:
    if type(rule) is not str or type(dimension) is not str or type(severity) is not str:
        raise OddFinding((rule, dimension, severity))
    return _keep(_HEADS, (rule, dimension, severity), f'{{"rule": {_repeated(rule)}, "dimension": '
                 f'{_repeated(dimension)}, "severity": {_repeated(severity)}, "project": ')


def _field_text(field: Any) -> str:
    if field is not None and type(field) is not str:
        raise OddFinding(field)
    return _keep(_FIELD_TEXTS, field, f', "field": {"null" if field is None else _repeated(field)}, "message": ')


def _suggestion_text(suggestion: Any) -> str:
    if type(suggestion) is not str:
        raise OddFinding(suggestion)
    return _keep(_SUGGESTIONS, suggestion, f', "suggestion": {_repeated(suggestion)}, "source": ')


def _keep(kept: dict[Any, str], key: Any, text: str) -> str:
    """``text`` kept under ``key`` (the dict emptied first when full: memory stays bounded whatever is reviewed)."""
    if len(kept) >= REPEATED_LIMIT:
        kept.clear()
    kept[key] = text
    return text


def payload_of_texts(projects: Any, findings: list[str]) -> str:
    """A payload's text from its ``projects`` value and its findings' texts (:func:`finding_text`)."""
    return f'{{"format": {_FORMAT}, "projects": {_WRITE(projects)}, "findings": [{", ".join(findings)}]}}'


_FORMAT = _WRITE(REPORT_FORMAT)
