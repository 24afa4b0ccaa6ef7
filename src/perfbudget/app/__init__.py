"""The use-case layer: what the CLI (``cli/``), the web pages (``web/routes/``) and the HTTP API
(``web/api/``) all call, so that one input gives one result whatever the face.

* :mod:`~perfbudget.app.settings` — the deployment's choices (``revise``/``refuse`` revisions,
  self-evaluation for approved projects only, the review settings).
* :mod:`~perfbudget.app.imports` — importing a file, a directory's files, an upload, a JSON
  document: the workflow rule (revisions of submitted/approved projects), no silent rollback
  (confirmation), stale-version refusal, cut-off tables (``allow_partial``).
* :mod:`~perfbudget.app.catalogue` — choosing stored versions (latest or official), project heads,
  histories, listings for the faces.
* :mod:`~perfbudget.app.reviews` — reviewing stored versions in their unit's context, saving reviews.
* :mod:`~perfbudget.app.evaluations` — one sheet tolerance, the official version, saving evaluations.
* :mod:`~perfbudget.app.edits` — editing with optimistic concurrency.
* :mod:`~perfbudget.app.workflow` — 送审/退回/审核通过, the justification rule.
* :mod:`~perfbudget.app.exports` — the one writer dispatch and media-type table.
* :mod:`~perfbudget.app.roles` — roles and permissions.

Every change and its audit row are written in one store transaction (``Store.transaction()``).
Nothing here imports a face; nothing happens at import time.
"""
