"""Dump what a screen reader sees of the reader window: its AT-SPI accessibility tree.

    xvfb-run -a dbus-run-session -- python3 packaging/atspi_tree.py [--python VENV_PYTHON]
        [--data-dir DIR] [--out FILE] [--max-depth N] [--open-tab History --open-tab Search]

Needs (Debian): xvfb libxcb-icccm4 libxcb-keysyms1 at-spi2-core python3-pyatspi. The driver
(any Python) starts at-spi-bus-launcher unless the bus is there, runs the reader (-m reader,
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, QT_QPA_PLATFORM=xcb) with --python (default: this one)
over DIR or a temporary data folder, and the dump with a Python that has pyatspi (this one,
else --atspi-python). The dump waits for the window and prints one line per accessible:
role, "name", desc, labelled-by, states (disabled = not enabled/sensitive, hidden = not
showing), text, table size; [NO NAME] marks a showing control without a name, ~heading a
bold, larger run inside a text (a heading by font only); a heading's or list's level and a
link's actions are printed too. Each --open-tab is then selected by its AT-SPI action and its
tab widget dumped. With --keys, the article gets the focus (the client's "grab focus") and
the keys are typed through the AT-SPI registry, as a user would; with --press-link NAME, the
client presses that link. What the client hears meanwhile is printed as "event" lines:
focus (object:state-changed:focused, as Orca follows it), announcements and caret moves.
--article FILE imports FILE first (so it is the article shown); --catch-links FILE starts
the reader so that links it would open in a browser are written to FILE instead. Last,
File > Quit is pressed (else SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

ROOT = Path(__file__).resolve().parent.parent
LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
TABLE_ROLES = {"table", "tree table", "tree", "list", "list box"}
INTERACTIVE = TABLE_ROLES | {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "link",
    "combo box",
    "entry",
    "text",
    "password text",
    "spin button",
    "slider",
    "page tab",
    "menu item",
    "check menu item",
    "scroll bar",
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data-dir", help="reader data folder (default: a fresh temporary one)")
    p.add_argument("--out", help="write the tree to FILE instead of standard output")
    p.add_argument("--max-depth", type=int, default=30, help="deepest level printed")
    p.add_argument("--max-children", type=int, default=40, help="children printed per node")
    p.add_argument(
        "--open-tab",
        action="append",
        default=[],
        metavar="NAME",
        help="then select this page tab and dump its tab widget (repeatable)",
    )
    p.add_argument("--article", help="import this file first: the article shown")
    p.add_argument("--keys", default="", help='then type these in the article ("h k shift+h")')
    p.add_argument("--press-link", metavar="NAME", help="then press the link of this name")
    p.add_argument("--catch-links", metavar="FILE", help="links the reader opens go to FILE")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the window")
    p.add_argument("--python", help="interpreter with PySide6 for the reader (default: this one)")
    p.add_argument("--atspi-python", default="/usr/bin/python3", help="interpreter with pyatspi")
    p.add_argument("--dump-only", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--app-pid", type=int, default=0, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def fail(message: str) -> int:
    print(f"atspi_tree: {message}", file=sys.stderr)
    return 1


# -- driver (any Python) -------------------------------------------------------------------


def a11y_bus_running() -> bool:
    send = shutil.which("dbus-send")
    return (
        send is not None
        and "boolean true"
        in subprocess.run(
            [
                send,
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.a11y.Bus",
            ],
            capture_output=True,
            text=True,
        ).stdout
    )


def stop(process: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """Wait for ``process`` to end, then ask it with SIGTERM, then SIGKILL."""
    for sig in (None, signal.SIGTERM, signal.SIGKILL):
        if sig is not None and process.poll() is None:
            process.send_signal(sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=grace)
            return


def drive(args: argparse.Namespace) -> int:
    if not os.environ.get("DISPLAY"):
        return fail("no DISPLAY: run under xvfb-run -a (or in a desktop session)")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return fail("no D-Bus session: run under dbus-run-session")
    python = args.python or sys.executable
    if not args.python and importlib.util.find_spec("PySide6") is None:
        return fail(f"{python} has no PySide6: pass --python PATH (e.g. the dev venv's python)")
    launcher = None
    if not a11y_bus_running():
        binary = shutil.which("at-spi-bus-launcher") or next(
            (path for path in LAUNCHERS if os.access(path, os.X_OK)), None
        )
        if binary is None:
            return fail("at-spi-bus-launcher not found: apt-get install at-spi2-core")
        launcher = subprocess.Popen([binary, "--launch-immediately"])
        deadline = time.monotonic() + 10
        while shutil.which("dbus-send") and not a11y_bus_running() and time.monotonic() < deadline:
            time.sleep(0.1)
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="reader-atspi-")
    env = dict(
        os.environ,
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_QPA_PLATFORM="xcb",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    if args.article:
        subprocess.run(
            [python, "-m", "reader", "--data-dir", data_dir, "import", args.article],
            env=env,
            check=True,
            capture_output=True,
        )
    start = [python, "-m", "reader"]
    if args.catch_links:
        start = [python, "-c", CATCHING_START, args.catch_links]
    with tempfile.TemporaryFile() as log:
        app = subprocess.Popen(
            [*start, "--data-dir", data_dir],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            dumper = sys.executable if importlib.util.find_spec("pyatspi") else args.atspi_python
            cmd = [dumper, __file__, *sys.argv[1:], "--dump-only", "--app-pid", str(app.pid)]
            code = subprocess.run(cmd).returncode
            stop(app, grace=10.0 if code == 0 else 1.0)
            if code != 0 or app.returncode != 0:
                log.seek(0)
                print(f"-- reader output (exit {app.returncode}) --", file=sys.stderr)
                sys.stderr.write(log.read().decode(errors="replace")[-3000:])
            return code
        finally:
            stop(app, grace=2)
            if launcher is not None:
                stop(launcher, grace=2)
            if not args.data_dir:
                shutil.rmtree(data_dir, ignore_errors=True)


# The reader, started so that a link it opens (a click, Enter, a screen reader's press) is
# written to a file (sys.argv[1]) through Qt's own URL handlers, not given to a browser.
CATCHING_START = """
import sys
import reader.ui.shell.application as application

