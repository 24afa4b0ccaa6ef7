"""Roles and permissions: defined once in :mod:`perfbudget.app.roles` (the use-case layer enforces them)."""

from perfbudget.app.roles import ROLE_LABELS, Action, Principal, Role, parse_role

__all__ = ["ROLE_LABELS", "Action", "Principal", "Role", "parse_role"]
