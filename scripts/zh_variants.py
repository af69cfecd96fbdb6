"""Add the traditional -> simplified characters of an OpenCC dictionary to patterns/zh/script.jsonl.

    .venv/bin/python scripts/zh_variants.py PATH/TO/TSCharacters.txt

The Chinese rules read traditional text through a one-for-one character table (ZH_VARIANT rows), so offsets stay
those of the original. This adds every single-character pair of OpenCC's TSCharacters.txt (Apache 2.0; the
first candidate where it lists several) that the file does not map yet; rows already there are kept as they are.
OpenCC itself is not a dependency: its data is read once, here, and kept in patterns/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "patterns" / "zh" / "script.jsonl"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.exit(__doc__.splitlines()[2].strip())
    lines = SCRIPT.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    known = {r["pattern"] for r in rows if r["label"] == "ZH_VARIANT"}
    last = max(int(r["id"].rsplit("-", 1)[1]) for r in rows if r["label"] == "ZH_VARIANT")
    added = []
    for line in Path(argv[0]).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        trad, simp = line.split("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp and trad not in known:
            known.add(trad)
            last += 1
            added.append({"id": f"zh_script-variant-{last}", "label": "ZH_VARIANT", "pattern": trad,
                          "attrs": {"simplified": simp}})
    if added:
        added[0]["comment"] = "from here on: OpenCC TSCharacters.txt (Apache 2.0), via scripts/zh_variants.py"
    at = max(i for i, r in enumerate(rows) if r["label"] == "ZH_VARIANT") + 1
    rows[at:at] = added
    SCRIPT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{SCRIPT}: {len(added)} variants added")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
