"""What screen readers are given of the article: a document with its structure.

Qt gives a QTextBrowser to screen readers as one "label" holding the article's text, with
no headings, links or pictures in it. Here the article view becomes a *document* whose
children are the structure read by ``structure.py``: headings (with their level), links
(which a screen reader can press), lists and their items, block quotes and pictures (named
by their alternative text), nested as in the article. The document's text (the caret,
lines, words, selection, text attributes) stays Qt's own: the document hands on Qt's
interface for the view's text, so reading line by line works as before.

How: Qt's factory for the view's class is asked first (``install_accessibility`` in
article_view.py); it asks Qt for the view's own interface (made once, by Qt's factory for
QTextBrowser) and wraps it. Qt's cache then holds both for the view and gives out the
newer, ours (QAccessibleCache keeps one entry per class level and returns the newest);
both are deleted when the view is. The children have no QObject: they are registered
with Qt's cache here and taken out of it (deleted) when the article changes or the view
goes, never left for Python to free while Qt still holds them.

PySide6 notes: ``interface_cast`` returns a pointer (a ``shiboken6.VoidPtr``; ``None``
would be taken for a Python object and crash), and an interface made in Python must be
kept alive from Python for as long as Qt holds it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAttributesInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QTextCursor,
)
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from reader.ui.reading.structure import (
    HEADING,
    ITEM,
    LINK,
    LIST,
    PICTURE,
    QUOTE,
    Part,
    Structure,
)

Role = QAccessible.Role
Kind = QAccessible.InterfaceType
NO_INTERFACE = shiboken6.VoidPtr(0)
ROLES = {
    HEADING: Role.Heading,
    LINK: Role.Link,
    LIST: Role.List,
    ITEM: Role.ListItem,
    QUOTE: Role.BlockQuote,
    PICTURE: Role.Graphic,
}
CONTAINERS = (QUOTE, LIST, ITEM, HEADING, LINK)
PRESS = QAccessibleActionInterface.pressAction()
SET_FOCUS = QAccessibleActionInterface.setFocusAction()

_making: set[int] = set()  # views whose own (Qt's) interface is being made
_documents: list[ArticleAccessible] = []  # kept alive while Qt holds them (see above)


def article_interface(view: QWidget) -> QAccessibleInterface | None:
    """The document interface for ``view`` (None while Qt makes its own, underneath)."""
    key = id(view)
    if key in _making:
        return None  # Qt goes on to QTextBrowser's interface
    _making.add(key)
    try:
        native = QAccessible.queryAccessibleInterface(view)
    finally:
        _making.discard(key)
    if native is None:
        return None
    _forget_deleted()
    document = ArticleAccessible(view, native)
    _documents.append(document)
    return document


def _forget_deleted() -> None:
    # A document Qt deleted with its view: its children leave the cache, then Python may
    # let both go.
    for document in [d for d in _documents if not shiboken6.isValid(d)]:
        document.release_children()
        _documents.remove(document)


def _pointer(interface: object) -> shiboken6.VoidPtr:
    return shiboken6.VoidPtr(shiboken6.getCppPointer(interface)[0])


def _same(a: QAccessibleInterface | None, b: QAccessibleInterface | None) -> bool:
    if a is None or b is None or not shiboken6.isValid(a) or not shiboken6.isValid(b):
        return False
    return shiboken6.getCppPointer(a)[0] == shiboken6.getCppPointer(b)[0]


class _Attributes(QAccessibleAttributesInterface):
    def __init__(self, values: dict[QAccessible.Attribute, object]) -> None:
        super().__init__()
        self.values = values

    def attributeKeys(self) -> list[QAccessible.Attribute]:
        return list(self.values)

    def attributeValue(self, key: QAccessible.Attribute) -> object:
        return self.values.get(key)


class _Actions(QAccessibleActionInterface):
    def __init__(self, node: PartAccessible) -> None:
        super().__init__()
        self.node = node

    def actionNames(self) -> list[str]:
        return [PRESS, SET_FOCUS] if self.node.part.kind == LINK else [SET_FOCUS]

    def doAction(self, name: str) -> None:
        self.node.act(name)

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []

    def localizedActionName(self, name: str) -> str:
        return name

    def localizedActionDescription(self, name: str) -> str:
        return name


class _DocumentActions(QAccessibleActionInterface):
    """The document's one action, as for any widget: take the keyboard focus (what a
    screen reader's "grab focus" asks for)."""

    def __init__(self, view: QWidget) -> None:
        super().__init__()
        self.view = view

    def actionNames(self) -> list[str]:
        return [SET_FOCUS]

    def doAction(self, name: str) -> None:
        if name == SET_FOCUS and shiboken6.isValid(self.view):
            self.view.activateWindow()
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []

    def localizedActionName(self, name: str) -> str:
        return name

    def localizedActionDescription(self, name: str) -> str:
        return name


