"""perfbudget: performance targets of public budget projects (预算绩效目标管理)."""

__version__ = "0.1.0"
