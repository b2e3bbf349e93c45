"""What the window keeps between runs (in the state file, not the preferences): its
geometry, the split between the side pane and the article, and the article shown."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from reader.core.preferences import State

log = logging.getLogger(__name__)
DEFAULT_SIZE = (1100, 760)
DEFAULT_SPLIT = [380, 720]


def splitter(side: QWidget, reading: QWidget) -> QSplitter:
    """The side pane and the article side by side; the article takes most of a wider window."""
    split = QSplitter(Qt.Orientation.Horizontal)
    split.setObjectName("mainSplitter")
    split.addWidget(side)
    split.addWidget(reading)
    split.setStretchFactor(0, 1)
    split.setStretchFactor(1, 3)
    split.setChildrenCollapsible(False)
    return split


def restore(window: QMainWindow, splitter: QSplitter, state: State) -> None:
    geometry = state.get("window_geometry")
    if isinstance(geometry, str):
        window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
    else:
        window.resize(*DEFAULT_SIZE)
    sizes = state.get("splitter_sizes")
    if isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(s, int) for s in sizes):
        splitter.setSizes(sizes)
    else:
        splitter.setSizes(DEFAULT_SPLIT)


def save(window: QMainWindow, splitter: QSplitter, state: State, article_id: int | None) -> None:
    state.set("window_geometry", bytes(window.saveGeometry().toBase64()).decode("ascii"))
    state.set("splitter_sizes", splitter.sizes())
    state.set("last_article", article_id)
    try:
        state.save()
    except OSError as exc:
        log.warning("cannot save the window state to %s: %s", state.path, exc)
