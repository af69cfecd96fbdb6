"""Compare the behaviour of two revisions: dev scores (both halves), extract records and audit findings.

    .venv/bin/python scripts/compare.py main HEAD              # two git revisions of this repository
    .venv/bin/python scripts/compare.py main /work/wt-11       # a revision and a work tree (uncommitted edits count)
    .venv/bin/python scripts/compare.py main . --ignore-kind population_rate   # a new kind left out of the diff

Each side is a folder: a directory as it is, or a git revision exported (`git archive`) to a temporary folder. Both
sides run with this interpreter (`python -m extractor`, the side's folder first on PYTHONPATH, so its own code and
its own patterns/) on the same inputs: the dev corpus (scored by ../shared/eval/score.py, half A and half B, and the
Chinese dev corpus when present), this tree's samples/ (extract and audit --format json) and samples-zh/ (audit).
It prints every difference and exits 0 when there is none, 1 when there are differences.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MAX_SHOWN = 40  # differences listed per section


def materialize(spec: str, into: Path) -> Path:
    """The folder of one side: `spec` itself when it is a directory, else the git revision exported into `into`."""
    if Path(spec).is_dir():
        return Path(spec).resolve()
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", spec], capture_output=True, check=False)
    if archive.returncode != 0:
        sys.exit(f"compare: {spec}: neither a folder nor a git revision ({archive.stderr.decode().strip()})")
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def run_side(tree: Path, inputs: dict[str, list[str]], out: Path) -> dict[str, list[dict]]:
    """Run `python -m extractor` of `tree` on each named input: `{name: records}` (JSON Lines parsed)."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    results = {}
    for name, argv in inputs.items():
        proc = subprocess.run(
            [sys.executable, "-m", "extractor", *argv], cwd=tree, env=env, capture_output=True, text=True, check=False
        )
        if proc.returncode not in (0, 1) or not proc.stdout.strip():
            sys.exit(f"compare: {tree}: extractor {' '.join(argv)} failed: {proc.stderr.strip()[-400:]}")
        (out / f"{name}.jsonl").write_text(proc.stdout, encoding="utf-8")
        results[name] = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return results


def halves(gold: Path) -> dict[str, list[str]]:
    """The dev-score halves: ids sorted, alternating (A the first, third, ...)."""
    ids = sorted(p.stem for p in gold.glob("*.json"))
    return {"A": ids[0::2], "B": ids[1::2]}


def score(corpus: Path, pred: Path, ids: list[str] | None) -> dict:
    """score.py's JSON rows for one prediction file (optionally restricted to `ids`)."""
    argv = [sys.executable, str(SHARED / "eval" / "score.py"), str(corpus), str(pred), "--json"]
    if ids is not None:
        argv.append("--ids=" + ",".join(ids))
    proc = subprocess.run(argv, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def drop_kinds(records: list[dict], kinds: set[str]) -> list[dict]:
    """The records with facts of `kinds` left out (and relations and findings naming them)."""
    if not kinds:
        return records
    kept = []
    for rec in records:
        gone = {f["id"] for f in rec.get("facts") or () if f.get("kind") in kinds}
        rec = dict(rec)
        if "facts" in rec:
            rec["facts"] = [f for f in rec["facts"] if f["id"] not in gone]
        if rec.get("relations"):
            rec["relations"] = [r for r in rec["relations"] if not gone & set(_ids_named(r))]
        if rec.get("findings"):
            rec["findings"] = [f for f in rec["findings"] if not gone & set(f.get("facts") or ())]
        kept.append(rec)
    return kept


def _ids_named(relation: dict) -> Iterable[str]:
    for key, value in relation.items():
        if key in ("type", "cue", "pattern_id", "confidence", "definition", "role", "aligned"):
            continue
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))


def _key(rec: dict) -> str:
    return str(rec.get("source"))


def _fact_line(f: dict) -> str:
    extra = {k: v for k, v in f.items() if k not in ("id", "kind", "start", "end", "text") and v not in (None, False)}
    return f"{f.get('kind')} {f.get('start')}:{f.get('end')} {f.get('text')!r} {json.dumps(extra, sort_keys=True)}"


