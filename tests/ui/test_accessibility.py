"""Keyboard and screen readers: panes by F6, the shortcuts list, names on every control."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from helpers import FIXTURES

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QTabBar,
)


def nameless(root: QWidget) -> list[str]:
    """Interactive widgets under ``root`` whose accessible name, as a screen reader gets
    it from Qt, is empty."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or widget.window() is not root or widget.isHidden():
            continue  # hidden on purpose, or a closed popup (a window of its own)
        if (
            isinstance(widget, QScrollBar | QHeaderView)
            or widget.objectName() == "qt_spinbox_lineedit"
        ):
            continue  # named by role and orientation, by column titles, by their spin box
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} "
                f"in {type(widget.parent()).__name__}"
            )
    return missing


def test_every_control_of_the_window_and_its_dialogs_has_a_name(make_window, qtbot):
    window = make_window()
    # Build what is built on first use: the search and history tabs, the find bar.
    window.show_search()
    window.side_tabs.setCurrentWidget(window.history_ui.tab)
    window.find_bar.open_bar()
    window.comfort.show_settings()
    window.show_shortcuts()
    assert nameless(window) == []
    assert nameless(window.comfort.dialog) == []
    assert nameless(window.shortcuts_dialog) == []
    assert nameless(window.navigation.show_contents()) == []
    assert nameless(window.navigation.show_links()) == []


def test_the_name_check_catches_a_nameless_control(qtbot):
    from PySide6.QtWidgets import QToolButton

    box = QWidget()
    qtbot.addWidget(box)
    QToolButton(box)  # no text, no icon, no name
    assert len(nameless(box)) == 1


