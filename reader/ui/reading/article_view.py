"""The reading view: an article rendered from Markdown in a calm, centred column.

Text size changes reflow the text and keep the reader's place: the paragraph at the top of
the view stays at the top. Nothing is fetched: resources other than inline data are never
loaded, and links open in the system browser only when clicked (or chosen from the Links
list, or pressed by a screen reader): never on their own.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.core.reading_settings import ReadingSettings
from reader.core.themes import THEMES, Theme
from reader.ui.common import adopt_viewport

if TYPE_CHECKING:
    from reader.ui.reading.line_focus import LineFocus
    from reader.ui.reading.structure import Structure

# Text classes are reached through QtGui (PySide readies a class when it is first named,
# and none is needed before the first article is shown).
# A block property marking the header's secondary lines (byline, details):
# QTextFormat.Property.UserProperty + 1.
_SECONDARY = 0x100000 + 1
# A block that opens with one of the article's pictures (its caption under it).
_FIGURE = 0x100000 + 2
# The reader's highlights among the view's extra selections.
_MARK_LAYER = 0x100000 + 3
# What Read Aloud marks: the sentence (drawn under the reader's highlights) and the word
# being said (over them).
_SPEECH_UNDER = 0x100000 + 4
_SPEECH_OVER = 0x100000 + 5
_LAYERS = (_SPEECH_UNDER, _MARK_LAYER, _SPEECH_OVER)
# Heading sizes relative to the text at sizes up to 150 %.
HEADING_SCALE = {1: 1.7, 2: 1.35, 3: 1.15}
WHEEL_NOTCH = 120
# One text-size step per gesture: notches closer together than this are one gesture.
WHEEL_STEP_INTERVAL = 0.15

ARTICLE_CSS = """
body { }
p { margin-top: 0; margin-bottom: 0.8em; line-height: 150%; }
li { margin-bottom: 0.3em; line-height: 150%; }
h1 { margin-top: 0.2em; margin-bottom: 0.4em; }
h2, h3, h4 { margin-top: 1.1em; margin-bottom: 0.4em; }
p.byline { margin-bottom: 0.2em; }
p.details { margin-bottom: 0.6em; }
blockquote { margin-left: 1.2em; font-style: italic; }
p.picture { margin-top: 0.4em; }
span.caption { font-style: italic; }
pre, code { font-family: monospace; }
"""
# Colours of the article's secondary text and links; the theme fills them in.
THEME_CSS = """
a { color: %(link)s; text-decoration: underline; }
p.byline, p.details { color: %(secondary_text)s; }
"""


class ArticleView(QTextBrowser):
    """Shows one article; text size and place-keeping live here, choices elsewhere."""

    zoom_step = Signal(int)  # +1 larger, -1 smaller (from Ctrl+wheel)
    rendered = Signal()  # a new article's document is laid out (marks go on it now)
    restyled = Signal()  # the theme changed (what is drawn over the text is recoloured)
    article_shown = Signal()  # new text (its structure is read again when next asked for)
    # Links open only in the system browser, and only these: the one rule for a click, the
    # Links list and a screen reader's "press".
    LINK_SCHEMES = ("http", "https", "mailto")

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        adopt_viewport(self)
        self.setObjectName("articleView")
        self.setAccessibleName(self.tr("Article"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.document().setDefaultStyleSheet(ARTICLE_CSS)
        self.document().setDocumentMargin(0)
        self.document().setUndoRedoEnabled(False)
        self.anchorClicked.connect(self._open_link)
        self.requested_resources: list[QUrl] = []
        self._base_point_size = 12.0
        self._percent = 100
        self._settings = ReadingSettings()
        self._spaced_lines: float | None = None  # the line spacing the document has
        self._spaced_chars = False  # whether the text carries letter or word spacing
        self._layout_plan: tuple[list[tuple[int, int]], list[tuple[int, int]], list[int]] | None = (
            None
        )
        self._planned_for: tuple[int, int] = (-1, -1)  # (blocks, characters) it was made for
        self._theme = THEMES["light"]
        self._font = QFont(self.document().defaultFont())
        self._default_families = self._font.families()
        self._clock = clock
        self._wheel_delta = 0
        self._last_wheel_step = -1e9
        # The article's pictures: where their bytes come from (the library), each one
        # decoded once when first drawn, and the size each is shown at.
        self._picture_source: Callable[[str], bytes | None] | None = None
        self._decoded: dict[str, QtGui.QImage] = {}
        self._picture_places: list[tuple[int, str, int, int]] = []  # position, digest, w, h
        self._shown_sizes: dict[str, tuple[int, int]] = {}
        self._place_sizes: list[tuple[int, int]] = []  # as last fitted, place by place
        self._structure: Structure | None = None
        self._structure_for: tuple[int, int] = (-1, -1)
        self._line_focus: LineFocus | None = None  # made when first turned on
        self._reading_place: tuple[int, int] | None = None  # the sentence read aloud
        install_accessibility()

    # -- content -------------------------------------------------------------------------

    def set_picture_source(self, source: Callable[[str], bytes | None] | None) -> None:
        """Where a ``picture:<digest>`` image's bytes come from (the library)."""
        self._picture_source = source

    def show_html(self, html: str) -> None:
        self.setExtraSelections([])
        self._set_reading_place(None)
        self._decoded.clear()
        self._shown_sizes.clear()
        self.setHtml(html)
        self._spaced_lines, self._spaced_chars = None, False
        self._layout_plan = None
        self._mark_secondary_blocks()
        self._find_pictures()
        self._apply_size()
        self._fit_pictures()
        # Lay the whole article out now, not lazily screen by screen: a place further down
        # (a restored reading position) must be where the finished layout will put it.
        self.document().setDefaultFont(self._font)
        self.verticalScrollBar().setValue(0)
        self._structure = None
        self.article_shown.emit()
        self.rendered.emit()

    def clear(self) -> None:
        super().clear()
        self._structure = None
        self.article_shown.emit()

    def structure(self) -> Structure:
        """The article's headings, links, lists, quotes and pictures, read when first
        asked for (not while the article opens) and kept until the text changes."""
        from reader.ui.reading.structure import read_structure

        document = self.document()
        shape = (document.blockCount(), document.characterCount())
        if self._structure is None or shape != self._structure_for:
            self._structure = read_structure(document)
            self._structure_for = shape
        return self._structure

    def _mark_secondary_blocks(self) -> None:
        # The header's byline and details lines sit between the title and the rule
        # (<hr/>) that ends the header; they keep their own colour and closer spacing.
        rule = QtGui.QTextFormat.Property.BlockTrailingHorizontalRulerWidth
        block = self.document().begin()
        header = []
        while block.isValid() and len(header) < 4:
            if block.blockFormat().hasProperty(rule):
                for line in header:
                    marked = QtGui.QTextBlockFormat()
                    marked.setProperty(_SECONDARY, True)
                    QtGui.QTextCursor(line).mergeBlockFormat(marked)
                return
            if not block.blockFormat().headingLevel():
                header.append(block)
            block = block.next()

    def loadResource(self, kind: int, url: QUrl):
        # Only the article's own pictures (from the library) are drawn; every other image
        # was turned into its alt text, and anything else asked for is refused, remote or
        # not, so the view can never reach the network.
        self.requested_resources.append(QUrl(url))
        if url.scheme() == "picture":
            return self._picture(url.path())
        if url.scheme() == "data":
            return super().loadResource(kind, url)
        return None

    # -- pictures ------------------------------------------------------------------------

    def _find_pictures(self) -> None:
        places = []
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                char = fragment.charFormat()
                if char.isImageFormat():
                    image = char.toImageFormat()
                    name = image.name()
                    if name.startswith("picture:"):
                        digest = name.removeprefix("picture:")
                        width, height = round(image.width()), round(image.height())
                        places.append((fragment.position(), digest, width, height))
                        if fragment.position() == block.position():
                            marked = QtGui.QTextBlockFormat()
                            marked.setProperty(_FIGURE, True)
                            QtGui.QTextCursor(block).mergeBlockFormat(marked)
                iterator += 1
            block = block.next()
        self._picture_places = places
        self._place_sizes: list[tuple[int, int]] = []

    def _column_width(self) -> float:
        frame = self.document().rootFrame().frameFormat()
        return self.viewport().width() - frame.leftMargin() - frame.rightMargin()

    def _fit_pictures(self) -> None:
        """Each picture at its own size, or narrower to fit the column (never wider than
        the window), keeping its proportions."""
        if not self._picture_places:
            return
        column = max(16.0, self._column_width())
        sizes = []
        for _position, _digest, width, height in self._picture_places:
            scale = min(1.0, column / width) if width > 0 else 1.0
            sizes.append((max(1, int(width * scale)), max(1, int(height * scale))))
        if sizes == self._place_sizes:
            return  # (a resize that leaves the column as it was)
        self._place_sizes = sizes
        cursor = QtGui.QTextCursor(self.document())
        cursor.beginEditBlock()
        for (position, digest, _width, _height), size in zip(
            self._picture_places, sizes, strict=True
        ):
            fitted = QtGui.QTextImageFormat()
            fitted.setWidth(size[0])
            fitted.setHeight(size[1])
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QtGui.QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fitted)
            if self._shown_sizes.get(digest) != size:
                self._shown_sizes[digest] = size
                if digest in self._decoded:  # drawn already: give it at the new size
                    self.document().addResource(
                        QtGui.QTextDocument.ResourceType.ImageResource,
                        QUrl(f"picture:{digest}"),
                        self._scaled(digest),
                    )
        cursor.endEditBlock()

    def _picture(self, digest: str) -> QtGui.QImage | None:
        if digest not in self._decoded:
            self._decoded[digest] = self._decode(digest)
        image = self._decoded[digest]
        return None if image.isNull() else image  # (its caption or alt text still says)

    def _scaled(self, digest: str) -> QtGui.QImage:
        """The picture decoded again at its new size (only pictures already drawn)."""
        image = self._decoded[digest] = self._decode(digest)
        return image

    def _decode(self, digest: str) -> QtGui.QImage:
        """The picture decoded straight at the size it is shown at: a 24-megapixel photo
        shown 700 pixels wide takes 2 MB, not 100 (an article may hold 200 of them)."""
        data = self._picture_source(digest) if self._picture_source else None
        if not data:
            return QtGui.QImage()
        buffer = QtCore.QBuffer()
        buffer.setData(QtCore.QByteArray(data))
        reader = QtGui.QImageReader(buffer)
        size = self._shown_sizes.get(digest)
        ratio = self.devicePixelRatioF()
        if size is not None:
            reader.setScaledSize(QtCore.QSize(round(size[0] * ratio), round(size[1] * ratio)))
            reader.setQuality(100)  # (smooth scaling)
        image = reader.read()
        image.setDevicePixelRatio(ratio)
        return image

    def _open_link(self, url: QUrl) -> None:
        self.open_link(url)

    def open_link(self, url: QUrl) -> bool:
        """Open ``url`` in the system browser (or mail program) if it is a web or e-mail
        address; anything else (a file, a relative address) is not opened. Called only
        for a deliberate action: a click, Enter on a link, a choice in the Links list."""
        if url.scheme().lower() not in self.LINK_SCHEMES:
            return False
        return QtGui.QDesktopServices.openUrl(url)

    # -- text size -----------------------------------------------------------------------

    @property
    def percent(self) -> int:
        return self._percent

    @property
    def base_point_size(self) -> float:
        return self._base_point_size

    def set_base_point_size(self, points: float, percent: int | None = None) -> None:
        """Set what 100 % stands for (and, optionally, the percent in force)."""
        self._base_point_size = points
        self.set_percent(self._percent if percent is None else percent, force=True)

    def set_percent(self, percent: int, force: bool = False) -> None:
        """Show the text at ``percent`` of the reading size, keeping the reader's place."""
        if percent == self._percent and not force:
            return
        place = self.top_position()
        self._percent = percent
        self._apply_size()
        self.scroll_to_position(*place)

    def set_reading_settings(self, settings: ReadingSettings) -> None:
        """Font, spacing, column and alignment, keeping the reader's place; and line
        focus (which lays nothing out again)."""
        if settings == self._settings:
            return
        relaid = settings._replace(line_focus=0) != self._settings._replace(line_focus=0)
        self._settings = settings
        if relaid:
            place = self.top_position()
            self._apply_size()
            self.scroll_to_position(*place)
        self._set_line_focus(settings.line_focus)

    @property
    def reading_settings(self) -> ReadingSettings:
        return self._settings

    def set_theme(self, theme: Theme) -> None:
        """Link and secondary-text colours, and the colours of matches (the rest comes
        from the window's palette)."""
        self._theme = theme
        self.document().setDefaultStyleSheet(
            ARTICLE_CSS + THEME_CSS % {"link": theme.link, "secondary_text": theme.secondary_text}
        )
        if self.document().isEmpty():
            self.restyled.emit()
            return
        # Style sheets apply when HTML is set: recolour what is already shown.
        cursor = QtGui.QTextCursor(self.document())
        cursor.beginEditBlock()
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                char = fragment.charFormat()
                colour = None
                if char.isAnchor():
                    colour = theme.link
                elif block.blockFormat().property(_SECONDARY):
                    colour = theme.secondary_text
                if colour:
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(),
                        QtGui.QTextCursor.MoveMode.KeepAnchor,
                    )
                    recoloured = QtGui.QTextCharFormat()
                    recoloured.setForeground(QColor(colour))
                    cursor.mergeCharFormat(recoloured)
                iterator += 1
            block = block.next()
        cursor.endEditBlock()
        self.viewport().update()
        self.restyled.emit()

    @property
    def theme(self) -> Theme:
        return self._theme

    def _apply_size(self) -> None:
        """Margins, text, spacing and headings at the current size and settings, in one
        edit block, so the document is laid out once."""
        settings = self._settings
        self._font = QFont(self.document().defaultFont())
        # The family goes on the document's default font, not on the text: code keeps
        # its monospace font, and a size step does not touch the family.
        self._font.setFamilies(
            [settings.font_family] if settings.font_family else self._default_families
        )
        self._font.setPointSizeF(self._base_point_size * self._percent / 100)
        if self.document().isEmpty():  # nothing shown yet: show_html applies it all
            return
        em = self._font.pointSizeF() * self.logicalDpiY() / 72  # pixels
        cursor = QtGui.QTextCursor(self.document())
        cursor.beginEditBlock()
        if self._font.families() != self.document().defaultFont().families():
            self.document().setDefaultFont(self._font)
        self._apply_column(self._font)
        self._fit_pictures()
        # The size goes on the text, in the same edit block as the spacing: the article is
        # laid out once (a new default font would lay it out again after the block).
        cursor.select(QtGui.QTextCursor.SelectionType.Document)
        body = QtGui.QTextCharFormat()
        body.setFontPointSize(self._font.pointSizeF())
        spacing = (settings.letter_spacing, settings.word_spacing)
        if spacing != (0.0, 0.0) or self._spaced_chars:
            # (Left out while there is none: every property on the text costs a little
            # at each size step.)
            body.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            body.setFontLetterSpacing(settings.letter_spacing * em)
            body.setFontWordSpacing(settings.word_spacing * em)
            self._spaced_chars = spacing != (0.0, 0.0)
        cursor.mergeCharFormat(body)
        self._space_blocks(em)
        self._scale_headings(self._font.pointSizeF())
        cursor.endEditBlock()

    def _plan(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int]]:
        """Where the body paragraphs and the headings are, found once per article: the
        runs of neighbouring body paragraphs (first and last block's position) and each
        heading's (position, level), and each picture's block. Formats never move text,
        so the plan holds until the next article (or until the text changes some other
        way)."""
        document = self.document()
        shape = (document.blockCount(), document.characterCount())
        if self._layout_plan is None or shape != self._planned_for:  # (text set some other way)
            self._planned_for = shape
            rule = QtGui.QTextFormat.Property.BlockTrailingHorizontalRulerWidth
            runs: list[tuple[int, int]] = []
            headings: list[tuple[int, int]] = []
            figures: list[int] = []
            run_start = None
            block = document.begin()
            while block.isValid():
                current = block.blockFormat()
                level = current.headingLevel()
                if level:
                    headings.append((block.position(), level))
                if current.hasProperty(_FIGURE):
                    figures.append(block.position())
                # Not the header's byline and details, a list item, the rule under the
                # header, or a picture.
                is_paragraph = not (
                    level
                    or block.textList() is not None
                    or current.hasProperty(rule)
                    or current.hasProperty(_SECONDARY)
                    or current.hasProperty(_FIGURE)
                )
                if is_paragraph and run_start is None:
                    run_start = block.position()
                elif not is_paragraph and run_start is not None:
                    runs.append((run_start, block.previous().position()))
                    run_start = None
                block = block.next()
            if run_start is not None:
                runs.append((run_start, document.lastBlock().position()))
            self._layout_plan = (runs, headings, figures)
        return self._layout_plan

    def _space_blocks(self, em: float) -> None:
        """Line height everywhere; paragraph spacing and alignment on body paragraphs.
        Formats go on runs of neighbouring blocks at once (one call per run, not per
        block): a size step re-spaces the whole article."""
        settings = self._settings
        runs, headings, figures = self._plan()
        proportional = QtGui.QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        cursor = QtGui.QTextCursor(self.document())
        # Line heights are proportional: a size step leaves them as they are.
        if self._spaced_lines != settings.line_spacing:
            text_line = QtGui.QTextBlockFormat()
            text_line.setLineHeight(settings.line_spacing * 100, proportional)
            cursor.select(QtGui.QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(text_line)
            # Headings wrap less and read as one unit: lines closer than the text's.
            heading_line = QtGui.QTextBlockFormat()
            heading_line.setLineHeight(max(1.2, settings.line_spacing * 0.75) * 100, proportional)
            for position, _level in headings:
                cursor.setPosition(position)
                cursor.mergeBlockFormat(heading_line)
            self._spaced_lines = settings.line_spacing
        paragraph = QtGui.QTextBlockFormat()
        paragraph.setBottomMargin(settings.paragraph_spacing * em)
        paragraph.setAlignment(
            Qt.AlignmentFlag.AlignJustify
            if settings.text_align == "justify"
            else Qt.AlignmentFlag.AlignLeft
        )
        keep = QtGui.QTextCursor.MoveMode.KeepAnchor
        for first, last in runs:
            cursor.setPosition(first)
            cursor.setPosition(last, keep)
            cursor.mergeBlockFormat(paragraph)
        # A picture and its caption: centred, lines close, the paragraph's space after.
        figure = QtGui.QTextBlockFormat()
        figure.setLineHeight(100, proportional)
        figure.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        figure.setBottomMargin(settings.paragraph_spacing * em)
        for position in figures:
            cursor.setPosition(position)
            cursor.mergeBlockFormat(figure)

    def point_size(self) -> float:
        """The size the body text is rendered at (read from the text, not from a setting)."""
        block = self.document().lastBlock()
        fragment = block.begin().fragment() if block.isValid() else None
        if fragment is None or not fragment.isValid():
            return self._font.pointSizeF()
        # What the text sets, over what it inherits from the document's default font.
        return fragment.charFormat().font().resolve(self.document().defaultFont()).pointSizeF()

    def _scale_headings(self, body: float) -> None:
        """Headings a step above the text, and closer to it as the text grows; and never
        so large that their longest word is wider than the column (it would be broken
        inside), though not below the text's own size."""
        shrink = min(1.0, 150 / max(self._percent, 1))
        document = self.document()
        frame = document.rootFrame().frameFormat()
        room = self.viewport().width() - frame.leftMargin() - frame.rightMargin() - 2
        adjustment = QtGui.QTextFormat.Property.FontSizeAdjustment
        for position, level in self._plan()[1]:
            block = document.findBlock(position)
            factor = 1 + (HEADING_SCALE.get(level, 1.0) - 1) * shrink
            now = block.begin().fragment().charFormat()
            char = QtGui.QTextCharFormat(now)
            # Qt's own heading size is an adjustment that would win over a point size.
            char.clearProperty(adjustment)
            char.setFontPointSize(body * factor)
            words = block.text().split()
            longest = max(words, key=len, default="")
            for _ in range(4):  # (widths are not quite proportional to the size)
                if char.fontPointSize() <= body or room <= 0:
                    break
                # Measured in the reading font (the heading's own format leaves it out).
                metrics = QtGui.QFontMetricsF(char.font().resolve(self._font))
                if len(longest) * metrics.maxWidth() <= room:
                    break  # (surely fits: no word need be measured)
                widest = max(metrics.horizontalAdvance(word) for word in words)
                if widest <= room:
                    break
                char.setFontPointSize(max(body, char.fontPointSize() * room / widest * 0.99))
            if char.fontPointSize() == now.fontPointSize() and not now.hasProperty(adjustment):
                continue  # (as it is: a resize that changes nothing lays nothing out)
            cursor = QtGui.QTextCursor(block)
            cursor.movePosition(
                QtGui.QTextCursor.MoveOperation.EndOfBlock, QtGui.QTextCursor.MoveMode.KeepAnchor
            )
            cursor.setCharFormat(char)

    # -- highlights (search results, find in article) --------------------------------------

    def find_ranges(self, match) -> list[tuple[int, int]]:
        """Document positions of what ``match(block_text)`` finds in each block."""
        ranges = []
        block = self.document().begin()
        while block.isValid():
            base = block.position()
            ranges.extend((base + a, base + b) for a, b in match(block.text()))
            block = block.next()
        return ranges

    def set_highlights(self, ranges: list[tuple[int, int]], current: int | None = None) -> None:
        """Mark every range; the current one stands out and is scrolled into view."""
        selections = []
        palette = self.palette()
        for index, (start, end) in enumerate(ranges):
            selection = QTextEdit.ExtraSelection()
            cursor = QtGui.QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QtGui.QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            if index == current:
                selection.format.setBackground(palette.highlight())
                selection.format.setForeground(palette.highlightedText())
            else:
                selection.format.setBackground(QColor(self._theme.match))
                selection.format.setForeground(QColor(self._theme.match_text))
            selections.append(selection)
        self._draw(others=selections)
        if current is not None and 0 <= current < len(ranges):
            cursor = QtGui.QTextCursor(self.document())
            cursor.setPosition(ranges[current][0])
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def set_mark_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Draw the reader's highlights: over the sentence read aloud, under the word being
        said and the matches of a search or of Find."""
        for selection in selections:
            selection.format.setProperty(_MARK_LAYER, True)
        self._draw(marks=selections)

    def set_speech_selections(
        self,
        under: list[QTextEdit.ExtraSelection],
        over: list[QTextEdit.ExtraSelection],
        place: tuple[int, int] | None = None,
    ) -> None:
        """Draw what is read aloud: ``under`` (the sentence) beneath the reader's
        highlights, so they stay visible in it, and ``over`` (the word being said) above
        them; both beneath the matches of a search or of Find. ``place`` is the sentence
        being read (start, end), marked or not: line focus follows it."""
        for selection in under:
            selection.format.setProperty(_SPEECH_UNDER, True)
        for selection in over:
            selection.format.setProperty(_SPEECH_OVER, True)
        self._draw(under=under, over=over)
        self._set_reading_place(place)

    def _draw(
        self,
        under: list[QTextEdit.ExtraSelection] | None = None,
        marks: list[QTextEdit.ExtraSelection] | None = None,
        over: list[QTextEdit.ExtraSelection] | None = None,
        others: list[QTextEdit.ExtraSelection] | None = None,
    ) -> None:
        """Set the extra selections in their layers, bottom up (each later one is drawn
        over the earlier): the sentence read aloud, the reader's highlights, the word read
        aloud, the rest (matches; where a move landed). A layer not given is kept."""
        drawn = self.extraSelections()
        layers = []
        for layer, given in zip(_LAYERS, (under, marks, over), strict=True):
            layers += (
                given if given is not None else [s for s in drawn if s.format.hasProperty(layer)]
            )
        if others is None:
            others = [s for s in drawn if not any(s.format.hasProperty(p) for p in _LAYERS)]
        self.setExtraSelections(layers + others)

    # -- line focus ----------------------------------------------------------------------

    def _set_line_focus(self, lines: int) -> None:
        if self._line_focus is None:
            if not lines:
                return
            from reader.ui.reading.line_focus import LineFocus

            self._line_focus = LineFocus(self)
            self.cursorPositionChanged.connect(self._line_focus_moved)
            self.verticalScrollBar().valueChanged.connect(self._line_focus_scrolled)
        self._line_focus.lines = lines
        self._line_focus.reading = self._reading_place
        self.viewport().update()

    @property
    def line_focus(self) -> LineFocus | None:
        """Where line focus puts its band (None until it is first turned on)."""
        return self._line_focus

    def _set_reading_place(self, place: tuple[int, int] | None) -> None:
        """The band goes to the place being read aloud while there is one."""
        self._reading_place = place
        focus = self._line_focus
        if focus is not None and place != focus.reading:
            focus.reading = place
            if focus.lines:
                self.viewport().update()

    def _line_focus_moved(self) -> None:
        # The band moves with the cursor: the whole viewport is painted again (Qt paints
        # only the old and the new cursor's lines).
        if self._line_focus is not None and self._line_focus.lines:
            self.viewport().update()

    def _line_focus_scrolled(self) -> None:
        # Qt moves what is painted along and paints only the strip uncovered: right for a
        # band on the text, wrong for one that stays on the first lines in view.
        if self._line_focus is not None and self._line_focus.lines and self._line_focus.scrolled():
            self.viewport().update()

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        super().paintEvent(event)
        if self._line_focus is not None and self._line_focus.lines:
            self._line_focus.paint(self._theme, event.rect())

    # -- the reader's place --------------------------------------------------------------

    def top_position(self) -> tuple[int, float]:
        """The block at the top of the view and how far into it (0..1) the view starts."""
        y = self.verticalScrollBar().value()
        layout = self.document().documentLayout()
        block = self.document().begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.bottom() > y:
                height = rect.height() or 1.0
                return block.blockNumber(), max(0.0, min(1.0, (y - rect.top()) / height))
            block = block.next()
        return max(0, self.document().blockCount() - 1), 0.0

    def scroll_to_position(self, block_number: int, fraction: float = 0.0) -> None:
        block = self.document().findBlockByNumber(block_number)
        if not block.isValid():
            return
        layout = self.document().documentLayout()
        rect = layout.blockBoundingRect(block)  # lays the document out up to the block
        self.verticalScrollBar().setValue(round(rect.top() + fraction * rect.height()))

    # -- layout --------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        if self.document().isEmpty():
            super().resizeEvent(event)
            return
        place = self.top_position()
        super().resizeEvent(event)
        cursor = QtGui.QTextCursor(self.document())
        cursor.beginEditBlock()
        self._apply_column(self._font)
        self._fit_pictures()
        if event.size().width() != event.oldSize().width():
            self._scale_headings(self._font.pointSizeF())  # (to the new column's width)
        cursor.endEditBlock()
        self.scroll_to_position(*place)

    def _apply_column(self, font: QFont | None = None) -> None:
        """Centre a column of the chosen number of characters; narrower windows wrap."""
        metrics = QtGui.QFontMetricsF(font or self.document().defaultFont())
        width = self.viewport().width()
        minimum = max(12.0, metrics.averageCharWidth() * 1.5)
        characters = self._settings.column_characters
        # Letter and word spacing widen the text: the column widens with them.
        em = metrics.height()
        per_character = (
            metrics.averageCharWidth()
            + self._settings.letter_spacing * em
            + self._settings.word_spacing * em / 6
        )
        column = per_character * characters if characters else width
        side = max(minimum, (width - column) / 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if abs(frame.leftMargin() - side) < 0.5 and frame.topMargin() == minimum:
            return
        frame = QtGui.QTextFrameFormat(frame)
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        frame.setTopMargin(minimum)
        frame.setBottomMargin(minimum * 2)
        root.setFrameFormat(frame)

    # -- input ---------------------------------------------------------------------------

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        event.accept()
        self._wheel_delta += event.angleDelta().y()
        if abs(self._wheel_delta) < WHEEL_NOTCH:
            return
        direction = 1 if self._wheel_delta > 0 else -1
        self._wheel_delta = 0
        now = self._clock()
        if now - self._last_wheel_step >= WHEEL_STEP_INTERVAL:
            self._last_wheel_step = now
            self.zoom_step.emit(direction)

    @property
    def has_text_cursor(self) -> bool:
        return bool(self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)

    def set_text_cursor(self, on: bool) -> None:
        """A text cursor the arrow keys move (caret browsing: screen readers follow it
        line by line and word by word, and text can be selected from the keyboard), or
        none: then the arrow keys scroll."""
        flags = Qt.TextInteractionFlag.TextBrowserInteraction
        if on:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.setTextInteractionFlags(flags)
        if on:
            self.cursor_to_top()

    def cursor_to_top(self) -> None:
        """The text cursor to the first line in view (after paging, the arrow keys go on
        from what is shown, not from where the cursor was left)."""
        if self.has_text_cursor:
            bar = self.verticalScrollBar()
            shown = bar.value()
            self.setTextCursor(self.cursorForPosition(QtCore.QPoint(0, 0)))
            bar.setValue(shown)  # (a line cut off at the top would scroll it into view)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Space and not mods & ~Qt.KeyboardModifier.ShiftModifier:
            step = -bar.pageStep() if mods & Qt.KeyboardModifier.ShiftModifier else bar.pageStep()
            bar.setValue(bar.value() + step)
            self.cursor_to_top()
        # Home and End go to the article's top and end; with the text cursor they are the
        # line's, as in any text (Ctrl+Home and Ctrl+End then go to the top and the end).
        elif key == Qt.Key.Key_Home and not mods and not self.has_text_cursor:
            bar.setValue(bar.minimum())
        elif key == Qt.Key.Key_End and not mods and not self.has_text_cursor:
            bar.setValue(bar.maximum())
        elif (
            key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and not mods
            and not self.has_text_cursor
            and self._line_focus is not None
            and self._line_focus.lines
        ):
            self._move_line_focus(1 if key == Qt.Key.Key_Down else -1)
        else:
            super().keyPressEvent(event)
            if self._line_focus is not None and self._line_focus.lines and self.has_text_cursor:
                self._line_focus.keep_in_view()

    def _move_line_focus(self, direction: int) -> None:
        """Without a text cursor the arrow keys move line focus's band a line (they would
        scroll): the hidden cursor goes there, so Read Aloud starts from it too."""
        from reader.ui.reading.line_focus import line_at

        focus = self._line_focus
        assert focus is not None
        cursor = self.textCursor()
        around = focus.focus()
        if (
            around is not None
            and focus.reading is None
            and around[0] != line_at(self.document(), cursor.position())
        ):  # (scrolled away from the cursor: from the band, on the first lines in view)
            block, index = around[0]
            cursor.setPosition(block.position() + block.layout().lineAt(index).textStart())
        cursor.clearSelection()
        cursor.movePosition(
            QtGui.QTextCursor.MoveOperation.Down
            if direction > 0
            else QtGui.QTextCursor.MoveOperation.Up
        )
        self.setTextCursor(cursor)
        focus.keep_in_view()


_accessibility_installed = False


def install_accessibility() -> None:
    """Give screen readers the article as a document (headings, links, lists, quotes,
    pictures), once per process: Qt asks the factory for every widget's accessible
    interface, and it answers only for the article view (see article_accessible.py)."""
    global _accessibility_installed
    if not _accessibility_installed:
        _accessibility_installed = True
        QtGui.QAccessible.installFactory(_accessible_factory)


def _accessible_factory(key: str, widget: QtCore.QObject):
    if key != "ArticleView":  # (asked for every object a screen reader looks at: fast)
        return None
    from reader.ui.reading.article_accessible import article_interface

    return article_interface(widget)
