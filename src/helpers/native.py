"""Compile the figure-extraction modules with mypyc, and load the compiled forms only while they
match their source.

Extraction runs Python code per figure (about one figure per 50 characters of a statistical text),
and mypyc, which compiles type-annotated Python to C, makes it about 1.4 times faster. The ``.py``
files stay the source of truth:

- ``python -m helpers compile`` (run by ``make install``) compiles :data:`COMPILED_MODULES` into
  ``src/helpers/_native/`` and records each source's SHA-256 in ``manifest.json``. With no C compiler,
  it records why and the build goes on in pure Python.
- At ``import helpers``, :func:`use_compiled_modules` puts a finder in front of Python's own, which
  loads the compiled modules only if *every* source of the group is unchanged. The compiled modules
  call each other directly in C, so one edited file turns the whole group back into Python.
- ``HELPERS_PURE_PYTHON=1`` turns them off: set it while editing these modules in a running kernel
  (``%autoreload`` cannot reload a compiled module; the check runs when ``helpers`` is first
  imported). The records are the same either way; the tests check this.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import sys
from pathlib import Path

# The modules extraction spends its time in; they import nothing compiled outside this list.
COMPILED_MODULES = ("wordsearch", "periods", "figures", "metrics", "indicators")
GROUP = "helpers_native"  # mypyc's shared library is the top-level module helpers_native__mypyc
PACKAGE_DIR = Path(__file__).resolve().parent
NATIVE_DIR = PACKAGE_DIR / "_native"
MANIFEST = NATIVE_DIR / "manifest.json"
PURE_PYTHON_VARIABLE = "HELPERS_PURE_PYTHON"
# mypyc's build step, run in a child process with the package's parent folder as its working folder
# (mypyc names modules by their paths: helpers/figures.py is helpers.figures)
SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify
paths, group, target, lib, temp = sys.argv[1].split(","), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
setup(name=group, ext_modules=mypycify(paths, opt_level="3", group_name=group, target_dir=target),
      script_args=["build_ext", "--build-lib", lib, "--build-temp", temp, "--quiet"])
"""


def hash_sources() -> dict[str, str]:
    """{module: SHA-256 of its .py file} for the compiled group."""
    return {module: hashlib.sha256((PACKAGE_DIR / f"{module}.py").read_bytes()).hexdigest()
            for module in COMPILED_MODULES}


def read_manifest() -> dict:
    """What the last compilation recorded ({} if none ran)."""
    try:
        return json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def find_reason_for_python() -> str | None:
    """Why the .py files run instead of the compiled group, or None when the group can be used."""
    if os.environ.get(PURE_PYTHON_VARIABLE):
        return f"{PURE_PYTHON_VARIABLE} is set"
    manifest = read_manifest()
    if not manifest:
        return "not compiled: run `python -m helpers compile`"
    if not manifest.get("compiled"):
        return f"compilation failed: {manifest.get('reason', 'no reason recorded')}"
    if manifest.get("suffix") != importlib.machinery.EXTENSION_SUFFIXES[0]:
        return "compiled for another Python"
    changed = [m for m, digest in hash_sources().items() if manifest["sources"].get(m) != digest]
    if changed:
        return f"{', '.join(changed)} changed since compilation: run `python -m helpers compile`"
    return None


def describe_compiled_modules() -> str:
    """One line for logs and benchmarks: are the compiled modules in use, and if not, why."""
    reason = find_reason_for_python()
    return f"pure Python ({reason})" if reason else f"compiled with mypyc ({', '.join(COMPILED_MODULES)})"


class _CompiledFinder:
    """Finds the compiled modules (and their shared library) in _native/, and nothing else (a meta
    path finder; importlib.abc is not imported for its base class, which costs 20 ms at start-up)."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(self, fullname, path=None, target=None):
        location = self.files.get(fullname)
        if location is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(location))
        return importlib.machinery.ModuleSpec(fullname, loader, origin=str(location))


def use_compiled_modules() -> bool:
    """Load the compiled group from now on, if it matches the sources; say whether it does."""
    if any(isinstance(finder, _CompiledFinder) for finder in sys.meta_path):
        return True
    if find_reason_for_python():
        return False
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    files = {f"helpers.{module}": NATIVE_DIR / f"{module}{suffix}" for module in COMPILED_MODULES}
    files[f"{GROUP}__mypyc"] = NATIVE_DIR / f"{GROUP}__mypyc{suffix}"
    if not all(path.is_file() for path in files.values()):
        return False
    sys.meta_path.insert(0, _CompiledFinder(files))
    return True


def compile_modules() -> dict:
    """Compile the group with mypyc into _native/ and write the manifest; return the manifest.

    A failure (no compiler, no Python headers, mypyc missing) is recorded, not raised: the pure
    Python modules give the same results.
    """
    import shutil
    import subprocess
    import tempfile

    sources = hash_sources()
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    with tempfile.TemporaryDirectory(prefix="helpers-native-") as scratch:
        scratch = Path(scratch)
        paths = ",".join(f"helpers/{module}.py" for module in COMPILED_MODULES)
        run = subprocess.run(
            [sys.executable, "-c", SETUP, paths, GROUP, str(scratch / "c"), str(scratch / "lib"), str(scratch / "tmp")],
            cwd=PACKAGE_DIR.parent, capture_output=True, text=True,
            env={**os.environ, "MYPY_CACHE_DIR": str(scratch / "mypy-cache")})
        built = {f"{module}{suffix}": scratch / "lib" / "helpers" / f"{module}{suffix}" for module in COMPILED_MODULES}
        built[f"{GROUP}__mypyc{suffix}"] = scratch / "lib" / f"{GROUP}__mypyc{suffix}"
        if run.returncode != 0 or not all(path.is_file() for path in built.values()):
            errors = [line for line in (run.stdout + run.stderr).splitlines() if "error" in line.lower()]
            shutil.rmtree(NATIVE_DIR, ignore_errors=True)  # no stale binaries beside a failure
            manifest = {"compiled": False, "sources": sources,
                        "reason": (errors[-1] if errors else f"mypyc exited with {run.returncode}")[:300]}
        else:
            if NATIVE_DIR.exists():
                shutil.rmtree(NATIVE_DIR)
            NATIVE_DIR.mkdir()
            for name, path in built.items():
                shutil.copy2(path, NATIVE_DIR / name)
            manifest = {"compiled": True, "sources": sources, "suffix": suffix}
    NATIVE_DIR.mkdir(exist_ok=True)
    temporary = MANIFEST.with_suffix(".tmp")
    temporary.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(temporary, MANIFEST)
    return manifest

