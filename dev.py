"""Set up a local environment and run Resolute or its tests, on Windows, macOS and Linux alike.

python3 dev.py app      set up .venv (first time) and start the editor
python3 dev.py test     set up .venv (first time) and run the whole test suite
python3 dev.py package  set up .venv with PyInstaller and build the standalone app in dist/ (scripts/package.py)
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_env(extras: str = "test") -> None:
    """Create .venv and install the project with its test extras, again whenever pyproject.toml changes."""
    stamp = VENV / ".installed"
    spec = (ROOT / "pyproject.toml").read_bytes() + extras.encode()
    if PYTHON.exists() and stamp.exists() and stamp.read_bytes() == spec:
        return
    if not PYTHON.exists():
        print("dev.py: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("dev.py: installing Resolute and its dependencies", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "-q", "-e", f"{ROOT}[{extras}]"], check=True)
    stamp.write_bytes(spec)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test", "package"):
        print(__doc__)
        return 2
    if argv[0] == "package":
        ensure_env("test,package")
        return subprocess.call([str(PYTHON), str(ROOT / "scripts" / "package.py"), *argv[1:]], cwd=ROOT)
    ensure_env()
    if argv[0] == "app":
        return subprocess.call([str(PYTHON), "-m", "app", *argv[1:]], cwd=ROOT)
    return subprocess.call([str(PYTHON), "-m", "pytest", *argv[1:]], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
