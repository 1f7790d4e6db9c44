#!/usr/bin/env python3
"""Write the edition as a PDF: `build_pdf.py --source DIR --out FILE`."""

import sys

from edition.pdf import main

if __name__ == "__main__":
    sys.exit(main())
