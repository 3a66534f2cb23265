# SPDX-License-Identifier: Apache-2.0
"""Independent reference values for the Bias and Fairness tests (ADR 0010).

Writes two datasets (fairness_ref.csv, fairness_eval.csv, 1500 rows each) from a seeded numpy
generator and prints, as JSON, what the engine must reproduce, computed without the engine's code.

Columns: sex (protected; F/M, 70/30 in the reference, 35/65 in the evaluation: drift; 25 missing
on each side), age (protected, integers 18..79, 10 missing, 3 'n/a' in the evaluation so DuckDB
reads the column as text there), group (protected, not used by the model: a 95/5 split, independent
of everything), zip (a proxy of sex: z0..z2 for F and z3..z5 for M, right 92% of the time; random
where sex is missing), income (numeric, follows age), colour (5 categories with unicode names,
independent of everything), hobby (120 categories: more than max_categorical_train_feature_
cardinality 100), label ~ Bernoulli(logistic(-1 + 0.05 (income - 60) + 0.9 [sex = M])), pred a
noisy version of the label's probability.

Groups of a protected feature (ProtectedGroups): its values; for a numeric one, np.quantile bins
at k/10 of the finite reference values (linear, de-duplicated), np.searchsorted(edges, v,
side='left'); missing values their own group.

Printed:
* class_imbalance: per protected feature the evaluation share of the largest group;
* chi_squared: per protected feature, scipy.stats.chi2_contingency(table, correction=False) of
  groups (with at least 20 labelled evaluation rows) x label, and
  scipy.stats.contingency.association(table, method='cramer');
* psi: per protected feature the PSI of its groups (missing values dropped), proportions floored at
  1e-4, sum (p - q) ln(p / q);
* uncertainty: per protected feature and model feature, Theil's U = mutual_info_score / entropy of
  the protected codes (sklearn.metrics.mutual_info_score, scipy.stats.entropy, nats) on each
  dataset, over the dependence tests' codes (numeric: reference deciles as above, missing a code;
  categorical: the 50 most frequent values over both datasets by count then value, 'other',
  missing);
* naive_bayes: per protected feature, sklearn.naive_bayes.CategoricalNB(alpha=1,
  min_categories=<codes of each feature>) fitted on the reference codes of zip, income, colour
  (hobby has 120 values, left out) and scored on the evaluation codes, rows where the protected
  feature is missing left out on both sides: balanced_accuracy_score, accuracy_score, and the
  share of the reference's largest group in the evaluation data.
* group_metrics: per grouping (each protected feature; each pair crossed, a group named
  'a=x & b=y') on the evaluation rows, each group's positive prediction rate (pred > 0.5), average
  prediction, recall and false positive rate, and the judgements of ADR 0010 computed here from
  their definitions (z = scipy.stats.norm.ppf(0.975), min_sample_size 20 on each value's own rows):
  parity (ratio to the best judged group; a group fails when ratio < 0.8 and 0.8 best - value >
  z sqrt(SE^2 + 0.8^2 SE_best^2), SE of a rate sqrt(r (1 - r) / n), of a mean sqrt(var / n)),
  gaps (max - min per metric; the largest pair difference d with d - 0.1 > z sqrt(SE_a^2 +
  SE_b^2)) and subset sensitivity (|value - overall|; claimed when it exceeds 0.1 by z SE).

Run once (outside the repo's build), with the pinned versions of /tmp/refvenv:
  python3 -m venv /tmp/refvenv
  /tmp/refvenv/bin/pip install numpy==2.1.3 pandas==2.2.3 scikit-learn==1.5.2 scipy==1.14.1
  cd rime-engine/src/test/resources/reference
  /tmp/refvenv/bin/python fairness.py > fairness.json
"""
import json

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy.stats import chi2_contingency, entropy, norm
from scipy.stats.contingency import association
from sklearn.metrics import accuracy_score, balanced_accuracy_score, mutual_info_score
from sklearn.naive_bayes import CategoricalNB

N = 1500
NUM_BINS = 10
MAX_CATEGORIES = 50
COLOURS = ["red", "vermelhão", "紅", "blue", "green"]


