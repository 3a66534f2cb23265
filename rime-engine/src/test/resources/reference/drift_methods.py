# SPDX-License-Identifier: Apache-2.0
"""Independent reference values for the selectable drift statistics and the null-drift tests.

Computed with scipy / numpy / statsmodels, never with the engine's code:

* "kstwo_sf": scipy.stats.kstwo.sf(x, n), the one-sample two-sided Kolmogorov distribution, on a
  grid of (n, x) covering every method scipy switches between.
* "ks": scipy.stats.ks_2samp(x, y) (method='auto', two-sided): statistic and p-value, for
  - "reference": num of ref.csv vs eval.csv (600 vs 500 values: exact p-value),
  - "square": the first 300 values of each (n = m: Hodges' formula),
  - "ties": small integer samples with many ties,
  - "large_<shift>": the deterministic sequences below (asymptotic p-value).
* "wasserstein": scipy.stats.wasserstein_distance(x, y) / max(np.std(x), 0.001) (Evidently's
  normalised Wasserstein), same samples.
* "js": scipy.spatial.distance.jensenshannon(p, q, base=2) of ref.csv / eval.csv: num over 100
  reference-quantile bins (numpy linear quantiles, searchsorted side='left', as make_reference.py),
  cat over its categories.
* "chi2": scipy.stats.chi2_contingency(table, correction=False) and
  scipy.stats.contingency.association(table, method='cramer') of cat.
* "js_tiny": the exact tail probability P(JS_sim >= JS_obs) of a 3-bin example under "no drift"
  (pooled proportions, multinomial pmf enumeration), as drift_significance.py does for the PSI.
* "proportions_ztest": statsmodels.stats.proportion.proportions_ztest([k_eval, k_ref],
  [n_eval, n_ref]) (pooled variance), z and two-sided p-value.

The large samples are integer sequences divided by 100, so Java builds the very same doubles:
  ref_i  = ((i * 7919) % 10007) / 100            for i in 0 .. 11999
  eval_j = ((j * 104729) % 10009) / 100 + shift  for j in 0 .. 14999

Run once (outside the repo's build):
  python3 -m venv /tmp/driftvenv
  /tmp/driftvenv/bin/pip install numpy==2.1.3 scipy==1.14.1 pandas==2.2.3 statsmodels==0.14.4
  cd rime-engine/src/test/resources/reference
  /tmp/driftvenv/bin/python drift_methods.py > drift_methods.json
"""
import itertools
import json
import sys

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy.spatial.distance import jensenshannon
from scipy.stats import chi2_contingency, ks_2samp, kstwo, multinomial, wasserstein_distance
from scipy.stats.contingency import association
from statsmodels.stats.proportion import proportions_ztest

TIE = 1e-12


def large(shift):
    ref = np.array([(i * 7919) % 10007 for i in range(12000)], dtype=float) / 100
    ev = np.array([(j * 104729) % 10009 for j in range(15000)], dtype=float) / 100 + shift
    return ref, ev


def ks(x, y):
    r = ks_2samp(x, y)
    return {"n1": len(x), "n2": len(y), "statistic": float(r.statistic), "p_value": float(r.pvalue)}


def wasserstein(x, y):
    raw = float(wasserstein_distance(x, y))
    return {"raw": raw, "ref_std": float(np.std(x)), "normalised": raw / max(float(np.std(x)), 0.001)}


def grid():
    out = []
    for n in [3, 10, 50, 140, 141, 500, 5000, 100000, 100001, 750000, 1200000]:
        xs = {0.7 / n, 1.0 / n, 0.5, 0.7, 1 - 0.5 / n}
        for nx2 in [0.1, 0.5, 0.75, 1.0, 2.0, 3.0, 4.0, 5.0, 10.0, 50.0, 300.0, 400.0]:
            xs.add(float(np.sqrt(nx2 / n)))
        for x in sorted(xs):
            if 0 < x < 1:
                out.append({"n": n, "x": x, "sf": float(kstwo.sf(x, n))})
    return out


def binned(ref, ev, n_bins):
    edges = np.unique(np.quantile(ref, np.arange(1, n_bins) / n_bins))
    k = len(edges) + 1
    rc = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=k)
    ec = np.bincount(np.searchsorted(edges, ev, side="left"), minlength=k)
    return rc, ec


def compositions(n, k):
    for cut in itertools.combinations(range(n + k - 1), k - 1):
        parts, prev = [], -1
        for c in cut:
            parts.append(c - prev - 1)
            prev = c
        parts.append(n + k - 1 - prev - 1)
        yield parts


def js_counts(a, b):
    return float(jensenshannon(np.asarray(a, float), np.asarray(b, float), base=2))


def js_exact_tail(ref, ev):
    obs = js_counts(ref, ev)
    pooled = np.asarray(ref) + np.asarray(ev)
    pi = pooled / pooled.sum()
    r_out = [(c, multinomial.pmf(c, sum(ref), pi)) for c in compositions(sum(ref), len(ref))]
    e_out = [(c, multinomial.pmf(c, sum(ev), pi)) for c in compositions(sum(ev), len(ev))]
    tail = mean = 0.0
    for rc, rp in r_out:
        for ec, ep in e_out:
            w = rp * ep
            v = js_counts(rc, ec)
            mean += w * v
            if v >= obs - TIE * abs(obs):
                tail += w
    return {"ref": list(ref), "eval": list(ev), "js": obs, "tail_probability": tail, "null_mean": mean}


def main():
    ref = pd.read_csv("ref.csv")
    ev = pd.read_csv("eval.csv")
    x, y = ref["num"].to_numpy(), ev["num"].to_numpy()
    ties_x = np.array([i % 7 for i in range(40)], dtype=float)
    ties_y = np.array([(i % 5) + 1 for i in range(55)], dtype=float)
    samples = {"reference": (x, y), "square": (x[:300], y[:300]), "ties": (ties_x, ties_y)}
    for shift in [0.3, 1.5, 3.0]:
        samples[f"large_{shift}"] = large(shift)

    rc, ec = binned(x, y, 100)
    cats = sorted(set(ref["cat"]) | set(ev["cat"]))
    cr = np.array([(ref["cat"] == c).sum() for c in cats])
    ce = np.array([(ev["cat"] == c).sum() for c in cats])
    table = np.array([cr, ce])
    chi2, p, dof, _ = chi2_contingency(table, correction=False)

    zcases = []
    for k_ref, n_ref, k_ev, n_ev in [(0, 200, 12, 150), (5, 1000, 9, 800), (30, 100, 30, 100), (1, 3, 2, 3)]:
        z, pz = proportions_ztest([k_ev, k_ref], [n_ev, n_ref])
        zcases.append({"k_ref": k_ref, "n_ref": n_ref, "k_eval": k_ev, "n_eval": n_ev,
                       "z": float(z), "p_value": float(pz)})

    out = {
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__,
                     "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "kstwo_sf": grid(),
        "ks": {k: ks(a, b) for k, (a, b) in samples.items()},
        "wasserstein": {k: wasserstein(a, b) for k, (a, b) in samples.items()},
        "js": {"num_bins": len(rc), "num": js_counts(rc, ec), "cat": js_counts(cr, ce)},
        "chi2": {"categories": cats, "ref_counts": [int(c) for c in cr], "eval_counts": [int(c) for c in ce],
                 "statistic": float(chi2), "p_value": float(p), "dof": int(dof),
                 "cramers_v": float(association(table, method="cramer"))},
        "js_tiny": js_exact_tail([6, 3, 1], [1, 3, 6]),
        "proportions_ztest": zcases,
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
