"""The review workflow is the use-case layer's (:mod:`perfbudget.app.workflow`); the pages import it here."""

from perfbudget.app.workflow import (
    DRAFT,
    EDITABLE,
    STATE_LABELS,
    STATES,
    allowed_steps,
    approved_versions,
    state_label,
    take_step,
)

__all__ = ["DRAFT", "EDITABLE", "STATES", "STATE_LABELS", "allowed_steps", "approved_versions", "state_label",
           "take_step"]
