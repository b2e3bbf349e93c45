"""Moving through the article by its structure, for everyone: H, K, L, Q and G go to the
next heading, link, list, quote and picture (with Shift, the previous one), the keys of
browsers' caret browsing and of screen readers' browse modes. They work while the article
has the keyboard focus (never in the Find bar or a list). Each move scrolls the place into
view, puts the text cursor there (a link is selected, so Enter opens it, as a click
would), marks it until the next key or click, and says what it is ("Heading level 2:
Results"). The Contents list goes to a heading; the Links list opens a link only when
one is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.ui.reading.structure import HEADING, KINDS, LINK, LIST, PICTURE, QUOTE, Part

if TYPE_CHECKING:
    from reader.ui.reading.article_view import ArticleView
    from reader.ui.reading.structure_lists import ContentsDialog, LinksDialog

KEYS = {HEADING: "H", LINK: "K", LIST: "L", QUOTE: "Q", PICTURE: "G"}
_LANDING = QTextFormat.Property.UserProperty.value + 0x4C44  # tags our extra selection
QUOTE_WORDS = 12  # of a quote, said when going to it
FOCUS_WAIT_MS = 1000  # said anyway if the article has not had the focus back by then


class ArticleNavigation(QObject):
    def __init__(self, view: ArticleView, announce: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view
        self._announce = announce
        self._window = parent
        self.dialog: ContentsDialog | LinksDialog | None = None
        self._pending = ""  # said once the article has the focus
        names = self._names()
        self.next_actions: dict[str, QAction] = {}
        self.previous_actions: dict[str, QAction] = {}
        for kind in KINDS:
            for direction, keys, table in (
                (1, KEYS[kind], self.next_actions),
                (-1, f"Shift+{KEYS[kind]}", self.previous_actions),
            ):
                action = QAction(names[kind][0 if direction > 0 else 1], parent)
                action.setShortcut(QKeySequence(keys))
                # Single letters: only while the article itself has the keyboard focus.
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(partial(self.go, kind, direction))
                view.addAction(action)
                table[kind] = action
        self.contents_action = QAction(self.tr("&Contents…"), parent)
        self.contents_action.setShortcut(QKeySequence("Ctrl+T"))
        self.contents_action.triggered.connect(self.show_contents)
        self.links_action = QAction(self.tr("Li&nks…"), parent)
        self.links_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.links_action.triggered.connect(self.show_links)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def _names(self) -> dict[str, tuple[str, str]]:
        # (Each with a mnemonic of its own in the Go menu.)
        return {
            HEADING: (self.tr("Next &Heading"), self.tr("Pre&vious Heading")),
            LINK: (self.tr("Next Lin&k"), self.tr("Previous L&ink")),
            LIST: (self.tr("Next &List"), self.tr("Previous Li&st")),
            QUOTE: (self.tr("Next &Quote"), self.tr("Previous Q&uote")),
            PICTURE: (self.tr("Next &Picture"), self.tr("Previous Pic&ture")),
        }

    def actions(self) -> list[QAction]:
        """For the Go menu: each kind's next and previous, then the two lists."""
        pairs = [(self.next_actions[k], self.previous_actions[k]) for k in KINDS]
        return [action for pair in pairs for action in pair]

    # -- moving --------------------------------------------------------------------------

    def go(self, kind: str, direction: int) -> Part | None:
        """To the next (``direction`` 1) or previous (-1) ``kind`` from where the reader
        is; says so when there is none."""
        structure = self.view.structure()
        origin = self._origin(direction)
        part = structure.next(kind, origin) if direction > 0 else structure.previous(kind, origin)
        if part is None:
            self._announce(self._none_left(kind, direction))
            return None
        self.move_to(part)
        return part

    def _origin(self, direction: int) -> int:
        """Where a move starts: the text cursor, if it is in view; else the top of the
        view (the reader scrolled away from it), so that a part at the very top is the
        next one."""
        view = self.view
        cursor = view.textCursor()
        if view.viewport().rect().intersects(view.cursorRect(cursor)):
            return cursor.position() if direction > 0 else cursor.selectionStart()
        top = view.cursorForPosition(QPoint(0, 0)).position()
        return top - 1 if direction > 0 else top

    def move_to(self, part: Part) -> None:
        view = self.view
        land(view, part)
        message = self.describe(part)
        if view.hasFocus():
            self._announce(message)
            return
        # From a list that has just closed (or the menu): the article takes the focus, and
        # what was reached is said once it has it, after the screen reader has said
        # where the focus went (its window may take a moment to come back).
        self._pending = message
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not view.window().isActiveWindow():
            view.window().activateWindow()
        if view.hasFocus():
            self._say_pending()
        else:
            QTimer.singleShot(FOCUS_WAIT_MS, self, self._say_pending)

    def _say_pending(self) -> None:
        message, self._pending = self._pending, ""
        if message:
            self._announce(message)

    def describe(self, part: Part) -> str:
        """What a move says: "Heading level 2: Results", "Link: …", "Picture: …"."""
        if part.kind == HEADING:
            return (
                self.tr("Heading level %1: %2")
                .replace("%1", str(part.level))
                .replace("%2", part.text)
            )
        if part.kind == LINK:
            return self.tr("Link: %1").replace("%1", part.text or part.href)
        if part.kind == LIST:
            if part.items == 1:
                return self.tr("List, 1 item: %1").replace("%1", part.text)
            return (
                self.tr("List, %1 items: %2")
                .replace("%1", str(part.items))
                .replace("%2", part.text)
            )
        if part.kind == QUOTE:
            words = part.text.split()
            text = " ".join(words[:QUOTE_WORDS]) + ("…" if len(words) > QUOTE_WORDS else "")
            return self.tr("Quote: %1").replace("%1", text)
        if part.text:
            return self.tr("Picture: %1").replace("%1", part.text)
        return self.tr("Picture")

    def _none_left(self, kind: str, direction: int) -> str:
        nexts = {
            HEADING: self.tr("No next heading"),
            LINK: self.tr("No next link"),
            LIST: self.tr("No next list"),
            QUOTE: self.tr("No next quote"),
            PICTURE: self.tr("No next picture"),
        }
        previous = {
            HEADING: self.tr("No previous heading"),
            LINK: self.tr("No previous link"),
            LIST: self.tr("No previous list"),
            QUOTE: self.tr("No previous quote"),
            PICTURE: self.tr("No previous picture"),
        }
        return (nexts if direction > 0 else previous)[kind]

    # -- the lists -----------------------------------------------------------------------

    def show_contents(self) -> ContentsDialog:
        from reader.ui.reading.structure_lists import ContentsDialog

        structure = self.view.structure()
        here = structure.section_at(self.view.textCursor().position())
        dialog = ContentsDialog(self._window, structure.headings, here)
        dialog.chosen.connect(self.move_to)
        return self._show(dialog)

    def show_links(self) -> LinksDialog:
        from reader.ui.reading.structure_lists import LinksDialog

        structure = self.view.structure()
        here = structure.next(LINK, self._origin(1))
        dialog = LinksDialog(self._window, structure.links, here, self.view.open_link)
        dialog.chosen.connect(self.move_to)
        dialog.opened.connect(self._announce)
        return self._show(dialog)

    def _show(self, dialog: ContentsDialog | LinksDialog) -> ContentsDialog | LinksDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- the mark on the place gone to goes at the next key or click ----------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress):
            unmark(self.view)
        elif event.type() == QEvent.Type.FocusIn and watched is self.view and self._pending:
            QTimer.singleShot(0, self, self._say_pending)  # (after the focus is told)
        return False


