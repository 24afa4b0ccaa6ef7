"""What a table is, as every face names it: 项目支出绩效目标表 / 绩效自评表 / 绩效监控表, or the 部门整体支出 ones.

A document's kind (:data:`perfbudget.vocabulary.DOCUMENT_KIND_LABELS`: 目标, 自评, 监控) says which form it is; whether
a table is a 部门整体 one is read from its name and title (:func:`perfbudget.framework.is_department_table`). Until
replay-n the upload preview (page) called a 部门整体 table 「绩效目标表」, ``perfbudget read`` the same, and the API's
preview named no kind at all.
"""

from __future__ import annotations

from perfbudget.framework import is_department_table
from perfbudget.model import Document, Project
from perfbudget.vocabulary import DOCUMENT_KIND_LABELS

PROJECT_TABLE = "项目支出"
DEPARTMENT_TABLE = "部门整体支出"


def table_kind_label(kind: str, department: bool) -> str:
    """「项目支出绩效目标表」, 「部门整体支出绩效自评表」 …"""
    return (DEPARTMENT_TABLE if department else PROJECT_TABLE) + DOCUMENT_KIND_LABELS.get(kind, "绩效目标表")


def is_department(project: Project) -> bool:
    return is_department_table(project.name, project.title)


def project_kind_label(document: Document, project: Project) -> str:
    """What this table of the document is."""
    return table_kind_label(document.kind, is_department(project))


def document_kind_label(document: Document) -> str:
    """What the document's tables are: one label, or both when it holds 项目支出 and 部门整体支出 tables."""
    departments = {is_department(p) for p in document.projects}
    if departments == {True, False}:
        return f"{table_kind_label(document.kind, False)}、{table_kind_label(document.kind, True)}"
    return table_kind_label(document.kind, departments == {True})
