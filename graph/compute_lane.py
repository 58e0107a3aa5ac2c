"""One lane per process for the CPU-bound part of an answer (an org chart's inference, a
referral search, a ranking, a resident projection's read).

Such work runs in a worker thread so the event loop stays free; but Python runs one thread at
a time, so twenty of them started at once share the interpreter and all finish late, while
the cheap requests (a person, a search) wait behind them for the interpreter too. Through the
lane they run one at a time in arrival order (``RELGRAPH_CPU_LANES`` at a time): each
finishes as soon as it alone can, and the event loop gets the interpreter between them. More
processes (``relgraph serve --workers N``) are how more cores are used.

>>> import asyncio
>>> asyncio.run(in_cpu_lane(sum, [1, 2, 3]))
6
"""

from __future__ import annotations

import asyncio
import functools
import os
import weakref
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import anyio
import anyio.to_thread

__all__ = ["in_cpu_lane", "lanes"]

P = ParamSpec("P")
T = TypeVar("T")

_LIMITERS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = (
    weakref.WeakKeyDictionary()
)


def lanes() -> int:
    """How many CPU-bound computations a process runs at once (``RELGRAPH_CPU_LANES``, 1)."""
    return max(1, int(os.environ.get("RELGRAPH_CPU_LANES", "1")))


def _limiter() -> anyio.CapacityLimiter:
    loop = asyncio.get_running_loop()
    limiter = _LIMITERS.get(loop)
    if limiter is None:
        limiter = _LIMITERS[loop] = anyio.CapacityLimiter(lanes())
    return limiter


async def in_cpu_lane(func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``func(*args, **kwargs)`` in a worker thread, once the lane is free."""
    return await anyio.to_thread.run_sync(
        functools.partial(func, *args, **kwargs), limiter=_limiter()
    )
