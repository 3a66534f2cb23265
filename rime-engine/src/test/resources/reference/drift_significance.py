# SPDX-License-Identifier: Apache-2.0
"""Independent reference values for the p-value of a PSI under "no drift" (NullSimulation).

The engine simulates S pairs of samples from the pooled bin proportions and reports
p = (1 + #{PSI_sim >= PSI_obs}) / (1 + S). This script computes, without the engine's code:

* "tiny": for a 3-bin example small enough to enumerate, the exact tail probability
  P(PSI_sim >= PSI_obs) over every pair of multinomial outcomes (scipy's multinomial pmf), and the
  exact mean and standard deviation of PSI_sim. A simulation with S draws estimates p within
  Monte-Carlo error of it.
* "large": a 5-bin example with 1000 rows per side (where the engine's binomial sampler uses its
  normal approximation), by numpy's exact multinomial sampler with 400000 draws.
* "reference_prediction": the prediction drift of ref.csv / eval.csv (numpy linear quantile edges,
  searchsorted binning as make_reference.py does), by numpy's multinomial with 400000 draws.

PSI as RIME defines it: proportions below 1e-4 replaced by 1e-4, sum((p - q) ln(p / q)).

Run once (outside the repo's build):
  python3 -m venv /tmp/psivenv
  /tmp/psivenv/bin/pip install numpy==2.1.3 scipy==1.14.1
  cd rime-engine/src/test/resources/reference
  /tmp/psivenv/bin/python drift_significance.py > drift_significance.json
"""
import itertools
import json
import sys

import numpy as np
import scipy
from scipy.stats import multinomial

FLOOR = 1e-4
TIE = 1e-12  # a simulated PSI within this relative distance of the observed one counts as reaching it


def psi_counts(a, b):
    p = np.maximum(np.asarray(a, float) / np.sum(a), FLOOR)
    q = np.maximum(np.asarray(b, float) / np.sum(b), FLOOR)
    return float(np.sum((p - q) * np.log(p / q)))


def psi_rows(a, b):
    """PSI of each row pair of two (S, K) count arrays."""
    p = np.maximum(a / a.sum(axis=1, keepdims=True), FLOOR)
    q = np.maximum(b / b.sum(axis=1, keepdims=True), FLOOR)
    return np.sum((p - q) * np.log(p / q), axis=1)


def compositions(n, k):
    for cut in itertools.combinations(range(n + k - 1), k - 1):
        parts, prev = [], -1
        for c in cut:
            parts.append(c - prev - 1)
            prev = c
        parts.append(n + k - 1 - prev - 1)
        yield parts


def exact(ref, ev):
    obs = psi_counts(ref, ev)
    pooled = np.asarray(ref) + np.asarray(ev)
    pi = pooled / pooled.sum()
    n_ref, n_ev = sum(ref), sum(ev)
    r_out = [(c, multinomial.pmf(c, n_ref, pi)) for c in compositions(n_ref, len(ref))]
    e_out = [(c, multinomial.pmf(c, n_ev, pi)) for c in compositions(n_ev, len(ev))]
    tail = mean = square = total = 0.0
    for rc, rp in r_out:
        for ec, ep in e_out:
            w = rp * ep
            v = psi_counts(rc, ec)
            total += w
            mean += w * v
            square += w * v * v
            if v >= obs - TIE * abs(obs):
                tail += w
    return {"ref": list(ref), "eval": list(ev), "psi": obs, "tail_probability": tail,
            "null_mean": mean, "null_sd": float(np.sqrt(square - mean * mean)),
            "total_probability": total}


def simulated(ref, ev, draws, seed):
    rng = np.random.default_rng(seed)
    obs = psi_counts(ref, ev)
    pooled = np.asarray(ref) + np.asarray(ev)
    pi = pooled / pooled.sum()
    a = rng.multinomial(sum(ref), pi, size=draws).astype(float)
    b = rng.multinomial(sum(ev), pi, size=draws).astype(float)
    sims = psi_rows(a, b)
    reached = int(np.sum(sims >= obs - TIE * abs(obs)))
    return {"ref": [int(x) for x in ref], "eval": [int(x) for x in ev], "psi": obs, "draws": draws,
            "tail_probability": reached / draws, "null_mean": float(sims.mean()),
            "null_sd": float(sims.std())}


def reference_prediction_counts():
    ref = np.genfromtxt("ref.csv", delimiter=",", names=True, dtype=None, encoding="utf-8")
    ev = np.genfromtxt("eval.csv", delimiter=",", names=True, dtype=None, encoding="utf-8")
    edges = np.unique(np.quantile(ref["pred"], np.arange(1, 100) / 100))
    k = len(edges) + 1
    rc = np.bincount(np.searchsorted(edges, ref["pred"], side="left"), minlength=k)
    ec = np.bincount(np.searchsorted(edges, ev["pred"], side="left"), minlength=k)
    return rc, ec


def main():
    rc, ec = reference_prediction_counts()
    out = {
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__,
                     "scipy": scipy.__version__},
        "tiny": exact([6, 3, 1], [1, 3, 6]),
        "large": simulated([400, 300, 200, 80, 20], [380, 310, 200, 75, 35], 400_000, 1),
        "reference_prediction": simulated(rc, ec, 400_000, 2),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
