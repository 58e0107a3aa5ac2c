"""What the benchmarks read about the machine they run on, from ``/proc`` (Linux): how busy
its CPUs were between two moments (everything on it: the API, Neo4j, the benchmark's own
clients), a process tree's memory (RSS) and CPU time, and a one-line description.

Elsewhere the readings are None and the reports print ``?``.

Examples
--------
>>> earlier, later = CpuTimes(busy=100, total=400), CpuTimes(busy=250, total=600)
>>> later.busy_since(earlier)
0.75
>>> _stat_fields("12 (a (b) c) S 1 12 12 0 -1 4194560 10 0 0 0 7 3 0 0 20 0 1")[:2]
['S', '1']
"""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CpuTimes", "ProcessTree", "describe_machine", "load_average", "mib"]

_PROC = Path("/proc")


@dataclass(frozen=True, slots=True)
class CpuTimes:
    """The machine's CPU time so far (clock ticks over all CPUs): busy, and in all."""

    busy: int
    total: int

    @classmethod
    def now(cls) -> CpuTimes | None:
        """The first line of ``/proc/stat``: busy is all but idle and iowait (guest time is
        already counted in user time)."""
        try:
            line = (_PROC / "stat").read_text().splitlines()[0]
        except (OSError, IndexError):
            return None
        ticks = [int(x) for x in line.split()[1:9]]  # user .. steal
        idle = ticks[3] + ticks[4]
        return cls(busy=sum(ticks) - idle, total=sum(ticks))

    def busy_since(self, earlier: CpuTimes | None) -> float | None:
        """The share (0..1) of CPU time busy since ``earlier``."""
        if earlier is None or self.total <= earlier.total:
            return None
        return (self.busy - earlier.busy) / (self.total - earlier.total)


def _stat_fields(text: str) -> list[str]:
    """The fields of ``/proc/<pid>/stat`` after the command name (which may hold spaces and
    parentheses): state, ppid, ... ; utime and stime are at 11 and 12."""
    return text[text.rindex(")") + 2 :].split()


def _children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in _PROC.glob("[0-9]*/stat"):
        try:
            fields = _stat_fields(entry.read_text())
        except (OSError, ValueError):
            continue  # gone meanwhile
        found.setdefault(int(fields[1]), []).append(int(entry.parent.name))
    return found


@dataclass(frozen=True, slots=True)
class ProcessTree:
    """A process and every descendant of it (a server's workers)."""

    pid: int

    def pids(self) -> list[int]:
        """The process and its descendants alive now."""
        children, found, todo = _children(), [], [self.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    def rss(self) -> int | None:
        """Resident memory of the whole tree, in bytes (``VmRSS``)."""
        total, seen = 0, False
        for pid in self.pids():
            try:
                lines = (_PROC / str(pid) / "status").read_text().splitlines()
            except OSError:
                continue
            for line in lines:
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
                    seen = True
        return total if seen else None

    def cpu_seconds(self) -> float | None:
        """User and system CPU seconds of the tree's living processes so far."""
        ticks, seen = 0, False
        for pid in self.pids():
            try:
                fields = _stat_fields((_PROC / str(pid) / "stat").read_text())
            except (OSError, ValueError):
                continue
            ticks += int(fields[11]) + int(fields[12])
            seen = True
        return ticks / os.sysconf("SC_CLK_TCK") if seen else None


def mib(size: int | None) -> str:
    """Bytes as MiB, ``?`` when unknown.

    >>> mib(3 * 2**20), mib(None)
    ('3', '?')
    """
    return "?" if size is None else f"{size / 2**20:,.0f}"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages."""
    try:
        return "/".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _memory() -> str:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return "? GiB"
    return f"{total / 2**30:.0f} GiB"


def describe_machine() -> str:
    """CPUs, memory, system, Python and the load average now, on one line."""
    return (
        f"Machine: {os.cpu_count()} CPUs, {_memory()} RAM, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}; load average "
        f"{load_average()} (1/5/15 min) at start"
    )
