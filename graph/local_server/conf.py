"""Render ``neo4j.conf`` and the JVM command line for the managed local server."""

from __future__ import annotations

from pathlib import Path

from graph.config import LocalServerSettings

__all__ = ["java_command", "render_conf"]

_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)


def render_conf(settings: LocalServerSettings) -> str:
    """Return the ``neo4j.conf`` text: loopback only, Bolt on ``settings.port``, no auth."""
    address = f"127.0.0.1:{settings.port}"
    lines = [
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        "server.bolt.enabled=true",
        f"server.bolt.listen_address={address}",
        f"server.bolt.advertised_address={address}",
        "server.http.enabled=false",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=false",
        "server.directories.data=data",
        "server.directories.logs=logs",
        f"server.memory.pagecache.size={settings.page_cache}",
        "dbms.memory.transaction.total.max=512m",
        "dbms.usage_report.enabled=false",
        "db.transaction.timeout=120s",
        # Bolt waits 5s twice for idle connections on shutdown; nothing is left to wait for
        # once the databases have stopped, so stop takes ~2s instead of ~10s.
        "internal.server.bolt.thread_pool_shutdown_wait_time=1s",
        "internal.server.bolt.connection_shutdown_wait_time=1s",
    ]
    return "\n".join(lines) + "\n"


def java_command(java: Path, lib: Path, neo4j_home: Path, heap: str) -> list[str]:
    """Return the command that runs the Community server in the foreground."""
    classpath = f"{neo4j_home / 'plugins'}/*:{neo4j_home / 'conf'}/*:{lib}/*"
    return [
        str(java),
        f"-Xms{_initial_heap(heap)}",
        f"-Xmx{heap}",
        *_JVM_FLAGS,
        "-cp",
        classpath,
        "org.neo4j.server.CommunityEntryPoint",
        f"--home-dir={neo4j_home}",
        f"--config-dir={neo4j_home / 'conf'}",
        "--console-mode",
    ]


def _initial_heap(heap: str) -> str:
    return "512m" if heap.lower() not in {"256m", "384m"} else heap
