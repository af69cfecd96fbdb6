"""scripts/demo_releases.py: made-up releases for demonstrations, some with a change no earlier count fits."""

import json
import subprocess
import sys
from pathlib import Path

import extractor
from extractor.checks import audit

ROOT = Path(__file__).resolve().parent.parent


def test_demo_releases_are_read_and_some_fail_the_audit(tmp_path):
    out = tmp_path / "demo.jsonl"
    subprocess.run([sys.executable, ROOT / "scripts" / "demo_releases.py", "--n", "40", "-o", out], check=True)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 40 and len({r["id"] for r in rows}) == 40
    statuses = [f.status for r in rows for f in audit(extractor.extract(r["text"]))]
    assert "inconsistent" in statuses and statuses.count("consistent") > statuses.count("inconsistent")
