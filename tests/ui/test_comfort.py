"""Themes, reading settings and presets, as the reader sees them in the window."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from reader.core.preferences import Preferences, State
from reader.core.reading_settings import ReadingSettings
from reader.core.themes import THEMES
from reader.ui.shell.main_window import MainWindow

LONG = "\n\n".join(
    f"Paragraph {n}. " + " ".join(f"word{n}x{k}" for k in range(50)) for n in range(40)
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.md"
    path.write_text("# Spacing\n\n" + LONG + "\n", encoding="utf-8")
    return path


def pixel(widget, x, y) -> str:
    return widget.grab().toImage().pixelColor(x, y).name()


@pytest.mark.parametrize("key", ["light", "sepia", "dark", "high_contrast"])
def test_a_theme_colours_the_whole_window(make_window, qtbot, key):
    window = make_window()
    window.comfort.theme_actions[key].trigger()
    theme = THEMES[key]
    palette = QApplication.instance().palette()
    assert palette.color(QPalette.ColorRole.Window).name() == theme.window
    assert palette.color(QPalette.ColorRole.Base).name() == theme.base
    # What is painted: the article's page, the list's background, the status bar.
    view = window.article_view.viewport()
    assert pixel(window.article_view.viewport(), view.width() - 30, view.height() - 5) == theme.base
    listing = window.library_panel.view.viewport()
    assert pixel(listing, listing.width() // 2, listing.height() - 3) == theme.base
    bar = window.statusBar()
    assert pixel(bar, bar.width() - 40, bar.height() // 2) == theme.window
    assert (
        window.statusBar().currentMessage() == f"Theme: {window.comfort.theme_actions[key].text()}"
    )


def test_the_theme_is_kept_across_restarts_and_links_take_its_colour(
    qtbot, tmp_path, library, make_window
):
    (tmp_path / "links.md").write_text(
        "# Links\n\nSee [the site](https://example.org) now.\n", encoding="utf-8"
    )
    window = make_window(tmp_path / "links.md")
    window.comfort.set_theme("dark")
    window.close()
    assert json.loads((tmp_path / "preferences.json").read_text())["theme"] == "dark"
    again = MainWindow(
        library,
        Preferences(tmp_path / "preferences.json"),
        State(tmp_path / "state.json"),
        tmp_path,
    )
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.content_loaded)
    assert (
        QApplication.instance().palette().color(QPalette.ColorRole.Base).name()
        == THEMES["dark"].base
    )
    again.comfort.set_theme("sepia")
    document = again.article_view.document()
    anchors = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isAnchor():
                anchors.append(fragment.charFormat().foreground().color().name())
            iterator += 1
        block = block.next()
    assert anchors == [THEMES["sepia"].link]


def body_block(view):
    block = view.document().lastBlock()
    return block, block.begin().fragment().charFormat()


def test_reading_settings_change_the_rendered_text_live_and_are_kept(
    make_window, qtbot, tmp_path, article
):
    window = make_window(article)
    window.comfort.show_settings()
    dialog = window.comfort.dialog
    qtbot.waitUntil(dialog.isVisible)
    view = window.article_view
    height_before = view.document().size().height()
    dialog.line_box.setValue(2.0)
    dialog.letter_box.setValue(0.12)
    dialog.word_box.setValue(0.16)
    dialog.paragraph_box.setValue(2.0)
    dialog.align_box.setCurrentIndex(dialog.align_box.findData("justify"))
    block, char = body_block(view)
    em = view.point_size() * view.logicalDpiY() / 72  # pixels
    assert block.blockFormat().lineHeight() == pytest.approx(200)
    assert char.fontLetterSpacing() == pytest.approx(0.12 * em, rel=0.01)
    assert char.fontWordSpacing() == pytest.approx(0.16 * em, rel=0.01)
    assert block.blockFormat().bottomMargin() == pytest.approx(2.0 * em, rel=0.01)
    assert block.blockFormat().alignment() == Qt.AlignmentFlag.AlignJustify
    assert view.document().size().height() > height_before * 1.3  # more space: a longer page
    # The preview in the dialog shows the same.
    assert dialog.preview.document().lastBlock().blockFormat().lineHeight() == pytest.approx(200)
    saved = json.loads((tmp_path / "preferences.json").read_text())
    assert (saved["line_spacing"], saved["letter_spacing"], saved["text_align"]) == (
        2.0,
        0.12,
        "justify",
    )
    dialog.reset_button.click()
    assert view.reading_settings == ReadingSettings()
    assert dialog.line_box.value() == 1.5


def test_the_widest_spacing_at_400_percent_neither_clips_nor_overlaps(make_window, article):
    window = make_window(article, width=800, height=600)
    window.comfort.set_reading_settings(
        ReadingSettings(
            line_spacing=1.5, paragraph_spacing=2.0, letter_spacing=0.12, word_spacing=0.16
        )
    )
    window.text_size.set_default_percent(400)
    view = window.article_view
    document = view.document()
    layout = document.documentLayout()
    assert document.size().width() <= view.viewport().width() + 1  # nothing wider than the view
    assert not view.horizontalScrollBar().isVisible()
    bottom, block = -1.0, document.begin()
    while block.isValid():  # blocks follow each other without overlapping
        rect = layout.blockBoundingRect(block)
        assert rect.top() >= bottom - 0.5
        bottom = rect.bottom()
        lines = block.layout()
        for index in range(1, lines.lineCount()):
            assert (
                lines.lineAt(index).y()
                >= lines.lineAt(index - 1).y() + lines.lineAt(index - 1).height() - 0.5
            )
        block = block.next()


def test_column_width_choices_change_the_measure(make_window, article):
    window = make_window(article, width=1400, height=700)
    view = window.article_view
    widths = {}
    for column in ("narrow", "medium", "wide", "full"):
        window.comfort.set_reading_settings(ReadingSettings(column_width=column))
        margin = view.document().rootFrame().frameFormat().leftMargin()
        widths[column] = view.viewport().width() - 2 * margin
    assert widths["narrow"] < widths["medium"] < widths["wide"] < widths["full"]


def test_presets_set_theme_size_and_spacing_in_one_click(make_window, qtbot, tmp_path):
    window = make_window()
    window.comfort.show_settings()
    dialog = window.comfort.dialog
    qtbot.waitUntil(dialog.font_box.hasFocus)  # the first setting, not a bare scroll area
    # Each preset by its name, with what it does beside it.
    assert [b.text() for b in dialog.preset_buttons.values()] == [
        "Default",
        "Low Vision",
        "Dyslexia-Friendly",
    ]
    said = {label.text() for label in dialog.findChildren(QLabel)}
    assert {b.toolTip() for b in dialog.preset_buttons.values()} <= said
    assert "Large text, high contrast, generous spacing and a wide column." in said
    button = dialog.preset_buttons["low_vision"]
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Return)  # Enter chooses a preset, as Space does
    assert window.text_size_widget.label.text().startswith("200")
    assert (
        QApplication.instance().palette().color(QPalette.ColorRole.Base).name()
        == THEMES["high_contrast"].base
    )
    assert window.article_view.reading_settings.column_width == "wide"
    assert dialog.theme_box.currentData() == "high_contrast"
    dialog.preset_buttons["dyslexia"].click()
    settings = window.article_view.reading_settings
    assert (settings.text_align, settings.column_width, settings.letter_spacing) == (
        "left",
        "narrow",
        0.12,
    )
    assert window.statusBar().currentMessage() == "Reading settings: Dyslexia-Friendly"
    saved = json.loads((tmp_path / "preferences.json").read_text())
    assert saved["theme"] == "sepia" and saved["text_size_percent"] == 125


def test_each_spacing_spans_what_the_readme_says_and_both_its_ends_are_kept(
    make_window, qtbot, tmp_path
):
    window = make_window()
    window.comfort.show_settings()
    dialog = window.comfort.dialog
    boxes = {
        "line_spacing": dialog.line_box,
        "paragraph_spacing": dialog.paragraph_box,
        "letter_spacing": dialog.letter_box,
        "word_spacing": dialog.word_box,
    }
    # Line spacing 1.0-2.5, letter spacing up to 0.12 em, word spacing up to 0.16 em
    # (WCAG 1.4.12), and paragraph spacing up to 3 em; an arrow key moves by a step.
    spans = {
        "line_spacing": (1.0, 2.5, 0.1),
        "paragraph_spacing": (0.0, 3.0, 0.1),
        "letter_spacing": (0.0, 0.12, 0.01),
        "word_spacing": (0.0, 0.16, 0.02),
    }
    assert {
        name: (box.minimum(), box.maximum(), box.singleStep()) for name, box in boxes.items()
    } == spans
    for name, box in boxes.items():
        for end in (box.maximum(), box.minimum()):
            box.setValue(end)  # (a value the preferences refused would raise here)
            saved = json.loads((tmp_path / "preferences.json").read_text())
            assert saved[name] == pytest.approx(end)
    dialog.line_box.setFocus()
    qtbot.keyClick(dialog.line_box, Qt.Key.Key_Up)
    assert window.article_view.reading_settings.line_spacing == pytest.approx(1.1)


def test_the_interface_language_is_offered_by_its_name_and_kept_for_the_next_start(
    make_window, tmp_path
):
    window = make_window()
    window.comfort.show_settings()
    box = window.comfort.dialog.language_box
    assert [box.itemText(i) for i in range(box.count())] == ["As the system", "English", "Русский"]
    assert box.currentText() == "As the system"
    box.setCurrentIndex(box.findText("Русский"))
    assert json.loads((tmp_path / "preferences.json").read_text())["interface_language"] == "ru"
    assert (
        window.statusBar().currentMessage()
        == "The interface language changes when the app starts again."
    )
    assert window.menuBar().actions()[0].text() == "&File"  # (until then)


def test_only_fonts_with_the_articles_letters_are_offered(make_window, qtbot, tmp_path):
    (tmp_path / "ru.md").write_text(
        "# Статья\n\nТекст статьи на русском языке для проверки шрифтов.\n", encoding="utf-8"
    )
    window = make_window(tmp_path / "ru.md")
    window.open_article(window.library.ids()[0])
    window.comfort.show_settings()
    dialog = window.comfort.dialog
    offered = [dialog.font_box.itemData(i) for i in range(1, dialog.font_box.count())]
    assert offered and all(
        QFontDatabase.WritingSystem.Cyrillic in QFontDatabase.writingSystems(f) for f in offered
    )
    assert "Cyrillic" in dialog.font_note.text()
    dialog.font_box.setCurrentIndex(1)
    assert window.article_view.document().defaultFont().families() == [offered[0]]
    dialog.font_box.setCurrentIndex(0)  # back to the default
    assert window.article_view.document().defaultFont().families() != [offered[0]]


def test_text_size_changes_are_announced_and_only_changes(make_window, qtbot, tmp_path):
    for name in ("one", "two"):
        (tmp_path / f"{name}.md").write_text(
            f"# {name}\n\nSome text of {name}.\n", encoding="utf-8"
        )
    window = make_window(tmp_path / "one.md", tmp_path / "two.md")
    first, second = window.library.ids()
    window.open_article(first)
    base = window.article_view.point_size()
    heard = []  # what the label and the article show when the size is said
    window.text_size.announcement.connect(
        lambda text: heard.append(
            (text, window.text_size_widget.label.text(), window.article_view.point_size())
        )
    )
    window.text_size.larger_action.trigger()
    assert window.statusBar().currentMessage() == "Text size 110%"
    assert heard == [("Text size 110%", "110%", pytest.approx(base * 1.1))]
    window.open_article(second)
    window.text_size.remember_action.trigger()
    window.text_size.larger_action.trigger()  # the second article keeps 125 %
    bar = window.statusBar()
    bar.showMessage("before")
    window.text_size.set_article(second)  # the size in view already: nothing is said
    assert bar.currentMessage() == "before"
    window.text_size.set_article(first)  # another size: said
    assert bar.currentMessage() == "Text size 110%"


def test_at_a_large_interface_font_the_settings_notes_are_shown_whole(make_window, qtbot):
    app = QApplication.instance()
    usual = app.font()
    large = app.font()
    large.setPointSize(20)  # a reader's 20 pt interface font
    window = make_window()
    app.setFont(large)
    try:
        window.comfort.show_settings()
        dialog = window.comfort.dialog
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.font_note.font().pointSize() == 20
        for note in (dialog.font_note, dialog.language_note):
            assert note.height() >= note.heightForWidth(note.width()), note.text()
    finally:
        app.setFont(usual)
