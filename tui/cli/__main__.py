"""``python -m tui.cli``: the same as the installed ``tandai``."""

import sys

from . import main

sys.exit(main())
