"""Applying a theme to the whole application: palette, focus rings, borders.

The colours come from reader.core.themes (where their contrast is checked); this module
only hands them to Qt. The Fusion style draws every control from the palette, so a theme
looks the same on every platform and keeps its checked contrast.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader import APP_ID
from reader.core.themes import SYSTEM, Theme, resolve
from reader.paths import resources_dir

_current: Theme | None = None
FUSION_PROPERTY = "reader_fusion"  # set on the application once it draws with Fusion


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def current_theme() -> Theme:
    return _current or resolve(SYSTEM, False)


def palette_for(theme: Theme) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.window_text,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.alternate_base,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.secondary_text,
        QPalette.ColorRole.Button: theme.button,
        QPalette.ColorRole.ButtonText: theme.button_text,
        QPalette.ColorRole.BrightText: theme.text,
        QPalette.ColorRole.Highlight: theme.highlight,
        QPalette.ColorRole.HighlightedText: theme.highlighted_text,
        QPalette.ColorRole.Link: theme.link,
        QPalette.ColorRole.LinkVisited: theme.link,
        QPalette.ColorRole.ToolTipBase: theme.tooltip_base,
        QPalette.ColorRole.ToolTipText: theme.tooltip_text,
        QPalette.ColorRole.Light: theme.button,
        QPalette.ColorRole.Midlight: theme.button,
        QPalette.ColorRole.Mid: theme.border,
        QPalette.ColorRole.Dark: theme.border,
        QPalette.ColorRole.Shadow: theme.border,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.disabled_text))
    # An inactive window keeps its selection visible.
    for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
        palette.setColor(
            QPalette.ColorGroup.Inactive, role, palette.color(QPalette.ColorGroup.Active, role)
        )
    return palette


def style_sheet(theme: Theme) -> str:
    """Focus rings two pixels wide in the theme's focus colour, and visible edges."""
    # Fusion draws the edges of buttons, tabs, boxes and scroll bars a shade darker than
    # the window: on a dark or black window they vanish (a check box is black on black
    # in High Contrast). So those controls are drawn from the style sheet, their edges in
    # the theme's border colour (at least 3:1 against the window, see core.themes).
    # Every control keeps the same outer size focused or not (border + padding), so
    # moving the focus never shifts the layout; buttons and tabs keep Fusion's sizes.
    # Check boxes and arrows grow with the interface font. Qt's own small buttons (a
    # toolbar's "more" arrow, a tab bar's scroll arrows) keep no padding: at a large
    # interface font it would leave no room for their arrows.
    check = picture("check", theme.highlighted_text)
    down, up = picture("arrow-down", theme.button_text), picture("arrow-up", theme.button_text)
    more = picture("chevrons", theme.window_text)
    # Disabled controls lose their fill and get dashed edges, not only a paler text.
    return f"""
QAbstractItemView, QTextBrowser, QLineEdit {{ border: 1px solid {theme.border}; padding: 1px; }}
QAbstractItemView:focus, QTextBrowser:focus, QLineEdit:focus {{
    border: 2px solid {theme.focus}; padding: 0px; }}
QPushButton {{ border: 1px solid {theme.border}; border-radius: 3px; padding: 3px 6px;
    min-width: 66px; background: {theme.button}; color: {theme.button_text}; }}
QPushButton:default {{ border-color: {theme.text}; }}
QPushButton:hover {{ border-color: {theme.text}; }}
QPushButton:pressed, QPushButton:checked {{
    background: {theme.highlight}; color: {theme.highlighted_text}; }}
QPushButton:disabled {{
    color: {theme.disabled_text}; background: {theme.window}; border-style: dashed; }}
QPushButton:focus {{ border: 2px solid {theme.focus}; padding: 2px 5px; }}
QTabBar::tab {{ border: 1px solid {theme.border}; border-top-left-radius: 3px;
    border-top-right-radius: 3px; padding: 4px 11px; margin-right: 1px;
    background: {theme.button}; color: {theme.button_text}; }}
QTabBar::tab:selected {{ background: {theme.window}; color: {theme.window_text};
    border-bottom: 3px solid {theme.highlight}; padding-bottom: 2px; }}
QTabBar::tab:hover {{ border-color: {theme.text}; }}
QTabBar::tab:focus {{ border: 2px solid {theme.focus}; padding: 3px 10px; }}
QTabWidget::pane {{ border: 1px solid {theme.border}; }}
QComboBox, QAbstractSpinBox {{ border: 1px solid {theme.border}; border-radius: 3px;
    padding: 2px 4px; background: {theme.button}; color: {theme.button_text}; }}
QComboBox:editable, QAbstractSpinBox {{ background: {theme.base}; color: {theme.text}; }}
QComboBox:hover, QAbstractSpinBox:hover {{ border-color: {theme.text}; }}
QComboBox:focus, QAbstractSpinBox:focus {{ border: 2px solid {theme.focus}; padding: 1px 3px; }}
QComboBox:disabled, QAbstractSpinBox:disabled {{ color: {theme.disabled_text};
    background: {theme.window}; border-style: dashed; }}
QComboBox QAbstractItemView {{ background: {theme.base}; color: {theme.text};
    selection-background-color: {theme.highlight}; selection-color: {theme.highlighted_text}; }}
QComboBox::item:selected {{ background: {theme.highlight}; color: {theme.highlighted_text}; }}
QComboBox::drop-down, QDateEdit::drop-down {{ border: none; width: 1.3em; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ border: none; width: 1.2em; }}
QComboBox::down-arrow, QAbstractSpinBox::down-arrow {{
    image: url("{down}"); width: 0.6em; height: 0.6em; }}
QAbstractSpinBox::up-arrow {{ image: url("{up}"); width: 0.6em; height: 0.6em; }}
QCalendarWidget QAbstractItemView {{ border: none; padding: 0px; }}
QCalendarWidget QToolButton {{ padding: 0px 4px; }}
QGroupBox {{
    border: 1px solid {theme.border}; border-radius: 3px; margin-top: 1.4em; padding-top: 0.3em; }}
QGroupBox::title {{ subcontrol-origin: margin; subcontrol-position: top left; padding: 0px 2px; }}
QCheckBox {{ border: 2px solid transparent; border-radius: 3px; padding: 1px; }}
QCheckBox:focus {{ border-color: {theme.focus}; }}
QCheckBox::indicator {{ width: 0.8em; height: 0.8em; border: 2px solid {theme.border};
    border-radius: 2px; background: {theme.base}; }}
QCheckBox::indicator:checked {{ background: {theme.highlight}; border-color: {theme.highlight};
    image: url("{check}"); }}
QCheckBox::indicator:disabled {{ background: {theme.window}; border-style: dashed; }}
QCheckBox:disabled {{ color: {theme.disabled_text}; }}
QScrollBar:vertical {{ background: {theme.window}; width: 14px; margin: 0px;
    border: none; border-left: 1px solid {theme.border}; }}
QScrollBar:horizontal {{ background: {theme.window}; height: 14px; margin: 0px;
    border: none; border-top: 1px solid {theme.border}; }}
QScrollBar::handle {{ background: {theme.border}; border-radius: 4px; margin: 2px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {theme.secondary_text}; }}
QScrollBar::handle:vertical {{ min-height: 32px; }}
QScrollBar::handle:horizontal {{ min-width: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QToolButton {{ padding: 3px 6px; border: 1px solid transparent; border-radius: 3px; }}
QToolButton:hover {{ border: 1px solid {theme.border}; }}
QToolButton:focus {{ border: 2px solid {theme.focus}; padding: 2px 5px; }}
QToolButton:checked {{ background: {theme.highlight}; color: {theme.highlighted_text}; }}
QTabBar QToolButton, QToolButton#qt_toolbar_ext_button, QToolButton#qt_menubar_ext_button {{
    padding: 0px; }}
QToolButton#qt_toolbar_ext_button, QToolButton#qt_menubar_ext_button {{
    qproperty-icon: url("{more}"); }}
QToolBar::separator {{ background: {theme.border}; width: 1px; height: 1px; margin: 4px; }}
QMenu::separator {{ background: {theme.border}; height: 1px; margin: 4px 8px; }}
QToolTip {{ color: {theme.tooltip_text}; background: {theme.tooltip_base};
    border: 1px solid {theme.tooltip_text}; padding: 2px 4px; }}
"""


