"""Build the standalone app with PyInstaller: dist/resolute/ (runs with no Python) and an archive beside it.

python scripts/package.py        (needs the `package` extra: pip install -e .[package]; or: python3 dev.py package)

dist/resolute/resolute[.exe] is the editor with no argument and the command line with a subcommand, as the
installed `resolute`. templates/, resources/ and pyproject.toml (the version) travel inside the bundle, where
app.paths finds them through sys._MEIPASS. The archive is .tar.gz on Linux and .zip on Windows and macOS.
"""

from __future__ import annotations

import platform
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build" / "pyinstaller"
# Qt modules the app does not use: leaving them out keeps the bundle and the build time small
EXCLUDE = (
    "tkinter",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
)


def pyinstaller_args() -> list[str]:
    icon = ROOT / "resources" / "icons" / ("resolute.ico" if sys.platform == "win32" else "resolute.icns")
    args = [
        str(ROOT / "packaging" / "launcher.py"),
        "--name",
        "resolute",
        "--noconfirm",
        "--clean",
        "--onedir",
        "--console",  # one program for the editor and the command line
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD),
        "--specpath",
        str(BUILD),
        "--paths",
        str(ROOT),
        "--collect-submodules",
        "app",
        "--collect-submodules",
        "widgets",  # the CLI imports its commands lazily
        "--collect-data",
        "docx",
        "--collect-data",
        "spellchecker",  # Word part templates, the English word list
        "--collect-all",
        "pypdfium2_raw",  # PDFium's library and its version file, which pypdfium2 loads at run time
        "--add-data",
        f"{ROOT / 'templates'}:templates",
        "--add-data",
        f"{ROOT / 'resources'}:resources",
        "--add-data",
        f"{ROOT / 'pyproject.toml'}:.",
        "--icon",
        str(icon),
    ]
    import docx  # python-docx finds its part templates through docx/parts/../templates: that folder must exist

    args += ["--add-data", f"{Path(docx.__file__).parent / 'parts'}:docx/parts"]
    for name in EXCLUDE:
        args += ["--exclude-module", name]
    return args


def archive() -> Path:
    from app import __version__

    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    base = DIST / f"resolute-{__version__}-{system}-{platform.machine().lower()}"
    fmt = "gztar" if system not in ("windows", "macos") else "zip"
    return Path(shutil.make_archive(str(base), fmt, root_dir=DIST, base_dir="resolute"))


def main() -> int:
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        print(
            "package: PyInstaller is missing: pip install -e .[package]  (or: python3 dev.py package)",
            file=sys.stderr,
        )
        return 2
    sys.path.insert(0, str(ROOT))
    pyinstaller.run(pyinstaller_args())
    print(f"package: built {DIST / 'resolute'} and {archive()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
