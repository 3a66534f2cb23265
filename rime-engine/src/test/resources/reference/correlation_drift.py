# SPDX-License-Identifier: Apache-2.0
"""Independent reference values for the correlation drift rule (ADR 0008): the minimum-effect
p-value of a change of Pearson correlation on the Fisher-z scale and the Benjamini-Hochberg
adjustment over the correlations one test judges. Computed without the engine's code:

* the z-width of a change of exactly `low` centred at c (the mean of the two Fisher z values):
  2h with tanh(c + h) - tanh(c - h) = low, found by scipy.optimize.brentq (the engine solves the
  quadratic in exp(2h) instead);
* p = min(1, 2 * norm.sf((|atanh r_ref - atanh r_eval| - 2h) / sqrt(1/(n_ref-3) + 1/(n_eval-3))))
  when |r_ref - r_eval| > low, else 1 (scipy.stats.norm.sf);
* BH-adjusted p-values by statsmodels.stats.multitest.multipletests(method='fdr_bh').

Sections:
* "dependence": the Pearson values of dependence.json (numpy, from dep_ref.csv / dep_eval.csv):
  the three feature pairs Correlation Drift (Feature-to-Feature) tests (|r| >= min_correlation 0.1
  in either dataset) and the four features it tests with the label, with low 0.3;
* "twelve_rows": the 12-row example of CorrelationDriftTest (b = a + 3 noise, then a + 8 noise);
* "bh": an unsorted list of p-values with ties and ones, adjusted;
* "by_hand": single values of the z-width for the FisherZ unit test.

Run once (outside the repo's build):
  python3 -m venv /tmp/sigvenv
  /tmp/sigvenv/bin/pip install numpy==2.1.3 scipy==1.14.1 statsmodels==0.14.4
  cd rime-engine/src/test/resources/reference
  /tmp/sigvenv/bin/python correlation_drift.py > correlation_drift.json
"""
import json

import numpy as np
import scipy
import statsmodels
from scipy.optimize import brentq
from scipy.stats import norm
from statsmodels.stats.multitest import multipletests

LOW = 0.3


def z_width(c, low):
    """2h such that tanh(c + h) - tanh(c - h) = low."""
    if low == 0:
        return 0.0
    h = brentq(lambda h: np.tanh(c + h) - np.tanh(c - h) - low, 0, 50, xtol=1e-15, rtol=1e-15)
    return 2 * h


def min_effect_p(r1, n1, r2, n2, low):
    if abs(r1 - r2) <= low:
        return 1.0
    z1, z2 = np.arctanh(r1), np.arctanh(r2)
    width = z_width((z1 + z2) / 2, low)
    se = np.sqrt(1 / (n1 - 3) + 1 / (n2 - 3))
    return float(min(1.0, 2 * norm.sf((abs(z1 - z2) - width) / se)))


def bh(p):
    return [float(x) for x in multipletests(p, alpha=0.05, method="fdr_bh")[1]]


dep = json.load(open("dependence.json"))["pearson"]


def section(keys):
    out = {}
    ps = []
    for k in keys:
        e = dep[k]
        p = min_effect_p(e["ref"]["r"], e["ref"]["n"], e["eval"]["r"], e["eval"]["n"], LOW)
        z1, z2 = np.arctanh(e["ref"]["r"]), np.arctanh(e["eval"]["r"])
        out[k] = {"p_value": p, "z_width": z_width((z1 + z2) / 2, LOW)}
        ps.append(p)
    for k, adj in zip(keys, bh(ps)):
        out[k]["adjusted_p_value"] = adj
    return out


noise = np.array([0.3, -0.5, 0.2, 0.9, -0.4, 0.1, -0.8, 0.6, -0.2, 0.4, -0.6, 0.0])
a = np.arange(12.0)
r_ref = float(np.corrcoef(a, a + 3 * noise)[0, 1])
r_eval = float(np.corrcoef(a, a + 8 * noise)[0, 1])

bh_input = [0.04, 0.001, 1.0, 0.03, 0.001, 0.2, 1.0, 0.012]

print(
    json.dumps(
        {
            "versions": {
                "numpy": np.__version__,
                "scipy": scipy.__version__,
                "statsmodels": statsmodels.__version__,
            },
            "low": LOW,
            "dependence": {
                "features": section(["x|k", "x|y", "y|k"]),
                "label": section(["x|label", "y|label", "z|label", "k|label"]),
            },
            "twelve_rows": {
                "ref_r": r_ref,
                "eval_r": r_eval,
                "n": 12,
                "p_value": min_effect_p(r_ref, 12, r_eval, 12, LOW),
                "fisher_p": min_effect_p(r_ref, 12, r_eval, 12, 0),
            },
            "bh": {"p": bh_input, "adjusted": bh(bh_input)},
            "by_hand": {
                "width_c0_low0.3": z_width(0.0, 0.3),
                "width_c1_low0.3": z_width(1.0, 0.3),
                "width_cminus2_low0.5": z_width(-2.0, 0.5),
                "width_c0.5_low1.9": z_width(0.5, 1.9),
            },
        },
        indent=1,
    )
)
