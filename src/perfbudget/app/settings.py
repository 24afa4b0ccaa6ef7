"""What a deployment decides about the shared rules (the same for the CLI, the web pages and the API).

* ``revisions`` — what an import that changes a submitted or approved project does:
  ``revise`` (default: store it as a new draft revision; the approved version stays official
  until the revision is approved) or ``refuse`` (nothing is imported).
* ``self_evaluation`` — which projects may be self-evaluated and saved: ``approved`` (default:
  only approved projects, scoring their approved version) or ``any``.
* ``review_config`` / ``region`` — the review settings every face reviews with.

Environment: ``PERFBUDGET_REVISIONS`` and ``PERFBUDGET_SELF_EVALUATION``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from perfbudget.review.config import ReviewConfig

REVISE, REFUSE = "revise", "refuse"
APPROVED_ONLY, ANY = "approved", "any"


class SettingsError(ValueError):
    """A deployment setting has a value the program does not know (message in Chinese)."""


@dataclass(frozen=True, slots=True)
class CoreSettings:
    """The deployment's choices (see the module docstring)."""

    revisions: str = REVISE
    self_evaluation: str = APPROVED_ONLY
    review_config: ReviewConfig | None = None
    region: str | None = None

    def __post_init__(self) -> None:
        if self.revisions not in (REVISE, REFUSE):
            raise SettingsError(f"PERFBUDGET_REVISIONS 应为 revise 或 refuse，而不是「{self.revisions}」")
        if self.self_evaluation not in (APPROVED_ONLY, ANY):
            raise SettingsError(f"PERFBUDGET_SELF_EVALUATION 应为 approved 或 any，而不是「{self.self_evaluation}」")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, review_config: ReviewConfig | None = None,
                 region: str | None = None) -> CoreSettings:
        env = os.environ if environ is None else environ
        return cls(revisions=env.get("PERFBUDGET_REVISIONS", REVISE).strip() or REVISE,
                   self_evaluation=env.get("PERFBUDGET_SELF_EVALUATION", APPROVED_ONLY).strip() or APPROVED_ONLY,
                   review_config=review_config, region=region)
