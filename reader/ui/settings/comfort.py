"""Reading comfort in the window: the theme (and following the system's), the reading
settings dialog and its presets. Changes are kept in the preferences and announced."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from reader.core.preferences import Preferences
from reader.core.reading_settings import PRESETS, ReadingSettings
from reader.core.themes import SYSTEM, THEME_CHOICES
from reader.ui.reading.article_view import ArticleView
from reader.ui.reading.read_aloud import ReadAloud, highlight_names
from reader.ui.reading.text_size import TextSize
from reader.ui.settings.line_focus_menu import LineFocusMenu
from reader.ui.shell import appearance


def preset_texts() -> dict[str, tuple[str, str]]:
    """Each preset's name and what it does, in the interface language, by its key in
    PRESETS (which holds what it sets): for the dialog's buttons and the announcement."""
    return {
        "default": (
            QCoreApplication.translate("Presets", "Default"),
            QCoreApplication.translate("Presets", "The reading settings the app starts with."),
        ),
        "low_vision": (
            QCoreApplication.translate("Presets", "Low Vision"),
            QCoreApplication.translate(
                "Presets", "Large text, high contrast, generous spacing and a wide column."
            ),
        ),
        "dyslexia": (
            QCoreApplication.translate("Presets", "Dyslexia-Friendly"),
            QCoreApplication.translate(
                "Presets",
                "Left aligned, shorter lines, more space between letters, "
                "words and lines, on a calm sepia page, with line focus on three lines.",
            ),
        ),
    }