caught = sys.argv.pop(1)
_create_window = application.create_window


def create_window(paths):
    window = _create_window(paths)
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    class Catch(QObject):
        @Slot(QUrl)
        def open(self, url):
            with open(caught, "a", encoding="utf-8") as out:
                out.write(url.toString() + "\\n")

    window.link_catcher = Catch(window)
    for scheme in ("http", "https", "mailto"):
        QDesktopServices.setUrlHandler(scheme, window.link_catcher, "open")
    return window


application.create_window = create_window
from reader.app import main

sys.exit(main(sys.argv[1:]))
"""


# -- dump (needs pyatspi: Debian's /usr/bin/python3) -----------------------------------------


def find_app(pyatspi: Any, pid: int) -> Any | None:
    return next(
        (
            app
            for app in pyatspi.Registry.getDesktop(0)
            if app is not None
            and (app.name or "").lower().replace(" ", "-") == "article-reader"
            and (not pid or app.get_process_id() == pid)
        ),
        None,
    )


def alive(pid: int) -> bool:  # a zombie (not yet reaped by the driver) counts as dead
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def count(acc: Any, depth: int = 0) -> int:
    return 1 if depth > 8 else 1 + sum(count(c, depth + 1) for c in acc if c is not None)


def wait_for_window(pyatspi: Any, pid: int, timeout: float) -> Any | None:
    """The application once it shows a frame and its tree has stopped growing."""
    deadline, last = time.monotonic() + timeout, -1
    while time.monotonic() < deadline and (not pid or alive(pid)):
        app = find_app(pyatspi, pid)
        if app is not None and any(c is not None and c.getRoleName() == "frame" for c in app):
            size = count(app)
            if size == last:
                return app
            last = size
        time.sleep(0.3)
    return None


def oneline(text: str | None) -> str:
    return (text or "").replace("\n", "\\n").replace("\ufffc", "")


def styled_headings(text: Any) -> list[str]:
    """Bold runs in a larger size than the body text: headings seen only through fonts."""
    runs, offset = [], 0
    while offset < text.characterCount:
        attrs, start, end = text.getAttributeRun(offset, False)
        runs.append((dict(a.split(":", 1) for a in attrs if ":" in a), start, end))
        offset = max(end, offset + 1)
    body = Counter(a.get("size") for a, s, e in runs for _ in range(e - s)).most_common(1)
    body_size = float(body[0][0] or 0) if body else 0.0
    return [
        f'~heading size={a["size"]} "{oneline(text.getText(s, e))}"'
        for a, s, e in runs
        if a.get("weight") == "bold" and float(a.get("size", 0)) > body_size and e - s > 1
    ]


def in_article(acc: Any) -> bool:
    parent = acc.parent
    for _ in range(12):
        if parent is None:
            return False
        if parent.getRoleName() == "document frame":
            return True
        parent = parent.parent
    return False


def describe(pyatspi: Any, acc: Any) -> tuple[list[str], bool]:
    """Lines for ``acc`` (itself, then font-only headings) and whether it is a nameless control."""
    role, name, states = acc.getRoleName(), acc.name or "", acc.getState()
    parts, extra = [role, f'"{oneline(name)}"'], []
    if acc.description:
        parts.append(f'desc="{oneline(acc.description)}"')
    for rel in acc.getRelationSet():
        if rel.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            targets = (rel.getTarget(i) for i in range(rel.getNTargets()))
            parts.append("labelled-by=" + ",".join(f'"{oneline(t.name)}"' for t in targets if t))
    flags = [
        s
        for s in ("focusable", "focused", "checked", "selected")
        if states.contains(getattr(pyatspi, "STATE_" + s.upper()))
    ]
    if not (states.contains(pyatspi.STATE_ENABLED) and states.contains(pyatspi.STATE_SENSITIVE)):
        flags.append("disabled")
    if not states.contains(pyatspi.STATE_SHOWING):
        flags.append("hidden")
    parts += ["[" + ",".join(flags) + "]"] if flags else []
    attrs = dict(a.split(":", 1) for a in acc.getAttributes() if ":" in a)
    if role == "heading":
        parts.append(f"HEADING level={attrs.get('level', '?')}")
    elif "level" in attrs:
        parts.append(f"level={attrs['level']}")
    if role == "link" and "Action" in acc.get_interfaces():
        action = acc.queryAction()
        parts.append("actions=" + ",".join(action.getName(i) for i in range(action.nActions)))
    if "Text" in acc.get_interfaces():
        text = acc.queryText()
        value = oneline(text.getText(0, 80))
        if value and value != name:
            parts.append(f'text({text.characterCount})="{value}"')
        if states.contains(pyatspi.STATE_MULTI_LINE):
            extra = styled_headings(text)
    if role in TABLE_ROLES:
        if "Table" in acc.get_interfaces():
            table = acc.queryTable()
            parts.append(f"rows={table.nRows} cols={table.nColumns}")
        else:
            parts.append(f"children={acc.childCount}")
    # (A list in the article is its text's, not a control: a screen reader says its items.)
    in_document = role == "list" and in_article(acc)
    nameless = (
        role in INTERACTIVE
        and not in_document
        and not name.strip()
        and states.contains(pyatspi.STATE_SHOWING)
    )
    parts += ["[NO NAME]"] if nameless else []
    return [" ".join(parts), *extra], nameless


def walk(
    pyatspi: Any, acc: Any, out: TextIO, args: argparse.Namespace, path: str = "", depth: int = 0
) -> list[str]:
    """Print ``acc`` and its subtree; return the paths of nameless controls."""
    lines, nameless = describe(pyatspi, acc)
    out.writelines("  " * (depth + (i > 0)) + line + "\n" for i, line in enumerate(lines))
    here = f'{path} > {acc.getRoleName()} "{oneline(acc.name)}"' if path else acc.getRoleName()
    missing = [here] if nameless else []
    for i, child in enumerate(acc if depth < args.max_depth else []):
        if i >= args.max_children:
            out.write("  " * (depth + 1) + f"… {acc.childCount - i} more\n")
            break
        if child is not None:
            missing += walk(pyatspi, child, out, args, here, depth + 1)
    return missing


def find(acc: Any, role: str, name: str) -> Any | None:
    if acc.getRoleName() == role and (acc.name or "").replace("&", "") == name:
        return acc
    return next((hit for c in acc if c is not None for hit in [find(c, role, name)] if hit), None)


def press(acc: Any | None) -> bool:
    """Do the accessible's press/click action, as a screen reader user would."""
    if acc is None or "Action" not in acc.get_interfaces():
        return False
    action = acc.queryAction()
    names = [action.getName(i).lower() for i in range(action.nActions)]
    index = next((names.index(n) for n in ("press", "click", "activate") if n in names), 0)
    return action.nActions > 0 and bool(action.doAction(index))


