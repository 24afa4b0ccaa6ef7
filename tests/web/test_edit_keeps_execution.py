"""The web editor's form edits a project's amounts, goals and indicators; a self-evaluation's funds grid figures
(全年执行数, 执行率, 分值, 得分, kinds23) are not on the form and stay as read, never dropped by an edit."""

from __future__ import annotations

from decimal import Decimal

from starlette.datastructures import FormData

from perfbudget.model import Budget, Project
from perfbudget.web.forms import edited_project


def test_an_edit_of_the_amounts_keeps_the_execution_figures() -> None:
    base = Project(seq=1, title=None, name="农村饮水工程维修养护", fund_label=None, fund_year=2023, fund_source=None,
                   budget=Budget(Decimal(120), Decimal(120), None, initial=Decimal(100), executed=Decimal(108),
                                 rate=Decimal(90), weight=Decimal(10), score=Decimal(9)),
                   purpose=None, goals=(), indicators=())
    form = FormData([("budget_total", "130"), ("budget_fiscal", "130"), ("l1", "产出指标"), ("l2", "数量指标"),
                     ("l3", "维修工程数"), ("desc", ""), ("target", "≥10处"), ("rowid", "1")])
    parsed = edited_project(form, base)
    assert parsed.errors == []
    assert parsed.project.budget == Budget(Decimal(130), Decimal(130), None, initial=Decimal(100),
                                           executed=Decimal(108), rate=Decimal(90), weight=Decimal(10),
                                           score=Decimal(9))