def make(rng, evaluation):
    female = 0.35 if evaluation else 0.7
    sex = np.where(rng.random(N) < female, "F", "M").astype(object)
    age = rng.integers(18, 80, N).astype(float)
    group = np.where(rng.random(N) < 0.95, "a", "b").astype(object)
    right = rng.random(N) < 0.92
    side = np.where((sex == "M") == right, 3, 0)
    zip_ = np.array(["z%d" % (s + rng.integers(0, 3)) for s in side], dtype=object)
    income = np.round(20 + 0.8 * age + rng.normal(0, 8, N), 1)
    colour = np.array([COLOURS[i] for i in rng.integers(0, 5, N)], dtype=object)
    hobby = np.array(["h%03d" % i for i in rng.integers(0, 120, N)], dtype=object)
    logit = -1 + 0.05 * (income - 60) + 0.9 * (sex == "M")
    p = 1 / (1 + np.exp(-logit))
    label = (rng.random(N) < p).astype(int)
    pred = np.round(np.clip(p + rng.normal(0, 0.1, N), 0, 1), 4)
    missing = rng.choice(N, 25, replace=False)
    sex[missing] = None
    zip_[missing] = np.array(["z%d" % i for i in rng.integers(0, 6, 25)], dtype=object)
    age[rng.choice(N, 10, replace=False)] = np.nan
    age_text = ["" if np.isnan(a) else str(int(a)) for a in age]
    if evaluation:
        for i in rng.choice(np.flatnonzero(~np.isnan(age)), 3, replace=False):
            age_text[i] = "n/a"
    return pd.DataFrame({"sex": sex, "age": age_text, "group": group, "zip": zip_,
                         "income": income, "colour": colour, "hobby": hobby,
                         "label": label, "pred": pred})


def missing(v):
    return v is None or v == "" or (isinstance(v, float) and np.isnan(v))


def number(series):
    return pd.to_numeric(series.replace("", np.nan), errors="coerce").to_numpy(dtype=float)


def edges_of(ref_values):
    finite = ref_values[np.isfinite(ref_values)]
    return np.unique(np.quantile(finite, np.arange(1, NUM_BINS) / NUM_BINS))


def label_of(edges, i):
    def num(x):
        return str(int(x)) if x == int(x) else repr(float(x))
    lo = "-inf" if i == 0 else num(edges[i - 1])
    hi = "inf)" if i == len(edges) else num(edges[i]) + "]"
    return "(" + lo + ", " + hi


def groups(ref, df, feature):
    """Each row's group name (ProtectedGroups), None for missing."""
    if feature == "age":
        edges = edges_of(number(ref["age"]))
        v = number(df["age"])
        b = np.searchsorted(edges, v, side="left")
        return [None if np.isnan(x) else label_of(edges, i) for x, i in zip(v, b)]
    return [None if missing(v) else v for v in df[feature]]


def numeric_codes(ref_values, values):
    edges = edges_of(ref_values)
    codes = np.searchsorted(edges, values, side="left")
    return np.where(np.isnan(values), len(edges) + 1, codes), len(edges) + 2


def categorical_codes(both, values):
    present = [v for v in both if not missing(v)]
    counts = pd.Series(present).value_counts()
    kept = sorted(counts.index, key=lambda v: (-counts[v], v))[:MAX_CATEGORIES]
    index = {v: i for i, v in enumerate(kept)}
    codes = [len(kept) + 1 if missing(v) else index.get(v, len(kept)) for v in values]
    return np.array(codes), len(kept) + 2


def codes(ref, ev, feature):
    """Codes of the reference and evaluation rows and the number of codes (Discretised)."""
    if feature in ("age", "income"):
        r, k = numeric_codes(number(ref[feature]), number(ref[feature]))
        e, _ = numeric_codes(number(ref[feature]), number(ev[feature]))
        return r, e, k
    both = list(ref[feature]) + list(ev[feature])
    r, k = categorical_codes(both, list(ref[feature]))
    e, _ = categorical_codes(both, list(ev[feature]))
    return r, e, k


def psi(ref_groups, eval_groups):
    r = pd.Series([g for g in ref_groups if g is not None]).value_counts()
    e = pd.Series([g for g in eval_groups if g is not None]).value_counts()
    keys = sorted(set(r.index) | set(e.index))
    p = np.array([r.get(k, 0) for k in keys], dtype=float) / r.sum()
    q = np.array([e.get(k, 0) for k in keys], dtype=float) / e.sum()
    p, q = np.maximum(p, 1e-4), np.maximum(q, 1e-4)
    return float(np.sum((p - q) * np.log(p / q)))


