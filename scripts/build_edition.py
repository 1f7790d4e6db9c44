#!/usr/bin/env python3
"""Build the edition's annotated Markdown pages: `build_edition.py --source DIR --out DIR`."""

import sys

from edition.cli import main

if __name__ == "__main__":
    sys.exit(main())
