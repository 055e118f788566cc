"""The core runs without Qt: import every module of app/ in a process where PySide6 cannot load."""

import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"

_PROBE = """
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt is blocked in the core: ' + name)
sys.meta_path.insert(0, Block())
import app
for mod in pkgutil.walk_packages(app.__path__, 'app.'):
    importlib.import_module(mod.name)
print('ok', len(sys.modules))
"""


def test_core_imports_without_qt():
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=APP.parent, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok")
