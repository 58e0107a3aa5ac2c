"""The demo data the read benchmarks run on, and the API key they call the API with.

:func:`prepare` does what ``relgraph bench referrals`` always did: start the managed Neo4j
unless ``NEO4J_URI`` points elsewhere, apply the migrations and, with ``--load``, replace
the demo data with a freshly generated data set of the chosen scale. :func:`viewer_key`
creates one viewer key for a run and revokes it afterwards.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager

from api.cli.console import run
from api.cli.db import apply_migrations, ensure_database
from api.cli.demo import SCALES, ScaleName, load_demo
from api.cli.keys import create_key, revoke_key
from api.config import ApiSettings
from graph.config import LocalServerSettings
from ingest.demo import generate as generate_dataset
from schema.auth import Role

__all__ = ["gid", "prepare", "viewer_key"]


def gid(type_name: str, uid: str) -> str:
    """The GraphQL global id of a record.

    >>> gid("Company", "c:1")
    'Q29tcGFueTpjOjE='
    """
    return base64.b64encode(f"{type_name}:{uid}".encode()).decode()


def prepare(*, scale: ScaleName, seed: int, load: bool) -> ApiSettings:
    """The API settings from the environment, with their database running, migrated and,
    when ``load``, holding a newly generated demo data set of ``scale``."""
    local, settings = LocalServerSettings.from_env(), ApiSettings.from_env()
    ensure_database(local, settings.graph)
    run(apply_migrations(settings.graph))
    if load:
        run(load_demo(settings.graph, generate_dataset(seed=seed, scale=SCALES[scale])))
    return settings


@contextmanager
def viewer_key(settings: ApiSettings, name: str) -> Iterator[str]:
    """A new viewer API key for the run (its plaintext), revoked when the run ends."""
    principal, key = run(create_key(settings.graph, name, Role.VIEWER))
    try:
        yield key
    finally:
        run(revoke_key(settings.graph, principal.key_id))
