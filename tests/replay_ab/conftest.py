"""replay-ab's tests use the web tests' populated apps (``tests/web/conftest.py``) beside the CLI."""

from tests.web.conftest import any_web, pg_web, pg_web_template, web, web_template

__all__ = ["any_web", "pg_web", "pg_web_template", "web", "web_template"]
