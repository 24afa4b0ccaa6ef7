"""Whose password an account signs in with: its own, or one another account gave it.

An admin creates an account on the 账号 page with an 初始密码, or sets a new one with 重设密码 (as the API's
``POST /users`` and ``PATCH /users/{name}`` do): the admin knows it. Until webflow23 nothing asked the account's owner
to change it; the sign-in now says so (``web.routes.auth``) until the owner has set a password of their own. Read
from the audit log (the last 创建账号 or 修改密码 entry of the account, one indexed query at sign-in); a password set
at the command line (``perfbudget user add|passwd``, no acting account) is taken as the owner's: whoever runs the
command may be that person.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from perfbudget.store.records import audit_log

SET_PASSWORD = ("user.create", "user.password")


def set_by_another(engine: Engine, user_id: int) -> bool:
    """Whether the account's current password was set by another account (an admin's 初始密码 or 重设密码)."""
    stmt = (select(audit_log.c.user_id).where(audit_log.c.object_type == "user",
                                              audit_log.c.object_id == str(user_id),
                                              audit_log.c.action.in_(SET_PASSWORD))
            .order_by(audit_log.c.id.desc()).limit(1))
    with engine.connect() as connection:
        setter = connection.execute(stmt).first()
    return setter is not None and setter.user_id is not None and setter.user_id != user_id
