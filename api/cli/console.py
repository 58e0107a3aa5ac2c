"""Shared terminal output and error handling for the commands."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import typer
from rich.console import Console

from schema.errors import CrmGraphError

__all__ = ["console", "fail_cleanly", "run"]

T = TypeVar("T")
console = Console(highlight=False)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


@contextmanager
def fail_cleanly() -> Iterator[None]:
    """Turn Relgraph's own errors into a red message and exit status 1, without a traceback."""
    try:
        yield
    except CrmGraphError as e:
        errors.print(f"[bold red]error:[/] {e}")
        raise typer.Exit(code=1) from e


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run an async use case from a command."""
    return asyncio.run(coroutine)
