# SPDX-License-Identifier: Apache-2.0
"""Reference values for dev.rime.engine.stats.WelchTestTest: scipy's one-sided Welch t-test from
summary statistics (ttest_ind_from_stats(..., equal_var=False, alternative='greater')).

Run once (outside the build), output in welch.txt:
  /tmp/refvenv/bin/python welch.py > welch.txt     (scipy 1.14.1, numpy 2.1.3)
"""
import numpy as np
import scipy
from scipy import stats as st

print("scipy", scipy.__version__)
# mean1, sd1, n1, mean2, sd2, n2
for m1, s1, n1, m2, s2, n2 in [(1.3, 0.9, 12, 1.0, 0.4, 30), (0.52, 0.31, 50, 0.55, 0.35, 5000),
                               (10.0, 3.0, 2, 2.0, 1.0, 3), (5.0, 1.0, 1000000, 4.99, 1.2, 2000000)]:
    r = st.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False, alternative="greater")
    v1, v2 = s1 * s1 / n1, s2 * s2 / n2
    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    print(f"m1={m1} se1={float(s1 / np.sqrt(n1))!r} n1={n1} m2={m2} se2={float(s2 / np.sqrt(n2))!r} n2={n2}"
          f" t={float(r.statistic)!r} df={df!r} p={float(r.pvalue)!r}")
