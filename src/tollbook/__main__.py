"""``python -m tollbook`` is the ``tollbook`` command."""

from tollbook.cli import main

main()
