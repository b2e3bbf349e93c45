"""reader.core is the part without Qt: the command line and the GUI both stand on it."""

import ast
import subprocess
import sys
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).resolve().parent
FORBIDDEN = ("PySide6", "qtawesome", "qtpy", "shiboken6", "reader.ui")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_mentions_qt_in_an_import():
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name for name in _imports(path) if name.startswith(FORBIDDEN)
        )
        for path in (PACKAGE / "core").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_all_of_core_and_the_cli_loads_no_qt():
    modules = sorted(
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for path in (PACKAGE / "core").rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r} + ['reader.cli', 'reader.paths']:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_cli_command_runs_without_qt(tmp_path):
    code = (
        "import sys\n"
        "from reader import cli\n"
        f"rc = cli.run(['--data-dir', {str(tmp_path)!r}, 'list'])\n"
        "print(rc, sorted(m for m in sys.modules if m.startswith(('PySide6', 'qtawesome'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0 []"


# -- one store owns the SQL ---------------------------------------------------------------

ROOT = PACKAGE.parent
STORE = PACKAGE / "core" / "store"
STORE_MODULE = "reader.core.store"
# Where the rule holds: the application, the benchmarks and the packaging scripts.
CHECKED = (PACKAGE, ROOT / "benchmarks", ROOT / "packaging")
# The benchmarks' baselines measure SQLite itself, without our store, on purpose: the one
# module outside the store that may open a connection of its own.
BARE_SQLITE_BASELINES = ROOT / "benchmarks" / "bare_sqlite.py"


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def store_private_names(store_files) -> set[str]:
    """Every private name the store defines: its modules' top-level names, its classes'
    methods and attributes, and the attributes it sets (``self._db = ...``)."""
    names = set()
    for path in store_files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
        for node in tree.body:
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else ([node.target] if isinstance(node, ast.AnnAssign) else [])
            )
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return {name for name in names if _is_private(name)}


def _trees(path: Path):
    """The module, and any Python program it holds in a string (a script a benchmark runs
    in a child process, say)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    yield tree
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and ("import" in node.value)
        ):
            try:
                yield ast.parse(node.value)
            except SyntaxError:
                continue


def leaks(path: Path, private: set[str], store_module: str | tuple[str, ...]) -> list[str]:
    """Where ``path`` imports sqlite3 or uses a private name of the store."""
    found = []
    for tree in _trees(path):
        for node in ast.walk(tree):
            where = f"{path.name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Import):
                found += [
                    f"{where} imports {a.name}"
                    for a in node.names
                    if a.name.split(".")[0] == "sqlite3"
                ]
            elif isinstance(node, ast.ImportFrom) and node.level:
                # A relative import (from .store.library import _x) may reach the store too.
                found += [
                    f"{where} imports {a.name} from {'.' * node.level}{node.module or ''}"
                    for a in node.names
                    if a.name in private
                ]
            elif isinstance(node, ast.ImportFrom) and node.module:
                if node.module.split(".")[0] == "sqlite3":
                    found.append(f"{where} imports from {node.module}")
                elif node.module.startswith(store_module):
                    found += [
                        f"{where} imports {a.name} from {node.module}"
                        for a in node.names
                        if _is_private(a.name)
                    ]
            elif isinstance(node, ast.Call) and len(node.args) >= 1:
                function = getattr(node.func, "attr", getattr(node.func, "id", ""))
                names = [a.value for a in node.args if isinstance(a, ast.Constant)]
                if function in ("import_module", "__import__") and any(
                    str(name).split(".")[0] == "sqlite3" for name in names
                ):
                    found.append(f"{where} imports sqlite3 by name")
                if function in ("getattr", "setattr", "hasattr") and set(names) & private:
                    found.append(f"{where} uses {sorted(set(names) & private)} by name")
            # vars(library)["_db"], library.__dict__["_db"]
            elif (
                isinstance(node, ast.Subscript)
                and isinstance(node.slice, ast.Constant)
                and node.slice.value in private
            ):
                found.append(f"{where} uses [{node.slice.value!r}]")
            # An object's own attribute (self._x) is its own business, not the store's.
            elif (
                isinstance(node, ast.Attribute)
                and node.attr in private
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            ):
                found.append(f"{where} uses .{node.attr}")
    return found


def outside_leaks(store_files, store_module: str) -> list[str]:
    private = store_private_names(store_files)
    store_paths = {path.resolve() for path in store_files}
    found = []
    for folder in CHECKED:
        for path in sorted(folder.rglob("*.py")):
            if path.resolve() in store_paths or STORE in path.resolve().parents:
                continue
            found += [
                f"{path.relative_to(ROOT).parent}/{leak}"
                for leak in leaks(path, private, store_module)
                if not (path == BARE_SQLITE_BASELINES and "sqlite3" in leak)
            ]
    return found


def test_only_the_store_imports_sqlite3_or_touches_its_private_names():
    assert STORE.is_dir()
    assert outside_leaks(sorted(STORE.rglob("*.py")), STORE_MODULE) == []


def test_the_store_rule_sees_every_kind_of_leak(tmp_path):
    # How the store was used from outside before it was one package (and a bit more).
    module = tmp_path / "leaky.py"
    module.write_text(
        "import sqlite3\n"
        "from sqlite3 import connect\n"
        "import importlib\n"
        "from reader.core.store.rows import _COLUMNS, select_by_ids\n"
        "db = library._db\n"
        "with history._library._transaction():\n"
        "    pass\n"
        "getattr(library, '_db')\n"
        "importlib.import_module('sqlite3')\n"
        'CHILD = """\nimport sqlite3\nprint(library._db)\n"""\n'
        "self._db = None  # (its own)\n"
        "from .store.library import _OPEN_HERE\n"
        "vars(library)['_db']\n",
        encoding="utf-8",
    )
    found = leaks(module, {"_db", "_transaction", "_COLUMNS", "_OPEN_HERE"}, STORE_MODULE)
    assert sorted(found) == sorted(
        [
            "leaky.py:1 imports sqlite3",
            "leaky.py:2 imports from sqlite3",
            "leaky.py:4 imports _COLUMNS from reader.core.store.rows",
            "leaky.py:5 uses ._db",
            "leaky.py:6 uses ._transaction",
            "leaky.py:8 uses ['_db'] by name",
            "leaky.py:9 imports sqlite3 by name",
            "leaky.py:2 imports sqlite3",  # (the child script's own lines)
            "leaky.py:3 uses ._db",
            "leaky.py:15 imports _OPEN_HERE from .store.library",
            "leaky.py:16 uses ['_db']",
        ]
    )


def test_the_store_knows_its_own_private_names():
    private = store_private_names(sorted(STORE.rglob("*.py")))
    assert {"_db", "_bulk", "_turnstile", "_OPEN_HERE", "_rows_by_ids"} <= private


def test_opening_the_store_loads_only_what_a_library_needs():
    # The window's first paint imports the store: what salvage, search and the articles'
    # text need is loaded when they are used.
    code = (
        "import sys\n"
        "import reader.core.store\n"
        "prefixes = ('reader', 'Stemmer', 'pymorphy3')\n"
        "print(sorted(m for m in sys.modules if m.startswith(prefixes)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(ast.literal_eval(result.stdout))
    assert loaded.isdisjoint(
        {
            "reader.core.store.salvage",
            "reader.core.store.search_index",
            "reader.core.article",
            "reader.core.text_index",
            "reader.core.parsers",
            "reader.core.morphology",
            "Stemmer",
            "pymorphy3",  # (the Russian dictionary: loaded by a search, an import or marks)
        }
    )