def diff_records(old: list[dict], new: list[dict], what: str) -> list[str]:
    """Differences between two runs' records, matched by source: missing documents, then per document the facts
    (by span), relations and findings that differ, and any other field."""
    diffs: list[str] = []
    a = {_key(r): r for r in old}
    b = {_key(r): r for r in new}
    for src in sorted(a.keys() - b.keys()):
        diffs.append(f"{what}: {src}: only in the first")
    for src in sorted(b.keys() - a.keys()):
        diffs.append(f"{what}: {src}: only in the second")
    for src in sorted(a.keys() & b.keys()):
        ra, rb = a[src], b[src]
        if ra == rb:
            continue
        fa = {(f["start"], f["end"]): _fact_line(f) for f in ra.get("facts") or ()}
        fb = {(f["start"], f["end"]): _fact_line(f) for f in rb.get("facts") or ()}
        for span in sorted(fa.keys() | fb.keys()):
            if fa.get(span) != fb.get(span):
                diffs.append(f"{what}: {src}: fact - {fa.get(span)}  + {fb.get(span)}")
        for field in ("relations", "findings"):
            la = [json.dumps(x, sort_keys=True) for x in ra.get(field) or ()]
            lb = [json.dumps(x, sort_keys=True) for x in rb.get(field) or ()]
            if la != lb:
                for x in sorted(set(la) - set(lb)):
                    diffs.append(f"{what}: {src}: {field} - {x}")
                for x in sorted(set(lb) - set(la)):
                    diffs.append(f"{what}: {src}: {field} + {x}")
                if set(la) == set(lb):
                    diffs.append(f"{what}: {src}: {field} in another order")
        for field in sorted((ra.keys() | rb.keys()) - {"facts", "relations", "findings"}):
            if ra.get(field) != rb.get(field):
                diffs.append(f"{what}: {src}: {field} {ra.get(field)!r} -> {rb.get(field)!r}")
        if not any(d.startswith(f"{what}: {src}: ") for d in diffs):
            diffs.append(f"{what}: {src}: fact ids or order differ")
    return diffs


def diff_scores(old: dict, new: dict, what: str, path: str = "") -> list[str]:
    """Every score that differs between two score.py JSON outputs, named by its path ('ALL.F1')."""
    diffs = []
    for key in sorted(old.keys() | new.keys()):
        va, vb = old.get(key), new.get(key)
        where = f"{path}.{key}" if path else str(key)
        if isinstance(va, dict) and isinstance(vb, dict):
            diffs.extend(diff_scores(va, vb, what, where))
        elif va != vb:
            diffs.append(f"{what}: {where} {_num(va)} -> {_num(vb)}")
    return diffs


def _num(v) -> str:
    return f"{v:.3f}" if isinstance(v, float) else repr(v)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", help="git revision or folder (the 'before')")
    ap.add_argument("second", help="git revision or folder (the 'after')")
    ap.add_argument("--ignore-kind", action="append", default=[], help="leave facts of this kind out of the diff")
    ap.add_argument("--keep", help="write both sides' outputs under this folder")
    args = ap.parse_args(argv)

    dev = SHARED / "corpus" / "dev"
    zh = SHARED / "corpus" / "zh-dev"
    samples = str(ROOT / "samples")
    inputs = {
        "dev-extract": ["extract", str(dev / "docs")],
        "dev-audit": ["audit", str(dev / "docs"), "--format", "json"],
        "samples-extract": ["extract", samples],
        "samples-audit": ["audit", samples, "--format", "json"],
    }
    if zh.is_dir():
        inputs["zh-extract"] = ["extract", str(zh / "docs")]
        inputs["zh-audit"] = ["audit", str(zh / "docs"), "--format", "json"]
    if (ROOT / "samples-zh").is_dir():
        inputs["samples-zh-audit"] = ["audit", str(ROOT / "samples-zh"), "--format", "json"]
    ignore = set(args.ignore_kind)
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        sides = []
        for n, spec in enumerate((args.first, args.second), 1):
            tree = materialize(spec, Path(tmp) / f"tree{n}")
            out = base / f"side{n}"
            out.mkdir(parents=True, exist_ok=True)
            sides.append((spec, out, run_side(tree, inputs, out)))
        diffs: list[str] = []
        (_, out_a, res_a), (_, out_b, res_b) = sides
        scored = [("dev", dev, "dev-extract")] + ([("zh", zh, "zh-extract")] if zh.is_dir() else [])
        report = []
        for label, corpus, name in scored:
            parts = {"all": None, **halves(corpus / "gold")} if label == "dev" else {"all": None}
            for half, ids in parts.items():
                sa = score(corpus, out_a / f"{name}.jsonl", ids)
                sb = score(corpus, out_b / f"{name}.jsonl", ids)
                report.append(f"{label} {half}: F1 {sa['ALL']['F1']:.3f} -> {sb['ALL']['F1']:.3f}, strict "
                              f"{sa['ALL']['strict_F1']:.3f} -> {sb['ALL']['strict_F1']:.3f}")
                diffs.extend(diff_scores(sa, sb, f"{label} score half {half}"))
        for name in inputs:
            diffs.extend(diff_records(drop_kinds(res_a[name], ignore), drop_kinds(res_b[name], ignore), name))
    print(f"compare {args.first} -> {args.second}" + (f" (ignoring kinds {sorted(ignore)})" if ignore else ""))
    for line in report:
        print("  " + line)
    if not diffs:
        print("identical: dev scores (all, half A, half B), extract records and audit findings")
        return 0
    print(f"{len(diffs)} differences:")
    for line in diffs[:MAX_SHOWN]:
        print("  " + line)
    if len(diffs) > MAX_SHOWN:
        print(f"  ... and {len(diffs) - MAX_SHOWN} more (--keep DIR to read both sides' outputs)")
    return 1


if __name__ == "__main__":
    sys.exit(main())
