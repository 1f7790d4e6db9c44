"""`python -m edition COMMAND`: the edition's one command line (`edition.cli`)."""

import sys

from edition.cli import main

sys.exit(main())
