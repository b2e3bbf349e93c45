"""The reader's marks in the open article: highlights drawn over their words, notes on
them, bookmarks; the actions that make, change and remove them.

Marks are drawn as extra selections (the document itself is never changed), found in the
document's text by their anchors (reader.core.marks) each time an article is shown, so a
highlight stays on its words at any size, width, theme and reading setting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTextEdit, QWidget

from reader.core.errors import LibraryError
from reader.core.marks import (
    BOOKMARK,
    COLOURS,
    HIGHLIGHT,
    Located,
    Mark,
    MarkError,
    bookmark,
    check_note,
    clean_name,
    default_name,
    highlight,
    locate_all,
    now,
)
from reader.core.themes import mark_colours

if TYPE_CHECKING:
    from reader.ui.reading.article_view import ArticleView


def colour_names() -> dict[str, str]:
    """The highlight colours' names as the reader sees them."""
    return {
        "yellow": QCoreApplication.translate("HighlightColours", "Yellow"),
        "green": QCoreApplication.translate("HighlightColours", "Green"),
        "blue": QCoreApplication.translate("HighlightColours", "Blue"),
        "pink": QCoreApplication.translate("HighlightColours", "Pink"),
    }


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class ArticleMarks(QObject):
    """The open article's marks and what the reader does with them."""

    changed = Signal()  # the open article's marks changed (added, removed, edited, loaded)
    announcement = Signal(str)  # to say to screen readers and in the status bar

    def __init__(self, view: ArticleView, library, preferences, parent: QWidget) -> None:
        super().__init__(parent)
        self._view = view
        self._library = library
        self._preferences = preferences
        self._parent = parent
        self.article_id: int | None = None
        self.located: list[Located] = []
        view.rendered.connect(self._redraw_after_render)
        view.restyled.connect(self._restyle)

        self.highlight_action = self._action(
            "highlight", self.tr("&Highlight Selection"), "Ctrl+Shift+H", self.highlight_selection
        )
        self.note_action = self._action(
            "note", self.tr("Add or Edit N&ote…"), "Ctrl+Shift+N", self.edit_note_here
        )
        self.bookmark_action = self._action(
            "bookmark", self.tr("Add &Bookmark"), "Ctrl+D", self.add_bookmark
        )
        self.remove_action = self._action(
            "removeHighlight", self.tr("&Remove Highlight"), None, self.remove_here
        )
        self.colour_group = QActionGroup(self)
        self.colour_actions: dict[str, QAction] = {}
        names = colour_names()
        chosen = preferences.get("highlight_colour")
        for colour in COLOURS:
            action = QAction("&" + names[colour], self)
            action.setObjectName(f"highlightColour_{colour}")
            action.setCheckable(True)
            action.setChecked(colour == chosen)
            action.triggered.connect(lambda _=False, c=colour: self._choose_colour(c))
            self.colour_group.addAction(action)
            self.colour_actions[colour] = action

    def _action(self, name: str, text: str, keys, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        return [self.highlight_action, self.note_action, self.bookmark_action, self.remove_action]

    # -- the open article ----------------------------------------------------------------

    def show_article(self, article_id: int | None) -> None:
        """The article about to be shown (None: none); its marks are found and drawn once
        its document is laid out, and again whenever it is shown anew."""
        self.article_id = article_id
        if article_id is None:
            self._load()

    def _redraw_after_render(self) -> None:
        # A new document: what was drawn went with the old one.
        self._load()

    def _load(self) -> None:
        marks = self._library.marks_of(self.article_id) if self.article_id is not None else []
        self.located = locate_all(self.text(), marks)
        self._note_lost()
        self.redraw()
        self.changed.emit()

    def _note_lost(self) -> None:
        """Remember which marks lost their words (and which found them again)."""
        if self._library.read_only:
            return
        for place in self.located:
            lost = place.span is None
            if place.mark.lost != lost:
                place.mark.lost = lost
                try:
                    self._library.update_mark(place.mark)
                except LibraryError:
                    return  # (the flag is refreshed the next time; nothing is lost)

    def text(self) -> str:
        """The text the marks' places count in: the document's, character for character."""
        return self._view.document().toRawText()

    def _restyle(self) -> None:
        self.redraw()
        self.changed.emit()  # (the Marks tab's colour swatches too)

    def colours(self) -> dict[str, tuple[str, str]]:
        """(background, text) of each highlight colour in the view's theme."""
        return mark_colours(self._view.theme)

    def redraw(self) -> None:
        colours = self.colours()
        formats: dict[tuple[str, bool], QTextCharFormat] = {}
        selections = []
        document = self._view.document()
        keep = QTextCursor.MoveMode.KeepAnchor
        for place in self.located:
            if place.span is None or place.mark.kind != HIGHLIGHT:
                continue
            mark = place.mark
            noted = mark.is_note
            key = (mark.colour or COLOURS[0], noted)
            char = formats.get(key)
            if char is None:
                char = formats[key] = self._format(colours.get(key[0], colours[COLOURS[0]]), noted)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(place.span[0])
            cursor.setPosition(place.span[1], keep)
            selection.cursor = cursor
            if noted:
                char = QTextCharFormat(char)
                char.setToolTip(mark.note[:500])
            selection.format = char
            selections.append(selection)
        self._view.set_mark_selections(selections)

    @staticmethod
    def _format(colours: tuple[str, str], noted: bool) -> QTextCharFormat:
        background, text = colours
        char = QTextCharFormat()
        char.setBackground(QColor(background))
        char.setForeground(QColor(text))
        # Not by its colour alone: underlined, and dotted when it has a note.
        char.setUnderlineStyle(
            QTextCharFormat.UnderlineStyle.DotLine
            if noted
            else QTextCharFormat.UnderlineStyle.SingleUnderline
        )
        char.setUnderlineColor(QColor(text))
        return char

    def marks_in_order(self) -> list[Located]:
        """The marks in the order of the text; those whose words are lost last."""
        return sorted(
            self.located,
            key=lambda p: (p.span is None, p.span[0] if p.span else p.mark.anchor.start),
        )

    def at(self, position: int, kind: str = HIGHLIGHT) -> Located | None:
        """The mark of ``kind`` over ``position`` (the innermost, the last made on a tie)."""
        found = [
            p
            for p in self.located
            if p.mark.kind == kind and p.span is not None and p.span[0] <= position <= p.span[1]
        ]
        return min(found, key=lambda p: (p.span[1] - p.span[0], -(p.mark.id or 0)), default=None)

    # -- making, changing, removing --------------------------------------------------------

    def highlight_selection(self, note: str = "") -> Mark | None:
        if not self._ready():
            return None
        cursor = self._view.textCursor()
        if not cursor.hasSelection():
            self.announcement.emit(
                self.tr("Select some words to highlight first (F7 turns on the text cursor)")
            )
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = self.text()
        # Spaces and line ends at the edges of a selection are not part of what it marks.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        try:
            mark = highlight(text, start, end, self._preferences.get("highlight_colour"), note)
        except MarkError as exc:
            self._refuse(str(exc))
            return None
        if not self._store(mark):
            return None
        self.located.append(Located(mark, (start, end)))
        cursor.clearSelection()  # (the highlight shows, not the selection over it)
        self._view.setTextCursor(cursor)
        self.redraw()
        self.changed.emit()
        self.announcement.emit(self.tr("Highlighted: %1").replace("%1", short(mark.anchor.quote)))
        return mark

    def edit_note_here(self) -> None:
        """Edit the note of the highlight at the text cursor; with words selected and no
        highlight there, highlight them with a note."""
        if not self._ready():
            return
        cursor = self._view.textCursor()
        place = self.at(cursor.selectionStart())
        if place is None and not cursor.hasSelection():
            self.announcement.emit(
                self.tr("Select some words, or put the text cursor on a highlight, to add a note")
            )
            return
        if place is None:
            note = self._ask_note("")
            if note is not None:
                self.highlight_selection(note)
            return
        self.edit_note(place.mark)

    def edit_note(self, mark: Mark) -> bool:
        note = self._ask_note(mark.note)
        if note is None:
            return False
        mark.note = note
        mark.updated = now()
        if not self._update(mark):
            return False
        self.redraw()
        self.changed.emit()
        self.announcement.emit(self.tr("Note saved") if note else self.tr("Note removed"))
        return True

    def _ask_note(self, current: str) -> str | None:
        while True:
            text, ok = QInputDialog.getMultiLineText(
                self._parent, self.tr("Note"), self.tr("Note on the highlighted words:"), current
            )
            if not ok:
                return None
            try:
                return check_note(text)
            except MarkError as exc:
                self._refuse(str(exc))
                current = text  # (nothing typed is lost: the dialog opens again with it)

    def add_bookmark(self) -> Mark | None:
        if not self._ready():
            return None
        position = self._bookmark_position()
        text = self.text()
        end = text.find("\n", position)
        words = text[position : end if end >= 0 else len(text)]
        name = default_name(self._heading_above(position), words)
        try:
            mark = bookmark(text, position, name)
        except MarkError as exc:
            self._refuse(str(exc))
            return None
        if not self._store(mark):
            return None
        self.located.append(Located(mark, (position, position + len(mark.anchor.quote))))
        self.changed.emit()
        self.announcement.emit(self.tr("Bookmark added: %1").replace("%1", mark.name))
        return mark

    def rename(self, mark: Mark, name: str) -> bool:
        name = clean_name(name)
        if not name or name == mark.name:
            return False
        mark.name = name
        mark.updated = now()
        if not self._update(mark):
            return False
        self.changed.emit()
        return True

    def remove_here(self) -> None:
        if not self._ready():
            return
        place = self.at(self._view.textCursor().selectionStart())
        if place is None:
            self.announcement.emit(self.tr("No highlight at the text cursor"))
            return
        self.remove([place.mark])

    def remove(self, marks: list[Mark]) -> int:
        ids = [m.id for m in marks if m.id is not None]
        try:
            removed = self._library.remove_marks(ids)
        except LibraryError as exc:
            self._refuse(str(exc))
            return 0
        self.located = [p for p in self.located if p.mark.id not in ids]
        self.redraw()
        self.changed.emit()
        if len(marks) == 1:
            mark = marks[0]
            message = (
                self.tr("Bookmark removed: %1").replace("%1", mark.name)
                if mark.kind == BOOKMARK
                else self.tr("Highlight removed: %1").replace("%1", short(mark.anchor.quote))
            )
        else:
            message = self.tr("Marks removed: %1").replace("%1", str(removed))
        self.announcement.emit(message)
        return removed

    def go_to(self, mark: Mark) -> bool:
        """Scroll to the mark, put the text cursor on it and bring the focus to the text."""
        place = next((p for p in self.located if p.mark is mark or p.mark.id == mark.id), None)
        if place is None or place.span is None:
            self.announcement.emit(self.tr("These words are no longer in the article"))
            return False
        view = self._view
        cursor = QTextCursor(view.document())
        cursor.setPosition(place.span[0])
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        # The mark's line near the top, not at the very bottom edge.
        rect = view.cursorRect(cursor)
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - view.viewport().height() // 4)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- helpers -------------------------------------------------------------------------

    def _ready(self) -> bool:
        if self.article_id is None:
            self.announcement.emit(self.tr("No article is open"))
            return False
        if self._library.read_only:
            self._refuse(self.tr("The library is read-only: marks cannot be kept"))
            return False
        return True

    def _store(self, mark: Mark) -> bool:
        try:
            mark.id = self._library.add_mark(self.article_id, mark)
        except LibraryError as exc:
            self._refuse(str(exc))
            return False
        mark.article_id = self.article_id
        return True

    def _update(self, mark: Mark) -> bool:
        try:
            if self._library.update_mark(mark):
                return True
        except LibraryError as exc:
            self._refuse(str(exc))
            return False
        self._refuse(self.tr("This mark is no longer in the library"))
        self._load()
        return False

    def _refuse(self, message: str) -> None:
        QMessageBox.warning(self._parent, self.tr("Marks"), message)

    def _bookmark_position(self) -> int:
        """Where a new bookmark goes: the text cursor if it is in view, else the start of
        the top line shown."""
        view = self._view
        cursor = view.textCursor()
        if view.has_text_cursor and view.viewport().rect().intersects(view.cursorRect(cursor)):
            position = cursor.selectionStart()
        else:
            from PySide6.QtCore import QPoint

            position = view.cursorForPosition(QPoint(0, 0)).position()
        block = view.document().findBlock(position)
        return block.position() if position - block.position() < 3 else position

    def _heading_above(self, position: int) -> str | None:
        block = self._view.document().findBlock(position)
        while block.isValid():
            if block.blockFormat().headingLevel() and block.text().strip():
                return block.text()
            block = block.previous()
        return None

    def _choose_colour(self, colour: str) -> None:
        self._preferences.set("highlight_colour", colour)
        # A highlight at the text cursor takes the colour chosen, as a pen would.
        place = self.at(self._view.textCursor().selectionStart()) if self.article_id else None
        if place is not None and place.mark.colour != colour:
            place.mark.colour = colour
            place.mark.updated = now()
            if self._update(place.mark):
                self.redraw()
                self.changed.emit()
