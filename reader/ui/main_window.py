"""The main window: the library on the left, the article on the right."""

from __future__ import annotations

import html

import markdown
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTextBrowser,
)

from reader import APP_DISPLAY_NAME
from reader.core.library import Library


class MainWindow(QMainWindow):
    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.resize(1100, 750)

        self.article_list = QListWidget()
        self.article_list.setAccessibleName("Library")
        self.article_view = QTextBrowser()
        self.article_view.setAccessibleName("Article")
        self.article_view.setOpenLinks(False)
        self.article_view.anchorClicked.connect(self._open_link)

        splitter = QSplitter()
        splitter.addWidget(self.article_list)
        splitter.addWidget(self.article_view)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)

        quit_action = self.menuBar().addMenu("&File").addAction("&Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        self.article_list.currentItemChanged.connect(self._show_current)
        self.reload()

    def reload(self) -> None:
        self.article_list.clear()
        for summary in self.library.summaries():
            item = QListWidgetItem(summary.title)
            detail = " · ".join(x for x in (summary.source, (summary.published or "")[:10]) if x)
            item.setToolTip(detail)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.article_list.addItem(item)
        if self.article_list.count():
            self.article_list.setCurrentRow(0)
        self.statusBar().showMessage(f"{self.article_list.count()} articles")

    def _show_current(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.article_view.clear()
            return
        article = self.library.get(item.data(Qt.ItemDataRole.UserRole))
        if article is None:
            return
        body = markdown.markdown(article.body, output_format="html")
        title = html.escape(article.title)
        self.article_view.setHtml(f"<h1>{title}</h1>{body}")

    def _open_link(self, url: QUrl) -> None:
        # Links open in the system browser only when clicked; nothing is fetched here.
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
