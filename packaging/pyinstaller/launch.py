"""The bundle's entry script: the same ``reader.app:main`` as the ``article-reader`` command.

PyInstaller needs a script file to start from; this one only hands over to the package.
"""

import multiprocessing
import sys

from reader.app import main

if __name__ == "__main__":
    # Imports read their files in worker processes (reader.core.parse_workers); the
    # window starts them fresh ("spawn"), which in a bundle runs this executable again:
    # this makes such a start a worker, not a second copy of the application.
    multiprocessing.freeze_support()
    sys.exit(main())
