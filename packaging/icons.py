"""Render the app icon (resources/icons/article-reader.svg) into the PNG sizes desktops
use, and, for the bundles, a Windows .ico and a macOS .icns.

    python packaging/icons.py                 # PNGs into resources/icons/hicolor/
    python packaging/icons.py --ico X.ico --icns X.icns
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "article-reader.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICON_NAME = "io.github.articlereader.ArticleReader"


def render(size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def write_pngs(folder: Path) -> list[Path]:
    written = []
    for size in SIZES:
        target = folder / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):
            sys.exit(f"icons: cannot write {target}")
        written.append(target)
    return written


def write_bundle_icon(target: Path, fmt: str, size: int) -> None:
    """One image file in ``fmt`` ("ico" or "icns", Qt's image plugins write both)."""
    from PySide6.QtGui import QImageWriter

    if fmt.encode() not in [bytes(f) for f in QImageWriter.supportedImageFormats()]:
        sys.exit(f"icons: this Qt cannot write .{fmt} files")
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QImageWriter(str(target), fmt.encode())
    if not writer.write(render(size)):
        sys.exit(f"icons: cannot write {target}: {writer.errorString()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ico", type=Path)
    parser.add_argument("--icns", type=Path)
    args = parser.parse_args()
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (needed to paint)
    if args.ico or args.icns:
        if args.ico:
            write_bundle_icon(args.ico, "ico", 256)
        if args.icns:
            write_bundle_icon(args.icns, "icns", 512)
    else:
        for path in write_pngs(ROOT / "resources" / "icons" / "hicolor"):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
