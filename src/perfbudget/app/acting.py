"""Who a command-line write acts as: one rule for ``import``, ``review --save``, ``evaluate/monitor --save`` and
``library merge|split|rename``, as ``workflow`` and ``desk`` already act.

* ``--user ACCOUNT`` (or the environment variable ``PERFBUDGET_USER``): the web account, active, acts; the history,
  the records and the audit log name it (its id kept), and its role and unit are checked as its pages and tokens are
  (:func:`import_refusal`, :func:`review_refusal`, the 自评's ``evaluations.role_refusal``, the library's admin
  check).
* Without an account (a laptop with no web accounts): ``--actor NAME``, else the login name, unchecked; refused when
  that name passes for a web account's (its user name or display name, but for case or width): until attack24
  ``perfbudget import --actor rev`` was recorded in the history, the 审核流程 and the audit log as 「rev」 importing,
  a reviewer's name on a step no reviewer may take.
* ``--user`` with ``--actor`` is refused: the record names the account.

Until replay-m ``import``, ``review --save`` and ``library merge`` recorded the login name (「root」) even where
``PERFBUDGET_USER`` named the account that ``workflow``, ``desk`` and ``evaluate --save`` act as."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from perfbudget.app.roles import CLI_FACE, Action, Principal
from perfbudget.app.unit_name_clash import unit_name_problem
from perfbudget.store.transaction import Actor

if TYPE_CHECKING:
    from perfbudget.load import LoadResult
    from perfbudget.store import Store

__all__ = ["BOTH_GIVEN", "Acting", "acting", "document_unit_problem", "import_refusal", "review_refusal",
           "uncoded_unit_refusal", "unit_code_example"]

# a unit's code written against its name (「255101天津市…」, 「[255101]天津市…」): a 实施单位 or 申报单位 cell so
# written is read as a name alone (readers/project_fields: a code there is bracketed or ends in 「-」)
# (possessive: each run of white space is taken whole, as the code's digits are, once; with plain ``\s*`` twice in a
# row a name of 8,000 leading spaces cost 0.5 s, attack31)
_GLUED_CODE = re.compile(r"^\s*+[\[【［(（]?\s*+(?P<code>\d{3,}+)\s*+[\]】］)）]?\s*+(?P<name>[^\d\s].*)$", re.S)

BOTH_GIVEN = "--user 与 --actor 只能给一个：用 --user 时记为该账号"


@dataclass(frozen=True, slots=True)
class Acting:
    """Who writes: ``actor`` as the store records it; ``principal`` the web account, None without one."""

    actor: Actor
    principal: Principal | None


def acting(engine: Engine, user: str | None, actor: str | None, login: str | None) -> Acting | str:
    """The command line's writer: the account ``user`` names, else ``actor`` or ``login`` (the OS login name) as a
    bare name; or why not (an unknown or disabled account, both ``user`` and ``actor``), in Chinese."""
    from perfbudget.app.accounts import account_named_like, account_principal

    if user is None:
        name = actor or login
        if name and (account := account_named_like(engine, name)) is not None:
            given = f"--actor「{name}」" if actor else f"登录名「{name}」（没有 --user 或 --actor 时记为它）"
            return (f"{given}与网页端账号 {account} 的名字相同或只差大小写、全角半角，记录会被当作该账号所为：请用 "
                    f"--user {account}（按该账号的角色与单位检查），或用 --actor 写另一个名字")
        return Acting(Actor(None, name, CLI_FACE), None)
    if actor:
        return BOTH_GIVEN
    found = account_principal(engine, user)
    if isinstance(found, str):
        return found
    return Acting(Actor(found.id, found.username, found.face), found)


def import_refusal(principal: Principal | None, unit_code: str | None,
                   unit_name: str | None = None) -> str | None:
    """Why this account may not import a table of ``unit_code`` (the API's, the upload's and ``perfbudget import
    --user``'s one rule: a unit's editor its own unit's, an admin any), or None (also without an account). A table
    of a unit without a code (``unit_name`` given) is told what to write, as the upload tells it
    (:func:`uncoded_unit_refusal`; ``perfbudget import --user`` said only 「您只能导入本单位」 until faces-u)."""
    if principal is None or principal.can(Action.EDIT, unit_code):
        return None
    if not principal.may(Action.EDIT):
        return f"您的角色（{principal.role_label}）不能导入文档"
    if not unit_code and unit_name:
        return uncoded_unit_refusal(principal, unit_name)
    return f"您只能导入本单位（{principal.unit_code}）的文档"


def document_unit_problem(principal: Principal, result: LoadResult, store: Store | None = None) -> str | None:
    """Why this account may not import this read file (the upload page's and the API's file import: another unit's
    table, or one naming its unit by another unit's name when ``store`` is given, ``app.unit_name_clash``), or None.
    In the upload route's module until the reread of 2026-12-06, the API's file import importing it from there."""
    document = result.document
    if document is None:
        return None
    if principal.can(Action.EDIT, document.unit.code):
        return unit_name_problem(store, principal, document.unit) if store is not None else None
    if not document.unit.code:  # many real tables name their unit without its code: say what to write
        return uncoded_unit_refusal(principal, document.unit.name)
    return (f"该文件属于单位「{document.unit.code} {document.unit.name or ''}」，"
            f"您只能导入本单位（{principal.unit_code}）的文件")


def unit_code_example(own_code: str | None, name: str | None) -> str:
    """What to write for a table's unit so that every reader takes its code (「255101-天津市和平区人民检察院」: a
    code, 「-」, the name; a unit row and a 实施单位 cell read it alike). A name that already begins with a code
    keeps that code, separated (the hint doubled it, 「255101255101天津市…」, until faces-u)."""
    glued = _GLUED_CODE.match(name or "")
    if glued:
        return f"{glued['code']}-{glued['name'].strip()[:60]}"
    return f"{own_code or '单位编码'}-{(name or '单位名称').strip()[:60]}"


def uncoded_unit_refusal(principal: Principal, name: str | None) -> str:
    """Why a unit's editor may not import a table naming its unit without a code, and what to write (every face:
    the upload page, the API's file import, ``perfbudget import --user``)."""
    example = unit_code_example(principal.unit_code, name)
    if name and _GLUED_CODE.match(name):
        return (f"文件中的单位「{name[:60]}」编码与名称连写，读不出单位编码，不能确定是本单位（{principal.unit_code}）"
                f"的表格：请在编码与名称之间加「-」（写成「{example}」）后重新导入，或请管理员导入")
    named = f"「{name[:60]}」" if name else ""
    return (f"文件中的单位{named}没有写单位编码，不能确定是本单位（{principal.unit_code}）的表格："
            f"请在表头的单位名称前写上本单位编码（如「{example}」）后重新导入，或请管理员导入")


def review_refusal(principal: Principal | None, unit_codes: Iterable[str | None]) -> str | None:
    """Why this account may not save the review of projects of these units (``perfbudget review --save --user``),
    or None: a reviewer and an admin any unit's, a unit's editor its own unit's (its import and edits save the same
    review); a viewer none."""
    if principal is None:
        return None
    codes = set(unit_codes)
    if all(principal.can(Action.REVIEW, c) or principal.can(Action.EDIT, c) for c in codes):
        return None
    if not (principal.may(Action.REVIEW) or principal.may(Action.EDIT)):
        return f"您的角色（{principal.role_label}）不能保存审核结果"
    return f"您只能保存本单位（{principal.unit_code}）项目的审核结果：请用 --unit {principal.unit_code}"


class AdminRefused(Exception):
    """Why an admin's action (a unit's rename or merge, a project's delete) was refused, in Chinese for the user:
    ``forbidden`` a role that may not, ``missing`` nothing of that id; the faces answer 403, 404 or 422 by them."""

    def __init__(self, message: str, forbidden: bool = False, missing: bool = False) -> None:
        super().__init__(message)
        self.forbidden = forbidden
        self.missing = missing


def admin_actor(principal: Principal | None, username: str | None, doing: str,
                refused: type[AdminRefused] = AdminRefused) -> Actor:
    """Who acts on an admin's action: a signed-in principal only when an admin (else ``refused`` saying that its role
    may not do ``doing``, 修改或合并单位 …), the command line's ``--user`` name as it is."""
    if principal is not None:
        if not principal.can(Action.ADMIN):
            raise refused(f"您的角色（{principal.role_label}）不能{doing}，须由管理员操作", forbidden=True)
        return Actor(principal.id, principal.username, principal.face)
    return Actor(None, username, CLI_FACE)
