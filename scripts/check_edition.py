#!/usr/bin/env python3
"""Check the edition's source folder without building: `check_edition.py --source DIR`."""

import sys

from edition.cli import check

if __name__ == "__main__":
    sys.exit(check())
