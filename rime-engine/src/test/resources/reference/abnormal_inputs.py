# SPDX-License-Identifier: Apache-2.0
"""Independent reference values for the abnormal-input tests Numeric Outliers, Rare Categories and
Inconsistencies (docs/adr/0007-abnormal-input-definitions.md has the definitions).

Writes abnormal_ref.csv and abnormal_eval.csv (seeded numpy generator) and prints, as JSON, what
the engine must find on them, computed with numpy / pandas / scipy:

- Numeric Outliers on `x` with the defaults (min_normal_prop 0.99, baseline_quantile 0.1,
  perturb_multiplier 1): np.quantile (linear) of the finite reference values, the thresholds, the
  failing evaluation rows;
- Rare Categories with the defaults (min_ratio_rel_uniform 0.005): the rare categories of each
  categorical column and the failing evaluation rows;
- Inconsistencies with the defaults (freq_ratio_threshold 0.02, min_correlation 0.1): Cramer's V of
  each pair (scipy.stats.contingency.association, no bias correction), the pairs tested, the
  inconsistent value pairs (n_ab < t * E and t * E >= 1, E = n_a * n_b / n) and the failing rows.

For each of the three the reference rows failing the same way and the one-sided p-value of "the
evaluation's failing share is above the reference's" (statsmodels' proportions_ztest with the
pooled variance, alternative="larger"), which decides whether a case fails.

Run once (outside the repo's build):
  python3 -m venv /tmp/refvenv-abn
  /tmp/refvenv-abn/bin/pip install numpy==2.1.3 pandas==2.2.3 scipy==1.14.1 statsmodels==0.14.4
  cd rime-engine/src/test/resources/reference
  /tmp/refvenv-abn/bin/python abnormal_inputs.py > abnormal_inputs.json
"""
import itertools
import json
import sys

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy.stats.contingency import association
from statsmodels.stats.proportion import proportions_ztest

SIZES = ["S", "M", "L", "XL"]
# Joint counts of (color, size) in the reference: red is rarely XL (2 of an expected 120.6), green
# and black never XL / S although independence expects 80.4 / 110 of them.
TABLE = {
    "red": [300, 290, 8, 2],
    "green": [150, 150, 100, 0],
    "blue": [50, 100, 150, 100],
    "black": [0, 10, 140, 250],
    "white": [50, 50, 50, 50],
}


def make_ref(rng):
    rows = []
    for color, counts in TABLE.items():
        for size, n in zip(SIZES, counts):
            rows += [(color, size)] * n
    rows += [(None, SIZES[i % 4]) for i in range(20)]  # missing colour: left out of the pairs
    n = len(rows)
    shape = rng.choice(["circle", "square", "triangle"], size=n)
    shape[rng.integers(n)] = "hexagon"  # once in 2020 rows: rare
    x = np.round(rng.lognormal(0.0, 0.5, size=n), 3)
    df = pd.DataFrame(rows, columns=["color", "size"])
    df["shape"] = shape
    df["flag"] = "on"  # a single category: no association with anything
    df["x"] = x
    return df.sample(frac=1.0, random_state=7).reset_index(drop=True)


def make_eval(rng, ref):
    base = ref.dropna(subset=["color"]).sample(n=470, random_state=11).reset_index(drop=True)
    planted = (
        [("green", "XL")] * 7 + [("black", "S")] * 5 + [("red", "XL")] * 3
        + [("purple", "S")] * 2 + [(None, "M")] * 4
    )
    extra = pd.DataFrame(planted, columns=["color", "size"])
    extra["shape"] = ["hexagon", "hexagon", "hexagon"] + ["circle"] * (len(planted) - 3)
    extra["flag"] = "on"
    extra["x"] = np.round(rng.lognormal(0.0, 0.5, size=len(planted)), 3)
    df = pd.concat([base, extra], ignore_index=True)
    df.loc[0, "x"] = 30.0
    df.loc[1, "x"] = -5.0
    df.loc[2, "x"] = np.nan
    df.loc[3, "x"] = np.inf
    return df.sample(frac=1.0, random_state=13).reset_index(drop=True)


