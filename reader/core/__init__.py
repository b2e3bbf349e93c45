"""The application's rules: articles, importers, the library store. No Qt in here."""

import os

# The parsers load NumPy (language identification, HTML extraction), whose OpenBLAS starts
# a thread per core at import: no use for one article at a time, and a process with
# threads must not fork its workers (reader.core.parse_workers).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
