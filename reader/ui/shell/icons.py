"""Icons for the window's actions, drawn from qtawesome's icon fonts in the theme's colours.

Design:
- Nothing here costs the first paint. qtawesome (with qtpy under it) takes about 150 ms
  to import, so the window asks for icons only once it has painted the list and the
  article (``MainWindow._load_extras``), and the work is cut into steps run one per turn
  of the event loop: no step holds the loop for long, and a key pressed meanwhile is
  answered between two steps (the longest, qtpy's QtGui, about 50-90 ms here). Importing
  in a thread would hold the loop less, but PySide6 makes its Python types lazily and
  not safely from two threads at once (the reading tracker's application-wide event
  filter makes types on the main thread at any moment), so the steps stay on it.
- One font, not twelve: ``qtawesome.icon`` loads every font qtawesome has (85 ms and
  20 MB here); the one we draw from alone takes 25 ms and 10 MB (``_one_font``).
- Until the icons come, the toolbar buttons that will show one hold an empty icon of the
  same size (``reserve``), so nothing on the toolbar moves when they arrive.
- The icons are glyphs of a font, drawn at the size asked for: crisp at any interface
  font size. Each is drawn in the palette's colours, which the theme sets
  (reader.core.themes checks their contrast): window text when shown, highlighted text
  on a selected menu item (Qt draws it in the "active" mode), the disabled text colour
  when disabled. A theme change reaches the window as a palette change and the icons are
  drawn again.
- An icon never replaces a name: the actions keep their words, the buttons their
  accessible names and tooltips. Without qtawesome (or with a broken font) the window
  keeps its words alone; the reason goes to the log.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QToolBar, QToolButton, QWidget

from reader.ui.reading.read_aloud import PLAYING, ReadAloud

log = logging.getLogger(__name__)

# What each icon means, and the glyph that shows it (Material Design Icons 6, in qtawesome).
GLYPHS: dict[str, str] = {
    "import_files": "mdi6.file-import-outline",
    "import_folder": "mdi6.folder-download-outline",
    "remove": "mdi6.delete-outline",
    "search": "mdi6.magnify",
    "find": "mdi6.text-search",
    "read_aloud": "mdi6.play",
    "pause_reading": "mdi6.pause",
    "stop_reading": "mdi6.stop",
    "settings": "mdi6.cog-outline",
    "continue_reading": "mdi6.book-open-page-variant-outline",
    "history": "mdi6.history",
    "clear_history": "mdi6.delete-sweep-outline",
    "shortcuts": "mdi6.keyboard-outline",
    "about": "mdi6.information-outline",
}

# The modules qtawesome imports, in the order it needs them: imported one per step, so
# that no single step holds the event loop for the whole 150 ms.
_IMPORT_STEPS = ("qtpy.QtCore", "qtpy.QtGui", "qtpy.QtWidgets", "qtawesome")


def icon_size_for(widget: QWidget) -> QSize:
    """The toolbar's icon size: Qt's usual 24 pixels at an ordinary interface font, and
    growing with the font (an icon next to 40-pixel text is drawn as large as that)."""
    side = max(24, round(widget.fontMetrics().height() * 1.5))
    return QSize(side, side)


def menu_icon_style() -> QStyle:
    """Fusion, with a menu's icons as tall as its line of text (Qt draws them 16 pixels
    at any font size: a speck beside 40-pixel words). Set on the menus only, with the
    icons (a style written in Python is asked for every measure of what it draws); made
    then, as Qt's proxy style class costs 9 ms to load."""
    from PySide6.QtWidgets import QProxyStyle, QStyleFactory, QStyleOption

    class MenuIconStyle(QProxyStyle):
        def pixelMetric(
            self,
            metric: QStyle.PixelMetric,
            option: QStyleOption | None = None,
            widget: QWidget | None = None,
        ) -> int:
            if metric == QStyle.PixelMetric.PM_SmallIconSize and widget is not None:
                return max(16, widget.fontMetrics().height())
            return super().pixelMetric(metric, option, widget)

    return MenuIconStyle(QStyleFactory.create("Fusion"))


def colours() -> dict[str, str]:
    """The icon colours for each mode, from the application's palette (the theme's)."""
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    selected = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    return {
        "color": normal,
        "color_active": selected,  # a selected menu item, on the highlight colour
        "color_selected": selected,
        "color_disabled": disabled,
    }


