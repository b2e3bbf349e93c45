"""Render the main window offscreen with a sample article: every theme at 100 % and 400 %
text, the reading settings dialog, the Russian interface, a saved page with pictures
(100 %, 400 %, High Contrast), and an article's structure: a heading gone to with H, the
Contents and Links lists (Light and High Contrast).

    python packaging/screenshots.py [OUT_DIR]    (default: docs/screenshots)
    QT_SCALE_FACTOR=2 python packaging/screenshots.py OUT_DIR --only reader-light-100

The library lives in a temporary folder; nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
THEMES = ("light", "sepia", "dark", "high_contrast")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "out",
        nargs="?",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "docs" / "screenshots",
    )
    parser.add_argument("--only", help="make only the picture of this name (without .png)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from reader.paths import resolve_paths
    from reader.ui.shell.application import create_app, create_window, install_translations

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_app()

    def save(widget, name: str) -> None:
        if args.only and name != args.only:
            return
        QApplication.processEvents()
        widget.grab().save(str(args.out / f"{name}.png"))
        print(args.out / f"{name}.png")

    for language in ("en", "ru"):
        with tempfile.TemporaryDirectory(prefix="reader-shots-") as tmp:
            paths = resolve_paths(tmp)
            paths.ensure()
            (paths.preferences).write_text(
                f'{{"interface_language": "{language}"}}', encoding="utf-8"
            )
            window = create_window(paths)
            window.resize(1100, 720)
            window.show()
            app.processEvents()
            window.load_content()
            window.menus.icons.load_now()  # (the window loads them after its first paint)
            sample = next(
                (
                    window.model.id_at(r)
                    for r in range(window.model.rowCount())
                    if window.model.index(r, 0).data().startswith("Центральная библиотека")
                ),
                window.model.id_at(0),
            )
            window.open_article(sample)
            if language == "ru":
                window.comfort.set_theme("light")
                save(window, "reader-ru")
                window.comfort.show_settings()
                save(window.comfort.dialog, "settings-ru")
            else:
                for theme in THEMES:
                    window.comfort.set_theme(theme)
                    for percent in (100, 200, 400):
                        window.text_size.set_default_percent(percent)
                        save(window, f"reader-{theme.replace('_', '-')}-{percent}")
                window.comfort.set_theme("light")
                window.text_size.set_default_percent(100)
                window.comfort.show_settings()
                save(window.comfort.dialog, "settings")
                window.comfort.apply_preset("dyslexia")
                save(window, "preset-dyslexia")
                window.comfort.apply_preset("default")
                from reader.core.file_import import import_paths

                report = import_paths(window.library, [_picture_page(Path(tmp) / "saved")])
                window.library_panel.refresh()
                window.open_article(report.imported[0])
                view = window.article_view
                for theme, percent in (("light", 100), ("light", 400), ("high_contrast", 100)):
                    window.comfort.set_theme(theme)
                    window.text_size.set_default_percent(percent)
                    picture_top = _first_picture_top(view)
                    view.verticalScrollBar().setValue(max(0, int(picture_top) - 120))
                    save(window, f"pictures-{theme.replace('_', '-')}-{percent}")
                window.text_size.set_default_percent(100)
                _structure_shots(window, Path(tmp) / "structured", save)
            window.close()
            window.library.close()
        install_translations("en")
    return 0


def _structure_shots(window, folder: Path, save) -> None:  # type: ignore[no-untyped-def]
    """H at 400 % (the heading marked, what was said in the status bar), and the Contents
    and Links lists, in Light and High Contrast."""
    from PIL import Image, ImageDraw
    from PySide6.QtGui import QTextCursor

    from reader.core.file_import import import_paths

    folder.mkdir(parents=True)
    picture = Image.new("RGB", (800, 400), (200, 225, 240))
    ImageDraw.Draw(picture).rectangle((0, 260, 800, 400), fill=(40, 70, 110))
    picture.save(folder / "quay.png")
    text = (
        "The quay was rebuilt over the winter, and the first boats tied up at the new "
        "pontoons on Saturday morning while the harbour office counted the berths."
    )
    article = folder / "quay.md"
    article.write_text(
        f"# The new quay opens\n\n{text} The [harbour office](https://harbour.example.org) "
        f"kept a [diary of the works](https://harbour.example.org/diary).\n\n"
        f"## What was built\n\n{text}\n\n- Twelve new berths\n- A wider slipway\n"
        f"- Lights along the [east wall](https://harbour.example.org/east)\n\n"
        f"### The east wall\n\n{text}\n\n> We waited ten years for this, said a skipper.\n\n"
        f"![The new pontoons at high tide](quay.png)\n\n## What comes next\n\n{text} "
        f"Write to [the harbour office](mailto:office@harbour.example.org).\n",
        encoding="utf-8",
    )
    report = import_paths(window.library, [article])
    window.library_panel.refresh()
    window.open_article(report.imported[0])
    view = window.article_view
    for theme in ("light", "high_contrast"):
        name = theme.replace("_", "-")
        window.comfort.set_theme(theme)
        window.text_size.set_default_percent(400)
        view.moveCursor(QTextCursor.MoveOperation.Start)  # (on the title)
        view.verticalScrollBar().setValue(0)
        window.navigation.next_actions["heading"].trigger()
        save(window, f"structure-heading-{name}-400")
        window.text_size.set_default_percent(100)
        contents = window.navigation.show_contents()
        save(contents, f"structure-contents-{name}")
        contents.close()
        links = window.navigation.show_links()
        save(links, f"structure-links-{name}")
        links.close()
    window.comfort.set_theme("light")


def _picture_page(folder: Path) -> Path:
    """A saved page of our own with two pictures drawn here (a harbour at dusk, a bar
    chart), one with a caption."""
    from PIL import Image, ImageDraw

    files = folder / "Harbour_files"
    files.mkdir(parents=True)
    harbour = Image.new("RGB", (1600, 900), (250, 190, 140))
    draw = ImageDraw.Draw(harbour)
    for y in range(450):
        draw.line((0, y, 1600, y), fill=(250 - y // 6, 180 - y // 5, 140 + y // 8))
    draw.ellipse((1050, 260, 1250, 460), fill=(255, 225, 150))
    draw.rectangle((0, 560, 1600, 900), fill=(40, 70, 110))
    for x in (200, 520, 900):
        draw.polygon(((x, 600), (x + 220, 600), (x + 180, 650), (x + 40, 650)), fill=(60, 40, 30))
        draw.line((x + 110, 600, x + 110, 430), fill=(60, 40, 30), width=8)
        draw.polygon(((x + 115, 440), (x + 115, 590), (x + 200, 590)), fill=(240, 240, 230))
    harbour.save(files / "harbour.jpg", quality=88)
    chart = Image.new("RGB", (640, 400), (255, 255, 255))
    draw = ImageDraw.Draw(chart)
    for n, height in enumerate((120, 180, 150, 260, 310)):
        draw.rectangle((60 + n * 110, 360 - height, 130 + n * 110, 360), fill=(30, 90, 160))
    draw.line((40, 360, 620, 360), fill=(0, 0, 0), width=3)
    chart.save(files / "chart.png")
    text = (
        "The harbour master counted more boats at the evening moorings this year than in any "
        "summer since the breakwater was rebuilt, and the fishing families say the new pontoon "
        "has made the late landings safer for the younger crews."
    )
    page = folder / "Harbour.html"
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Evening moorings fill up at Saltwick harbour | Coast Courier</title></head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>Evening moorings fill up at Saltwick harbour</h1>"
        f"<p>{text}</p>"
        '<figure><img src="Harbour_files/harbour.jpg" alt="Three sailing boats at their '
        'moorings at sunset"><figcaption>Boats back at the moorings at dusk on Friday.'
        "</figcaption></figure>"
        f"<p>{text}</p>"
        '<p><img src="Harbour_files/chart.png" alt="Bar chart: boats moored each summer, '
        'rising from 12 to 31 over five years"></p>'
        f"<p>{text}</p></article></body></html>",
        encoding="utf-8",
    )
    return page


def _first_picture_top(view) -> float:  # type: ignore[no-untyped-def]
    document = view.document()
    block = document.begin()
    while block.isValid():
        if "\ufffc" in block.text():
            return document.documentLayout().blockBoundingRect(block).top()
        block = block.next()
    return 0.0


if __name__ == "__main__":
    sys.exit(main())
