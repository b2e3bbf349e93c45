"""Applying a theme to the whole application: palette, focus rings, borders.

The colours come from reader.core.themes (where their contrast is checked); this module
only hands them to Qt. The Fusion style draws every control from the palette, so a theme
looks the same on every platform and keeps its checked contrast.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.themes import SYSTEM, Theme, resolve

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
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.disabled_text))
    # An inactive window keeps its selection visible.
    for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
        palette.setColor(QPalette.ColorGroup.Inactive, role, palette.color(QPalette.ColorGroup.Active, role))
    return palette


def style_sheet(theme: Theme) -> str:
    """Focus rings two pixels wide in the theme's focus colour, and visible edges."""
    # Item views, the article and text fields keep the same frame width focused or not
    # (border + padding), so focusing one never changes its layout. A focused button or
    # tab is drawn from the style sheet and the others by Fusion: the padding and the
    # minimum width give it Fusion's size, so a button laid out while focused (a dialog's
    # first button) or a tab after a theme change is not squeezed against its ring. Qt's
    # own small buttons (a toolbar's "more" arrow, a tab bar's scroll arrows) keep no
    # padding: at a large interface font it would leave no room for their arrows.
    return f"""
QAbstractItemView, QTextBrowser, QLineEdit {{ border: 1px solid {theme.border}; padding: 1px; }}
QAbstractItemView:focus, QTextBrowser:focus, QLineEdit:focus {{
    border: 2px solid {theme.focus}; padding: 0px; }}
QPushButton:focus, QTabBar::tab:focus {{ outline: none; border: 2px solid {theme.focus}; }}
QPushButton:focus {{ padding: 2px 5px; min-width: 66px; }}
QTabBar::tab:focus {{ padding: 4px 10px; }}
QToolButton {{ padding: 3px 6px; border: 1px solid transparent; border-radius: 3px; }}
QToolButton:hover {{ border: 1px solid {theme.border}; }}
QToolButton:focus {{ border: 2px solid {theme.focus}; padding: 2px 5px; }}
QToolButton:checked {{ background: {theme.highlight}; color: {theme.highlighted_text}; }}
QTabBar QToolButton, QToolButton#qt_toolbar_ext_button, QToolButton#qt_menubar_ext_button {{
    padding: 0px; }}
QToolTip {{ color: {theme.tooltip_text}; background: {theme.tooltip_base};
    border: 1px solid {theme.border}; }}
"""


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
    return {"system": QCoreApplication.translate("Themes", "Follow System"),
            "light": QCoreApplication.translate("Themes", "Light"),
            "sepia": QCoreApplication.translate("Themes", "Sepia"),
            "dark": QCoreApplication.translate("Themes", "Dark"),
            "high_contrast": QCoreApplication.translate("Themes", "High Contrast")}
