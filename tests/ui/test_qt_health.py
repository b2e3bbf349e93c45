"""The Qt binding itself must be sound: signals emitted from Python leak nothing.

PySide6 6.12.0 lost a reference to True on every emit(); after a few thousand signals
(one import of a large folder) Python aborted. pyproject.toml excludes that release.
"""

import sys

import pytest
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="True and False are immortal from "
    "Python 3.12 on: their reference counts never change, so a leak cannot show",
)
def test_emitting_signals_keeps_the_reference_counts_of_true_and_false():
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for n in range(1000):
        emitter.fired.emit(n)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) == 1000
    assert after == before
