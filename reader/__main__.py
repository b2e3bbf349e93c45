"""`python -m reader` behaves exactly like the `article-reader` command."""

import sys

from reader.app import main

sys.exit(main())
