"""Reading settings: font, spacing, column, alignment, theme, presets; with live preview.

Every change shows at once in the preview and in the article behind the dialog, and is
kept (there is nothing to confirm); "Reset Reading Settings" returns to the defaults.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.core.preferences import LANGUAGE_CHOICES
from reader.core.reading_settings import (
    ALIGNMENTS,
    COLUMNS,
    LINE_FOCUS,
    PRESETS,
    SPACINGS,
    ReadingSettings,
)
from reader.core.themes import THEME_CHOICES
from reader.ui.reading.article_view import ArticleView
from reader.ui.reading.read_aloud import WORDS, highlight_names
from reader.ui.settings.comfort import preset_texts
from reader.ui.shell.appearance import theme_names

PREVIEW = {
    "ru": (
        "Пример текста",
        "Съешь же ещё этих мягких французских булок, да выпей чаю. "
        "Так выглядит статья с выбранными настройками: шрифт, интервалы и ширина колонки.",
    ),
    "en": (
        "Sample text",
        "The quick brown fox jumps over the lazy dog. This is how an article "
        "reads with these settings: the font, the spacing and the width of the column.",
    ),
}
# Writing systems by the article's language: fonts offered must have its letters.
_SCRIPTS = {
    "ru": QFontDatabase.WritingSystem.Cyrillic,
    "uk": QFontDatabase.WritingSystem.Cyrillic,
    "be": QFontDatabase.WritingSystem.Cyrillic,
    "bg": QFontDatabase.WritingSystem.Cyrillic,
}


class ReadingSettingsDialog(QDialog):
    settings_changed = Signal(object)  # ReadingSettings
    theme_chosen = Signal(str)
    preset_chosen = Signal(str)
    language_chosen = Signal(str)
    read_aloud_highlight_chosen = Signal(str)  # reading_settings.READ_ALOUD_HIGHLIGHTS

    def __init__(
        self,
        settings: ReadingSettings,
        theme: str,
        language: str | None,
        base_point_size: float,
        percent: int,
        interface_language: str = "system",
        parent: QWidget | None = None,
        *,
        read_aloud_highlight: str = WORDS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readingSettings")
        self.setWindowTitle(self.tr("Reading Settings"))
        self._settings = settings
        self._language = language if language in PREVIEW else "en"

        self.font_box = QComboBox()
        self.font_box.setAccessibleName(self.tr("Font"))
        self.font_note = QLabel()
        self.font_note.setWordWrap(True)
        self._fill_fonts(language)
        self.line_box = self._spin("line_spacing", "×", self.tr("Line spacing"))
        self.paragraph_box = self._spin("paragraph_spacing", " em", self.tr("Paragraph spacing"))
        self.letter_box = self._spin("letter_spacing", " em", self.tr("Letter spacing"))
        self.word_box = self._spin("word_spacing", " em", self.tr("Word spacing"))
        self.column_box = QComboBox()
        self.column_box.setAccessibleName(self.tr("Column width"))
        names = {
            "narrow": self.tr("Narrow"),
            "medium": self.tr("Medium"),
            "wide": self.tr("Wide"),
            "full": self.tr("Full width"),
        }
        for key, characters in COLUMNS.items():
            label = (
                names[key]
                if not characters
                else self.tr("%1 (about %2 characters)")
                .replace("%1", names[key])
                .replace("%2", str(characters))
            )
            self.column_box.addItem(label, key)
        self.align_box = QComboBox()
        self.align_box.setAccessibleName(self.tr("Alignment"))
        alignments = {"left": self.tr("Left (ragged right)"), "justify": self.tr("Justified")}
        for key in ALIGNMENTS:
            self.align_box.addItem(alignments[key], key)
        self.line_focus_box = QComboBox()
        self.line_focus_box.setAccessibleName(self.tr("Line focus"))
        described = self.tr(
            "Dims the article except the lines around the text cursor or the sentence"
            " read aloud (Ctrl+Shift+L turns it on and off)."
        )
        self.line_focus_box.setToolTip(described)
        self.line_focus_box.setAccessibleDescription(described)
        focus_names = {
            0: self.tr("Off"),
            1: self.tr("1 line"),
            3: self.tr("3 lines"),
            5: self.tr("5 lines"),
        }
        for lines in LINE_FOCUS:
            self.line_focus_box.addItem(focus_names[lines], lines)
        self.theme_box = QComboBox()
        self.theme_box.setAccessibleName(self.tr("Theme"))
        for key in THEME_CHOICES:
            self.theme_box.addItem(theme_names()[key], key)

        self.read_aloud_box = QComboBox()
        self.read_aloud_box.setAccessibleName(self.tr("Highlight while reading aloud"))
        for key, name in highlight_names().items():
            self.read_aloud_box.addItem(name.replace("&", ""), key)
        self.show_read_aloud_highlight(read_aloud_highlight)
        self.read_aloud_box.currentIndexChanged.connect(
            lambda: self.read_aloud_highlight_chosen.emit(self.read_aloud_box.currentData())
        )

        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Interface language"))
        # Each language by its own name, as a reader who needs it looks for it.
        languages = {"system": self.tr("As the system"), "en": "English", "ru": "Русский"}
        for key in LANGUAGE_CHOICES:
            name = languages.get(key) or QLocale(key).nativeLanguageName()
            self.language_box.addItem(name, key)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(interface_language)))
        self.language_box.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.language_box.currentData())
        )
        self.language_note = QLabel(
            self.tr("The interface language changes when the app starts again.")
        )
        self.language_note.setWordWrap(True)

        for box in (
            self.font_box,
            self.column_box,
            self.align_box,
            self.line_focus_box,
            self.theme_box,
            self.read_aloud_box,
            self.language_box,
        ):
            # (The open list shows a long choice whole; the box need not be as wide.)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, field in (
            (self.tr("&Font:"), self.font_box),
            (None, self.font_note),
            (self.tr("&Line spacing:"), self.line_box),
            (self.tr("&Paragraph spacing:"), self.paragraph_box),
            (self.tr("L&etter spacing:"), self.letter_box),
            (self.tr("&Word spacing:"), self.word_box),
            (self.tr("&Column width:"), self.column_box),
            (self.tr("&Alignment:"), self.align_box),
            (self.tr("Line f&ocus:"), self.line_focus_box),
            (self.tr("&Theme:"), self.theme_box),
            (self.tr("Read-aloud &highlight:"), self.read_aloud_box),
            (self.tr("&Interface language:"), self.language_box),
            (None, self.language_note),
        ):
            if label is None:
                form.addRow(field)
            else:
                form.addRow(label, field)

        presets = QGroupBox(self.tr("Presets"))
        # One preset a row, with what it does beside it (not only in a tooltip).
        preset_layout = QGridLayout(presets)
        preset_layout.setColumnStretch(1, 1)
        texts = preset_texts()
        self.preset_buttons: dict[str, QPushButton] = {}
        for row, key in enumerate(PRESETS):
            name, does = texts[key]
            button = QPushButton(name)  # (Enter or Space on it chooses it)
            button.setToolTip(does)
            button.setAccessibleDescription(does)
            button.clicked.connect(lambda _=False, k=key: self.preset_chosen.emit(k))
            said = QLabel(does)
            said.setWordWrap(True)
            preset_layout.addWidget(button, row, 0)
            preset_layout.addWidget(said, row, 1)
            self.preset_buttons[key] = button

        self.preview = ArticleView()
        self.preview.setObjectName("readingPreview")
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setMinimumHeight(160)
        title, text = PREVIEW[self._language]
        self.preview.show_html(f"<h3>{title}</h3><p>{text}</p><p>{text}</p>")
        self.preview.set_base_point_size(base_point_size, percent)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.reset_button = buttons.addButton(
            self.tr("&Reset Reading Settings"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.reset_button.clicked.connect(lambda: self.preset_chosen.emit("default"))
        buttons.rejected.connect(self.reject)

        # The settings scroll when a large interface font makes them taller than the
        # screen (squeezed, the notes were cut off); the buttons stay in view.
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(presets)
        inner.addWidget(self.preview, 1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (a stop for Tab with nothing to say)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

        # As large as the settings want (760 × 720 at the least), as far as the screen allows.
        wanted = content.sizeHint() + QSize(40, buttons.sizeHint().height() + 40)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(
            min(max(760, wanted.width()), screen.width() * 9 // 10),
            min(max(720, wanted.height()), screen.height() * 9 // 10),
        )
        self.show_settings(settings, theme)
        for box in (self.line_box, self.paragraph_box, self.letter_box, self.word_box):
            box.valueChanged.connect(self._changed)
        for box in (self.font_box, self.column_box, self.align_box, self.line_focus_box):
            box.currentIndexChanged.connect(self._changed)
        self.theme_box.currentIndexChanged.connect(
            lambda: self.theme_chosen.emit(self.theme_box.currentData())
        )

    def _spin(self, setting: str, suffix: str, name: str) -> QDoubleSpinBox:
        """A box for one of the spacings, as far as the preferences accept it."""
        low, high, step = SPACINGS[setting]
        box = QDoubleSpinBox()
        box.setRange(low, high)
        box.setSingleStep(step)
        box.setDecimals(2)
        box.setSuffix(suffix)
        box.setAccessibleName(name)
        return box

    def _fill_fonts(self, language: str | None) -> None:
        script = _SCRIPTS.get(language or "", QFontDatabase.WritingSystem.Latin)
        families = [
            f for f in QFontDatabase.families(script) if not QFontDatabase.isPrivateFamily(f)
        ]
        everything = [f for f in QFontDatabase.families() if not QFontDatabase.isPrivateFamily(f)]
        self.font_box.addItem(self.tr("Default"), "")
        for family in families:
            self.font_box.addItem(family, family)
        if script == QFontDatabase.WritingSystem.Cyrillic:
            note = self.tr(
                "Showing the %1 of %2 installed fonts that have Cyrillic letters, "
                "which this article needs."
            )
        else:
            note = self.tr("Showing the %1 of %2 installed fonts that have Latin letters.")
        self.font_note.setText(
            note.replace("%1", str(len(families))).replace("%2", str(len(everything)))
        )

    # -- values --------------------------------------------------------------------------

    def show_settings(self, settings: ReadingSettings, theme: str) -> None:
        """Show ``settings`` in the controls (without announcing them as changes)."""
        widgets = (
            self.font_box,
            self.line_box,
            self.paragraph_box,
            self.letter_box,
            self.word_box,
            self.column_box,
            self.align_box,
            self.line_focus_box,
            self.theme_box,
        )
        for widget in widgets:
            widget.blockSignals(True)
        index = self.font_box.findData(settings.font_family)
        if index < 0 and settings.font_family:
            self.font_box.addItem(settings.font_family, settings.font_family)  # kept as chosen
            index = self.font_box.count() - 1
        self.font_box.setCurrentIndex(max(0, index))
        self.line_box.setValue(settings.line_spacing)
        self.paragraph_box.setValue(settings.paragraph_spacing)
        self.letter_box.setValue(settings.letter_spacing)
        self.word_box.setValue(settings.word_spacing)
        self.column_box.setCurrentIndex(max(0, self.column_box.findData(settings.column_width)))
        self.align_box.setCurrentIndex(max(0, self.align_box.findData(settings.text_align)))
        self.line_focus_box.setCurrentIndex(
            max(0, self.line_focus_box.findData(settings.line_focus))
        )
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(theme)))
        for widget in widgets:
            widget.blockSignals(False)
        self._settings = settings
        self.preview.set_reading_settings(settings)

    def show_read_aloud_highlight(self, choice: str) -> None:
        """Show what Read Aloud highlights (without announcing it as a change)."""
        self.read_aloud_box.blockSignals(True)
        self.read_aloud_box.setCurrentIndex(max(0, self.read_aloud_box.findData(choice)))
        self.read_aloud_box.blockSignals(False)

    def settings(self) -> ReadingSettings:
        return ReadingSettings(
            font_family=self.font_box.currentData() or "",
            line_spacing=round(self.line_box.value(), 2),
            paragraph_spacing=round(self.paragraph_box.value(), 2),
            letter_spacing=round(self.letter_box.value(), 3),
            word_spacing=round(self.word_box.value(), 3),
            column_width=self.column_box.currentData(),
            text_align=self.align_box.currentData(),
            line_focus=self.line_focus_box.currentData(),
        )

    def set_preview_size(self, base_point_size: float, percent: int) -> None:
        self.preview.set_base_point_size(base_point_size, percent)

    def _changed(self) -> None:
        settings = self.settings()
        if settings != self._settings:
            self._settings = settings
            self.preview.set_reading_settings(settings)
            self.settings_changed.emit(settings)

    def keyPressEvent(self, event) -> None:
        # Enter in a field must not close the dialog: changes are live, Close is explicit.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
