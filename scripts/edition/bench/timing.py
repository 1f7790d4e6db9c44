"""Timing helpers: medians of several runs, taken in turns so that a noisy moment hits every contender.

Work done in child processes (builds) is timed both ways: wall-clock seconds,
what a user waits, and the CPU seconds the children used, which a busy machine
disturbs far less; ratios are taken from the CPU seconds.

Work done inside this process is timed in CPU seconds (`time.process_time`):
on a shared machine, waiting for a CPU is not the code's cost, and CPU time of a
single-threaded loop is what wall time would be on an idle machine. As `timeit`
does, the garbage collector is paused while it runs, so that a collection of the
benchmark's own objects, whose timing depends on everything allocated before,
does not land in one run and not the next.
"""

from __future__ import annotations

import gc
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


def timed(action: Callable[[], Any], pause_gc: bool = True) -> tuple[float, Any]:
    """Run `action` once, the garbage collector paused unless told not to; return the CPU seconds spent on it and its result."""
    gc.collect()
    if pause_gc:
        gc.disable()
    try:
        started = time.process_time()
        result = action()
        return time.process_time() - started, result
    finally:
        gc.enable()


def medians_in_turns(actions: Sequence[Callable[[], Any]], runs: int, pause_gc: bool = True) -> list[float]:
    """Run the actions one after another, `runs` rounds; the median seconds of each, in order."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for slot, action in zip(times, actions, strict=True):
            slot.append(timed(action, pause_gc)[0])
    return [statistics.median(slot) for slot in times]


@dataclass(frozen=True)
class ProcessTime:
    """Median wall-clock and CPU seconds (user + system, all descendants) of a child-process action."""

    wall: float
    cpu: float


def _children_cpu() -> float:
    """CPU seconds used so far by this process's finished children and their descendants."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_medians_in_turns(actions: Sequence[Callable[[], Any]], runs: int) -> list[ProcessTime]:
    """Like `medians_in_turns`, for actions that run child processes: wall and children's CPU time."""
    walls: list[list[float]] = [[] for _ in actions]
    cpus: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for wall, cpu, action in zip(walls, cpus, actions, strict=True):
            started, used = time.perf_counter(), _children_cpu()
            action()
            wall.append(time.perf_counter() - started)
            cpu.append(_children_cpu() - used)
    return [ProcessTime(statistics.median(wall), statistics.median(cpu)) for wall, cpu in zip(walls, cpus, strict=True)]
