"""One error tree: every exception class of ours is a :class:`CrmGraphError`, and the tree
drawn in :mod:`schema.errors` names each class with its module."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from types import ModuleType

import pytest

import schema.errors
from schema.errors import CrmGraphError

PACKAGES = ("api", "graph", "schema", "ingest", "algorithms")

OUTSIDE_THE_TREE: frozenset[str] = frozenset()
"""Exception classes of ours allowed not to derive from CrmGraphError (module.qualname),
each with its reason in a comment. None today: algorithms/ defines no exception class (it
raises builtins and networkx errors, as schema/errors.py says)."""


def _modules() -> list[ModuleType]:
    found = []
    for name in PACKAGES:
        package = importlib.import_module(name)
        found.append(package)
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            found.append(importlib.import_module(info.name))
    return found


def _exception_classes() -> list[type[BaseException]]:
    """Every exception class defined at the top of one of our modules."""
    return sorted(
        {
            value
            for module in _modules()
            for value in vars(module).values()
            if inspect.isclass(value)
            and issubclass(value, BaseException)
            and value.__module__ == module.__name__
        },
        key=_name,
    )


def _name(error: type[BaseException]) -> str:
    return f"{error.__module__}.{error.__qualname__}"


ERRORS = _exception_classes()


def test_the_search_finds_the_errors_of_every_layer_that_defines_some() -> None:
    assert {error.__module__.split(".")[0] for error in ERRORS} == {
        "schema",
        "graph",
        "ingest",
        "api",
    }


@pytest.mark.parametrize("error", ERRORS, ids=_name)
def test_every_exception_class_of_ours_derives_from_the_root_error(
    error: type[BaseException],
) -> None:
    assert issubclass(error, CrmGraphError) or _name(error) in OUTSIDE_THE_TREE


@pytest.mark.parametrize("error", ERRORS, ids=_name)
def test_the_tree_in_schema_errors_names_every_class_with_its_module(
    error: type[BaseException],
) -> None:
    line = re.compile(
        rf"(^|[\s─]){re.escape(error.__name__)}[\s*].*\s{re.escape(error.__module__)}(\s|$)"
    )
    tree = (schema.errors.__doc__ or "").splitlines()
    assert any(line.search(text) for text in tree), f"{_name(error)} is not in the tree"


def test_errors_that_were_value_errors_still_are() -> None:
    from ingest.formats.ical.times import EventTimeError
    from ingest.validation.values import Invalid

    assert issubclass(Invalid, ValueError) and issubclass(EventTimeError, ValueError)
