"""`python -m khronika` is the `khronika` command."""

import sys

from khronika.cli import main

sys.exit(main())