class PartAccessible(QAccessibleInterface):
    """One heading, link, list, item, quote or picture of the article."""

    def __init__(self, document: ArticleAccessible, part: Part) -> None:
        super().__init__()
        self.document = document
        self.part = part
        self.up: PartAccessible | None = None
        self.children: list[PartAccessible] = []
        level = part.level if part.kind in (HEADING, LIST, ITEM) else 0
        self._attributes = _Attributes({QAccessible.Attribute.Level: level} if level else {})
        self._actions = _Actions(self)

    # -- what it is --

    def isValid(self) -> bool:
        return self.document.alive and self.document.holds(self)

    def object(self) -> None:
        return None

    def role(self) -> QAccessible.Role:
        return ROLES[self.part.kind]

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name and self.part.kind != LIST:
            return self.part.text
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        pass  # (the article is read, not edited)

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.readOnly = True
        if not self.document.alive:
            state.invalid = True
            return state
        if not self.document.viewport_rect().intersects(self.rect()):
            state.offscreen = True
        if self.part.kind == LINK:
            state.linked = True
            state.focusable = True
            state.focused = self.document.link_focused(self.part)
        return state

    def rect(self) -> QRect:
        return self.document.screen_rect(self.part) if self.document.alive else QRect()

    def interface_cast(self, kind: QAccessible.InterfaceType) -> shiboken6.VoidPtr:
        if kind == Kind.AttributesInterface:
            return _pointer(self._attributes)
        if kind == Kind.ActionInterface:
            return _pointer(self._actions)
        return NO_INTERFACE

    # -- where it is --

    def parent(self) -> QAccessibleInterface:
        return self.up if self.up is not None else self.document

    def childCount(self) -> int:
        return len(self.children)

    def child(self, index: int) -> QAccessibleInterface | None:
        return self.children[index] if 0 <= index < len(self.children) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return next((i for i, c in enumerate(self.children) if _same(c, child)), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        return _child_at(self.children, QPoint(x, y))

    # -- what it does --

    def act(self, name: str) -> None:
        if name == PRESS and self.part.kind == LINK:
            self.document.press_link(self.part)
        elif name == SET_FOCUS:
            self.document.go_to(self.part)


def _child_at(children: list[PartAccessible], point: QPoint) -> PartAccessible | None:
    return next((c for c in children if c.rect().contains(point)), None)


class ArticleAccessible(QAccessibleWidget):
    """The article view as a document: Qt's own text, our structure as children."""

    def __init__(self, view: QWidget, native: QAccessibleInterface) -> None:
        super().__init__(view, Role.Document)
        self._view = view
        self._native = native
        self._text = native.textInterface()
        # (Not the native interface's actions: PySide hands that back as the whole
        # interface, and its pointer is not the action part's.)
        self._actions = _DocumentActions(view)
        self._structure: Structure | None = None
        self._top: list[PartAccessible] = []
        self._nodes: dict[int, PartAccessible] = {}  # Qt's id: node
        self._held: set[int] = set()  # addresses of the nodes of the article shown
        self.alive = True
        # (A QObject to receive the view's signals: this interface is not one.)
        self._relay = QObject()
        view.article_shown.connect(self._article_changed)
        view.destroyed.connect(self._view_gone)

    # -- the view's text and state, as Qt gives them --

    def role(self) -> QAccessible.Role:
        return Role.Document

    def state(self) -> QAccessible.State:
        return self._native.state()

    def text(self, kind: QAccessible.Text) -> str:
        return self._native.text(kind)

    def interface_cast(self, kind: QAccessible.InterfaceType) -> shiboken6.VoidPtr:
        if kind == Kind.TextInterface and self._text is not None:
            return _pointer(self._text)
        if kind == Kind.ActionInterface:
            return _pointer(self._actions)
        return NO_INTERFACE

    # -- the structure as children --

    def childCount(self) -> int:
        return len(self._children())

    def child(self, index: int) -> QAccessibleInterface | None:
        children = self._children()
        return children[index] if 0 <= index < len(children) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return next((i for i, c in enumerate(self._children()) if _same(c, child)), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        return _child_at(self._children(), QPoint(x, y))

    def focusChild(self) -> QAccessibleInterface | None:
        return None  # (the caret is in the document's own text)

    def holds(self, node: PartAccessible) -> bool:
        return shiboken6.getCppPointer(node)[0] in self._held

    def _children(self) -> list[PartAccessible]:
        if not self.alive:
            return []
        structure = self._view.structure()
        if structure is not self._structure:
            self.release_children()
            self._structure = structure
            self._top = self._build(structure)
        return self._top

    def _build(self, structure: Structure) -> list[PartAccessible]:
        """Nodes for every part, each under the innermost part that holds it."""
        top: list[PartAccessible] = []
        open_: list[PartAccessible] = []
        for part in structure.parts:
            node = PartAccessible(self, part)
            while open_ and not (
                open_[-1].part.start <= part.start and part.end <= open_[-1].part.end
            ):
                open_.pop()
            if open_:
                node.up = open_[-1]
                open_[-1].children.append(node)
            else:
                top.append(node)
            if part.kind in CONTAINERS:
                open_.append(node)
            self._nodes[QAccessible.registerAccessibleInterface(node)] = node
            self._held.add(shiboken6.getCppPointer(node)[0])
        return top

    def release_children(self) -> None:
        """Take the children out of Qt's cache (deleting them) before Python lets them go."""
        self._held.clear()
        for number in list(self._nodes):
            QAccessible.deleteAccessibleInterface(number)
        self._nodes.clear()
        self._top = []
        self._structure = None

    def _article_changed(self) -> None:
        if not self._nodes:
            return  # (no one has asked for them: nothing to take back)
        for node in self._top:
            QAccessible.updateAccessibility(
                QAccessibleEvent(node, QAccessible.Event.ObjectDestroyed)
            )
        self.release_children()
        # Told once the article is laid out (the children are read when asked for).
        QTimer.singleShot(0, self._relay, self._announce_children)

    def _announce_children(self) -> None:
        if self.alive and shiboken6.isValid(self):
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.ObjectReorder))

    def _view_gone(self) -> None:
        self.alive = False
        self.release_children()

    # -- geometry and actions, through the view --

    def viewport_rect(self) -> QRect:
        viewport = self._view.viewport()
        return QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())

    def screen_rect(self, part: Part) -> QRect:
        """Where ``part`` is on screen: its own line's extent, or the column's width over
        the lines it spans."""
        view = self._view
        cursor = QTextCursor(view.document())
        cursor.setPosition(part.start)
        first = view.cursorRect(cursor)
        cursor.setPosition(max(part.start, part.end))
        last = view.cursorRect(cursor)
        if first.top() == last.top():
            rect = QRect(first.topLeft(), last.bottomRight()).normalized()
        else:
            width = view.viewport().width()
            rect = QRect(0, first.top(), width, last.bottom() - first.top() + 1)
        return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def link_focused(self, part: Part) -> bool:
        cursor = self._view.textCursor()
        return (cursor.selectionStart(), cursor.selectionEnd()) == (part.start, part.end)

    def press_link(self, part: Part) -> None:
        from PySide6.QtCore import QUrl

        self._view.open_link(QUrl(part.href))  # (a screen reader's press: a deliberate act)

    def go_to(self, part: Part) -> None:
        """A screen reader's "set focus" (or grab focus) on a part: the text cursor goes
        there, in view, and the article has the keyboard focus."""
        from reader.ui.reading.navigation import land

        land(self._view, part)
        self._view.setFocus()
