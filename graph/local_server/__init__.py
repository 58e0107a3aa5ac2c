"""The managed local Neo4j Community server: Java, the jars from Maven Central, the process."""

from graph.local_server.distribution import ensure_distribution
from graph.local_server.java import find_java
from graph.local_server.server import LocalServer, ServerStatus

__all__ = ["LocalServer", "ServerStatus", "ensure_distribution", "find_java"]
