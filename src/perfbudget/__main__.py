"""``python -m perfbudget`` runs the command line."""

from perfbudget.cli import main

main()
