"""``relgraph bench``: benchmarks printed side by side from one run, never timed tests.

- ``ingest``: the importer against a hand-tuned ``UNWIND`` script (:mod:`.ingest`);
- ``referrals``: referralPaths and decisionMakers against Neo4j's own Cypher (:mod:`.referrals`);
- ``crm``: the standard CRM reads over HTTP against plain Cypher (:mod:`.crm`);
- ``intelligence``: orgChart, hiddenLinks and buyingCommittee against plain Cypher
  (:mod:`.intelligence`);
- ``load``: the API under C concurrent clients (:mod:`.load`);
- ``projection``: the resident projection's build, memory and feed application, and its
  reads against the per-request reads they replace (:mod:`.projection`).
"""

from __future__ import annotations

import typer

from api.cli.bench.crm import crm_command
from api.cli.bench.ingest import ingest_command
from api.cli.bench.intelligence import intelligence_command
from api.cli.bench.load import load_command
from api.cli.bench.projection import projection_command
from api.cli.bench.referrals import referrals_command

__all__ = ["bench_app"]

bench_app = typer.Typer(
    help="Benchmarks printed side by side from one run (never timed tests).",
    no_args_is_help=True,
)
bench_app.command("ingest")(ingest_command)
bench_app.command("referrals")(referrals_command)
bench_app.command("crm")(crm_command)
bench_app.command("intelligence")(intelligence_command)
bench_app.command("load")(load_command)
bench_app.command("projection")(projection_command)
