"""Timings for Part 4's measurements: medians, with BLAS on one thread.

A median ignores the odd run slowed by another process. numpy's BLAS
(OpenBLAS) splits a large matrix product over threads; on a busy machine
those threads wait for each other and one product can take 50 times
longer than the next, so measurements run BLAS on a single thread."""

import contextlib
import ctypes
import statistics
import time


def median_time(fn, repeats=5):
    """Median wall-clock seconds of `repeats` calls of fn()."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _openblas():
    """numpy's OpenBLAS as a ctypes library, or None (not Linux, no BLAS)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {ln.split()[-1] for ln in maps if "openblas" in ln}
    except OSError:
        return None
    for path in sorted(paths):
        lib = ctypes.CDLL(path)
        for prefix in ("scipy_openblas", "openblas"):
            for suffix in ("64_", ""):
                get = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
                put = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
                if get and put:
                    return get, put
    return None


@contextlib.contextmanager
def one_blas_thread():
    """Run the block with BLAS on one thread (if numpy's BLAS is found)."""
    blas = _openblas()
    old = blas[0]() if blas else None
    if blas:
        blas[1](1)
    try:
        yield
    finally:
        if blas:
            blas[1](old)
