"""Pausing Python's cyclic garbage collector while a nation's small objects pile up."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused(*, promote: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector, and restore it as it was.

    A nation's plans are a million small objects that live on and hold no cycles. While more
    pile up (parsed plans, or one assessment spec per plan and indicator), the collector walks
    all of them again at each of its full passes: 40% of the time of loading 3,356 plans from
    the cache, a third of parsing them, and two thirds of making the 53,696 specs of a nation's
    plans. Objects are still freed by their reference counts; the few cycles left wait for the
    next pass.

    With `promote`, for objects that live on (loaded plans): once the block is done, the
    objects made meanwhile would all be walked by the young generation's pass that the next
    allocation starts (0.4 s for a nation, to find that they live on). `gc.freeze` then
    `gc.unfreeze` move every tracked object to the oldest generation without walking any,
    where a full pass finds them as it would have after two young passes. Where the program
    froze objects itself, this is not done: unfreezing would thaw them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if promote and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
    finally:
        if enabled:
            gc.enable()
