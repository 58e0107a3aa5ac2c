"""The ``relgraph`` command line (typer + rich). This package is the composition root."""

from __future__ import annotations

import typer

from api.cli.bench import bench_app
from api.cli.db import db_app
from api.cli.dedupe import dedupe_app
from api.cli.demo import demo, generate
from api.cli.ingest import ingest
from api.cli.intel import decision_makers, links, org, paths
from api.cli.keys import keys_app
from api.cli.quality import quality
from api.cli.serve import serve

__all__ = ["app"]

app = typer.Typer(
    name="relgraph",
    help="Relationship-graph intelligence for CRM.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(db_app, name="db")
app.add_typer(bench_app, name="bench")
app.add_typer(keys_app, name="keys")
app.add_typer(dedupe_app, name="dedupe")
app.command()(serve)
app.command()(demo)
app.command()(generate)
app.command()(ingest)
app.command()(quality)
app.command()(org)
app.command("decision-makers")(decision_makers)
app.command()(paths)
app.command()(links)
