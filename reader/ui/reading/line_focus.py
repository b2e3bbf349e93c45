"""Line focus (a reading ruler): the article dimmed but for a band of 1, 3 or 5 lines.

The band is around the sentence being read aloud, or else around the text cursor's line
(it moves with the arrow keys, a click, a structural key or Find), or, when the reader has
scrolled away from the cursor, over the first lines in view. Lines are the layout's
visual lines, so a wrapped paragraph is several, at any text size.

It is painted over the view's viewport after the text (``ArticleView.paintEvent``): two
rectangles of the theme's shade above and below the band, nothing inside it, so the
focused lines keep their exact colours, highlights included. Nothing is laid out again:
the band is read from the layout already made, in a few calls per paint.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QTextBlock, QTextBlockFormat, QTextDocument

from reader.core.themes import LINE_FOCUS_EDGE, Theme, line_focus_shade

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextEdit


class Line(NamedTuple):
    """One visual line: its block and its number in the block's layout."""

    block: QTextBlock
    index: int


def line_at(document: QTextDocument, position: int) -> Line | None:
    """The visual line holding document ``position`` (None where nothing is laid out)."""
    block = document.findBlock(max(0, min(position, document.characterCount() - 1)))
    if not block.isValid():
        return None
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return None
    line = layout.lineForTextPosition(position - block.position())
    if not line.isValid():  # (past the block's end)
        return Line(block, layout.lineCount() - 1)
    return Line(block, line.lineNumber())


def step(line: Line, direction: int) -> Line | None:
    """The visual line after (``direction`` 1) or before (-1) ``line``, across blocks;
    None at the article's start or end."""
    index = line.index + direction
    if 0 <= index < line.block.layout().lineCount():
        return Line(line.block, index)
    block = line.block.next() if direction > 0 else line.block.previous()
    while block.isValid():
        layout = block.layout()
        if block.isVisible() and layout is not None and layout.lineCount():
            return Line(block, 0 if direction > 0 else layout.lineCount() - 1)
        block = block.next() if direction > 0 else block.previous()
    return None


def _pitch(block: QTextBlock, height: float) -> float:
    """How far apart the block's lines are, for lines ``height`` tall."""
    form = block.blockFormat()
    kind, value = form.lineHeightType(), form.lineHeight()
    types = QTextBlockFormat.LineHeightTypes
    if kind == types.ProportionalHeight.value and value > 0:
        return height * value / 100
    if kind == types.FixedHeight.value:
        return value
    if kind == types.MinimumHeight.value:
        return max(height, value)
    if kind == types.LineDistanceHeight.value:
        return height + value
    return height


def line_box(document: QTextDocument, line: Line, spaced: bool = True) -> tuple[float, float]:
    """(top, bottom) of ``line`` in document coordinates, with its share of the line
    spacing: half of the space between lines above the text and half below, so that
    neighbouring lines' boxes meet and never overlap (without ``spaced``: the text's)."""
    layout = line.block.layout()
    text_line = layout.lineAt(line.index)
    bounds = document.documentLayout().blockBoundingRect(line.block)
    origin = bounds.top() - layout.boundingRect().top()
    top = origin + text_line.y()
    height = text_line.height()
    extra = max(0.0, _pitch(line.block, height) - height) if spaced else 0.0
    return top - extra / 2, top + height + extra / 2


def band_lines(first: Line, last: Line, count: int) -> tuple[Line, Line]:
    """The lines from ``first`` to ``last`` widened to ``count`` lines (when they are
    fewer), as evenly above and below as the article's start and end allow."""
    lines = 1
    probe = first
    while probe != last and lines <= count:
        following = step(probe, 1)
        if following is None:
            break
        probe, lines = following, lines + 1
    above = True
    while lines < count:
        widened = step(first, -1) if above else step(last, 1)
        if widened is not None:
            first, last = (widened, last) if above else (first, widened)
            lines += 1
        elif (step(last, 1) if above else step(first, -1)) is None:
            break  # (the article is shorter than the band)
        above = not above
    return first, last


