"""Rebuild the course's deprivation table from the raw Indices of Deprivation files.

The raw files in ``datasets/open/raw/`` are unmodified copies of the English Indices of
Deprivation local-authority-district summaries for 2015, 2019 and 2025 (MHCLG, Open
Government Licence v3.0; see ``datasets/open/raw/ATTRIBUTION.md``). Their columns and
domain names differ between editions. This script puts them into one long table,
``datasets/open/iod_districts.csv``, with one row per edition, district and domain and
the same column names every year, so a lesson can compare editions without re-reading
three formats. Nothing is recalculated: every value is copied from a raw file (rounded to
10 decimal places, which removes float noise such as 35.036999999999999).

    .venv/bin/python tools/build_iod_tables.py          # rewrite datasets/open/iod_districts.csv
    .venv/bin/python tools/build_iod_tables.py --check  # exit 1 if the committed table differs

Run it after replacing a raw file, then commit the raw file and the table together.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "datasets" / "open" / "raw"
TABLE = ROOT / "datasets" / "open" / "iod_districts.csv"

COLUMNS = (
    "edition",
    "boundaries",
    "districts_ranked",
    "area_code",
    "area_name",
    "domain",
    "average_rank",
    "rank_average_rank",
    "average_score",
    "rank_average_score",
    "share_in_most_deprived_decile",
    "rank_share_in_most_deprived_decile",
)

# The 2025 release renamed five domains; the course uses the 2015 and 2019 names.
DOMAIN_NAMES = {
    "Income Deprivation": "Income",
    "Employment Deprivation": "Employment",
    "Education, Skills and Training Deprivation": "Education, Skills and Training",
    "Health Deprivation and Disability": "Health and Disability",
    "Living Environment Deprivation": "Living Environment",
}
DOMAINS = (
    "Index of Multiple Deprivation",
    "Income",
    "Employment",
    "Education, Skills and Training",
    "Health and Disability",
    "Crime",
    "Barriers to Housing and Services",
    "Living Environment",
    "Income Deprivation Affecting Children",
    "Income Deprivation Affecting Older People",
)

# For each edition: the raw file, the boundaries its districts follow, and which raw
# column feeds each course column ("" where that edition does not publish the measure).
EDITIONS: dict[int, dict[str, str]] = {
    2015: {
        "file": "iod2015_lad.csv",
        "boundaries": "2019",
        "area_code": "lad19cd",
        "area_name": "lad19nm",
        "average_rank": "",
        "rank_average_rank": "",
        "average_score": "",
        "rank_average_score": "rank_average_score",
        "share_in_most_deprived_decile": "proportion_bottom_decile",
        "rank_share_in_most_deprived_decile": "",
    },
    2019: {
        "file": "iod2019_lad.csv",
        "boundaries": "2019",
        "area_code": "lad19cd",
        "area_name": "lad19nm",
        "average_rank": "average_rank",
        "rank_average_rank": "rank_average_rank",
        "average_score": "average_score",
        "rank_average_score": "rank_average_score",
        "share_in_most_deprived_decile": "proportion_bottom_decile",
        "rank_share_in_most_deprived_decile": "rank_proportion_bottom_decile",
    },
    2025: {
        "file": "iod2025_lad.csv",
        "boundaries": "2024",
        "area_code": "area_code",
        "area_name": "area_name",
        "average_rank": "average_rank",
        "rank_average_rank": "rank_average_rank",
        "average_score": "average_score",
        "rank_average_score": "rank_average_score",
        "share_in_most_deprived_decile": "proportion_bottom_decile",
        "rank_share_in_most_deprived_decile": "rank_proportion_bottom_decile",
    },
}


def raw_rows(edition: int, raw_dir: Path = RAW) -> list[dict[str, str]]:
    """The rows of one edition's raw file, as text, exactly as published."""
    path = raw_dir / EDITIONS[edition]["file"]
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> str:
    """A raw number without float noise: rounded to 10 decimal places (35.036999999999999 -> 35.037)."""
    if text == "":
        return ""
    value = float(text)
    return repr(round(value, 10)).removesuffix(".0") if value != int(value) else str(int(value))


def build_rows(raw_dir: Path = RAW) -> list[dict[str, str]]:
    """Every edition's rows in the course's columns, sorted by edition, area code and domain order."""
    rows: list[dict[str, str]] = []
    for edition, spec in EDITIONS.items():
        source = raw_rows(edition, raw_dir)
        ranked = len({row[spec["area_code"]] for row in source})
        for row in source:
            domain = DOMAIN_NAMES.get(row["index_domain"], row["index_domain"])
            if domain not in DOMAINS:
                raise ValueError(f"{spec['file']}: unknown domain '{row['index_domain']}'")
            out = {
                "edition": str(edition),
                "boundaries": spec["boundaries"],
                "districts_ranked": str(ranked),
                "area_code": row[spec["area_code"]],
                "area_name": row[spec["area_name"]],
                "domain": domain,
            }
            for column in COLUMNS[6:]:
                out[column] = _number(row[spec[column]]) if spec[column] else ""
            rows.append(out)
    rows.sort(key=lambda r: (int(r["edition"]), r["area_code"], DOMAINS.index(r["domain"])))
    return rows


def table_text(raw_dir: Path = RAW) -> str:
    """The course table as CSV text (``\\n`` line endings)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(build_rows(raw_dir))
    return buffer.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rebuild datasets/open/iod_districts.csv from the raw IoD files.")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed table differs")
    parser.add_argument("--output", type=Path, default=TABLE, help="where to write (default: the course table)")
    args = parser.parse_args(argv)
    text = table_text()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
        if current != text:
            print(f"{args.output} differs from what the raw files give: run tools/build_iod_tables.py.")
            return 1
        print(f"{args.output} matches the raw files.")
        return 0
    args.output.write_text(text, encoding="utf-8", newline="\n")
    print(f"Wrote {args.output} ({text.count(chr(10)) - 1:,} rows).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
