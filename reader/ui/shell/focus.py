"""F6 and Shift+F6: the focus moves between the window's panes, as in browsers and
mail readers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def cycle_focus(panes: list[QWidget], direction: int) -> None:
    """Focus the pane after (``direction`` 1) or before (-1) the one holding the focus;
    the first pane if none does."""
    focused = QApplication.focusWidget()
    current = next(
        (
            i
            for i, pane in enumerate(panes)
            if focused is not None and (pane is focused or pane.isAncestorOf(focused))
        ),
        -1,
    )
    target = panes[(current + direction) % len(panes)] if current >= 0 else panes[0]
    target.setFocus(Qt.FocusReason.OtherFocusReason)
