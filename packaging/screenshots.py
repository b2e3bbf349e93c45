"""Render the main window offscreen with a sample article: every theme at 100 % and 400 %
text, the reading settings dialog, and the Russian interface.

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
            window.close()
            window.library.close()
        install_translations("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