def numeric_outliers(ref, ev, p=0.99, b=0.1, m=1.0):
    v = ref["x"].to_numpy()
    v = v[np.isfinite(v)]
    a = (1 - p) / 2
    qa, qb, q1b, q1a = np.quantile(v, [a, b, 1 - b, 1 - a])
    lower = qa - m * (qb - qa)
    upper = q1a + m * (q1a - q1b)
    x = ev["x"]
    failing = int(((x < lower) | (x > upper)).sum())  # NaN compares false: missing, not failing
    ref_out = int(((ref["x"] < lower) | (ref["x"] > upper)).sum())
    return {"quantiles": [float(q) for q in (qa, qb, q1b, q1a)], "lower": float(lower),
            "upper": float(upper), "failing": failing, "reference_outliers": ref_out,
            "p_value": above_reference(failing, len(ev), ref_out, len(ref))}


def above_reference(eval_failing, n_eval, ref_failing, n_ref):
    """One-sided p-value of eval_failing / n_eval > ref_failing / n_ref (pooled z-test)."""
    if eval_failing + ref_failing == 0:
        return None
    _, p = proportions_ztest([eval_failing, ref_failing], [n_eval, n_ref], alternative="larger")
    return float(p)


def rare_categories(ref, ev, col, ratio=0.005):
    counts = ref[col].dropna().value_counts()
    share = counts / counts.sum()
    rare = sorted(share[share < ratio / len(counts)].index)
    failing = int(ev[col].isin(rare).sum())
    ref_failing = int(ref[col].isin(rare).sum())
    return {"rare": rare, "failing": failing, "reference_failing": ref_failing,
            "p_value": above_reference(failing, len(ev), ref_failing, len(ref))}


def inconsistencies(ref, ev, a, b, t=0.02):
    both = ref.dropna(subset=[a, b])
    n = len(both)
    na = both[a].value_counts()
    nb = both[b].value_counts()
    joint = both.groupby([a, b]).size()
    bad = []
    for x, y in itertools.product(na.index, nb.index):
        expected = na[x] * nb[y] / n
        nxy = int(joint.get((x, y), 0))
        if nxy < t * expected and t * expected >= 1:
            bad.append([x, y, nxy, float(expected)])
    bad_set = {(x, y) for x, y, _, _ in bad}
    failing = int(sum((x, y) in bad_set for x, y in zip(ev[a], ev[b])))
    ref_failing = int(sum((x, y) in bad_set for x, y in zip(ref[a], ref[b])))
    return {"inconsistent": sorted(bad), "failing": failing, "reference_failing": ref_failing,
            "p_value": above_reference(failing, len(ev), ref_failing, len(ref))}


def cramers_v(ref, a, b):
    both = ref.dropna(subset=[a, b])
    table = pd.crosstab(both[a], both[b]).to_numpy()
    if min(table.shape) < 2:
        return None
    return float(association(table, method="cramer", correction=False))


def main():
    rng = np.random.default_rng(20261201)
    ref = make_ref(rng)
    ev = make_eval(rng, ref)
    ref.to_csv("abnormal_ref.csv", index=False)
    ev.to_csv("abnormal_eval.csv", index=False)
    cats = ["color", "size", "shape", "flag"]
    out = {
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__,
                     "pandas": pd.__version__, "scipy": scipy.__version__,
                     "statsmodels": statsmodels.__version__},
        "numeric_outliers_x": numeric_outliers(ref, ev),
        "rare_categories": {c: rare_categories(ref, ev, c) for c in ["color", "size", "shape"]},
        "cramers_v": {f"{a}|{b}": cramers_v(ref, a, b) for a, b in itertools.combinations(cats, 2)},
        "inconsistencies_color_size": inconsistencies(ref, ev, "color", "size"),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
