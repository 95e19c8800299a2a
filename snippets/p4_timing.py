"""Timings for Part 4's measurements: medians, with BLAS on one thread.

A median ignores the odd run slowed by another process. numpy's BLAS
(OpenBLAS) splits a large matrix product over threads; on a busy machine
those threads wait for each other and one product can take 50 times
longer than the next, so measurements run BLAS on a single thread, set
through threadpoolctl (a dependency of the site; without it, as in a
folder with only numpy and matplotlib, BLAS keeps its threads and
BLAS_LIMITED says so)."""

import contextlib
import statistics
import time

try:
    from threadpoolctl import threadpool_limits
except ImportError:  # not installed: measure with BLAS as it is
    threadpool_limits = None

BLAS_LIMITED = threadpool_limits is not None  # can one_blas_thread limit?


def median_time(fn, repeats=5):
    """Median wall-clock seconds of `repeats` calls of fn()."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@contextlib.contextmanager
def one_blas_thread():
    """Run the block with BLAS on one thread (when threadpoolctl is
    installed); the previous limits come back afterwards."""
    if threadpool_limits is None:
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield
