"""Entry point: the command line for commands, the reader window otherwise.

article-reader                      the window
article-reader FILE...              the window, with FILEs imported and the first opened
                                    (by the window already open, if there is one)
article-reader COMMAND ...          a command (see --help)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_BROKEN_PIPE = 128 + 13  # as a process ended by SIGPIPE reports itself to a shell


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:  # the launcher's start: the window, with nothing to parse
        from reader.ui.shell.application import run_gui

        return run_gui()
    from reader import cli

    if _wants_command_line(argv, cli.command_names()):
        try:
            return cli.run(argv)
        except BrokenPipeError:
            # The reader of our output stopped (``article-reader list | head``): as a shell
            # tool ends on SIGPIPE, quietly, and with nothing left for Python to flush.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_BROKEN_PIPE
    args = _window_parser().parse_args(argv)
    missing = [path for path in args.files if not path.exists()]
    if missing:
        print(f"article-reader: {missing[0]}: no such file or folder", file=sys.stderr)
        return 2
    from reader.ui.shell.application import run_gui

    return run_gui(args.data_dir, args.files, args.quit_after_load)


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="article-reader")
    parser.add_argument("--data-dir", metavar="DIR")
    parser.add_argument("--quit-after-load", action="store_true")
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE")
    return parser


def _wants_command_line(argv: list[str], commands: set[str]) -> bool:
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return True
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--data-dir":
            skip = True
            continue
        if arg.startswith("-"):
            if arg not in ("--quit-after-load",) and not arg.startswith("--data-dir="):
                return True  # an option only commands have: argparse explains it
            continue
        # The first word: a command, or a file to open. A word that is neither and does
        # not look like a path is most likely a mistyped command.
        return arg in commands or not _looks_like_a_path(arg)
    return False


def _looks_like_a_path(arg: str) -> bool:
    return Path(arg).exists() or "/" in arg or "\\" in arg or "." in Path(arg).name
