"""Entry point: the command line for commands, the reader window otherwise."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from reader import cli

    if _wants_command_line(argv):
        return cli.run(argv)
    args = cli.build_parser().parse_args(argv)
    from reader.ui.application import run_gui

    return run_gui(args.data_dir)


def _wants_command_line(argv: list[str]) -> bool:
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
            continue
        # A command name, or a mistake argparse should explain.
        return True
    return False
