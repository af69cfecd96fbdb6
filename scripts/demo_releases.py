"""Write N made-up releases in the genre's style as JSON Lines (for demonstrations and screenshots, not for scoring).

    python scripts/demo_releases.py --n 300 -o demo.jsonl && extractor audit demo.jsonl --format html -o demo.html

Each release states a count and its year-on-year change; in about one in twelve the stated change is nudged so
that no whole-number earlier count fits it (mostly), as happens when a figure is mistyped.
"""

from __future__ import annotations

import argparse
import json
import random

AGENCIES = ["procuratorates", "public security organs", "courts", "customs offices", "supervision commissions"]
PLACES = ["Lanshan", "Qinghe", "Baiyun", "Donglin", "Xishui", "Nanhu", "Jinping", "Shuangqiao"]
CRIMES = ["telecom fraud", "smuggling", "drug trafficking", "environmental damage", "illegal fundraising", "bribery"]


def release(rng: random.Random, n: int) -> dict:
    year = rng.randint(2016, 2023)
    place, agency, crime = rng.choice(PLACES), rng.choice(AGENCIES), rng.choice(CRIMES)
    mistyped = n % 12 == 5
    before = rng.randint(60, 300) if mistyped else rng.randint(80, 4000)  # small: a wrong change shows
    now = before + rng.randint(-before // 4, before // 2)
    change = (now - before) / before * 100
    stated = round(abs(change), 1)
    if mistyped:
        stated = round(stated + 0.7, 1)  # no earlier whole count gives it, mostly
    direction = "up" if change >= 0 else "down"
    part = rng.randint(1, max(1, now // 3))
    money = rng.randint(2, 900) / 10
    text = (
        f"{place} City {agency.title()} Report Figures for {year}\n\n"
        f"Release time: {year + 1}-01-{rng.randint(10, 28):02d} 10:00\n\n"
        f"In {year}, {agency} in {place} City handled {now:,} {crime} cases, {direction} {stated}% "
        f"year-on-year. Among them, {part:,} cases involved organized gangs. The {agency} recovered "
        f"{money} million yuan in losses for victims.\n"
    )
    return {"id": f"demo-{n:04d}", "text": text, "published": None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.output, "w", encoding="utf-8") as fh:
        for n in range(args.n):
            row = release(rng, n)
            row.pop("published")
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
