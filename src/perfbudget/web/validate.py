"""The boundary validation is the use-case layer's (:mod:`perfbudget.app.validate`); the pages import it here."""

from perfbudget.app.validate import (
    MAX_AMOUNT,
    MAX_DECIMALS,
    MAX_NAME,
    MAX_TEXT,
    document_problems,
    number_problem,
    text_problem,
)

__all__ = ["MAX_AMOUNT", "MAX_DECIMALS", "MAX_NAME", "MAX_TEXT", "document_problems", "number_problem", "text_problem"]
