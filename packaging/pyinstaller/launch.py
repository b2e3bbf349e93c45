"""The bundle's entry script: the same ``reader.app:main`` as the ``article-reader`` command.

PyInstaller needs a script file to start from; this one only hands over to the package.
"""

import multiprocessing
import sys

from reader.app import main

if __name__ == "__main__":
    # Bulk imports on the command line parse in forked workers (reader.core.importing).
    # A forked child never runs this script again, but should a spawned one ever appear,
    # this keeps it from starting a second copy of the application.
    multiprocessing.freeze_support()
    sys.exit(main())