def picture(name: str, colour: str) -> str:
    """The path of a small picture for the style sheet (a check mark, an arrow), in white
    or black, whichever ``colour`` (the colour it stands for) is closer to."""
    from reader.core.themes import luminance
    from reader.paths import resources_dir

    shade = "light" if luminance(colour) > 0.5 else "dark"
    return (resources_dir() / "icons" / f"{name}-{shade}.svg").as_posix()


def apply_theme(theme: Theme, app: QApplication | None = None) -> None:
    global _current
    app = app or QApplication.instance()
    if not app.property(FUSION_PROPERTY):
        # (Once: with a style sheet set, style() is a wrapper that hides the name.)
        app.setStyle("Fusion")
        app.setProperty(FUSION_PROPERTY, True)
    app.setPalette(palette_for(theme))
    sheet = style_sheet(theme)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    _current = theme


def theme_for_preference(key: str) -> Theme:
    return resolve(key, system_is_dark())


def theme_names() -> dict[str, str]:
    return {
        "system": QCoreApplication.translate("Themes", "Follow System"),
        "light": QCoreApplication.translate("Themes", "Light"),
        "sepia": QCoreApplication.translate("Themes", "Sepia"),
        "dark": QCoreApplication.translate("Themes", "Dark"),
        "high_contrast": QCoreApplication.translate("Themes", "High Contrast"),
    }


def set_window_icon(app) -> None:
    """The app's icon for its windows (set after the first paint: finding the files costs
    a few milliseconds, and the window manager takes a later icon as well)."""
    from PySide6.QtGui import QIcon

    icons = resources_dir() / "icons"
    icon = QIcon(str(icons / "article-reader.svg"))
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    app.setWindowIcon(icon)
