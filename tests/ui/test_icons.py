"""Icons on the window's actions: after the first paint, in the theme's colours, with the
names and words kept, and a toolbar that keeps working at a large interface font."""

import ast
import os
import subprocess
import sys
from collections import Counter

import pytest
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QEnterEvent, QFont, QIcon, QImage
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStyle, QToolButton
from test_scaling import clipped, overlapping

from reader.core.themes import THEMES, contrast
from reader.ui.dialogs.shortcuts import shortcut_rows
from reader.ui.reading.article_view import ArticleView
from reader.ui.reading.read_aloud import PLAYING, ReadAloud, ReadAloudWidget
from reader.ui.shell.icons import ActionIcons, follow_read_aloud

SAMPLE = "# A story\n\n" + "\n\n".join(f"Paragraph {n}. Some words here." for n in range(30))


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def ink(icon: QIcon, mode=QIcon.Mode.Normal, side: int = 48) -> str | None:
    """The colour most of the icon's opaque pixels have (None: nothing drawn)."""
    image = icon.pixmap(QSize(side, side), mode, QIcon.State.Off).toImage()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    counts = Counter(
        image.pixelColor(x, y).name()
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() == 255
    )
    return counts.most_common(1)[0][0] if counts else None


def iconed_actions(window):
    w = window
    return {
        "Import Files": w.menus.import_files,
        "Import Folder": w.menus.import_folder,
        "Remove": w.library_panel.remove_action,
        "Search": w.menus.search,
        "Find": w.menus.find,
        "Read Aloud": w.read_aloud.play_action,
        "Stop Reading": w.read_aloud.stop_action,
        "Reading Settings": w.comfort.settings_action,
        "Continue Reading": w.history_ui.continue_action,
        "Show History": w.history_ui.show_action,
        "Clear History": w.history_ui.clear_action,
        "Keyboard Shortcuts": w.menus.shortcuts,
        "About": w.menus.about,
    }


def names(window) -> dict[str, object]:
    """What a screen reader and a reader of words get: the actions' texts and tooltips,
    the toolbar buttons' names and tooltips, and the Keyboard Shortcuts table.

    Read Aloud's tooltips say whether speech works here, which the speech engine decides
    when it arrives (after the first paint, at its own pace), not the icons: they are left
    out, so that the comparisons below hold on machines with and without speech."""
    toolbar = window.toolbar
    buttons = [b for b in toolbar.findChildren(QToolButton) if b.objectName() != "toolbarRuler"]
    speech = {a.toolTip() for a in window.read_aloud.actions()}

    def tip(text: str) -> str:
        return "(whether speech works here)" if text in speech else text

    return {
        "actions": [(a.text(), tip(a.toolTip())) for a in iconed_actions(window).values()],
        "buttons": sorted((b.accessibleName() or b.text(), tip(b.toolTip())) for b in buttons),
        "shortcuts": shortcut_rows(window),
    }


def wait_for_speech(qtbot, window) -> None:
    """The speech engine has arrived (working or not)."""
    qtbot.waitUntil(lambda: not window.read_aloud.loading, timeout=10000)


def wait_for_icons(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.menus.icons.loaded, timeout=10000)


