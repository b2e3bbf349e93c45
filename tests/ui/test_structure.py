"""The article's structure: H, K, L, Q, G (Shift: back) land on the right place at any
text size and say what it is; the Contents and Links lists; and the article as a screen
reader gets it from Qt (a document whose children are its headings, links, lists, quotes
and pictures)."""

import pytest
from picture_files import photo
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QAccessible, QDesktopServices, QTextCursor
from PySide6.QtWidgets import QApplication

PROSE = (
    "The harbour board met on Tuesday to weigh the season's catch against the cost of "
    "the new breakwater, and the talk ran late into the evening as the tide came in. "
)


def structured_article(folder, prose=PROSE * 5):
    """A Markdown article with every kind of part, a kept picture and a missing one, and
    enough prose between them that a part is off screen at large sizes."""
    folder.mkdir(exist_ok=True)
    (folder / "dawn.png").write_bytes(photo(640, 360))
    path = folder / "harbour.md"
    path.write_text(
        f"""# Harbour Report

{prose} Read [the board's minutes](https://harbour.example.org/minutes) or the
**[tide tables](https://tides.example.org)**.

## Results

{prose}

- Cod landings rose ([figures](https://harbour.example.org/cod))
- Herring fell
    - mostly in spring
- Prices held

{prose}

> The breakwater will pay for itself within ten winters, the harbour master said.
>
> Nobody on the board believed him.

![The harbour at dawn](dawn.png)

{prose}

1. Dredge the channel
2. Repair the slipway

## What comes next

{prose} ![A chart of the catch](chart.png) Write to
[the board](mailto:board@harbour.example.org) or see [the notes](notes.html).

{prose}
""",
        encoding="utf-8",
    )
    return path


