"""``python -m matchmaker.matching`` -- see :mod:`matchmaker.matching.cli`."""

from .cli import main

raise SystemExit(main())
