"""The intelligence questions in a terminal: ``relgraph org``, ``decision-makers``, ``paths``
and ``links``, each taking a name or an id (see :mod:`api.cli.intel.resolve`) and answered by
the API's own services (see :mod:`api.cli.intel.session`)."""

from __future__ import annotations

from api.cli.intel.decision_makers import decision_makers
from api.cli.intel.links import links
from api.cli.intel.org import org
from api.cli.intel.paths import paths

__all__ = ["decision_makers", "links", "org", "paths"]
