"""Cypher of the write commands (the API's mutations), one module per aggregate.

Every command is ONE query, so it runs in one managed write transaction: it first computes a
``verdict`` (``[status, field, reason]``) from what it reads, writes only when the status is
``'ok'``, and always returns one row with ``status``, ``field``, ``reason``, ``actual`` (the
version before the write) and the record. See :mod:`graph.queries.commands.fragments`.
"""