class LineFocus:
    """Where the band is and how it is painted, for one article view."""

    def __init__(self, view: QTextEdit) -> None:
        self._view = view
        self.lines = 0  # 0: off
        self.reading: tuple[int, int] | None = None  # the range read aloud, if any
        # Whether the band last painted was on the text (the cursor's or the reading's
        # lines) rather than on the first lines in view: scrolled, it moves with the text.
        self._on_text = False

    def focus(self) -> tuple[Line, Line] | None:
        """The first and last line the band is around, before it is widened: the
        sentence read aloud, else the cursor's line when it is in view, else the middle
        of the first lines in view."""
        view = self._view
        document = view.document()
        if not self.lines or document.isEmpty():
            return None
        if self.reading is not None:
            start, end = self.reading
            first, last = line_at(document, start), line_at(document, max(start, end - 1))
            return None if first is None or last is None else (first, last)
        line = self._cursor_line()
        if line is not None:
            return line, line
        line = self.top_line()
        if line is None:
            return None
        for _ in range(self.lines // 2):
            line = step(line, 1) or line
        return line, line

    def _cursor_line(self) -> Line | None:
        """The text cursor's line, if it is in view."""
        line = line_at(self._view.document(), self._view.textCursor().position())
        return line if line is not None and self._in_view(line) else None

    def on_text(self) -> bool:
        """Whether the band is on the text (the reading's or the cursor's lines), which
        a scroll moves along with what is painted, rather than on the first lines."""
        return bool(self.lines) and (self.reading is not None or self._cursor_line() is not None)

    def scrolled(self) -> bool:
        """After a scroll: whether the viewport must be painted anew (Qt moved what was
        painted, shade and all; that is right only for a band on the text, then and now)."""
        return not (self._on_text and self.on_text())

    def _in_view(self, line: Line) -> bool:
        top, bottom = line_box(self._view.document(), line)
        offset = self._view.verticalScrollBar().value()
        return bottom - offset > 0 and top - offset < self._view.viewport().height()

    def band(self) -> tuple[int, int] | None:
        """(top, bottom) of the band in viewport pixels (bottom exclusive); None when
        line focus is off or there is nothing to focus."""
        focus = self.focus()
        if focus is None:
            return None
        first, last = band_lines(*focus, self.lines)
        document = self._view.document()
        offset = self._view.verticalScrollBar().value()
        top = line_box(document, first)[0] - offset
        bottom = line_box(document, last)[1] - offset
        return math.floor(top), math.ceil(bottom)

    def top_line(self) -> Line | None:
        """The first line wholly in view (or the one partly in view, if it is all)."""
        view = self._view
        document = view.document()
        offset = view.verticalScrollBar().value()
        corner = view.viewport().rect().topLeft()
        line = line_at(document, view.cursorForPosition(corner).position())
        if line is not None and line_box(document, line, spaced=False)[0] < offset - 0.5:
            following = step(line, 1)  # (the top line is cut off: the next one is first)
            if following is not None and line_box(document, following)[1] - offset <= (
                view.viewport().height()
            ):
                line = following
        return line

    def paint(self, theme: Theme, clip: QRect) -> None:
        """Shade the viewport outside the band (within ``clip``, what is being painted)."""
        band = self.band()
        if band is None:
            return
        self._on_text = self.on_text()
        viewport = self._view.viewport()
        width, height = viewport.width(), viewport.height()
        top, bottom = max(0, band[0]), min(height, band[1])
        colour, opacity, edge = line_focus_shade(theme)
        shade = QColor(colour)
        shade.setAlphaF(opacity)
        painter = QPainter(viewport)
        painter.setClipRect(clip)
        if top >= bottom:  # (the band is off screen: a sentence read aloud scrolled away)
            painter.fillRect(QRect(0, 0, width, height), shade)
        else:
            if top > 0:
                painter.fillRect(QRect(0, 0, width, top), shade)
            if bottom < height:
                painter.fillRect(QRect(0, bottom, width, height - bottom), shade)
            if edge:
                thick = LINE_FOCUS_EDGE
                if top > 0:
                    painter.fillRect(QRect(0, top - thick, width, thick), QColor(edge))
                if bottom < height:
                    painter.fillRect(QRect(0, bottom, width, thick), QColor(edge))
        painter.end()

    def keep_in_view(self) -> None:
        """Scroll the least that shows the whole band (after the cursor moved)."""
        band = self.band()
        if band is None:
            return
        bar = self._view.verticalScrollBar()
        height = self._view.viewport().height()
        if band[1] - band[0] > height:
            return  # (taller than the view: the cursor's own line is in view already)
        if band[0] < 0:
            bar.setValue(bar.value() + band[0])
        elif band[1] > height:
            bar.setValue(bar.value() + band[1] - height)