def dump(args: argparse.Namespace) -> int:
    import pyatspi  # type: ignore[import-not-found]

    app = wait_for_window(pyatspi, args.app_pid, args.timeout)
    if app is None:
        return fail(
            f"no 'article-reader' application on the AT-SPI bus after {args.timeout:g} s "
            "(is QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 set and at-spi-bus-launcher running?)"
        )
    with contextlib.ExitStack() as stack:
        out: TextIO = sys.stdout
        if args.out:
            out = stack.enter_context(Path(args.out).open("w", encoding="utf-8"))
        missing = walk(pyatspi, app, out, args)
        for name in args.open_tab:
            pressed = press(find(app, "page tab", name))
            out.write(f"\n== side tab {name!r}: {'selected' if pressed else 'NOT FOUND'} ==\n")
            app = (wait_for_window(pyatspi, args.app_pid, args.timeout) or app) if pressed else app
            tab = find(app, "page tab", name)
            if tab is not None and tab.parent is not None and tab.parent.parent is not None:
                missing += walk(pyatspi, tab.parent.parent, out, args)  # the tab widget
        out.write(f"\n== showing controls without a name: {len(set(missing))} ==\n")
        out.writelines(f"  {m}\n" for m in dict.fromkeys(missing))
        if args.keys or args.press_link:
            interact(pyatspi, app, args, out)
    if not press(find(app, "menu item", "Quit")):
        print("atspi_tree: could not press File > Quit; the reader gets SIGTERM", file=sys.stderr)
    return 0


