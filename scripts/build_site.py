#!/usr/bin/env python3
"""Build the static site all or nothing: `build_site.py --source DIR --site DIR`."""

import sys

from edition.publish import main

if __name__ == "__main__":
    sys.exit(main())
