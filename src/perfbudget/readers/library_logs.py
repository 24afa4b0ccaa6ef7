"""What a reading library logs is for a developer, not for the user (reading-v).

pdfminer logs a warning a glyph for a font descriptor without ``FontBBox`` (Chromium's PDF of Word's web
page: 84 lines of ``Could not get FontBBox from font descriptor…`` for one table). With no handler set up,
Python's last-resort handler printed each on stderr, in English, amid our own located warnings. The
library's own loggers keep every record, lowered to DEBUG: a handler set up at DEBUG (``logging`` of an
embedding program) still sees them, the last-resort handler (WARNING and up) no longer prints them. What a
library's message means for the table is told by our reader, located, as before."""

from __future__ import annotations

import logging

# the loggers of the libraries reading a PDF (pdfminer.six's modules log under pdfminer.*)
LIBRARY_LOGGERS = ("pdfminer", "pdfplumber")


class _ToDebug(logging.Filter):
    """Lower a library's record to DEBUG (a logger's filter runs before its handlers compare levels)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.DEBUG:
            record.levelno, record.levelname = logging.DEBUG, logging.getLevelName(logging.DEBUG)
        return True


_TO_DEBUG = _ToDebug()


def library_logs_at_debug() -> None:
    """Route the reading libraries' log records to DEBUG (idempotent: the filter is added once).

    A logger's filter applies to records logged on that logger only, not on its children: pdfminer logs
    on ``pdfminer.pdffont`` and the like, so the filter goes on each child logger that exists too, and
    ``logging.setLoggerClass`` is not touched — the children are made when their modules are imported,
    which has happened by the time the reader calls this (after importing pdfplumber). A child made later
    reaches the library logger's NullHandler, so the last-resort handler never prints it either."""
    manager = logging.Logger.manager
    for name in LIBRARY_LOGGERS:
        top = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in top.handlers):
            top.addHandler(logging.NullHandler())
        loggers = [logging.getLogger(name)] + [
            logger for child, logger in list(manager.loggerDict.items())
            if child.startswith(name + ".") and isinstance(logger, logging.Logger)]
        for logger in loggers:
            if _TO_DEBUG not in logger.filters:
                logger.addFilter(_TO_DEBUG)
