"""Render the main window offscreen with a sample article, at 100 % and 200 % text size.

    python packaging/screenshots.py [OUT_DIR]    (default: docs/screenshots)

The library lives in a temporary folder; nothing of the user's is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from reader.paths import resolve_paths
    from reader.ui.application import create_app, create_window

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = create_app()
    with tempfile.TemporaryDirectory(prefix="reader-shots-") as tmp:
        window = create_window(resolve_paths(tmp))
        window.resize(1100, 720)
        window.show()
        app.processEvents()
        window.load_content()
        sample = next(
            (window.model.id_at(r) for r in range(window.model.rowCount())
             if window.model.index(r, 0).data().startswith("Центральная библиотека")),
            window.model.id_at(0),
        )
        window.open_article(sample)
        for percent, name in ((100, "reader-100.png"), (200, "reader-200.png")):
            while window.text_size.percent < percent:
                window.text_size.larger()
            QApplication.processEvents()
            window.grab().save(str(out / name))
            print(out / name)
        window.close()
        window.library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
