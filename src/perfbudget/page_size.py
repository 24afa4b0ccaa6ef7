"""The size of one page of a list, below the store and the layer: the store's lists default to it
(``Store.units|projects|indicators``) and the command line and the API page by it (:mod:`perfbudget.app.paging`,
which says it to users). Here because the store imports nothing of the layer above it."""

PAGE = 100
MOST_PAGE = 1000
