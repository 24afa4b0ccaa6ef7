"""The CLI's Rich rendering: documents (``document.py``), review reports (``review.py``),
evaluations and monitorings (``evaluation.py``). Only the CLI prints with Rich; the web renders
its own templates and the API returns JSON."""
