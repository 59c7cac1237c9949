"""``python -m esgkg.cli``: the ``esgkg`` command without its console script."""
import sys

from . import main

sys.exit(main())
