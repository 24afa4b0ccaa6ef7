"""Roles and what each may do: the one permission table of the web app, the API and the use-case layer.

* 管理员 (admin): everything, all units; accounts and the audit log.
* 审核人员 (reviewer): reads all units, reviews (审核通过 / 退回 with a comment); changes no table.
* 单位填报人员 (unit_editor): reads and changes its own unit only: upload, edit, declare, submit,
  enter actuals. Another unit's project does not exist for it (404, not 403, so that ids leak nothing).
* 查看人员 (viewer): reads all units, or only its own unit when one is set; changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    REVIEWER = "reviewer"
    UNIT_EDITOR = "unit_editor"
    VIEWER = "viewer"


ROLE_LABELS = {
    Role.ADMIN: "管理员",
    Role.REVIEWER: "审核人员",
    Role.UNIT_EDITOR: "单位填报人员",
    Role.VIEWER: "查看人员",
}


class Action(StrEnum):
    """Things a user may want to do to a unit's data (or to the system)."""

    READ = "read"              # see projects, findings, history, downloads
    EDIT = "edit"              # change targets, declare, upload/import, submit, enter actuals
    REVIEW = "review"          # approve or return a submitted project
    ADMIN = "admin"            # accounts, audit log


_ALLOWED: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.REVIEWER: frozenset({Action.READ, Action.REVIEW}),
    Role.UNIT_EDITOR: frozenset({Action.READ, Action.EDIT}),
    Role.VIEWER: frozenset({Action.READ}),
}


# The faces a user acts through, as every audit entry records them (``after["face"]``, 「操作途径」: app.audit_changes)
CLI_FACE, WEB_FACE, API_FACE = "cli", "web", "api"


@dataclass(frozen=True, slots=True)
class Principal:
    """The signed-in user as the permission layer sees it.

    Attributes:
        id: the user's id.
        username: the sign-in name.
        display_name: the name shown (falls back to the username).
        role: the role.
        unit_code: the own unit (unit editors; optionally viewers); None = all units.
        face: the face the user acts through — ``web`` (a page's session), ``api`` (a bearer token) or ``cli``
            (``perfbudget … --user``); every audit entry the user's actions write says it (「操作途径」). None: not
            known (a principal made by hand).
    """

    id: int
    username: str
    display_name: str
    role: Role
    unit_code: str | None
    face: str | None = None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def all_units(self) -> bool:
        """True when the user is not bound to one unit."""
        return self.role in (Role.ADMIN, Role.REVIEWER) or self.unit_code is None

    @property
    def only_unit(self) -> str | None:
        """The one unit whose data the user may see (None: every unit), for filters such as the
        indicator library's examples."""
        return None if self.all_units else self.unit_code

    def sees_unit(self, unit_code: str | None) -> bool:
        """True when the user may see this unit's data at all."""
        return self.all_units or (unit_code is not None and unit_code == self.unit_code)

    def can(self, action: Action, unit_code: str | None = None) -> bool:
        """True when the role allows ``action`` on data of ``unit_code``."""
        if action not in _ALLOWED[self.role]:
            return False
        if action is Action.ADMIN:
            return True
        return self.sees_unit(unit_code)

    def may(self, action: Action) -> bool:
        """True when the role allows ``action`` on some unit (menus, buttons)."""
        return action in _ALLOWED[self.role]


def parse_role(text: str) -> Role | None:
    """A role from its id or its Chinese label."""
    for role in Role:
        if text in (role.value, ROLE_LABELS[role]):
            return role
    return None
