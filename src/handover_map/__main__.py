"""`python -m handover_map` runs the CLI."""

from .cli import main

main()