class Opened(QObject):
    """What the system would have been asked to open (a handler, as a browser would be)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    @Slot(QUrl)
    def open(self, url):
        self.urls.append(url.toString())


@pytest.fixture
def opened():
    catcher = Opened()
    for scheme in ("http", "https", "mailto"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher
    for scheme in ("http", "https", "mailto"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def reading(make_window, tmp_path, qtbot):
    """The window showing the structured article, the article focused."""

    def make(percent=100, width=1000, height=700):
        window = make_window(structured_article(tmp_path / "article"), width=width, height=height)
        row = next(
            r
            for r in range(window.model.rowCount())
            if window.model.index(r, 0).data() == "Harbour Report"
        )
        window.open_article(window.model.id_at(row))
        window.text_size.set_default_percent(percent)
        view = window.article_view
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        return window, view

    return make


def block_text(view):
    return view.textCursor().block().text()


def in_view(view, position):
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.viewport().rect().contains(view.cursorRect(cursor).center())


def said(window):
    return window.statusBar().currentMessage()


# -- the model -------------------------------------------------------------------------


def test_the_structure_holds_every_part_in_order_with_what_it_says(reading):
    _window, view = reading()
    parts = [(p.kind, p.text, p.level) for p in view.structure().parts]
    assert [p for p in parts if p[0] == "heading"] == [
        ("heading", "Harbour Report", 1),
        ("heading", "Results", 2),
        ("heading", "What comes next", 2),
    ]
    links = view.structure().links
    assert [(p.text, p.href) for p in links] == [
        ("the board's minutes", "https://harbour.example.org/minutes"),
        ("tide tables", "https://tides.example.org"),  # (bold: still one link)
        ("figures", "https://harbour.example.org/cod"),
        ("the board", "mailto:board@harbour.example.org"),
        ("the notes", "notes.html"),
    ]
    lists = view.structure().of_kind("list")
    assert [(p.text, p.items, p.level, p.ordered) for p in lists] == [
        ("Cod landings rose (figures)", 3, 1, False),
        ("mostly in spring", 1, 2, False),
        ("Dredge the channel", 2, 1, True),
    ]
    # The nested list is inside the outer list's second item.
    herring = next(p for p in view.structure().of_kind("item") if p.text == "Herring fell")
    assert herring.start < lists[1].start and lists[1].end <= herring.end <= lists[0].end
    (quote,) = view.structure().of_kind("quote")
    assert quote.text.startswith("The breakwater will pay") and quote.text.endswith("believed him.")
    pictures = view.structure().of_kind("picture")
    assert [p.text for p in pictures] == ["The harbour at dawn", "A chart of the catch"]
    document = view.document()
    assert document.characterAt(pictures[0].start) == "\ufffc"  # the kept picture itself
    assert "[Image: A chart of the catch]" in document.findBlock(pictures[1].start).text()
    # Each part's place is the document's own: its text is there.
    text = document.toPlainText()
    for part in view.structure().parts:
        if part.kind in ("heading", "link"):
            assert text[part.start : part.end] == part.text


def test_the_structure_is_read_when_first_asked_for_and_again_for_a_new_article(
    reading, tmp_path, qtbot
):
    window, view = reading()
    first = view.structure()
    assert view.structure() is first  # kept while the article stays
    other = tmp_path / "other.md"
    other.write_text("# Another one\n\nWith [one link](https://one.example.org).\n")
    window.open_files([other])
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Another one"))
    assert view.structure() is not first
    assert [p.text for p in view.structure().parts] == ["Another one", "one link"]


# -- the keys --------------------------------------------------------------------------


@pytest.mark.parametrize("percent", [100, 400])
def test_each_key_lands_on_its_part_scrolled_into_view_and_says_it(reading, qtbot, percent):
    window, view = reading(percent)
    structure = view.structure()
    assert view.percent == percent

    def press(key, shift=False):
        modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        qtbot.keyClick(view, key, modifier)
        return view.textCursor()

    # H from the top (the cursor is on the title): the next headings, then none.
    cursor = press(Qt.Key.Key_H)
    assert block_text(view) == "Results" and cursor.position() == structure.headings[1].start
    assert in_view(view, cursor.position())
    assert said(window) == "Heading level 2: Results"
    press(Qt.Key.Key_H)
    assert block_text(view) == "What comes next"
    assert in_view(view, view.textCursor().position())
    press(Qt.Key.Key_H)
    assert said(window) == "No next heading"
    assert block_text(view) == "What comes next"  # (stays)
    press(Qt.Key.Key_H, shift=True)
    assert block_text(view) == "Results" and said(window) == "Heading level 2: Results"
    assert in_view(view, view.textCursor().position())

    # K: the link is selected (Enter would open it), in view.
    cursor = press(Qt.Key.Key_K)
    assert cursor.selectedText() == "figures" and said(window) == "Link: figures"
    assert in_view(view, cursor.selectionStart())
    cursor = press(Qt.Key.Key_K, shift=True)
    assert cursor.selectedText() == "tide tables"
    # L, Q, G from there.
    cursor = press(Qt.Key.Key_L)
    assert block_text(view) == "Cod landings rose (figures)"
    assert said(window) == "List, 3 items: Cod landings rose (figures)"
    press(Qt.Key.Key_L)
    assert (
        block_text(view) == "mostly in spring" and said(window) == "List, 1 item: mostly in spring"
    )
    press(Qt.Key.Key_Q)
    assert block_text(view).startswith("The breakwater will pay")
    assert said(window) == (
        "Quote: The breakwater will pay for itself within ten winters, the harbour master…"
    )
    assert in_view(view, view.textCursor().position())
    cursor = press(Qt.Key.Key_G)
    assert view.document().characterAt(cursor.position()) == "\ufffc"
    assert said(window) == "Picture: The harbour at dawn"
    assert in_view(view, cursor.position())
    press(Qt.Key.Key_G)
    assert said(window) == "Picture: A chart of the catch"
    press(Qt.Key.Key_G)
    assert said(window) == "No next picture"
    press(Qt.Key.Key_Q, shift=True)
    assert said(window).startswith("Quote: The breakwater")
    press(Qt.Key.Key_L, shift=True)
    assert said(window) == "List, 1 item: mostly in spring"
    press(Qt.Key.Key_L, shift=True)
    assert said(window) == "List, 3 items: Cod landings rose (figures)"
    press(Qt.Key.Key_L, shift=True)
    assert said(window) == "No previous list"


def test_from_a_place_scrolled_to_the_keys_go_on_from_what_is_shown(reading, qtbot):
    _window, view = reading(200)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the cursor, still on the title, is far above
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    assert block_text(view) == "What comes next"  # the last heading before the view's top


def test_the_place_gone_to_is_marked_until_the_next_key(reading, qtbot):
    _window, view = reading()
    qtbot.keyClick(view, Qt.Key.Key_H)
    marked = view.extraSelections()
    assert len(marked) == 1 and marked[0].cursor.selectedText() == "Results"
    assert marked[0].format.background().color() == view.palette().highlight().color()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.extraSelections() == []


def test_the_letters_do_nothing_outside_the_article(reading, qtbot):
    window, view = reading()
    window.find_bar.open_bar()
    qtbot.waitUntil(window.find_bar.field.hasFocus)
    qtbot.keyClicks(window.find_bar.field, "hkl")
    assert window.find_bar.field.text() == "hkl"
    assert view.textCursor().position() == 0
    window.library_panel.view.setFocus()
    qtbot.waitUntil(window.library_panel.view.hasFocus)
    qtbot.keyClick(window.library_panel.view, Qt.Key.Key_H)
    assert view.textCursor().position() == 0


def test_the_go_menu_works_from_anywhere_and_brings_the_focus_to_the_article(reading, qtbot):
    window, view = reading()
    window.library_panel.view.setFocus()
    qtbot.waitUntil(window.library_panel.view.hasFocus)
    window.navigation.next_actions["heading"].trigger()
    assert view.hasFocus() and block_text(view) == "Results"


def test_k_then_enter_opens_the_link_and_k_alone_opens_nothing(reading, qtbot, opened):
    _window, view = reading()
    qtbot.keyClick(view, Qt.Key.Key_K)
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert opened.urls == []
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.urls == ["https://tides.example.org"]


def test_the_keys_are_listed_in_keyboard_shortcuts_under_the_article(reading):
    window, _view = reading()
    window.menus.shortcuts.trigger()
    rows = window.shortcuts_dialog.rows()
    for action, keys in [
        ("Next Heading", "H"),
        ("Previous Heading", "Shift+H"),
        ("Next Link", "K"),
        ("Next List", "L"),
        ("Next Quote", "Q"),
        ("Next Picture", "G"),
        ("Previous Picture", "Shift+G"),
    ]:
        assert ("Article", action, keys) in rows
    assert ("Go", "Contents…", "Ctrl+T") in rows
    assert ("Go", "Links…", "Ctrl+Shift+K") in rows


# -- Contents and Links ----------------------------------------------------------------


def test_contents_lists_the_headings_as_an_outline_and_enter_goes_there(reading, qtbot):
    window, view = reading(400)
    qtbot.keyClick(view, Qt.Key.Key_H)  # into the Results section
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.navigation.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Contents"
    assert dialog.rows() == ["Harbour Report", "  Results", "  What comes next"]
    assert dialog.current_part().text == "Results"  # open where the reader is
    qtbot.waitUntil(dialog.tree.hasFocus)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert block_text(view) == "What comes next" and in_view(view, view.textCursor().position())
    qtbot.waitUntil(view.hasFocus)
    # Said once the article has the focus back (after the screen reader has said so).
    qtbot.waitUntil(lambda: said(window) == "Heading level 2: What comes next")


def test_contents_with_no_article_shown_says_there_are_no_headings(reading, qtbot):
    window, view = reading()
    view.clear()
    dialog = window.navigation.show_contents()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.rows() == [] and not dialog.tree.isVisible()
    assert dialog.empty.isVisible() and dialog.empty.text() == "This article has no headings."
    assert not dialog.default_button.isEnabled()


def test_the_links_list_opens_nothing_until_a_link_is_chosen(reading, qtbot, opened):
    window, _view = reading()
    qtbot.keyClick(
        window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.navigation.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Links"
    assert dialog.rows() == [
        "the board's minutes — https://harbour.example.org/minutes",
        "tide tables — https://tides.example.org",
        "figures — https://harbour.example.org/cod",
        "the board — mailto:board@harbour.example.org",
        "the notes — notes.html",
    ]
    for _ in range(3):
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Down)
    assert dialog.current_part().text == "the board"
    assert opened.urls == []  # moving through the list opens nothing
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert opened.urls == ["mailto:board@harbour.example.org"]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert said(window) == "Opened in the browser: mailto:board@harbour.example.org"


def test_a_link_that_is_not_a_web_address_is_not_opened_and_the_list_says_why(
    reading, qtbot, opened
):
    window, _view = reading()
    dialog = window.navigation.show_links()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_End)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert opened.urls == [] and dialog.isVisible()
    assert dialog.note.isVisible()
    assert dialog.note.text() == "Not opened: notes.html is not a web or e-mail address."


def test_go_to_link_puts_the_cursor_on_it_without_opening_it(reading, qtbot, opened):
    window, view = reading(400)
    dialog = window.navigation.show_links()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert view.textCursor().selectedText() == "figures"
    assert in_view(view, view.textCursor().selectionStart())
    assert opened.urls == [] and said(window) == "Link: figures"


# -- what a screen reader gets (Qt's accessibility interfaces) -------------------------


def tree(interface, depth=0):
    """(depth, role, name, level, actions) for ``interface`` and what is under it."""
    attributes = interface.attributesInterface()
    level = (
        attributes.attributeValue(QAccessible.Attribute.Level)
        if attributes and QAccessible.Attribute.Level in attributes.attributeKeys()
        else None
    )
    actions = interface.actionInterface()
    rows = [
        (
            depth,
            interface.role(),
            interface.text(QAccessible.Text.Name),
            level,
            actions.actionNames() if actions else [],
        )
    ]
    for index in range(interface.childCount()):
        child = interface.child(index)
        assert interface.indexOfChild(child) == index
        assert child.parent().text(QAccessible.Text.Name) == interface.text(QAccessible.Text.Name)
        rows += tree(child, depth + 1)
    return rows


def test_screen_readers_get_a_document_with_headings_links_lists_quotes_and_pictures(reading):
    _window, view = reading()
    document = QAccessible.queryAccessibleInterface(view)
    assert document.role() == QAccessible.Role.Document
    assert document.text(QAccessible.Text.Name) == "Article"
    # The text is Qt's own, whole, with the caret where the view's cursor is.
    text = document.textInterface()
    # (A line break inside a paragraph, under a picture, is U+2028 there.)
    whole = text.text(0, text.characterCount()).replace("\u2028", "\n")
    assert whole == view.document().toPlainText()
    assert text.cursorPosition() == view.textCursor().position()
    state = document.state()
    assert state.focused and state.readOnly and state.multiLine
    role = QAccessible.Role
    press, focus = "Press", "SetFocus"
    assert tree(document)[1:] == [
        (1, role.Heading, "Harbour Report", 1, [focus]),
        (1, role.Link, "the board's minutes", None, [press, focus]),
        (1, role.Link, "tide tables", None, [press, focus]),
        (1, role.Heading, "Results", 2, [focus]),
        (1, role.List, "", 1, [focus]),
        (2, role.ListItem, "Cod landings rose (figures)", 1, [focus]),
        (3, role.Link, "figures", None, [press, focus]),
        (2, role.ListItem, "Herring fell", 1, [focus]),
        (3, role.List, "", 2, [focus]),
        (4, role.ListItem, "mostly in spring", 2, [focus]),
        (2, role.ListItem, "Prices held", 1, [focus]),
        (
            1,
            role.BlockQuote,
            "The breakwater will pay for itself within ten winters, the harbour master said. "
            "Nobody on the board believed him.",
            None,
            [focus],
        ),
        (1, role.Graphic, "The harbour at dawn", None, [focus]),
        (1, role.List, "", 1, [focus]),
        (2, role.ListItem, "Dredge the channel", 1, [focus]),
        (2, role.ListItem, "Repair the slipway", 1, [focus]),
        (1, role.Heading, "What comes next", 2, [focus]),
        (1, role.Graphic, "A chart of the catch", None, [focus]),
        (1, role.Link, "the board", None, [press, focus]),
        (1, role.Link, "the notes", None, [press, focus]),
    ]


def test_a_screen_readers_press_opens_a_link_and_set_focus_goes_to_a_part(reading, opened):
    _window, view = reading(400)
    document = QAccessible.queryAccessibleInterface(view)
    children = [document.child(i) for i in range(document.childCount())]
    link = next(c for c in children if c.text(QAccessible.Text.Name) == "tide tables")
    assert link.state().linked and not link.state().focused
    link.actionInterface().doAction("Press")
    assert opened.urls == ["https://tides.example.org"]
    heading = next(c for c in children if c.text(QAccessible.Text.Name) == "What comes next")
    assert heading.state().offscreen  # far below, at 400 %
    heading.actionInterface().doAction("SetFocus")
    assert block_text(view) == "What comes next" and not heading.state().offscreen
    assert opened.urls == ["https://tides.example.org"]
    # What is at a point is the part drawn there.
    centre = heading.rect().center()
    assert document.childAt(centre.x(), centre.y()).text(QAccessible.Text.Name) == "What comes next"
    link.actionInterface().doAction("SetFocus")
    assert link.state().focused and view.textCursor().selectedText() == "tide tables"


def test_a_new_article_gives_new_children_and_the_old_ones_are_let_go(reading, tmp_path, qtbot):
    window, view = reading()
    document = QAccessible.queryAccessibleInterface(view)
    old = document.child(0)
    assert old.text(QAccessible.Text.Name) == "Harbour Report"
    other = tmp_path / "other.md"
    other.write_text("# Another one\n\nWith [one link](https://one.example.org).\n")
    window.open_files([other])
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Another one"))
    assert QAccessible.queryAccessibleInterface(view) is not None
    document = QAccessible.queryAccessibleInterface(view)
    assert [
        document.child(i).text(QAccessible.Text.Name) for i in range(document.childCount())
    ] == [
        "Another one",
        "one link",
    ]


def test_the_document_goes_with_its_view(make_window, qtbot):
    import shiboken6

    from reader.ui.reading.article_view import ArticleView

    view = ArticleView()
    view.show_html("<h1>Alone</h1><p>A <a href='https://x.example.org'>link</a>.</p>")
    document = QAccessible.queryAccessibleInterface(view)
    child = document.child(1)
    assert child.role() == QAccessible.Role.Link
    shiboken6.delete(view)
    QApplication.processEvents()
    assert not shiboken6.isValid(document) and not shiboken6.isValid(child)
    # A view made afterwards gets a document of its own.
    again = ArticleView()
    again.show_html("<h2>Again</h2>")
    document = QAccessible.queryAccessibleInterface(again)
    assert document.child(0).text(QAccessible.Text.Name) == "Again"
    shiboken6.delete(again)


def test_in_russian_the_keys_say_what_they_reach_in_russian(reading, qtbot):
    from reader.ui.shell.application import install_translations

    assert install_translations("ru") == "ru"
    try:
        window, view = reading()
        qtbot.keyClick(view, Qt.Key.Key_H)
        assert said(window) == "Заголовок уровня 2: Results"
        qtbot.keyClick(view, Qt.Key.Key_L)
        assert said(window) == "Список (пунктов: 3): Cod landings rose (figures)"
        qtbot.keyClick(view, Qt.Key.Key_G, Qt.KeyboardModifier.ShiftModifier)
        assert said(window) == "Выше изображений нет"
        menu = next(a for a in window.menuBar().actions() if a.text() == "П&ереход")
        assert [a.text() for a in menu.menu().actions() if a.text()][-2:] == [
            "&Оглавление…",
            "Список сс&ылок…",
        ]
    finally:
        install_translations("en")
