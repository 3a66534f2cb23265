#!/usr/bin/env python3
"""Make data/titanic.csv from the full OpenML 40945 table (standard library only).

Usage: python3 extract_data.py SOURCE.csv [data/titanic.csv]

SOURCE.csv is the 14-column Titanic table converted from
sklearn/datasets/tests/data/openml/id_40945/data-v1-dl-16826755.arff.gz
(Debian package python3-sklearn 1.2.1). The columns `boat` and `body` are
dropped because they leak the label (only survivors have a boat, only victims
have a body number). Every row is kept, the other columns keep their order,
and every remaining field is written back byte-for-byte (same quoting, same
CRLF line endings): the check at the end proves the source re-serialises
exactly with these writer settings.
"""
import csv
import io
import sys

DROP = ("boat", "body")


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    src = argv[1]
    dst = argv[2] if len(argv) == 3 else "data/titanic.csv"
    raw = open(src, "rb").read()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))

    # The source must round-trip byte-identically with these writer settings,
    # otherwise "keep the values byte-identical" would not hold.
    check = io.StringIO(newline="")
    csv.writer(check, lineterminator="\r\n").writerows(rows)
    if check.getvalue().encode("utf-8") != raw:
        sys.exit("source does not round-trip through the csv module; refusing")

    header = rows[0]
    keep = [i for i, name in enumerate(header) if name not in DROP]
    if len(keep) != len(header) - len(DROP):
        sys.exit(f"expected columns {DROP} in header {header}")
    with open(dst, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        for r in rows:
            w.writerow([r[i] for i in keep])
    print(f"wrote {dst}: {len(rows) - 1} rows, {len(keep)} columns")


if __name__ == "__main__":
    main(sys.argv)
