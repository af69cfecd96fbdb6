"""The Dask path: the same batch on a LocalCluster gives the same export as --jobs 1 (skipped without dask)."""

import pytest
from test_batch import export_jsonl, make_archive
from typer.testing import CliRunner

from extractor import cli_batch  # noqa: F401  (registers batch and export on the app)
from extractor.batch import run_batch
from extractor.cli import app

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """One in-process worker with one thread, reached over TCP on the loopback address."""
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def archive_and_reference(tmp_path_factory):
    archive = make_archive(tmp_path_factory.mktemp("dask") / "docs", 24)
    store = tmp_path_factory.mktemp("dask-ref") / "ref.sqlite"
    assert run_batch([str(archive)], store, jobs=1, progress=False).errors == 0
    return archive, export_jsonl(store)


def test_dask_client_gives_the_same_export_as_jobs_1(cluster, archive_and_reference, tmp_path):
    archive, reference = archive_and_reference
    store = tmp_path / "s.sqlite"
    with distributed.Client(cluster) as client:
        stats = run_batch([str(archive)], store, scheduler=client, progress=False, chunk_size=4)
    assert (stats.documents, stats.errors) == (24, 0)
    assert export_jsonl(store) == reference


def test_scheduler_address_on_the_command_line(cluster, archive_and_reference, tmp_path):
    archive, reference = archive_and_reference
    store = tmp_path / "s.sqlite"
    address = cluster.scheduler_address
    assert address.startswith("tcp://127.0.0.1:")
    result = CliRunner().invoke(app, ["batch", str(archive), "--store", str(store), "--scheduler", address])
    assert result.exit_code == 0, result.output
    assert "24 documents (0 skipped as done)" in result.stderr
    assert export_jsonl(store) == reference


def test_unreachable_scheduler_is_one_line(tmp_path):
    import dask

    make_archive(tmp_path / "in", 1)
    args = ["batch", str(tmp_path / "in"), "--store", str(tmp_path / "s.sqlite"), "--scheduler", "tcp://127.0.0.1:9"]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "extractor: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9"
    )
