"""Update the interface translations: extract, then compile.

    python packaging/translations.py          # both steps
    python packaging/translations.py --compile-only

Step 1 runs pyside6-lupdate over reader/ and merges every string marked for translation
(self.tr(...) and QCoreApplication.translate(...)) into resources/translations/*.ts,
dropping strings the code no longer has. A string that moved to another class (another
context) keeps the translation it had. Translators fill in the .ts files (Qt Linguist,
or any editor). Step 2 runs pyside6-lrelease to make the .qm files the app loads; they
are committed, so an installed app needs no Qt tools. tests/ui/test_translations.py fails
when a string lacks its Russian translation or a .qm is older than its .ts.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from reader.core.preferences import INTERFACE_LANGUAGES  # noqa: E402 (after the path)

FOLDER = ROOT / "resources" / "translations"
LANGUAGES = tuple(language for language in INTERFACE_LANGUAGES if language != "en")


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(
        f"pyside6-{name}", path=str(Path(sys.executable).parent)
    )
    if not found:
        sys.exit(f"translations: pyside6-{name} not found (it comes with PySide6)")
    return found


def ts_file(language: str) -> Path:
    return FOLDER / f"article-reader_{language}.ts"


def extract() -> None:
    sources = sorted(str(p) for p in (ROOT / "reader").rglob("*.py"))
    for language in LANGUAGES:
        known = translations(ts_file(language)) if ts_file(language).exists() else {}
        subprocess.run(
            [
                tool("lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                language,
                *sources,
                "-ts",
                str(ts_file(language)),
            ],
            check=True,
        )
        carry_over(ts_file(language), known)


MESSAGE = re.compile(
    r"(<message>\s*<source>(.*?)</source>\s*)"
    r"<translation( type=\"unfinished\")?>(.*?)</translation>",
    re.DOTALL,
)


def translations(path: Path) -> dict[str, str]:
    """The finished translations in ``path`` by their English source (whatever their
    class), both as written in the file (escaped). An English text translated in two ways
    ("Unread": a state, or a filter's choice) is left out: which one a moved string needs is
    a translator's question."""
    found: dict[str, set[str]] = {}
    for m in MESSAGE.finditer(path.read_text(encoding="utf-8")):
        if not m.group(3) and m.group(4):
            found.setdefault(m.group(2), set()).add(m.group(4))
    return {source: texts.pop() for source, texts in found.items() if len(texts) == 1}


def carry_over(path: Path, known: dict[str, str]) -> None:
    """Fill the strings lupdate left unfinished that had a translation before (a string
    moved from one class to another becomes a new, untranslated one to lupdate)."""

    def fill(m: re.Match) -> str:
        if m.group(3) and m.group(2) in known:
            return f"{m.group(1)}<translation>{known[m.group(2)]}</translation>"
        return m.group(0)

    text = path.read_text(encoding="utf-8")
    path.write_text(MESSAGE.sub(fill, text), encoding="utf-8")


def compile_to(language: str, target: Path) -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts_file(language)), "-qm", str(target)], check=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile-only", action="store_true")
    args = parser.parse_args()
    FOLDER.mkdir(parents=True, exist_ok=True)
    if not args.compile_only:
        extract()
    for language in LANGUAGES:
        compile_to(language, ts_file(language).with_suffix(".qm"))


if __name__ == "__main__":
    main()
