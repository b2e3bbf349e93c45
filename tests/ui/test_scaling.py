"""The interface at twice the system font size: nothing clipped, nothing overlapping."""

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)


@pytest.fixture
def double_font():
    app = QApplication.instance()
    font = app.font()
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(bigger)
    yield bigger
    app.setFont(font)


def clipped(root: QWidget) -> list[str]:
    """Visible labels, buttons and fields narrower or lower than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(
            widget, QLabel | QAbstractButton | QComboBox | QLineEdit | QAbstractSpinBox
        ):
            continue
        if isinstance(widget.parentWidget(), QLineEdit | QAbstractSpinBox):
            continue  # Qt's own parts of a field (its clear button, a spin box's editor)
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue  # wraps instead of clipping
        need = widget.minimumSizeHint()
        if widget.width() < need.width() or widget.height() < need.height():
            found.append(
                f"{type(widget).__name__} {widget.text() if hasattr(widget, 'text') else ''!r}: "
                f"{widget.width()}x{widget.height()} < {need.width()}x{need.height()}"
            )
    return found


def overlapping(parent: QWidget) -> list[str]:
    children = [
        w for w in parent.findChildren(QWidget) if w.parentWidget() is parent and w.isVisible()
    ]
    return [
        f"{a.objectName() or type(a).__name__} / {b.objectName() or type(b).__name__}"
        for i, a in enumerate(children)
        for b in children[i + 1 :]
        if a.geometry().intersects(b.geometry())
    ]


def test_the_window_fits_a_small_screen_at_twice_the_font_size(double_font, make_window):
    window = make_window(width=1280, height=800)
    minimum = window.minimumSizeHint()
    assert minimum.width() <= 1280 and minimum.height() <= 800
    assert clipped(window) == []
    assert overlapping(window.toolbar) == []
    assert overlapping(window.text_size_widget) == []
    # The article's text follows the reading size, which follows the interface font.
    assert window.article_view.base_point_size >= double_font.pointSizeF()


def test_the_dialogs_at_twice_the_font_size(double_font, make_window, qtbot):
    window = make_window(width=1280, height=800)
    window.comfort.show_settings()
    dialog = window.comfort.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.resize(dialog.minimumSizeHint().expandedTo(dialog.size()))
    assert dialog.minimumSizeHint().width() <= 1280 and dialog.minimumSizeHint().height() <= 800
    assert clipped(dialog) == []


def test_the_clipping_check_finds_a_clipped_button(qtbot):
    from PySide6.QtWidgets import QPushButton

    box = QWidget()
    qtbot.addWidget(box)
    button = QPushButton("A rather long label that needs room", box)
    button.resize(20, 10)
    box.show()
    assert len(clipped(box)) == 1
