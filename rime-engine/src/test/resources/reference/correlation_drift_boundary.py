# SPDX-License-Identifier: Apache-2.0
"""How often the correlation drift rule claims drift when the true change is exactly the low
threshold (0.3), 120 rows a side (ADR 0008): the boundary of its null hypothesis, where a test at
level 0.05 should claim about 5% or less. Two ways of carrying the margin to the Fisher-z scale:

* "r_mid": the z-width of the pair (r_mean - 0.15, r_mean + 0.15) around the mean of the two r;
* "z_mid" (the engine's): the width w of a change of exactly 0.3 centred at the mean of the two z
  values, tanh(c + w/2) - tanh(c - w/2) = 0.3.

p = min(1, 2 norm.sf((|z1 - z2| - width) / se)); a claim is p < 0.05 (one correlation: no
adjustment). 3000 pairs of bivariate normal samples per true pair (rho2 + 0.3, rho2).

Run once (outside the repo's build):
  /tmp/sigvenv/bin/python correlation_drift_boundary.py > correlation_drift_boundary.txt
"""
import numpy as np
from scipy.optimize import brentq
from scipy.stats import norm

LOW, N, DRAWS = 0.3, 120, 3000
SE = np.sqrt(2 / (N - 3))


def p_r_mid(r1, r2):
    if abs(r1 - r2) <= LOW:
        return 1.0
    mid = (r1 + r2) / 2
    width = np.arctanh(mid + LOW / 2) - np.arctanh(mid - LOW / 2)
    return min(1.0, 2 * norm.sf((abs(np.arctanh(r1) - np.arctanh(r2)) - width) / SE))


def p_z_mid(r1, r2):
    if abs(r1 - r2) <= LOW:
        return 1.0
    c = (np.arctanh(r1) + np.arctanh(r2)) / 2
    h = brentq(lambda h: np.tanh(c + h) - np.tanh(c - h) - LOW, 0, 50)
    return min(1.0, 2 * norm.sf((abs(np.arctanh(r1) - np.arctanh(r2)) - 2 * h) / SE))


def sample_r(rng, rho):
    x = rng.normal(size=N)
    y = rho * x + np.sqrt(1 - rho**2) * rng.normal(size=N)
    return np.corrcoef(x, y)[0, 1]


print("rho_ref rho_eval claims_r_mid claims_z_mid")
for rho2 in [-0.95, -0.8, -0.4, 0.0, 0.4, 0.6, 0.65, 0.69]:
    rng = np.random.default_rng(1)
    a = b = 0
    for _ in range(DRAWS):
        r1, r2 = sample_r(rng, rho2 + LOW), sample_r(rng, rho2)
        a += p_r_mid(r1, r2) < 0.05
        b += p_z_mid(r1, r2) < 0.05
    print(f"{rho2 + LOW:.2f} {rho2:.2f} {a / DRAWS:.3f} {b / DRAWS:.3f}")