def test_f6_cycles_the_panes_and_shift_f6_goes_back(make_window, qtbot):
    window = make_window()
    window.library_panel.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.library_panel.view)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.article_view
    window.find_bar.open_bar()
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.find_bar.field
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.library_panel.view
    qtbot.keyClick(window.library_panel.view, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.find_bar.field
    window.show_search()
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.search_panel.box


def test_the_shortcuts_list_is_made_from_the_actions_themselves(make_window, qtbot):
    window = make_window()
    window.menus.shortcuts.trigger()
    rows = window.shortcuts_dialog.rows()
    listed = {(action, keys) for _, action, keys in rows}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.NativeText)
            assert any(
                name == action.text().replace("&", "") and text in keys for name, keys in listed
            ), text
    # A shortcut given to a new action shows up without touching the dialog.
    extra = QAction("Brand New Thing", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+B"))
    window.addAction(extra)
    window.menus.shortcuts.trigger()
    assert ("Anywhere", "Brand New Thing", "Ctrl+Alt+B") in window.shortcuts_dialog.rows()
    assert next(r for r in rows if r[1] == "Larger Text")[:2] == (
        "View",
        "Larger Text",
    )


def test_a_key_that_works_in_one_list_is_listed_under_that_list(make_window, qtbot):
    window = make_window()
    window.history_ui.show()  # builds the History tab, whose list has its own Delete key
    window.menus.shortcuts.trigger()
    rows = window.shortcuts_dialog.rows()
    assert ("Reading history", "Remove from History", "Del") in rows
    assert not [row for row in rows if row[0] == "Anywhere" and row[2] == "Del"]


@pytest.mark.parametrize("key", ["light", "dark", "high_contrast"])
def test_focus_is_drawn_in_the_themes_focus_colour(make_window, qtbot, key):
    from reader.core.themes import THEMES

    window = make_window()
    window.comfort.set_theme(key)
    view = window.library_panel.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    image = view.grab().toImage()
    assert image.pixelColor(0, view.height() // 2).name() == THEMES[key].focus
    assert image.pixelColor(1, view.height() // 2).name() == THEMES[key].focus  # two pixels wide


@pytest.mark.parametrize("key", ["dark", "high_contrast"])
def test_edges_of_boxes_buttons_and_check_boxes_show_on_dark_windows(make_window, qtbot, key):
    # Fusion draws these edges a shade darker than the window: on black they vanished.
    from PySide6.QtWidgets import QComboBox, QPushButton, QStyle, QStyleOptionButton

    from reader.core.themes import THEMES

    theme = THEMES[key]
    window = make_window()
    window.comfort.set_theme(key)
    window.find_bar.open_bar()
    button, combo = QPushButton("Close", window), QComboBox(window)
    combo.addItem("All sources")
    for widget in (button, combo):
        widget.setGeometry(400, 300, widget.sizeHint().width(), widget.sizeHint().height())
        widget.show()  # (away from the pointer: under it, the edge is the hover colour)
    window.find_bar.field.setFocus()  # (a focused control is drawn in the focus colour)
    qtbot.waitUntil(window.find_bar.field.hasFocus)
    for widget in (button, combo):
        image = widget.grab().toImage()
        assert image.pixelColor(0, widget.height() // 2).name() == theme.border, widget
    box = window.find_bar.related
    option = QStyleOptionButton()
    option.initFrom(box)
    mark = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    assert image.pixelColor(mark.left(), mark.center().y()).name() == theme.border
    assert theme.border != theme.window


@pytest.mark.parametrize("key", ["light", "high_contrast"])
def test_the_current_tab_choice_and_a_focused_check_box_stand_out(make_window, qtbot, key):
    from reader.core.themes import THEMES

    theme = THEMES[key]
    window = make_window()
    window.comfort.set_theme(key)
    # The selected tab is underlined in the selection colour (in High Contrast the tabs
    # are otherwise all black).
    bar = window.side_tabs.tabBar()
    window.library_panel.view.setFocus()
    qtbot.waitUntil(window.library_panel.view.hasFocus)
    image = bar.grab().toImage()
    current, other = bar.tabRect(bar.currentIndex()), bar.tabRect(1)
    assert image.pixelColor(current.center().x(), current.bottom() - 1).name() == theme.highlight
    assert image.pixelColor(other.center().x(), other.bottom() - 1).name() != theme.highlight
    # A ticked box keeps a visible focus ring (its tick is drawn in the selection colour).
    box = window.find_bar.related
    window.find_bar.open_bar()
    box.setChecked(True)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    assert box.grab().toImage().pixelColor(0, box.height() // 2).name() == theme.focus
    # The open list of a box marks the current choice.
    combo = window.library_panel.state_box
    combo.setCurrentIndex(2)
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    view = combo.view()
    row = view.visualRect(view.model().index(2, 0))
    popup = view.window()
    spot = view.viewport().mapTo(popup, row.center())
    # (The list may still be opening: it is looked at until it shows.)
    qtbot.waitUntil(
        lambda: popup.grab().toImage().pixelColor(4, spot.y()).name() == theme.highlight,
        timeout=2000,
    )
    combo.hidePopup()


def test_a_focused_tab_or_button_keeps_its_size_when_laid_out_again(make_window, qtbot):
    # A theme change lays the window out again while something has focus: the focused tab
    # (or a dialog's focused button) must not shrink against its focus ring.
    from PySide6.QtWidgets import QPushButton

    window = make_window()
    bar = window.side_tabs.tabBar()
    sizes = [bar.tabRect(i).size() for i in range(bar.count())]
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    window.comfort.set_theme("sepia")
    assert [bar.tabRect(i).size() for i in range(bar.count())] == sizes

    for text in ("Close", "Reset Reading Settings"):
        button = QPushButton(text, window)
        unfocused = button.sizeHint()
        button.show()
        button.setFocus()
        qtbot.waitUntil(button.hasFocus)
        button.setText(text)
        assert button.sizeHint() == unfocused
        button.deleteLater()


def tab_stops(qtbot, start, count, key=Qt.Key.Key_Tab):
    """Where the focus goes, ``count`` presses of Tab (or ``key``) from ``start``."""
    from PySide6.QtTest import QTest

    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    stops = []
    for _ in range(count):
        QTest.keyClick(QApplication.focusWidget(), key)
        stops.append(QApplication.focusWidget())
    return stops


def test_a_tab_brought_forward_by_its_alt_key_puts_the_focus_in_its_panel(make_window, qtbot):
    window = make_window()
    window.library_panel.view.setFocus()
    qtbot.waitUntil(window.library_panel.view.hasFocus)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # (Alt+S: the menu)
    qtbot.waitUntil(lambda: window.side_tabs.currentWidget() is window.history_ui.tab)
    # The panel, built now, has the focus, not the bare page.
    assert QApplication.focusWidget() is window.history_ui.panel.filter_box


def test_the_history_and_search_panels_take_their_place_in_the_tab_order(make_window, qtbot):
    window = make_window()
    bar = window.side_tabs.tabBar()
    window.history_ui.show()  # built now, after the rest of the window
    panel = window.history_ui.panel
    qtbot.waitUntil(panel.view.hasFocus)
    # From the tab bar Tab goes through the panel, then to the article; Tab leaves the list.
    assert tab_stops(qtbot, bar, 4) == [
        panel.filter_box,
        panel.view,
        panel.clear_button,
        window.article_view,
    ]
    window.show_search()
    search = window.search_panel
    stops = tab_stops(qtbot, bar, 3)
    assert stops[:2] == [search.box, search.source_box]


def test_ctrl_l_brings_the_library_forward_with_its_filter(make_window, qtbot):
    window = make_window()
    window.show_search()
    qtbot.keyClick(window.search_panel.box, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.side_tabs.currentWidget() is window.library_panel
    assert QApplication.focusWidget() is window.library_panel.filter_box


def test_tab_leaves_the_shortcuts_list_for_its_close_button(make_window, qtbot):
    window = make_window()
    window.menus.shortcuts.trigger()
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(dialog.table.hasFocus)
    assert dialog.table.currentColumn() == 1  # Up and Down read the actions
    stops = tab_stops(qtbot, dialog.table, 1)
    assert stops[0] is not dialog.table and stops[0].window() is dialog


def test_the_find_bar_follows_the_article_in_the_tab_order(make_window, tmp_path):
    note = tmp_path / "note.md"
    note.write_text("# Note\n\nA short article to find words in.\n", encoding="utf-8")
    window = make_window(note)
    window.find_bar.open_bar()  # made now, after the rest of the window
    bar = window.find_bar
    order, widget = [], window.article_view
    while len(order) < 5:
        widget = widget.nextInFocusChain()
        if (
            widget.isVisible()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isEnabled()
        ):
            order.append(widget)
    assert order == [bar.field, bar.related, bar.previous_button, bar.next_button, bar.close_button]


def test_f7_gives_the_article_a_text_cursor_that_follows_the_reading(make_window, qtbot, tmp_path):
    import json

    window = make_window(FIXTURES / "dumps" / "english.txt")
    view = window.article_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert not window.menus.text_cursor.isChecked()  # off unless chosen (or a screen reader runs)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.textCursor().position() == 0  # without it, Down only scrolls
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert window.menus.text_cursor.isChecked()
    assert json.loads((tmp_path / "preferences.json").read_text())["text_cursor"] is True
    qtbot.keyClick(view, Qt.Key.Key_Space)  # a screen further on...
    top = view.cursorForPosition(view.viewport().rect().topLeft()).position()
    assert view.textCursor().position() == top > 0  # ...and the cursor goes on from there
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.textCursor().position() > top
    shown = view.verticalScrollBar().value()
    qtbot.keyClick(view, Qt.Key.Key_End)  # the line's end, as in any text
    assert view.verticalScrollBar().value() == shown and view.textCursor().position() > top
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().hasSelection()  # text can be selected from the keyboard
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert not view.has_text_cursor


def test_a_screen_reader_hears_the_whole_library_row(make_window, qtbot):
    window = make_window(FIXTURES / "dumps")
    view = window.library_panel.view
    view.setFocus()
    view.setCurrentIndex(window.model.index(0, 0))
    qtbot.waitUntil(view.hasFocus)
    heard = QAccessible.queryAccessibleInterface(view).focusChild().text(QAccessible.Text.Name)
    row = [window.model.index(0, column).data() for column in range(4)]
    assert heard == ", ".join(x for x in row if x)
