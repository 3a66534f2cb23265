# SPDX-License-Identifier: Apache-2.0
"""Builds the continuous-testing example from ../flights/flights_20k.csv (python3 standard library
only; the same files byte for byte on every run).

- reference.csv: the January flights; evaluation.csv: February and March (the source ends on
  March 31), in time order.
- Columns: date (YYYY-MM-DD HH:MM, as in the source), delay, distance, origin, destination, plus
  delayed = 1 when delay > 15 minutes (the label) and pred = P(delayed), a small model fitted on
  the January rows only: the mean of two smoothed delay rates, that of the flight's hour of day and
  that of its origin airport, each (delayed_k + M * p0) / (n_k + M) with M = 50 flights and p0 the
  January delay rate (a value January never saw gets p0).
"""
import csv
import os
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "flights", "flights_20k.csv")
M = 50


def main():
    with open(SOURCE, newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["delayed"] = 1 if int(r["delay"]) > 15 else 0
    rows.sort(key=lambda r: (r["date"], r["origin"], r["destination"], int(r["delay"])))
    ref = [r for r in rows if r["date"][5:7] == "01"]
    ev = [r for r in rows if r["date"][5:7] != "01"]
    p0 = sum(r["delayed"] for r in ref) / len(ref)

    def rates(key):
        n, d = defaultdict(int), defaultdict(int)
        for r in ref:
            n[key(r)] += 1
            d[key(r)] += r["delayed"]
        return {k: (d[k] + M * p0) / (n[k] + M) for k in n}

    def hour(r):
        return r["date"][11:13]

    def origin(r):
        return r["origin"]

    by_hour, by_origin = rates(hour), rates(origin)
    for r in rows:
        p = (by_hour.get(hour(r), p0) + by_origin.get(origin(r), p0)) / 2
        r["pred"] = f"{p:.6f}"

    columns = ["date", "delay", "distance", "origin", "destination", "delayed", "pred"]
    for name, part in (("reference.csv", ref), ("evaluation.csv", ev)):
        with open(os.path.join(HERE, name), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(columns)
            for r in part:
                w.writerow([r[c] for c in columns])
    days = len({r["date"][:10] for r in ev})
    print(f"reference.csv: {len(ref)} rows (January), delay rate {p0:.4f}")
    print(f"evaluation.csv: {len(ev)} rows, {days} days (February-March)")


if __name__ == "__main__":
    main()
