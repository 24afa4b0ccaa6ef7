"""Self-evaluation (自评) and monitoring (运行监控): actuals in, scores and traffic lights out.

Pipeline: :mod:`sheet` reads a fill-in sheet into rows → :mod:`resolve` matches rows to
projects and indicators and converts units → :mod:`scoring` (pure) scores each project
with :mod:`weights` and :mod:`formulas` → :mod:`result` holds the JSON-serialisable
evaluation. :mod:`monitor` gives the mid-year traffic lights; :mod:`template` writes the
fill-in sheets; :mod:`stored` joins projects taken from the store and splits results into
the per-project records the store keeps. ``docs/evaluation.md`` documents the formulas and formats.
"""