class ActionIcons(QObject):
    """The icons of the window's actions: given after the first paint, drawn again when
    the palette changes."""

    drawn = Signal()  # the icons are on their actions (after loading, after a theme change)
    failed = Signal(str)  # qtawesome could not be used: the actions keep their words alone

    def __init__(self, toolbar: QToolBar, menus: QWidget) -> None:
        super().__init__(toolbar)
        # The toolbar's palette changes tell of a new theme. (Its icon size is set once:
        # a window drawn with a style sheet keeps the interface font it was made with.)
        self._toolbar = toolbar
        self._menus = menus  # the menu bar: its menus get MenuIconStyle with the icons
        self._menu_style: QStyle | None = None
        self.labels = ToolbarLabels(toolbar)
        toolbar.setIconSize(icon_size_for(toolbar))
        self._glyph_of: dict[QAction, Callable[[], str]] = {}
        self._qta: Any = None  # what draws: the one font, or qtawesome itself
        self.source = ""  # which of the two, said in words
        self._drawn_with: dict[str, str] | None = None
        self._steps: list[Callable[[], None]] = []
        self.failure = ""

    @property
    def loaded(self) -> bool:
        return self._qta is not None

    def assign(self, action: QAction, key: str | Callable[[], str]) -> None:
        """Give ``action`` the icon ``key`` (a key of GLYPHS, or a function that says
        which one, asked again by ``update``)."""
        self._glyph_of[action] = key if callable(key) else (lambda key=key: key)
        if self.loaded:
            self._draw(action, colours())

    def reserve(self, action: QAction, size: QSize) -> None:
        """Hold the room of an icon of ``size`` on ``action``'s buttons until it comes."""
        if action.icon().isNull():
            blank = QPixmap(size)
            blank.fill(Qt.GlobalColor.transparent)
            action.setIcon(QIcon(blank))

    def update(self, action: QAction) -> None:
        """Draw ``action``'s icon again (its key may have changed: play, pause)."""
        if self.loaded and action in self._glyph_of:
            self._draw(action, colours())

    def icon(self, key: str) -> QIcon | None:
        """The icon ``key`` in the present colours; None before the icons are loaded."""
        if self._qta is None:
            return None
        return self._qta.icon(GLYPHS[key], **colours())

    # -- loading -------------------------------------------------------------------------

    def load(self) -> None:
        """Start loading (once): one step per turn of the event loop, then the icons."""
        if self.loaded or self._steps:
            return
        self._steps = [
            *(lambda name=name: importlib.import_module(name) for name in _IMPORT_STEPS),
            self._load_fonts,
            self._draw_all,
        ]
        QTimer.singleShot(0, self, self._next_step)

    def load_now(self) -> bool:
        """Load at once (for tools that render offscreen); True when the icons are on."""
        self.load()
        while self._steps:
            self._next_step(schedule=False)
        return self.loaded

    def _next_step(self, schedule: bool = True) -> None:
        if not self._steps:
            return
        step = self._steps.pop(0)
        try:
            step()
        except Exception as error:  # an import or a font that fails: words alone
            self._give_up(error)
            return
        if self._steps and schedule:
            QTimer.singleShot(0, self, self._next_step)

    def _load_fonts(self) -> None:
        import qtawesome

        font = _one_font(qtawesome)
        if font is None:  # (its files named otherwise: all its fonts, as it loads them)
            qtawesome.icon(GLYPHS["read_aloud"])
            self._qta, self.source = qtawesome, "all of qtawesome's fonts"
        else:
            font.icon(GLYPHS["read_aloud"])  # (a wrong name fails here, not later)
            self._qta, self.source = font, "Material Design Icons 6 alone"
        from PySide6.QtWidgets import QMenu

        # (Made after the menus, and owned by their window: it outlives them.)
        self._menu_style = menu_icon_style()
        self._menu_style.setParent(self._menus.window())
        for menu in self._menus.findChildren(QMenu):
            menu.setStyle(self._menu_style)
        self._toolbar.installEventFilter(self)  # (for palette changes, from now on)

    def _give_up(self, error: Exception) -> None:
        self._steps.clear()
        self._qta = None
        self.failure = f"{type(error).__name__}: {error}"
        log.warning("the icons could not be loaded, the window shows words only: %s", error)
        for action in self._glyph_of:
            action.setIcon(QIcon())
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.failed.emit(self.failure)

    # -- drawing -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_all()
        return False

    def _draw_all(self) -> None:
        if self._qta is None:
            return
        now = colours()
        if now == self._drawn_with:
            return  # (one theme change can bring several palette changes)
        self._drawn_with = now
        for action in self._glyph_of:
            self._draw(action, now)
        self.labels.start()
        self.drawn.emit()

    def _draw(self, action: QAction, now: dict[str, str]) -> None:
        assert self._qta is not None
        action.setIcon(self._qta.icon(GLYPHS[self._glyph_of[action]()], **now))