def interact(pyatspi: Any, app: Any, args: argparse.Namespace, out: TextIO) -> None:
    """Focus the article, type ``args.keys``, press ``args.press_link``: print the events."""
    from gi.repository import GLib  # type: ignore[import-not-found]

    heard: list[str] = []

    def listen(event: Any) -> None:
        source = event.source
        who = f'{source.getRoleName()} "{oneline(source.name)}"' if source is not None else "?"
        if event.type.startswith("object:state-changed:focused"):
            if event.detail1:
                heard.append(f"focus: {who}")
        elif event.type.startswith("object:announcement"):
            heard.append(f'announcement: "{oneline(str(event.any_data))}"')
        elif event.type.startswith("object:text-caret-moved"):
            heard.append(f"caret: {who} at {event.detail1}")

    kinds = ("object:state-changed:focused", "object:announcement", "object:text-caret-moved")
    pyatspi.Registry.registerEventListener(listen, *kinds)
    context = GLib.MainContext.default()

    def pump(seconds: float) -> None:
        """Take events for ``seconds`` at least, then until none has come for as long
        (10 s at most: a window without a window manager is slow to get the keyboard)."""
        start = last = time.monotonic()
        seen = 0
        while time.monotonic() - start < 10 and (
            time.monotonic() - start < seconds or time.monotonic() - last < seconds
        ):
            while context.iteration(False):
                pass
            if len(heard) != seen:
                seen, last = len(heard), time.monotonic()
            time.sleep(0.02)

    def flush(what: str) -> None:
        out.write(f"== {what} ==\n")
        out.writelines(f"  event {line}\n" for line in heard)
        heard.clear()

    document = find(app, "document frame", "Article")
    out.write(f"\n== the article: {'found' if document is not None else 'NOT FOUND'} ==\n")
    if document is None:
        return
    extents = document.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    # (No window manager under Xvfb: the pointer over the window gives it the keyboard.)
    pyatspi.Registry.generateMouseEvent(
        extents.x + extents.width // 2, extents.y + extents.height // 2, pyatspi.MOUSE_ABS
    )
    document.queryComponent().grabFocus()
    pump(1.0)
    flush("grab focus on the article")
    for key in args.keys.split():
        type_key(pyatspi, key)
        pump(0.8)
        flush(f"key {key}")
    if args.press_link:
        link = find(document, "link", args.press_link)
        pressed = press(link)
        pump(1.0)
        flush(f"press link {args.press_link!r}: {'pressed' if pressed else 'NOT FOUND'}")
    pyatspi.Registry.deregisterEventListener(listen, *kinds)


KEYSYMS = {"return": 0xFF0D, "escape": 0xFF1B, "down": 0xFF54, "up": 0xFF52, "tab": 0xFF09}
MODIFIERS = {"shift": 1, "ctrl": 4, "alt": 8}  # X11's masks


def type_key(pyatspi: Any, key: str) -> None:
    """Type ``key`` ("h", "shift+h", "ctrl+t", "return") through the registry (XTest)."""
    *held, name = key.lower().split("+")
    mask = sum(MODIFIERS[m] for m in held)
    symbol = KEYSYMS.get(name) or ord(name)
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
    pyatspi.Registry.generateKeyboardEvent(symbol, None, pyatspi.KEY_SYM)
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)


if __name__ == "__main__":
    ARGS = parse_args()
    sys.exit(dump(ARGS) if ARGS.dump_only else drive(ARGS))
