"""``python -m lawparse``: the same command line as the ``lawparse`` script."""

from .cli import main

raise SystemExit(main())
