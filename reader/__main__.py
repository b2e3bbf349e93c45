"""`python -m reader` behaves exactly like the `article-reader` command."""

import sys

from reader.app import main

if __name__ == "__main__":
    sys.exit(main())
