"""What a real screen-reader client gets through AT-SPI: the reader runs on a virtual
display (Xvfb) with its own D-Bus session and accessibility bus, and a pyatspi client
(packaging/atspi_tree.py) reads the article's tree, types the structural keys and opens
the Contents and Links lists as a user would, and listens as Orca does (focus by
object:state-changed:focused, announcements, caret moves). Skipped, with the reason, where
the machine lacks a part of that stack."""

import importlib.util
import os
import shutil
import subprocess
import sys

import pytest
from test_structure import structured_article

from helpers import REPO

LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
ATSPI_PYTHON = "/usr/bin/python3"


def missing_part() -> str | None:
    """Why a real AT-SPI client cannot run here, or None."""
    for tool in ("xvfb-run", "dbus-run-session", "dbus-send"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: xvfb, dbus)"
    if not any(os.access(path, os.X_OK) for path in LAUNCHERS):
        return "at-spi-bus-launcher is not installed (Debian: at-spi2-core)"
    if importlib.util.find_spec("pyatspi") is None:
        if not os.access(ATSPI_PYTHON, os.X_OK):
            return f"no pyatspi here and no {ATSPI_PYTHON}"
        check = subprocess.run([ATSPI_PYTHON, "-c", "import pyatspi"], capture_output=True)
        if check.returncode != 0:
            return f"{ATSPI_PYTHON} has no pyatspi (Debian: python3-pyatspi)"
    return None


@pytest.fixture(scope="module")
def heard(tmp_path_factory):
    """One run of the client over the structured article: its output and what the
    reader was asked to open."""
    reason = missing_part()
    if reason:
        pytest.skip(f"no AT-SPI stack: {reason}")
    folder = tmp_path_factory.mktemp("atspi")
    article = structured_article(folder / "article", prose="A short paragraph of prose.")
    caught = folder / "opened.txt"
    home = folder / "home"
    home.mkdir()
    env = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        QT_QPA_PLATFORM="xcb",
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    keys = "h shift+h k l q g ctrl+t down return ctrl+shift+k up return"
    run = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "dbus-run-session",
            "--",
            sys.executable,
            str(REPO / "packaging" / "atspi_tree.py"),
            "--python",
            sys.executable,
            "--data-dir",
            str(folder / "data"),
            "--article",
            str(article),
            "--keys",
            keys,
            "--press-link",
            "tide tables",
            "--catch-links",
            str(caught),
            "--max-children",
            "60",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        cwd=folder,
    )
    if run.returncode and "Could not load the Qt platform plugin" in run.stderr:
        pytest.skip(f"the reader cannot start on the virtual display: {run.stderr[-300:]}")
    assert run.returncode == 0, run.stderr[-3000:]
    opened = caught.read_text().split() if caught.exists() else []
    return run.stdout, opened


def section(output: str, title: str) -> list[str]:
    """The event lines printed under ``== title ==``."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"== {title}"))
    events = []
    for line in lines[start + 1 :]:
        if line.startswith("=="):
            break
        events.append(line.strip().removeprefix("event "))
    return events


def test_the_client_sees_a_document_with_the_articles_structure(heard):
    output, _ = heard
    lines = [line.strip() for line in output.splitlines()]
    document = next(
        i for i, line in enumerate(lines) if line.startswith('document frame "Article"')
    )
    assert "[focusable" in lines[document]
    # (Parts below the first screen are "hidden": not showing.)
    tree = [line.replace(" [hidden]", "").replace(",hidden", "") for line in lines[document + 1 :]]
    expected_in_order = [
        'heading "Harbour Report" HEADING level=1',
        'link "the board\'s minutes" [focusable] actions=Press,SetFocus',
        'link "tide tables" [focusable] actions=Press,SetFocus',
        'heading "Results" HEADING level=2',
        'list "" level=1 children=3',
        'list item "Cod landings rose (figures)" level=1',
        'link "figures" [focusable] actions=Press,SetFocus',
        'list item "Herring fell" level=1',
        'list "" level=2 children=1',
        'list item "mostly in spring" level=2',
        'block quote "The breakwater will pay for itself within ten winters, the harbour '
        'master said. Nobody on the board believed him."',
        'image "The harbour at dawn"',
        'heading "What comes next" HEADING level=2',
        'image "A chart of the catch"',
        'link "the board" [focusable] actions=Press,SetFocus',
    ]
    found = [
        next((i for i, line in enumerate(tree) if line.startswith(e)), -1)
        for e in expected_in_order
    ]
    assert -1 not in found, (
        [e for e, i in zip(expected_in_order, found, strict=True) if i < 0],
        tree[: max(found) + 10],
    )
    assert found == sorted(found)
    assert "== showing controls without a name: 0 ==" in output


def test_the_keys_move_the_caret_and_are_announced_and_the_focus_stays_on_the_article(heard):
    output, _ = heard
    assert section(output, "grab focus on the article") == ['focus: document frame "Article"']
    said = {
        "key h": "Heading level 2: Results",
        "key shift+h": "Heading level 1: Harbour Report",
        "key k": "Link: the board's minutes",
        "key l": "List, 3 items: Cod landings rose (figures)",
        "key q": (
            "Quote: The breakwater will pay for itself within ten winters, the harbour master…"
        ),
        "key g": "Picture: The harbour at dawn",
    }
    for key, text in said.items():
        events = section(output, key)
        assert f'announcement: "{text}"' in events, (key, events)
        assert any(e.startswith('caret: document frame "Article" at ') for e in events), key
        assert not [e for e in events if e.startswith("focus:")], (key, events)


def test_contents_and_links_move_the_focus_as_a_screen_reader_follows_it(heard):
    output, opened = heard
    contents = section(output, "key ctrl+t")
    # The list has the focus, and the row it opened at (the section the caret is in).
    assert contents[:2] == ['focus: tree "Headings"', 'focus: table cell "Results"']
    assert section(output, "key down") == ['focus: table cell "What comes next"']
    back = section(output, "key return")
    # The focus comes back to the article first, then what was reached is said.
    focus = back.index('focus: document frame "Article"')
    assert back.index('announcement: "Heading level 2: What comes next"') > focus
    links = section(output, "key ctrl+shift+k")
    assert links[:2] == ['focus: tree "Links in the article"', 'focus: table cell "the board"']
    assert section(output, "key up") == ['focus: table cell "figures"']
    # Moving through the links list opened nothing; Enter opened the one chosen, and the
    # client's press on a link opened that one.
    assert opened == ["https://harbour.example.org/cod", "https://tides.example.org"]
    assert section(output, "press link 'tide tables': pressed") == []