Z = float(norm.ppf(0.975))
MIN_SAMPLE_SIZE = 20


def rate(x):
    """Mean and its standard error sqrt(r (1 - r) / n) of a 0/1 array (None when empty)."""
    n = len(x)
    if n == 0:
        return None, None, 0
    r = float(np.mean(x))
    return r, float(np.sqrt(r * (1 - r) / n)), n


def mean(x):
    """Mean and its standard error sqrt(var_samp / n)."""
    n = len(x)
    if n == 0:
        return None, None, 0
    se = float(np.sqrt(np.var(x, ddof=1) / n)) if n > 1 else 0.0
    return float(np.mean(x)), se, n


def parity(values, floors=(0.8, 0.7, 0.6)):
    """Ratios to the best judged group; failing groups: ratio < f and f best - v > margin."""
    judged = {g: v for g, v in values.items() if v[0] is not None and v[2] >= MIN_SAMPLE_SIZE}
    best = max(judged, key=lambda g: judged[g][0])
    b, bse, _ = judged[best]
    ratios = {g: v[0] / b for g, v in judged.items()}
    worst = min(ratios, key=ratios.get)
    f = floors[0]
    failing = [g for g, v in judged.items()
               if ratios[g] < f and f * b - v[0] > Z * np.sqrt(v[1] ** 2 + f * f * bse ** 2)]
    worst_failing = min((ratios[g] for g in failing), default=None)
    severity = "NONE"
    if worst_failing is not None:
        severity = ("HIGH" if worst_failing < floors[2] else
                    "MEDIUM" if worst_failing < floors[1] else "LOW")
    return {"best_group": best, "worst_group": worst, "worst_ratio": ratios[worst],
            "num_failing": len(failing), "severity": severity}


def gaps(per_metric, thresholds=(0.1, 0.2, 0.3)):
    """Per metric max - min over judged groups; the largest gap of a pair beyond low + noise."""
    out, claimed = {}, None
    for m, values in per_metric.items():
        judged = {g: v for g, v in values.items() if v[0] is not None and v[2] >= MIN_SAMPLE_SIZE}
        if len(judged) < 2:
            continue
        vals = [v[0] for v in judged.values()]
        out[m + "_gap"] = max(vals) - min(vals)
        for a in judged.values():
            for b in judged.values():
                d = a[0] - b[0]
                if d >= thresholds[0] and d - thresholds[0] > Z * np.sqrt(a[1] ** 2 + b[1] ** 2):
                    claimed = d if claimed is None else max(claimed, d)
    out["claimed_gap"] = claimed
    out["severity"] = ("NONE" if claimed is None else "HIGH" if claimed >= thresholds[2] else
                       "MEDIUM" if claimed >= thresholds[1] else "LOW")
    return out


def sensitivity(values, overall, thresholds=(0.1, 0.2, 0.3)):
    judged = {g: v for g, v in values.items() if v[0] is not None and v[2] >= MIN_SAMPLE_SIZE}
    diffs = {g: abs(v[0] - overall) for g, v in judged.items()}
    claimed = [d for g, d in diffs.items()
               if d >= thresholds[0] and d - thresholds[0] > Z * judged[g][1]]
    c = max(claimed, default=None)
    return {"overall": overall, "max_diff": max(diffs.values()), "claimed_diff": c,
            "severity": ("NONE" if c is None else "HIGH" if c >= thresholds[2] else
                         "MEDIUM" if c >= thresholds[1] else "LOW")}