# The one font, loaded once for the application (as qtawesome keeps its own): every window
# draws from it, and the font database is not given the same font again for each.
_loaded: dict[str, Any] = {}


def _one_font(qtawesome: Any) -> Any:
    """qtawesome's Material Design Icons 6 alone, as an IconicFont; None when its files
    are not where, or not named as, qtawesome 1.3 and later keep them."""
    from PySide6.QtGui import QFontDatabase

    font = _loaded.get("mdi6")
    if font is not None and QFontDatabase.applicationFontFamilies(font.fontids["mdi6"]):
        return font  # (gone with an application that was closed: loaded again)
    folder, files = qtawesome.get_fonts_info()
    ttf = next((f for f in sorted(files) if f.startswith("materialdesignicons6-webfont-")), None)
    if ttf is None:
        return None
    name, version = ttf.removesuffix(".ttf").rsplit("-", 1)
    charmap = f"{name}-charmap-{version}.json"
    if not (Path(folder) / charmap).is_file():
        return None
    font = _loaded["mdi6"] = qtawesome.IconicFont(("mdi6", ttf, charmap))
    return font


def follow_read_aloud(icons: ActionIcons, speech: ReadAloud) -> None:
    """Play, or pause while reading, on Read Aloud's button and menu item."""
    icons.assign(
        speech.play_action, lambda: "pause_reading" if speech.state == PLAYING else "read_aloud"
    )
    speech.state_changed.connect(lambda _state: icons.update(speech.play_action))


class ToolbarLabels(QObject):
    """Words beside the toolbar's icons while the toolbar has room for all it holds, and
    the icons alone when it has not (a large interface font, a narrow window): more of
    the toolbar stays in view before Qt moves its last items behind the » button. The
    words stay the buttons' names and tooltips, and the menus' items."""

    def __init__(self, toolbar: QToolBar) -> None:
        super().__init__(toolbar)
        self._toolbar = toolbar
        self._started = False
        self._pending = False
        self._ruler: QToolButton | None = None

    def start(self) -> None:
        """Fit from now on (once the icons are there: before, an icon alone is blank)."""
        if not self._started:
            self._started = True
            self._toolbar.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        elif event.type() == QEvent.Type.LayoutRequest and not self._pending:
            # (A wider label, say: measured once the buttons have their new sizes.)
            self._pending = True
            QTimer.singleShot(0, self, self.fit)
        return False

    def fit(self) -> None:
        self._pending = False
        toolbar = self._toolbar
        wide = self.width_with_words()
        style = (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if toolbar.width() >= wide
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        if toolbar.toolButtonStyle() != style:
            toolbar.setToolButtonStyle(style)

    def width_with_words(self) -> int:
        """The toolbar's full width with the words beside its icons (whatever it shows
        now: deciding on this width, not the present one, cannot swing to and fro)."""
        toolbar = self._toolbar
        width = toolbar.layout().sizeHint().width()
        if toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon:
            return width
        if self._ruler is None:
            # Never shown, so measuring with it moves nothing (a button of the toolbar
            # switched to and fro would ask the toolbar to lay out again, and again).
            self._ruler = QToolButton(toolbar)
            self._ruler.setObjectName("toolbarRuler")
            self._ruler.hide()
        ruler = self._ruler
        for button in self._buttons():
            ruler.setFont(button.font())
            ruler.setIconSize(button.iconSize())
            ruler.setIcon(button.icon())
            ruler.setText(button.text())
            ruler.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            alone = ruler.sizeHint().width()
            ruler.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            width += ruler.sizeHint().width() - alone
        return width

    def _buttons(self) -> list[QToolButton]:
        """The buttons the toolbar made for its actions (not those of its widgets)."""
        found = (self._toolbar.widgetForAction(a) for a in self._toolbar.actions())
        return [b for b in found if isinstance(b, QToolButton)]