def test_qtawesome_is_not_on_the_way_to_the_first_paint(tmp_path):
    # The real entry point in a process of its own: at the window's first paint
    # qtawesome is not imported and no icon is drawn; a moment later they are.
    code = (
        "import sys\n"
        "from PySide6.QtCore import QEvent, QObject, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from reader.ui.shell import application\n"
        "make = application.create_window\n"
        "seen = {}\n"
        "def drawn(window):\n"
        "    image = window.menus.import_files.icon().pixmap(24, 24).toImage()\n"
        "    return any(image.pixelColor(x, y).alpha() for x in range(24) for y in range(24))\n"
        "class Watch(QObject):\n"
        "    def eventFilter(self, window, event):\n"
        "        if event.type() == QEvent.Type.Paint and 'first' not in seen:\n"
        "            seen['first'] = ('qtawesome' in sys.modules, drawn(window))\n"
        "        return False\n"
        "def create_window(paths):\n"
        "    window = make(paths)\n"
        "    window.watch = Watch(window)\n"
        "    window.installEventFilter(window.watch)\n"
        "    def wait():\n"
        "        if window.menus.icons.loaded or window.menus.icons.failure:\n"
        "            seen['later'] = ('qtawesome' in sys.modules, drawn(window))\n"
        "            print(seen, flush=True)\n"
        "            window.close()\n"
        "            QApplication.instance().quit()\n"
        "        else:\n"
        "            QTimer.singleShot(20, wait)\n"
        "    QTimer.singleShot(20, wait)\n"
        "    return window\n"
        "application.create_window = create_window\n"
        "application.create_app()\n"
        "sys.exit(application.run_gui(sys.argv[1]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "d")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    seen = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    assert seen == {"first": (False, False), "later": (True, True)}


def test_icons_come_after_the_window_is_shown(make_window, qtbot, article):
    window = make_window(article)
    wait_for_icons(qtbot, window)
    # From the one font they use (qtawesome's own icon() would load all twelve it has).
    assert window.menus.icons.source == "Material Design Icons 6 alone"
    for name, action in iconed_actions(window).items():
        assert ink(action.icon()) is not None, name
    # Not every item: a menu of icons reads worse than one of words.
    assert window.menus.quit.icon().isNull()
    assert window.menus.find_next.icon().isNull()
    for action in window.text_size.actions():  # − o + stays words
        assert action.icon().isNull()


def test_a_window_not_yet_shown_has_no_icons_drawn(qtbot, library, tmp_path, make_window):
    from reader.core.preferences import Preferences, State
    from reader.ui.shell.main_window import MainWindow

    window = MainWindow(library, Preferences(tmp_path / "p.json"), State(tmp_path / "s.json"))
    qtbot.addWidget(window)
    make_window.adopt(window)  # (closed before the library)
    assert not window.menus.icons.loaded
    assert all(ink(a.icon()) is None for a in iconed_actions(window).values())
    # The toolbar's words already stand where they will stand beside their icons.
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert window.toolbar.widgetForAction(window.menus.import_files).text() == "Import Files"
    before = names(window)
    window.show()
    wait_for_icons(qtbot, window)
    wait_for_speech(qtbot, window)
    assert ink(window.menus.import_files.icon()) is not None
    # Screen readers hear the same names; the Keyboard Shortcuts table is the same.
    assert names(window) == before


@pytest.mark.parametrize("theme", ["light", "sepia", "dark", "high_contrast"])
def test_icons_are_drawn_in_the_themes_colours(make_window, qtbot, article, theme):
    window = make_window(article)
    wait_for_icons(qtbot, window)
    window.comfort.set_theme(theme)
    colours = THEMES[theme]
    for name, action in iconed_actions(window).items():
        icon = action.icon()
        assert ink(icon) == colours.window_text, name
        # A selected menu item: on the highlight colour, in the highlighted text's.
        assert ink(icon, QIcon.Mode.Active) == colours.highlighted_text, name
        assert ink(icon, QIcon.Mode.Disabled) == colours.disabled_text, name
    # The contrast those colours are checked for (reader.core.themes) holds for the icons.
    assert contrast(colours.window_text, colours.window) >= 4.5
    assert contrast(colours.disabled_text, colours.window) >= 4.5
    assert contrast(colours.highlighted_text, colours.highlight) >= 4.5


def test_a_theme_change_draws_the_icons_again(make_window, qtbot, article):
    window = make_window(article)
    wait_for_icons(qtbot, window)
    button = window.toolbar.widgetForAction(window.menus.import_files)
    for theme in ("light", "high_contrast", "dark", "light"):
        window.comfort.set_theme(theme)
        assert ink(window.menus.import_files.icon()) == THEMES[theme].window_text
        assert ink(button.icon()) == THEMES[theme].window_text  # the toolbar's button too
    # The stop button, disabled while nothing is read, is drawn in the disabled colour.
    stop = window.menus.read_aloud_widget.stop_button
    assert not stop.isEnabled()
    image = stop.grab().toImage()
    colours = Counter(
        image.pixelColor(x, y).name() for y in range(image.height()) for x in range(image.width())
    )
    assert THEMES["light"].disabled_text in colours


def test_icons_keep_the_names_and_the_words(make_window, qtbot, article):
    window = make_window(article)
    wait_for_icons(qtbot, window)
    wait_for_speech(qtbot, window)
    after = names(window)
    assert ("Import Files", "Import Files") in after["buttons"]
    assert ("Continue Reading", window.history_ui.continue_action.toolTip()) in after["buttons"]
    widget = window.menus.read_aloud_widget
    assert widget.play_button.accessibleName() == "Read Aloud"
    assert widget.stop_button.accessibleName() == "Stop reading"
    assert [a.text() for a in window.menuBar().actions()[0].menu().actions()][:2] == [
        "&Import Files…",
        "Import &Folder…",
    ]
    # Icons alone (a narrow window): the same names.
    window.resize(420, 700)
    qtbot.waitUntil(
        lambda: window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    )
    assert names(window) == after


@pytest.mark.parametrize("theme", ["light", "high_contrast"])
def test_an_icon_under_the_pointer_keeps_its_colour(make_window, qtbot, article, theme):
    # (Qt draws an auto-raised button's icon under the pointer in the "active" colours,
    # which are a selected menu item's: they would vanish on the toolbar.)
    window = make_window(article)
    wait_for_icons(qtbot, window)
    window.comfort.set_theme(theme)
    for button in (
        window.toolbar.widgetForAction(window.menus.import_files),
        window.menus.read_aloud_widget.play_button,
    ):
        button.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)
        QApplication.sendEvent(button, QEnterEvent(QPointF(3, 3), QPointF(3, 3), QPointF(3, 3)))
        # The icon's part of the button: inside its edge (drawn in the border colour, which
        # is High Contrast's text colour too), left of the words.
        image = button.grab().toImage()
        image = image.copy(4, 4, button.iconSize().width() + 2, image.height() - 8)
        colours = Counter(
            image.pixelColor(x, y).name()
            for y in range(image.height())
            for x in range(image.width())
        )
        assert colours[THEMES[theme].window_text] > 20, button.text()


