"""The reading side of the window: the article, and under it the Find bar once wanted."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.ui.common import format_date
from reader.ui.reading.article_view import ArticleView

if TYPE_CHECKING:
    from reader.core.article import Article
    from reader.core.history import Reading
    from reader.core.render import HeaderLabels
    from reader.ui.reading.find_bar import FindBar


class ReadingPane(QWidget):
    def __init__(self, article_view: ArticleView) -> None:
        super().__init__()
        self.article_view = article_view
        self._find_bar: FindBar | None = None  # built when first opened
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(article_view, 1)

    @property
    def find_bar(self) -> FindBar:
        """The Find in Article bar under the article, made the first time it is wanted."""
        if self._find_bar is None:
            from reader.ui.reading.find_bar import FindBar

            bar = self._find_bar = FindBar(self.article_view)
            self._layout.addWidget(bar)
            # Made last, it would come last in the Tab order: it follows the article.
            chain = [
                self.article_view,
                bar.field,
                bar.related,
                bar.previous_button,
                bar.next_button,
                bar.close_button,
            ]
            for first, second in itertools.pairwise(chain):
                QWidget.setTabOrder(first, second)
        return self._find_bar

    def open_find_bar(self) -> FindBar | None:
        """The Find bar if it is open, else None (nothing is built)."""
        if self._find_bar is not None and self._find_bar.isVisible():
            return self._find_bar
        return None

    def show_article(
        self,
        article: Article,
        reading: Reading | None,
        pictures: Mapping[str, tuple[int, int]] | None = None,
    ) -> None:
        """Render ``article`` (with ``pictures``, the width and height of each picture the
        library keeps for it) and go to the place ``reading`` stopped at (if any)."""
        from reader.core.render import article_html

        view = self.article_view
        view.show_html(
            article_html(
                article,
                lambda iso: format_date(iso, long=True),
                self.header_labels(),
                pictures,
            )
        )
        if reading is not None:
            view.scroll_to_position(reading.block, reading.block_fraction)
            view.cursor_to_top()  # (the text cursor, if on, starts there)
        find_bar = self.open_find_bar()
        if find_bar is not None:
            find_bar.refresh()

    def set_base_size(self, points: float | None, percent: int) -> None:
        """What 100 % text stands for: ``points``, or when the reader chose none a
        comfortable reading size derived from the interface font."""
        if not points:
            interface = self.font().pointSizeF()
            points = round(max(11.0, interface * 1.25), 1) if interface > 0 else 12.0
        self.article_view.set_base_point_size(points, percent)

    def header_labels(self) -> HeaderLabels:
        """The words of the article's header (views, reading time, pictures), translated."""
        from reader.core.render import HeaderLabels

        locale = QLocale()
        return HeaderLabels(
            by=lambda authors: authors,
            views=lambda n: self.tr("%1 views").replace("%1", locale.toString(n)),
            minutes=lambda n: self.tr("%1 min read").replace("%1", str(n)),
            image=lambda alt: (
                self.tr("[Image: %1]").replace("%1", alt) if alt else self.tr("[Image]")
            ),
        )
