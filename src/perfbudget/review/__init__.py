"""Target review (绩效目标审核): registered rules, findings with locations, a grade per project.

Entry point: :func:`review_document` ``(document, config) -> ReviewReport``.
"""

from perfbudget.review.config import ReviewConfig, load_config
from perfbudget.review.engine import ProjectGrade, ReviewReport, review_document
from perfbudget.review.finding import Finding
from perfbudget.review.registry import RuleSpec, all_rules, rule

__all__ = ["Finding", "ProjectGrade", "ReviewConfig", "ReviewReport", "RuleSpec", "all_rules", "load_config",
           "review_document", "rule"]
