"""The Dask path of `extractor batch`: chunks of documents run on dask.distributed workers, merged by the client.

Each worker process builds the pipeline once (api.cached_pipeline caches it per process) and runs the same
`workers.process_chunk` as a local worker; the client keeps a few chunks per worker in flight, takes results
back in input order, and is the only writer of the SQLite store. Dask is optional: this module imports it only
when called, so `import extractor` never does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from extractor.workers import WINDOW_PER_WORKER, BatchOptions, Result, Task, ordered_results, process_chunk

INSTALL_HINT = "pip install 'press-figures[dask]'"


class DaskError(RuntimeError):
    """Dask is missing or its scheduler cannot be reached; the message is one line."""


def _distributed():
    try:
        import dask.distributed as dd
    except ImportError as err:
        raise DaskError(f"--scheduler needs dask.distributed, which is not installed: {INSTALL_HINT}") from err
    return dd


@contextmanager
def dask_client(scheduler: Any, jobs: int = 1) -> Iterator[Any]:
    """A Client for `scheduler`: 'local' (a LocalCluster of `jobs` one-thread worker processes), an address
    such as 'tcp://host:8786', or a Client you made (used as it is, not closed)."""
    if not isinstance(scheduler, str):
        yield scheduler
        return
    dd = _distributed()
    if scheduler == "local":
        with (
            dd.LocalCluster(
                n_workers=max(1, jobs),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            dd.Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = dd.Client(scheduler)  # waits distributed.comm.timeouts.connect (dask config; 30 s)
    except (OSError, TimeoutError, ValueError) as err:  # ValueError: 'unknown address scheme'
        raise DaskError(f"cannot reach the Dask scheduler at {scheduler}: {err}".splitlines()[0]) from err
    with client:
        yield client


def dask_results(
    chunks: Iterable[list[Task]], options: BatchOptions, scheduler: Any, jobs: int = 1
) -> Iterator[tuple[list[Task], list[Result]]]:
    """(chunk, results) in input order, computed on the Dask cluster; a few chunks per worker in flight."""
    with dask_client(scheduler, jobs) as client:
        workers = len(client.scheduler_info().get("workers", {})) or max(1, jobs)

        def submit(chunk: list[Task]):
            return client.submit(process_chunk, chunk, options, pure=False)

        yield from ordered_results(submit, chunks, workers * WINDOW_PER_WORKER)