def test_without_qtawesome_the_window_keeps_its_words(make_window, qtbot, article, monkeypatch):
    monkeypatch.setitem(sys.modules, "qtawesome", None)  # the import fails
    window = make_window(article)
    qtbot.waitUntil(lambda: bool(window.menus.icons.failure), timeout=10000)
    assert "qtawesome" in window.menus.icons.failure
    assert not window.menus.icons.loaded
    assert all(action.icon().isNull() for action in iconed_actions(window).values())
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
    button = window.toolbar.widgetForAction(window.menus.import_files)
    assert button.text() == "Import Files" and button.isVisible()
    assert window.menus.read_aloud_widget.play_button.text() == "▶"


@pytest.fixture
def double_font():
    app = QApplication.instance()
    font = app.font()
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(bigger)
    yield bigger
    app.setFont(font)


def test_a_large_interface_font_gets_large_icons_and_a_toolbar_that_fits(
    double_font, make_window, qtbot, article
):
    window = make_window(article, width=1280, height=800)
    wait_for_icons(qtbot, window)
    toolbar = window.toolbar
    line = toolbar.fontMetrics().height()
    assert toolbar.iconSize().height() >= line  # not Qt's 24 pixels beside 40-pixel words
    assert window.menus.read_aloud_widget.play_button.iconSize() == toolbar.iconSize()
    window.comfort.set_theme("high_contrast")  # (restyles the whole application)
    menu = window.menus.import_files.associatedObjects()
    menu = next(m for m in menu if isinstance(m, QMenu))
    assert menu.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, menu) >= (
        menu.fontMetrics().height()
    )
    window.text_size.set_default_percent(400)  # the article's largest text: a wider label
    for width in (1280, 900, 640):
        window.resize(width, 800)
        qtbot.waitUntil(lambda width=width: toolbar.width() <= width)
        qtbot.wait(50)  # (the toolbar decides between words and icons alone once laid out)
        wide = toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        assert wide == (toolbar.width() >= window.menus.icons.labels.width_with_words())
        assert clipped(toolbar) == []
        assert overlapping(toolbar) == []
        assert overlapping(window.menus.read_aloud_widget) == []
        shown = [
            a
            for a in toolbar.actions()
            if not a.isSeparator() and toolbar.widgetForAction(a).isVisible()
        ]
        assert toolbar.widgetForAction(shown[0]) is window.text_size_widget  # − o + first
    # At 900 pixels the words have gone and the toolbar holds everything in view.
    window.resize(900, 800)
    qtbot.waitUntil(lambda: toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly)
    assert all(
        toolbar.widgetForAction(a).isVisible() for a in toolbar.actions() if not a.isSeparator()
    )
    window.resize(1280, 800)
    qtbot.waitUntil(
        lambda: toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    )


def test_read_aloud_shows_pause_while_reading(qtbot):
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        pytest.skip(f"PySide6.QtTextToSpeech cannot be imported: {error}")
    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("QtTextToSpeech has no 'mock' engine")
    window = QMainWindow()
    qtbot.addWidget(window)
    view = ArticleView()
    window.setCentralWidget(view)
    speech = ReadAloud(view, engine="mock")
    speech.load()  # (the mock is made at once, on this thread)
    assert speech.state != "unavailable", speech.unavailable_reason
    toolbar = window.addToolBar("Main Toolbar")
    widget = ReadAloudWidget(speech, toolbar)
    toolbar.addWidget(widget)
    icons = ActionIcons(toolbar, window.menuBar())
    follow_read_aloud(icons, speech)
    widget.follow_icon_size(toolbar)
    window.show()
    assert icons.load_now(), icons.failure
    view.show_html("<p>" + "A sentence to read here. " * 40 + "</p>")

    def showing(key: str) -> bool:
        return (
            speech.play_action.icon().pixmap(32, 32).toImage()
            == icons.icon(key).pixmap(32, 32).toImage()
        )

    assert showing("read_aloud")
    speech.play()
    qtbot.waitUntil(lambda: speech.state == PLAYING)
    assert showing("pause_reading")
    assert widget.play_button.accessibleName() == "Pause Reading"
    speech.stop()
    assert showing("read_aloud")
    assert widget.play_button.accessibleName() == "Read Aloud"
