"""``perfbudget serve``: the web application (FastAPI + uvicorn)."""

from __future__ import annotations

import errno
import functools
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import typer

from perfbudget.cli.common import app, err, fail, out
from perfbudget.os_reasons import os_reason

if TYPE_CHECKING:
    from perfbudget.app.settings import CoreSettings
    from perfbudget.store import Store

DB_HELP = "数据库 URL（默认取环境变量 PERFBUDGET_DB，否则为当前目录的 perfbudget.db）。"
REPLICA_HELP = ("PostgreSQL 流复制只读副本的 URL（默认取环境变量 PERFBUDGET_DB_REPLICA）：网页与 API 的读取走副本，"
                "写入走主库；刚写入的用户在副本追上之前从主库读取。见 docs/scale.md。")


def database_problem(url: str) -> str | None:
    """Why the web app cannot use this SQLite database file (missing folder, read-only), or None.

    The web app writes (sign-ins, the audit log): a database it cannot write is refused at
    start with this message instead of failing on the first request."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(str(parsed.database))
    if not path.parent.is_dir():
        return f"数据库所在目录不存在：{path.parent}（请先创建该目录，或用 --db 指定其他数据库）"
    if path.exists() and not os.access(path, os.W_OK):
        return f"数据库文件只读，网页端无法写入：{path}（请检查文件权限，或用 --db 指定其他数据库）"
    if not path.exists() and not os.access(path.parent, os.W_OK):
        return f"数据库不存在，且无法在只读目录 {path.parent} 中创建（请检查权限，或用 --db 指定其他数据库）"
    if path.exists() and not os.access(path.parent, os.W_OK):
        return f"数据库所在目录只读，SQLite 无法写入日志文件：{path.parent}（请检查权限）"
    return None


def replica_setting_problem(url: str, replica: str | None) -> str | None:
    """Why a replica URL cannot be used with this database (both must be PostgreSQL), or None."""
    from sqlalchemy.engine import make_url

    if not replica:
        return None
    if make_url(url).get_backend_name() != "postgresql":
        return "只读副本（--replica-db）只能与 PostgreSQL 主库一起使用"
    if make_url(replica).get_backend_name() != "postgresql":
        return "只读副本（--replica-db）必须是 PostgreSQL 的 URL"
    return None


def listen_problem(host: str, port: int) -> str | None:
    """Why the web app cannot listen on ``host:port`` (the port taken, the address unknown or not this
    machine's), or None. Checked before start-up: uvicorn told it in English after the banner with the address
    had been printed (「ERROR: [Errno 98] … address already in use」, exit code 3; found by replay-g)."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except (OSError, UnicodeError):
        return f"监听地址「{host}」无效（不是本机的地址或主机名；用 --host 指定，如 127.0.0.1 或 0.0.0.0）"
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: TIME_WAIT is no obstacle
        try:
            probe.bind(address)
        except PermissionError:
            return f"没有权限监听端口 {port}（1024 以下的端口需要管理员权限；用 --port 指定其他端口）"
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"端口 {port} 已被占用（可能已有一个 perfbudget serve 在运行）；用 --port 指定其他端口"
            if exc.errno == errno.EADDRNOTAVAIL:
                return f"「{host}」不是本机的地址，无法监听；用 --host 指定，如 127.0.0.1 或 0.0.0.0"
            return f"无法监听 {host}:{port}（{os_reason(exc)}）；用 --host、--port 指定其他地址或端口"
    return None


def server_log_config() -> dict[str, Any]:
    """uvicorn's logging set-up with its own start and stop lines left out (「INFO: Started server process」,
    「Uvicorn running on …」, 「Application startup complete」…: English on the server's console until faces-v; the
    command prints its own Chinese lines instead): the ``uvicorn.error`` logger from WARNING up, so uvicorn's warnings
    and errors and the workers' own lines (``perfbudget.web.workers``, in Chinese) still show. The access log
    (``uvicorn.access``, one line a request) in our format, no English word in it (:mod:`perfbudget.web.access_log`,
    replay-aa: uvicorn's 「INFO: … 200 OK」 until then; docs/web.md); its warnings and errors in Chinese too
    (:mod:`perfbudget.web.server_log`, replay-ab: 「WARNING:  Invalid HTTP request received.」 until then)."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    from perfbudget.web.access_log import access_formatter
    from perfbudget.web.server_log import server_formatter

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["uvicorn.error"]["level"] = "WARNING"
    config["formatters"]["access"] = access_formatter()
    config["formatters"]["default"] = server_formatter()  # its warnings and errors in Chinese (replay-ab)
    return config


STARTED = "perfbudget 网页端：http://{host}:{port}/  （API 文档：http://{host}:{port}/api/docs；按 Ctrl+C 停止）"
STOPPED = "perfbudget 网页端已停止"


class Terminated(KeyboardInterrupt):
    """SIGTERM (a service manager's stop, ``kill PID``) raised as Ctrl+C's KeyboardInterrupt is."""


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While serving, SIGTERM stops the server as Ctrl+C does: uvicorn shuts down gracefully on either and then
    raises the signal again with the handler it found, and Python's default for SIGTERM killed the process there,
    with no word and exit code 143 (found by replay-y); with this handler it ends in :data:`STOPPED`, exit 0."""
    if threading.current_thread() is not threading.main_thread():  # signals are the main thread's only
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _stopped_by_sigterm(command: Callable[..., None]) -> Callable[..., None]:
    @functools.wraps(command)
    def serving(*args: Any, **kwargs: Any) -> None:
        with sigterm_as_interrupt():
            command(*args, **kwargs)

    return serving


@app.command("serve")
@_stopped_by_sigterm
def serve(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    replica_db: str | None = typer.Option(None, "--replica-db", help=REPLICA_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（对外提供服务时用 0.0.0.0，并置于 HTTPS 之后）。"),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="监听端口。"),
    workers: int = typer.Option(1, "--workers", min=1, help="工作进程数（共享同一数据库与会话密钥）。"),
    access_log: bool = typer.Option(True, "--access-log/--no-access-log", help="是否逐条记录请求日志。"),
) -> None:
    """启动网页端与 HTTP API（/api/v1，文档在 /api/docs）。

    会话密钥取环境变量 PERFBUDGET_SECRET_KEY，不设置时自动生成并保存在数据库中。
    第一次使用前请用 perfbudget user add 创建管理员账号。
    """
    import uvicorn
    from sqlalchemy.exc import DBAPIError, OperationalError

    from perfbudget.cli.store_common import safe_url, url_problem
    from perfbudget.store import SchemaOutdatedError
    from perfbudget.web.app import create_app
    from perfbudget.web.http_protocol import PROTOCOL
    from perfbudget.web.settings import WebConfig

    try:
        config = WebConfig.from_env(db, replica_db)
    except ValueError as exc:
        fail(f"设置有误：{exc}")
    problem = (url_problem(config.database_url) or (url_problem(config.replica_url) if config.replica_url else None)
               or listen_problem(host, port) or database_problem(config.database_url)
               or replica_setting_problem(config.database_url, config.replica_url))
    if problem:
        fail(problem)
    try:
        application = create_app(config)
    except SchemaOutdatedError as exc:
        fail(f"数据库结构版本过旧（{exc.current}，需要 {exc.head}），请先运行 perfbudget db upgrade")
    except (OperationalError, DBAPIError) as exc:
        from perfbudget.db_reasons import database_reason

        fail(f"无法使用数据库 {safe_url(config.database_url)}：{database_reason(exc)}"
             "（请检查数据库是否存在、是否可写，或用 --db 指定）")
    except ValueError as exc:
        fail(f"审核配置有误：{exc}")
    from perfbudget.app.read_routing import replica_problem

    problem = replica_problem(application.state.store)
    if problem:
        fail(problem)
    from perfbudget.app.reviews import start_review_catch_up, unreviewed_mark

    store = application.state.store
    seen = unreviewed_mark(store)  # read first: an import committed while the start reviews is reviewed after it
    reviewed = review_before_serving(store, application.state.core)
    if reviewed:
        out.print(f"已审核 {reviewed} 个尚无审核结果的项目版本（如命令行导入的项目）", markup=False)
    # While serving: a CLI import's new versions are reviewed within seconds (app.reviews.review_catch_up).
    start_review_catch_up(store, application.state.core, "perfbudget serve", seen,
                          problem=lambda said: err.print(said, markup=False))
    if workers > 1:
        # Each worker builds its own app from the environment (perfbudget.web.asgi); the session
        # key is shared through the database.
        os.environ["PERFBUDGET_DB"] = config.database_url
        if config.replica_url:
            os.environ["PERFBUDGET_DB_REPLICA"] = config.replica_url
        # Each worker listens on a socket of its own (SO_REUSEPORT), so connections split evenly
        # between them; the sockets listen before the address is printed, so that a connection made while
        # the workers start waits for them instead of being refused (perfbudget.web.workers).
        from perfbudget.web.workers import listening_sockets, run_workers

        server_config = uvicorn.Config("perfbudget.web.asgi:app", factory=True, host=host, port=port,
                                       workers=workers, log_config=server_log_config(), log_level=None,
                                       proxy_headers=False, access_log=access_log, http=PROTOCOL)
        try:
            sockets = listening_sockets(server_config)
        except OSError as exc:
            fail(f"无法监听 {host}:{port}（{os_reason(exc)}）；用 --host、--port 指定其他地址或端口")
        out.print(STARTED.format(host=host, port=port), markup=False)
        run_workers(server_config, sockets)
        out.print(STOPPED, markup=False)
        return
    from perfbudget.web.workers import listening_sockets, settle_heap

    # X-Forwarded-* are believed only from PERFBUDGET_TRUSTED_PROXIES (the app's own middleware);
    # a request head is bounded (web/http_protocol.py).
    server_config = uvicorn.Config(application, host=host, port=port, log_config=server_log_config(),
                                   log_level=None, proxy_headers=False, access_log=access_log, http=PROTOCOL)
    # listening before the address is printed, as the workers' sockets (a connection made while uvicorn starts
    # waits instead of being refused: some 0.8 s under load until 2026-12-05, attack20)
    try:
        sockets = listening_sockets(server_config)
    except OSError as exc:
        fail(f"无法监听 {host}:{port}（{os_reason(exc)}）；用 --host、--port 指定其他地址或端口")
    out.print(STARTED.format(host=host, port=port), markup=False)
    settle_heap()  # the start-up's objects out of the full collections' way (perfbudget.web.workers)
    server = uvicorn.Server(server_config)
    try:
        server.run(sockets=sockets)
    except KeyboardInterrupt:
        pass
    finally:
        for sock in sockets:
            sock.close()
    if not server.started:
        raise typer.Exit(3)  # uvicorn's STARTUP_FAILURE, as uvicorn.run exits
    out.print(STOPPED, markup=False)


def review_before_serving(store: Store, core: CoreSettings) -> int:
    """Review what a command-line import left unreviewed before serving, saying so when it is long: a line (a log
    reads it too) and, on a terminal, a progress bar on stderr. Until faces43 ``serve`` said nothing for minutes while
    it reviewed the 15,000 versions of a directory import, then started."""
    from perfbudget.app.reviews import REVIEW_BATCH, review_unreviewed, unreviewed_total
    from perfbudget.cli.progress_bar import steps_bar

    waiting = unreviewed_total(store)
    if not waiting:
        return 0
    # more than one batch: a review that takes a while and whose bar moves (faces43 wrote 1,000, a page size's number,
    # for it at first)
    long = waiting > REVIEW_BATCH
    if long:
        err.print(f"正在审核 {waiting} 个尚无审核结果的项目版本（如命令行导入的项目），完成后启动网页端…", markup=False)
    with steps_bar(shown=long, counted="个项目版本") as steps:
        steps("审核", 0, waiting)
        return review_unreviewed(store, core, "perfbudget serve", problem=lambda said: err.print(said, markup=False),
                                 progress=lambda looked: steps("审核", looked, waiting))

