"""``perfbudget serve``: the web application (FastAPI + uvicorn)."""

from __future__ import annotations

import os

import typer

from perfbudget.cli.common import app, fail, out

DB_HELP = "数据库 URL（默认取环境变量 PERFBUDGET_DB，否则为当前目录的 perfbudget.db）。"


@app.command("serve")
def serve(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（对外提供服务时用 0.0.0.0，并置于 HTTPS 之后）。"),
    port: int = typer.Option(8000, "--port", help="监听端口。"),
    workers: int = typer.Option(1, "--workers", help="工作进程数（共享同一数据库与会话密钥）。"),
    access_log: bool = typer.Option(True, "--access-log/--no-access-log", help="是否逐条记录请求日志。"),
) -> None:
    """启动网页端与 HTTP API（/api/v1，文档在 /api/docs）。

    会话密钥取环境变量 PERFBUDGET_SECRET_KEY，不设置时自动生成并保存在数据库中。
    第一次使用前请用 perfbudget user add 创建管理员账号。
    """
    import uvicorn

    from perfbudget.store import SchemaOutdatedError
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    config = WebConfig.from_env(db)
    try:
        application = create_app(config)
    except SchemaOutdatedError as exc:
        fail(f"数据库结构版本过旧（{exc.current}，需要 {exc.head}），请先运行 perfbudget db upgrade")
    except ValueError as exc:
        fail(f"审核配置有误：{exc}")
    from perfbudget.app.reviews import review_unreviewed

    reviewed = review_unreviewed(application.state.store, application.state.core, "perfbudget serve")
    if reviewed:
        out.print(f"已审核 {reviewed} 个尚无审核结果的项目版本（如命令行导入的项目）", markup=False)
    out.print(f"perfbudget 网页端：http://{host}:{port}/  （API 文档：http://{host}:{port}/api/docs）", markup=False)
    if workers > 1:
        # Each worker builds its own app from the environment (perfbudget.web.asgi); the session
        # key is shared through the database.
        os.environ["PERFBUDGET_DB"] = config.database_url
        uvicorn.run("perfbudget.web.asgi:app", factory=True, host=host, port=port, workers=workers,
                    log_level="info", proxy_headers=True, access_log=access_log)
        return
    uvicorn.run(application, host=host, port=port, log_level="info", proxy_headers=True, access_log=access_log)
