"""Password hashing with argon2id (argon2-cffi's defaults, RFC 9106 low-memory profile), and the
policy for new passwords: at least ``MIN_LENGTH`` (10) characters, not on the list of the
commonest passwords shipped in ``app/data/common_passwords.txt`` (compared ignoring case),
not the account name, no spaces at either end, no control characters and nothing that is not text (bytes
piped to ``perfbudget user add`` that are not UTF-8 crashed the hash until 2026-12-05). Existing passwords keep
working."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from perfbudget.app.validate import text_problem

MIN_LENGTH = 10
COMMON_PASSWORDS = Path(__file__).resolve().parent / "data" / "common_passwords.txt"


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher().check_needs_rehash(stored_hash)


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password: str, username: str | None = None) -> str | None:
    """Why a new password is not acceptable (Chinese), or None."""
    if len(password) < MIN_LENGTH:
        return f"密码至少需要 {MIN_LENGTH} 个字符"
    if len(password) > 1024:
        return "密码过长（最多 1024 个字符）"
    if password.strip() != password:
        return "密码首尾不能是空格"
    if any("\ud800" <= c <= "\udfff" for c in password):  # bytes not UTF-8 (a pipe, an argument): argon2 raised
        return "密码含有无法识别的字节（不是 UTF-8 编码的文字）"
    control = text_problem(password, 1024)  # NUL, ESC …: no sign-in form could send them
    if control:
        return f"密码{control}"
    if password.lower() in common_passwords() or (username and password.lower() == username.lower()):
        return "密码过于常见或与用户名相同，容易被猜中，请换一个"
    return None
