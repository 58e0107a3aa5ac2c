"""Fetch the Neo4j Community server jars from Maven Central and verify them.

The official standalone archive is not published on Maven Central (only its POM), so the
server's runtime class path is resolved with Maven (``mvn``, strict checksums) from the
``org.neo4j.app:neo4j-server`` artifacts, then every jar is checked against the SHA-256 lock
shipped with Relgraph (``neo4j-<version>.sha256``). The jars live in the user cache directory,
never in the repository. Concurrent callers are serialised by a file lock.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import platformdirs

from graph.errors import DistributionError

__all__ = ["cache_root", "ensure_distribution", "read_lock", "verify_jars"]

_MARKER = ".verified"
_DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies"


def cache_root() -> Path:
    """The folder holding downloaded Neo4j versions (``RELGRAPH_CACHE`` overrides it)."""
    if override := os.environ.get("RELGRAPH_CACHE"):
        return Path(override).resolve() / "neo4j"
    return platformdirs.user_cache_path("relgraph") / "neo4j"


def read_lock(version: str) -> dict[str, str]:
    """Return ``{jar file name: sha256}`` for ``version`` from the shipped lock file."""
    lock = resources.files("graph.local_server") / f"neo4j-{version}.sha256"
    if not lock.is_file():
        raise DistributionError(f"Neo4j {version} is not supported: no lock file {lock.name}")
    digests: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            digests[name.strip()] = digest
    return digests


def verify_jars(lib: Path, expected: dict[str, str]) -> None:
    """Check that ``lib`` holds exactly the expected jars with the expected SHA-256 digests.

    Raises
    ------
    DistributionError
        Naming the missing, unexpected or corrupted jars.
    """
    present = {p.name for p in lib.glob("*.jar")}
    missing = sorted(set(expected) - present)
    extra = sorted(present - set(expected))
    corrupted = [
        name for name in sorted(present & set(expected)) if _sha256(lib / name) != expected[name]
    ]
    if missing or extra or corrupted:
        raise DistributionError(
            f"Neo4j jars in {lib} failed verification: missing={missing[:5]} "
            f"unexpected={extra[:5]} checksum mismatch={corrupted[:5]}"
        )


def ensure_distribution(version: str) -> Path:
    """Return the verified ``lib`` folder of Neo4j ``version``, fetching it at first use."""
    expected = read_lock(version)
    lock_digest = hashlib.sha256(repr(sorted(expected.items())).encode()).hexdigest()
    home = cache_root() / version
    lib = home / "lib"
    home.mkdir(parents=True, exist_ok=True)
    with _exclusive(home / ".lock"):
        marker = lib / _MARKER
        if marker.is_file() and marker.read_text(encoding="utf-8") == lock_digest:
            return lib
        staging = Path(tempfile.mkdtemp(prefix="lib-", dir=home))
        try:
            _resolve_with_maven(version, staging)
            verify_jars(staging, expected)
            (staging / _MARKER).write_text(lock_digest, encoding="utf-8")
            if lib.exists():
                shutil.rmtree(lib)
            staging.rename(lib)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return lib


def _resolve_with_maven(version: str, output: Path) -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise DistributionError(
            "Maven (`mvn`) is needed once to fetch Neo4j from Maven Central: install it "
            "(e.g. `apt-get install maven`) or point NEO4J_URI at an existing server."
        )
    template = resources.files("graph.local_server") / "runtime-pom.xml"
    pom = output.parent / f"runtime-{version}.pom.xml"
    pom.write_text(template.read_text(encoding="utf-8").replace("@VERSION@", version), "utf-8")
    command = [
        mvn,
        "-B",
        "-q",
        "-C",
        "-f",
        str(pom),
        _DEPENDENCY_PLUGIN,
        "-DincludeScope=runtime",
        f"-DoutputDirectory={output}",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-20:])
        raise DistributionError(f"Maven could not fetch Neo4j {version}:\n{tail}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