def land(view: ArticleView, part: Part) -> None:
    """Put the text cursor on ``part`` (a link selected: Enter opens it), bring it into
    view and mark it."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(part.start)
    if part.kind == LINK:
        cursor.setPosition(part.end, QTextCursor.MoveMode.KeepAnchor)
    bar = view.verticalScrollBar()
    shown = bar.value()
    view.setTextCursor(cursor)  # (which scrolls the least it can: undone, then done here)
    bar.setValue(shown)
    reveal(view, part)
    mark(view, part)


def reveal(view: ArticleView, part: Part) -> None:
    """Scroll so ``part`` starts near the top of the view, unless it is wholly shown."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(part.start)
    top = view.cursorRect(cursor).top()
    cursor.setPosition(part.end)
    bottom = view.cursorRect(cursor).bottom()
    height = view.viewport().height()
    if top >= 0 and bottom <= height:
        return
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + top - height // 8)


def mark(view: ArticleView, part: Part) -> None:
    """Show where a move landed (a link shows as selected already): a heading, the
    first line of a list or quote, a picture."""
    unmark(view)
    if part.kind == LINK:
        return
    document = view.document()
    first_block_end = (lambda b: b.position() + b.length() - 1)(document.findBlock(part.start))
    selection = QTextEdit.ExtraSelection()
    selection.cursor = QTextCursor(document)
    selection.cursor.setPosition(part.start)
    selection.cursor.setPosition(
        max(part.start + 1, min(part.end, first_block_end)), QTextCursor.MoveMode.KeepAnchor
    )
    palette = view.palette()
    selection.format.setBackground(palette.highlight())
    selection.format.setForeground(palette.highlightedText())
    selection.format.setProperty(_LANDING, True)
    view.setExtraSelections([*view.extraSelections(), selection])


def unmark(view: ArticleView) -> None:
    kept = [s for s in view.extraSelections() if not s.format.hasProperty(_LANDING)]
    if len(kept) != len(view.extraSelections()):
        view.setExtraSelections(kept)