class Comfort(QObject):
    def __init__(
        self,
        window: QWidget,
        preferences: Preferences,
        view: ArticleView,
        text_size: TextSize,
        announce: Callable[[str], None],
        language: Callable[[], str | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._prefs = preferences
        self._view = view
        self._text_size = text_size
        self._announce = announce
        self._language = language
        self._dialog = None
        self._read_aloud: ReadAloud | None = None
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        names = appearance.theme_names()
        for key in THEME_CHOICES:
            action = QAction(names[key], self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            self.theme_group.addAction(action)
            self.theme_actions[key] = action
        self.theme_actions[preferences.get("theme")].setChecked(True)
        self.next_theme_action = QAction(self.tr("Next &Theme"), self)
        self.next_theme_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.next_theme_action.triggered.connect(self.next_theme)
        self.settings_action = QAction(self.tr("&Reading Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.show_settings)
        self.line_focus = LineFocusMenu(preferences.get("line_focus"), self)
        self.line_focus.chosen.connect(self.set_line_focus)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)

    def actions(self) -> list[QAction]:
        return [
            self.next_theme_action,
            self.settings_action,
            *self.theme_actions.values(),
            *self.line_focus.actions(),
        ]

    def fill_menu(self, menu: QMenu) -> None:
        themes = menu.addMenu(self.tr("T&heme"))
        for action in self.theme_actions.values():
            themes.addAction(action)
        themes.addSeparator()
        themes.addAction(self.next_theme_action)
        self.line_focus.fill_menu(menu.addMenu(self.tr("Line &Focus")))
        menu.addAction(self.settings_action)

    # -- applying ------------------------------------------------------------------------

    def apply_saved(self) -> None:
        """The theme and reading settings from the preferences, at start (the window
        applied the theme to the application before making its widgets)."""
        self._view.set_theme(appearance.current_theme())
        self._view.set_reading_settings(ReadingSettings.from_preferences(self._prefs))

    def _apply_theme(self, key: str) -> None:
        theme = appearance.theme_for_preference(key)
        appearance.apply_theme(theme)
        self._view.set_theme(theme)
        if self._dialog is not None:
            self._dialog.preview.set_theme(theme)

    def set_theme(self, key: str) -> None:
        self._prefs.set("theme", key)
        self.theme_actions[key].setChecked(True)
        self._apply_theme(key)
        if self._dialog is not None:
            self._dialog.show_settings(self._dialog.settings(), key)
        self._announce(
            self.tr("Theme: %1").replace("%1", self.theme_actions[key].text().replace("&", ""))
        )

    def next_theme(self) -> None:
        keys = list(THEME_CHOICES)
        self.set_theme(keys[(keys.index(self._prefs.get("theme")) + 1) % len(keys)])

    def _system_scheme_changed(self, *_: object) -> None:
        if self._prefs.get("theme") == SYSTEM:
            self._apply_theme(SYSTEM)

    def set_reading_settings(self, settings: ReadingSettings) -> None:
        self._prefs.update(settings.as_preferences())
        self._view.set_reading_settings(settings)
        self.line_focus.show_lines(settings.line_focus)

    def set_line_focus(self, lines: int) -> None:
        """Line focus on (1, 3 or 5 lines) or off (0), from the menu or its key: kept,
        shown in the dialog if it is open, and said."""
        settings = ReadingSettings.from_preferences(self._prefs).with_(line_focus=lines)
        self.set_reading_settings(settings)
        if self._dialog is not None:
            self._dialog.show_settings(settings, self._prefs.get("theme"))
        self._announce(self.line_focus.announcement(lines))

    def apply_preset(self, key: str) -> None:
        preset = PRESETS[key]
        values = dict(preset.values)
        theme = values.pop("theme", None)
        percent = values.pop("text_size_percent", None)
        settings = ReadingSettings.from_preferences(self._prefs).with_(**values)
        self.set_reading_settings(settings)
        if theme is not None:
            self._prefs.set("theme", theme)
            self.theme_actions[theme].setChecked(True)
            self._apply_theme(theme)
        if percent is not None:
            self._text_size.set_default_percent(percent)
        if self._dialog is not None:
            self._dialog.show_settings(settings, self._prefs.get("theme"))
            self._dialog.set_preview_size(self._view.base_point_size, self._text_size.percent)
        name = preset_texts()[key][0]
        self._announce(self.tr("Reading settings: %1").replace("%1", name))

    def set_interface_language(self, language: str) -> None:
        self._prefs.set("interface_language", language)
        self._announce(self.tr("The interface language changes when the app starts again."))

    # -- what Read Aloud highlights -------------------------------------------------------

    def attach_read_aloud(self, read_aloud: ReadAloud) -> None:
        """Read Aloud highlights what the preferences say; a choice made in its menu or in
        Reading Settings is kept and announced."""
        self._read_aloud = read_aloud
        read_aloud.set_highlight(self._prefs.get("read_aloud_highlight"))
        read_aloud.highlight_changed.connect(self._read_aloud_highlight_changed)

    def set_read_aloud_highlight(self, choice: str) -> None:
        if self._read_aloud is not None:
            self._read_aloud.set_highlight(choice)  # (comes back as highlight_changed)
        else:
            self._read_aloud_highlight_changed(choice)

    def _read_aloud_highlight_changed(self, choice: str) -> None:
        self._prefs.set("read_aloud_highlight", choice)
        if self._dialog is not None:
            self._dialog.show_read_aloud_highlight(choice)
        name = highlight_names()[choice].replace("&", "")
        self._announce(self.tr("Read-aloud highlight: %1").replace("%1", name))

    # -- the dialog ----------------------------------------------------------------------

    def show_settings(self) -> None:
        if self._dialog is None:
            from reader.ui.settings.dialog import ReadingSettingsDialog

            dialog = ReadingSettingsDialog(
                ReadingSettings.from_preferences(self._prefs),
                self._prefs.get("theme"),
                self._language(),
                self._view.base_point_size,
                self._text_size.percent,
                self._prefs.get("interface_language"),
                self._window,
                read_aloud_highlight=self._prefs.get("read_aloud_highlight"),
            )
            dialog.preview.set_theme(appearance.current_theme())
            dialog.settings_changed.connect(self.set_reading_settings)
            dialog.theme_chosen.connect(self.set_theme)
            dialog.preset_chosen.connect(self.apply_preset)
            dialog.language_chosen.connect(self.set_interface_language)
            dialog.read_aloud_highlight_chosen.connect(self.set_read_aloud_highlight)
            self._text_size.changed.connect(
                lambda percent: dialog.set_preview_size(self._view.base_point_size, percent)
            )
            self._dialog = dialog
        self._dialog.show()
        self._dialog.raise_()
        self._dialog.activateWindow()

    @property
    def dialog(self):
        return self._dialog
