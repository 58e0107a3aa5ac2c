"""Java discovery and the verification of the Neo4j jars against the shipped lock."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph.config import DEFAULT_NEO4J_VERSION
from graph.errors import DistributionError, JavaNotFound
from graph.local_server.distribution import read_lock, verify_jars
from graph.local_server.java import find_java, java_major_version


def test_the_lock_pins_every_jar_of_the_default_version() -> None:
    lock = read_lock(DEFAULT_NEO4J_VERSION)

    assert f"neo4j-server-{DEFAULT_NEO4J_VERSION}.jar" in lock
    assert f"neo4j-bolt-{DEFAULT_NEO4J_VERSION}.jar" in lock
    assert len(lock) > 200
    assert all(len(digest) == 64 for digest in lock.values())


def test_an_unknown_version_has_no_lock() -> None:
    with pytest.raises(DistributionError, match="not supported"):
        read_lock("0.0.1")


def _jar(folder: Path, name: str, content: bytes) -> str:
    (folder / name).write_bytes(content)
    return hashlib.sha256(content).hexdigest()


def test_verification_accepts_exactly_the_locked_jars(tmp_path: Path) -> None:
    expected = {"a.jar": _jar(tmp_path, "a.jar", b"a"), "b.jar": _jar(tmp_path, "b.jar", b"b")}
    verify_jars(tmp_path, expected)


@pytest.mark.parametrize("damage", ["missing", "extra", "corrupted"])
def test_verification_names_missing_extra_and_corrupted_jars(tmp_path: Path, damage: str) -> None:
    expected = {"a.jar": _jar(tmp_path, "a.jar", b"a"), "b.jar": _jar(tmp_path, "b.jar", b"b")}
    if damage == "missing":
        (tmp_path / "b.jar").unlink()
    elif damage == "extra":
        _jar(tmp_path, "evil.jar", b"x")
    else:
        (tmp_path / "a.jar").write_bytes(b"tampered")

    with pytest.raises(DistributionError, match="failed verification") as error:
        verify_jars(tmp_path, expected)
    assert (
        "b.jar" if damage == "missing" else "evil.jar" if damage == "extra" else "a.jar"
    ) in str(error.value)


def test_a_supported_java_is_found_on_this_machine() -> None:
    java = find_java(install=False)
    assert java_major_version(java) in {17, 21}


def test_no_supported_java_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(JavaNotFound, match="Neo4j needs Java 99"):
        find_java(
            supported=frozenset({99}),
            env={"RELGRAPH_JAVA": str(tmp_path / "nojava")},
            install=False,
        )


def test_a_broken_java_path_is_skipped_for_the_next_candidate(tmp_path: Path) -> None:
    java = find_java(env={"RELGRAPH_JAVA": str(tmp_path / "nojava")}, install=False)
    assert java != tmp_path / "nojava"