def group_metrics(ref, ev, protected):
    """Per grouping (each protected feature, each pair crossed) the group fairness measures."""
    pred = ev["pred"].astype(float).to_numpy()
    label = ev["label"].astype(float).to_numpy()
    pp = (pred > 0.5).astype(float)
    names = {f: ["null" if g is None else g for g in groups(ref, ev, f)] for f in protected}
    groupings = {f: names[f] for f in protected}
    for i, a in enumerate(protected):
        for b in protected[i + 1:]:
            groupings[a + " x " + b] = [a + "=" + x + " & " + b + "=" + y
                                        for x, y in zip(names[a], names[b])]
    out = {}
    for key, g in groupings.items():
        g = np.array(g, dtype=object)
        keys = sorted(set(g))
        ppr = {k: rate(pp[g == k]) for k in keys}
        avg = {k: mean(pred[g == k]) for k in keys}
        tpr = {k: rate(pp[(g == k) & (label == 1)]) for k in keys}
        fpr = {k: rate(pp[(g == k) & (label == 0)]) for k in keys}
        out[key] = {
            "groups": {k: {"size": int(ppr[k][2]), "positive_prediction_rate": ppr[k][0],
                           "average_prediction": avg[k][0], "recall": tpr[k][0],
                           "false_positive_rate": fpr[k][0]} for k in keys},
            "demographic_parity": parity(ppr),
            "demographic_parity_avg_pred": parity(avg),
            "equal_opportunity": parity(tpr),
            "equalized_odds": gaps({"recall": tpr, "false_positive_rate": fpr}),
            "predictive_equality": gaps({"false_positive_rate": fpr}),
            "subset_sensitivity_pos_pred": sensitivity(ppr, float(np.mean(pp))),
            "subset_sensitivity_avg_pred": sensitivity(avg, float(np.mean(pred))),
        }
    return out


def main():
    rng = np.random.default_rng(2024)
    ref, ev = make(rng, False), make(rng, True)
    ref.to_csv("fairness_ref.csv", index=False, lineterminator="\n")
    ev.to_csv("fairness_eval.csv", index=False, lineterminator="\n")
    ref = pd.read_csv("fairness_ref.csv", dtype=str, keep_default_na=False)
    ev = pd.read_csv("fairness_eval.csv", dtype=str, keep_default_na=False)
    out = {"versions": {"numpy": np.__version__, "pandas": pd.__version__,
                        "scipy": scipy.__version__, "scikit-learn": sklearn.__version__}}
    protected = ["sex", "age", "group"]
    out["class_imbalance"] = {}
    out["chi_squared"] = {}
    out["psi"] = {}
    for f in protected:
        g_ref, g_eval = groups(ref, ref, f), groups(ref, ev, f)
        sizes = pd.Series(["\0null" if g is None else g for g in g_eval]).value_counts()
        out["class_imbalance"][f] = {"largest_share": float(sizes.max() / N),
                                     "num_groups": int(len(sizes))}
        table = pd.crosstab(pd.Series(["\0null" if g is None else g for g in g_eval]),
                            ev["label"])
        table = table[table.sum(axis=1) >= 20]
        chi2, p, dof, _ = chi2_contingency(table.to_numpy(), correction=False)
        out["chi_squared"][f] = {"chi_squared": float(chi2), "p_value": float(p),
                                 "dof": int(dof),
                                 "cramers_v": float(association(table.to_numpy(),
                                                                method="cramer")),
                                 "groups_tested": int(len(table))}
        out["psi"][f] = psi(g_ref, g_eval)
    out["uncertainty"] = {}
    for f in protected:
        pr, pe, _ = codes(ref, ev, f)
        for x in ["zip", "income", "colour", "hobby"]:
            xr, xe, _ = codes(ref, ev, x)
            out["uncertainty"][f + "|" + x] = {
                "ref": float(mutual_info_score(pr, xr) / entropy(np.bincount(pr))),
                "eval": float(mutual_info_score(pe, xe) / entropy(np.bincount(pe)))}
    out["naive_bayes"] = {}
    train = ["zip", "income", "colour"]
    for f in protected:
        yr, ye, k = codes(ref, ev, f)
        cols = [codes(ref, ev, x) for x in train]
        # Rows where the protected feature is missing (its last code) are left out.
        kr, ke = yr != k - 1, ye != k - 1
        yr, ye = yr[kr], ye[ke]
        xr = np.column_stack([c[0] for c in cols])[kr]
        xe = np.column_stack([c[1] for c in cols])[ke]
        model = CategoricalNB(alpha=1, min_categories=[c[2] for c in cols]).fit(xr, yr)
        predicted = model.predict(xe)
        majority = np.bincount(yr).argmax()
        out["naive_bayes"][f] = {
            "balanced_accuracy": float(balanced_accuracy_score(ye, predicted)),
            "accuracy": float(accuracy_score(ye, predicted)),
            "majority_baseline_accuracy": float(np.mean(ye == majority))}
    out["group_metrics"] = group_metrics(ref, ev, protected)
    json.dump(out, __import__("sys").stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
