"""Interface languages: every string has its Russian translation, the compiled catalogue
is current, and every window and dialog opens in both languages."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from helpers import REPO, menu_items
from reader.core.preferences import INTERFACE_LANGUAGES
from reader.ui.shell.application import install_translations

TS = REPO / "resources" / "translations" / "article-reader_ru.ts"


def messages(path: Path) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) for every message in a .ts file."""
    found = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            found.append(
                (name, message.findtext("source"), translation.text or "", translation.get("type"))
            )
    return found


def qt_tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if not found:
        pytest.skip(f"pyside6-{name} is not installed with this PySide6")
    return found


def test_every_string_has_a_russian_translation():
    missing = [
        f"{context}: {source!r}"
        for context, source, text, kind in messages(TS)
        if kind in ("unfinished", "vanished", "obsolete") or not text.strip()
    ]
    assert missing == []


def test_placeholders_and_mnemonics_survive_translation():
    for context, source, text, _ in messages(TS):
        assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", source)), (
            context,
            source,
        )
        assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&"), (
            context,
            source,
        )


def test_the_catalogue_holds_every_string_the_code_marks(tmp_path):
    """Extract afresh from the sources: a string added to the code without a catalogue
    entry (or a stale entry) fails here."""
    fresh = tmp_path / "fresh.ts"
    shutil.copyfile(TS, fresh)
    sources = sorted(str(p) for p in (REPO / "reader").rglob("*.py"))
    subprocess.run(
        [
            qt_tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(fresh),
        ],
        check=True,
    )
    assert {(c, s) for c, s, *_ in messages(fresh)} == {(c, s) for c, s, *_ in messages(TS)}


def test_the_compiled_catalogue_is_up_to_date(tmp_path):
    compiled = tmp_path / "ru.qm"
    subprocess.run([qt_tool("lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes(), (
        "run: python packaging/translations.py --compile-only"
    )


def visible_texts(root: QWidget) -> set[str]:
    texts = {root.windowTitle()}
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text())
        texts.add(widget.accessibleName())
        texts.add(widget.toolTip())
    for action in root.findChildren(QAction):
        texts.add(action.text())
    return {t for t in texts if t}


@pytest.fixture
def language():
    yield install_translations
    install_translations("en")


def open_everything(window):
    window.show_search()
    window.side_tabs.setCurrentWidget(window.history_ui.tab)
    window.find_bar.open_bar()
    window.comfort.show_settings()
    window.show_shortcuts()
    contents = window.navigation.show_contents()
    links = window.navigation.show_links()
    return [window, window.comfort.dialog, window.shortcuts_dialog, contents, links]


def test_every_window_and_dialog_opens_in_russian_and_in_english(language, make_window):
    english_sources = {source for _, source, *_ in messages(TS)}
    assert language("ru") == "ru"
    windows = open_everything(make_window())
    shown = set().union(*(visible_texts(w) for w in windows))
    untranslated = sorted(t for t in shown if t in english_sources and t not in ("Article Reader",))
    assert untranslated == []
    cyrillic = re.compile("[а-яё]", re.IGNORECASE)
    # The Read column has room for its Russian words ("Не начата", "Прочитано").
    panel = windows[0].library_panel
    metrics = panel.view.fontMetrics()
    shown_texts = [
        panel.model.headerData(3, Qt.Orientation.Horizontal),
        panel.model.progress_text(None),
    ]
    assert all(cyrillic.search(t) for t in shown_texts)
    assert panel.view.horizontalHeader().sectionSize(3) > max(
        metrics.horizontalAdvance(t) for t in shown_texts
    )
    # Also what never went through tr(): no label, button, action or tooltip in English.
    english = sorted(
        t
        for t in shown
        if re.search("[A-Za-z]{3,}", t)
        and not cyrillic.search(t)
        and t not in ("Article Reader", "English")
    )
    assert english == []
    assert all(cyrillic.search(a.text()) for a in windows[0].menuBar().actions())
    assert cyrillic.search(windows[1].windowTitle()) and cyrillic.search(windows[2].windowTitle())
    language("en")
    windows = open_everything(make_window())
    assert "&File" in {a.text() for a in windows[0].menuBar().actions()}
    assert windows[1].windowTitle() == "Reading Settings"


@pytest.mark.parametrize("code", [c for c in INTERFACE_LANGUAGES if c != "en"])
def test_every_interface_language_but_english_has_a_catalogue_that_loads(qapp, language, code):
    catalogue = REPO / "resources" / "translations" / f"article-reader_{code}.ts"
    context, source, text, _ = messages(catalogue)[0]
    assert language(code) == code
    assert QCoreApplication.translate(context, source) == text != source


def test_the_russian_menus_have_mnemonics_where_the_english_do_and_no_two_alike(
    language, make_window
):
    english = menu_items(make_window())
    assert language("ru") == "ru"
    russian = menu_items(make_window())
    assert [(item.where, bool(item.key)) for item in russian] == [
        (item.where, bool(item.key)) for item in english
    ]
    for menu in {item.where[:-1] for item in russian}:
        keys = [item.key for item in russian if item.where[:-1] == menu and item.key]
        assert len(keys) == len(set(keys)), [
            item.path for item in russian if item.where[:-1] == menu
        ]


def test_system_language_is_followed_and_unknown_ones_fall_back_to_english(language, monkeypatch):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ru_RU")))
    assert language("system") == "ru"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ja_JP")))
    assert language("system") == "en"


def test_every_string_is_filed_under_its_class():
    # A string lupdate cannot place in a class (a translate() call through a helper of our
    # own, say) is filed under none, and Qt, which looks it up by class, never finds it.
    assert [(source, text) for context, source, text, _ in messages(TS) if not context] == []
