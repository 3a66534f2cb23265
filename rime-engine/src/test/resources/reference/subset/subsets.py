# SPDX-License-Identifier: Apache-2.0
"""Reference values for the Subset Performance, Subset Performance Degradation and Weak Segments
tests (dev.rime.engine.tests.subset.SubsetReferenceTest), from scikit-learn, numpy and scipy.

Writes seeded reference and evaluation data for the three tasks (binary_*.csv, regression_*.csv,
multiclass_*.csv + multiclass_*_probs.csv), each with a categorical feature g (a, b, c, a unicode
value and missing values) and a numeric feature x (with NaN), and prints as JSON:

* subsets: per task, feature and metric, every evaluation subset (numeric: bins between the
  reference deciles, numpy's linear quantiles, de-duplicated, a value's bin = the number of edges
  strictly below it; categorical: by value; missing: its own subset) with its size, metric
  (scikit-learn), standard error (the formulas of docs/adr/0011, written here in numpy), margin
  z * SE and the reference side's metric and SE, for the subset tests.
* weak_segments: per task, with the default parameters, every segment tested (one feature and the
  pair g x x, each against the rest of the evaluation rows, one-sided test of "worse by more than
  the minimum gap": z-test with unpooled variances for accuracy, Welch's t-test (scipy) for MAE),
  Benjamini-Hochberg q-values (scipy.stats.false_discovery_control), and the weak segments
  reported.

Run once (outside the build):
  python3 -m venv /tmp/refvenv
  /tmp/refvenv/bin/pip install numpy==2.1.3 pandas==2.2.3 scikit-learn==1.5.2 scipy==1.14.1
  cd rime-engine/src/test/resources/reference/subset
  /tmp/refvenv/bin/python subsets.py > subsets.json
"""
import json

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy import stats as st
from sklearn import metrics as skm

rng = np.random.default_rng(20261129)
EPS = np.finfo(np.float64).eps
Z = st.norm.ppf(0.975)
GROUPS = ["a", "b", "c", "ü"]


def features(n):
    g = rng.choice(GROUPS, size=n, p=[0.4, 0.3, 0.2, 0.1]).astype(object)
    g[rng.random(n) < 0.05] = None
    x = np.round(rng.normal(size=n), 2)
    x[rng.random(n) < 0.03] = np.nan
    return g, x


def write(df, name, fmt):
    df.to_csv(name, index=False, float_format=fmt)
    return pd.read_csv(name, keep_default_na=True)


# ---- data ----
def binary(n, worse):
    g, x = features(n)
    score = rng.normal(size=n) + 0.5 * np.nan_to_num(x)
    y = (score + rng.normal(size=n) > 0).astype(float)
    p = 1 / (1 + np.exp(-score))
    if worse:  # the model is wrong on half of b's rows and on a's largest x
        flip = ((g == "b") & (rng.random(n) < 0.5)) | ((g == "a") & (np.nan_to_num(x) > 1.0))
        p = np.where(flip, 1 - p, p)
    p = np.round(p, 2)
    y[rng.random(n) < 0.03] = np.nan
    p[rng.random(n) < 0.02] = np.nan
    return pd.DataFrame({"g": g, "x": x, "y": y, "p": p})


def regression(n, worse):
    g, x = features(n)
    y = np.abs(np.round(3 + 2 * np.nan_to_num(x) + rng.normal(size=n), 2))
    p = np.abs(3 + 1.8 * np.nan_to_num(x))
    if worse:
        p = np.where(g == "b", p + rng.normal(size=n) * 2, p)
        p = np.where((g == "a") & (np.nan_to_num(x) > 1.0), p + 3, p)
    p = np.abs(np.round(p, 2))
    y[rng.random(n) < 0.03] = np.nan
    return pd.DataFrame({"g": g, "x": x, "y": y, "p": p})


K = 3


def multiclass(n, worse):
    g, x = features(n)
    y = rng.integers(0, K, size=n)
    logits = rng.normal(size=(n, K))
    logits[np.arange(n), y] += 1.5
    if worse:
        bad = (g == "b") & (rng.random(n) < 0.5)
        logits[bad] = logits[bad][:, ::-1]
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    probs = np.round(probs, 3)
    probs[:, K - 1] = np.round(1 - probs[:, 0] - probs[:, 1], 3)
    y = y.astype(float)
    y[rng.random(n) < 0.03] = np.nan
    return pd.DataFrame({"g": g, "x": x, "y": y}), probs


data = {}
for side, n, worse in [("ref", 1500, False), ("eval", 3000, True)]:
    data[("binary", side)] = write(binary(n, worse), f"binary_{side}.csv", "%.2f")
    data[("regression", side)] = write(regression(n, worse), f"regression_{side}.csv", "%.2f")
    df, probs = multiclass(n, worse)
    df = write(df, f"multiclass_{side}.csv", "%.2f")
    pd.DataFrame(probs, columns=["p0", "p1", "p2"]).to_csv(
        f"multiclass_{side}_probs.csv", index=False, float_format="%.3f")
    pr = pd.read_csv(f"multiclass_{side}_probs.csv")
    for c in range(K):
        df[f"p{c}"] = pr[f"p{c}"]
    data[("multiclass", side)] = df


# ---- metrics and their standard errors (docs/adr/0011) ----
def rate_se(v, d):
    return 0.0 if d == 0 else float(np.sqrt(max(0.0, v * (1 - v)) / d))


def mean_se(values):
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return 0.0
    return float(np.std(values, ddof=1) / np.sqrt(len(values)))


def hanley_mcneil(a, n1, n0):
    q1, q2 = a / (2 - a), 2 * a * a / (1 + a)
    var = (a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n0 - 1) * (q2 - a * a)) / (n1 * n0)
    return float(np.sqrt(max(0.0, var)))


def ratio(num, den):
    return None if den == 0 else num / den


def binary_metrics(df):
    """{metric: [value, se, support]} over rows with a prediction (labelled ones for most)."""
    df = df[df.p.notna()]
    p = df.p.to_numpy()
    out = {}
    conf = np.maximum(p, 1 - p)
    pp = (p > 0.5).astype(float)
    n = len(df)
    out["positive_prediction_rate"] = [float(pp.mean()), rate_se(pp.mean(), n), n] if n else [None, None, n]
    out["average_prediction"] = [float(p.mean()), mean_se(p), n] if n else [None, None, n]
    out["average_confidence"] = [float(conf.mean()), mean_se(conf), n] if n else [None, None, n]
    lab = df[df.y.notna()]
    y = lab.y.to_numpy().astype(int)
    q = lab.p.to_numpy()
    yhat = (q > 0.5).astype(int)
    tp = int(((y == 1) & (yhat == 1)).sum())
    fp = int(((y == 0) & (yhat == 1)).sum())
    tn = int(((y == 0) & (yhat == 0)).sum())
    fn = int(((y == 1) & (yhat == 0)).sum())
    nl = len(lab)
    if len(set(y)) == 2:
        auc = float(skm.roc_auc_score(y, q))
        out["auc"] = [auc, hanley_mcneil(auc, tp + fn, tn + fp), nl]
    else:
        out["auc"] = [None, None, nl]
    if nl:
        acc = float(skm.accuracy_score(y, yhat))
        out["accuracy"] = [acc, rate_se(acc, nl), nl]
        clipped = np.clip(np.where(y == 1, q, 1 - q), EPS, 1 - EPS)
        ll = -np.log(clipped)
        assert abs(ll.mean() - skm.log_loss(y, q, labels=[0, 1])) < 1e-12
        out["log_loss"] = [float(ll.mean()), mean_se(ll), nl]
    else:
        out["accuracy"] = out["log_loss"] = [None, None, 0]

    def rated(name, num, den, sk):
        v = ratio(num, den)
        if v is not None:
            assert abs(v - sk()) < 1e-12
        out[name] = [v, None if v is None else rate_se(v, den), den]

    rated("f1", 2 * tp, 2 * tp + fp + fn, lambda: skm.f1_score(y, yhat, zero_division=0))
    out["f1"][2] = tp + fp + fn
    if out["f1"][0] is not None:
        out["f1"][1] = rate_se(out["f1"][0], tp + fp + fn)
    rated("precision", tp, tp + fp, lambda: skm.precision_score(y, yhat, zero_division=0))
    rated("recall", tp, tp + fn, lambda: skm.recall_score(y, yhat, zero_division=0))
    rated("false_positive_rate", fp, fp + tn, lambda: fp / (fp + tn))
    rated("false_negative_rate", fn, fn + tp, lambda: fn / (fn + tp))
    return out


def regression_metrics(df):
    df = df[df.p.notna()]
    out = {}
    n = len(df)
    p = df.p.to_numpy()
    out["average_prediction"] = [float(p.mean()), mean_se(p), n] if n else [None, None, n]
    lab = df[df.y.notna()]
    y, q = lab.y.to_numpy(), lab.p.to_numpy()
    nl = len(lab)
    if nl == 0:
        for m in ["mae", "mape", "mse", "msle", "rmse", "r_squared"]:
            out[m] = [None, None, 0]
        return out
    ae, se = np.abs(y - q), (y - q) ** 2
    ape = ae / np.maximum(np.abs(y), EPS)
    sle = (np.log1p(y) - np.log1p(q)) ** 2
    out["mae"] = [float(skm.mean_absolute_error(y, q)), mean_se(ae), nl]
    out["mape"] = [float(skm.mean_absolute_percentage_error(y, q)), mean_se(ape), nl]
    mse = float(skm.mean_squared_error(y, q))
    out["mse"] = [mse, mean_se(se), nl]
    out["msle"] = [float(skm.mean_squared_log_error(y, q)), mean_se(sle), nl]
    rmse = float(np.sqrt(mse))
    out["rmse"] = [rmse, 0.0 if rmse == 0 else mean_se(se) / (2 * rmse), nl]
    var = float(np.var(y))
    if nl < 2:
        out["r_squared"] = [None, None, nl]
    else:
        out["r_squared"] = [float(skm.r2_score(y, q)), 0.0 if var == 0 else mean_se(se) / var, nl]
    return out


def multiclass_metrics(df):
    P = df[[f"p{c}" for c in range(K)]].to_numpy()
    out = {}
    n = len(df)
    conf = P.max(axis=1)
    out["average_confidence"] = [float(conf.mean()), mean_se(conf), n] if n else [None, None, n]
    lab = df.y.notna().to_numpy()
    y = df.y.to_numpy()[lab].astype(int)
    PP = P[lab]
    nl = len(y)
    if nl == 0:
        for m in ["multiclass_accuracy", "macro_f1", "macro_precision", "macro_recall",
                  "log_loss", "multiclass_auc"]:
            out[m] = [None, None, 0]
        return out
    yhat = PP.argmax(axis=1)
    acc = float(skm.accuracy_score(y, yhat))
    out["multiclass_accuracy"] = [acc, rate_se(acc, nl), nl]
    clipped = np.clip(PP[np.arange(nl), y], EPS, 1 - EPS)
    ll = -np.log(clipped)
    assert abs(ll.mean() - skm.log_loss(y, PP, labels=list(range(K)))) < 1e-12
    out["log_loss"] = [float(ll.mean()), mean_se(ll), nl]
    present = sorted(set(y) | set(yhat))
    for name, which, sk in [("macro_precision", 0, skm.precision_score),
                            ("macro_recall", 1, skm.recall_score), ("macro_f1", 2, skm.f1_score)]:
        vals, var = [], 0.0
        for c in present:
            tpc = int(((y == c) & (yhat == c)).sum())
            pred, act = int((yhat == c).sum()), int((y == c).sum())
            den = [pred, act, pred + act][which]
            v = 0.0 if den == 0 else (2 * tpc if which == 2 else tpc) / den
            d = den - tpc if which == 2 else den
            vals.append(v)
            var += rate_se(v, d) ** 2
        value = float(np.mean(vals))
        assert abs(value - sk(y, yhat, average="macro", zero_division=0)) < 1e-12
        out[name] = [value, float(np.sqrt(var) / len(present)), nl]
    aucs, var = [], 0.0
    for c in range(K):
        pos = int((y == c).sum())
        if 0 < pos < nl:
            a = float(skm.roc_auc_score(y == c, PP[:, c]))
            aucs.append(a)
            var += hanley_mcneil(a, pos, nl - pos) ** 2
    out["multiclass_auc"] = ([float(np.mean(aucs)), float(np.sqrt(var) / len(aucs)), nl]
                             if aucs else [None, None, nl])
    return out


METRICS = {"binary": binary_metrics, "regression": regression_metrics,
           "multiclass": multiclass_metrics}


def has_output(task, df):
    return df if task == "multiclass" else df[df.p.notna()]


# ---- subsets ----
def edges(ref_x):
    finite = ref_x[np.isfinite(ref_x)]
    qs = np.quantile(finite, [k / 10 for k in range(1, 10)])
    out = []
    for q in qs:
        if not out or q > out[-1]:
            out.append(float(q))
    return out


def subset_keys(task, feature):
    """Evaluation and reference subset keys of each row, and the keys in order (null last)."""
    ev, rf = data[(task, "eval")], data[(task, "ref")]
    if feature == "x":
        e = edges(rf.x.to_numpy())
        keyf = lambda v: None if np.isnan(v) else str(int(np.searchsorted(e, v, side="left")))
        ek = [keyf(v) for v in ev.x]
        rk = [keyf(v) for v in rf.x]
        order = sorted({k for k in ek + rk if k is not None}, key=int)
    else:
        ek = [None if pd.isna(v) else v for v in ev.g]
        rk = [None if pd.isna(v) else v for v in rf.g]
        order = sorted({k for k in ek + rk if k is not None})
    if None in ek or None in rk:
        order.append(None)
    return np.array(ek, dtype=object), np.array(rk, dtype=object), order


def select(keys, k):
    return np.array([v is None for v in keys]) if k is None else np.array([v == k for v in keys])


result = {"z": float(Z), "subsets": {}, "overall": {}, "weak_segments": {}}
for task in ["binary", "regression", "multiclass"]:
    result["overall"][task] = {
        side: METRICS[task](has_output(task, data[(task, side)])) for side in ["ref", "eval"]}
    result["subsets"][task] = {}
    for feature in ["g", "x"]:
        ek, rk, order = subset_keys(task, feature)
        rows = []
        for k in order:
            e = data[(task, "eval")][select(ek, k)]
            r = data[(task, "ref")][select(rk, k)]
            rows.append({"key": k, "eval_size": int(len(has_output(task, e))),
                         "ref_size": int(len(has_output(task, r))),
                         "eval": METRICS[task](has_output(task, e)) if len(e) else None,
                         "ref": METRICS[task](has_output(task, r)) if len(r) else None})
        result["subsets"][task][feature] = rows


# ---- weak segments (default parameters) ----
PRIMARY = {"binary": "accuracy", "regression": "mae", "multiclass": "multiclass_accuracy"}
MIN_SAMPLES, FDR = 50, 0.05
MIN_GAP = {"binary": 0.05, "regression": 0.1, "multiclass": 0.05}  # the low thresholds


def segment_test(task, metric, seg, rest, overall):
    """The segment against the rest: one-sided test of "worse by more than the minimum gap"."""
    ms, mr = METRICS[task](seg)[metric], METRICS[task](rest)[metric]
    if ms[0] is None or mr[0] is None or ms[2] < MIN_SAMPLES or mr[2] < MIN_SAMPLES:
        return None
    if metric == "mae":  # lower is better, relative to the overall value
        gap = ms[0] - mr[0]
        change = gap / abs(overall)
        delta = MIN_GAP[task] * abs(overall)
        lab_s, lab_r = seg[seg.y.notna()], rest[rest.y.notna()]
        ae_s = np.abs(lab_s.y - lab_s.p).to_numpy()
        ae_r = np.abs(lab_r.y - lab_r.p).to_numpy()
        p = st.ttest_ind_from_stats(ae_s.mean() - delta, ae_s.std(ddof=1), len(ae_s),
                                    ae_r.mean(), ae_r.std(ddof=1), len(ae_r), equal_var=False,
                                    alternative="greater").pvalue
    else:  # accuracy: z-test with unpooled variances
        gap = mr[0] - ms[0]
        change = gap
        a1, n1, a2, n2 = ms[0], ms[2], mr[0], mr[2]
        sd = np.sqrt(a1 * (1 - a1) / n1 + a2 * (1 - a2) / n2)
        p = (0.0 if gap > MIN_GAP[task] else 1.0) if sd == 0 else st.norm.sf(
            (gap - MIN_GAP[task]) / sd)
    return {"value": ms[0], "se": ms[1], "support": ms[2], "size": int(len(seg)),
            "rest": mr[0], "gap": float(gap), "change": float(change), "p": float(p)}


for task in ["binary", "regression", "multiclass"]:
    metric = PRIMARY[task]
    ev = has_output(task, data[(task, "eval")])
    overall = METRICS[task](ev)[metric][0]
    segs = []
    singles = {}
    keys = {}
    for feature in ["g", "x"]:
        ek, _, order = subset_keys(task, feature)
        ek = ek if task == "multiclass" else ek[data[(task, "eval")].p.notna().to_numpy()]
        keys[feature] = ek
        for k in order:
            m = select(ek, k)
            t = segment_test(task, metric, ev[m], ev[~m], overall)
            if t is not None:
                t.update({"features": [feature], "keys": [k], "parents": []})
                segs.append(t)
                singles[(feature, k)] = t
    _, _, og = subset_keys(task, "g")
    _, _, ox = subset_keys(task, "x")
    for kg in og:
        for kx in ox:
            m = select(keys["g"], kg) & select(keys["x"], kx)
            if m.sum() == 0:
                continue
            t = segment_test(task, metric, ev[m], ev[~m], overall)
            if t is not None:
                t.update({"features": ["g", "x"], "keys": [kg, kx],
                          "parents": [singles.get(("g", kg)), singles.get(("x", kx))]})
                segs.append(t)
    q = st.false_discovery_control([s["p"] for s in segs], method="bh")
    for s, qq in zip(segs, q):
        s["q"] = float(qq)
        s["weak"] = bool(qq <= FDR and s["change"] >= MIN_GAP[task])
    weak = [s for s in segs if s["weak"] and not any(p is not None and p["weak"]
                                                     for p in s["parents"])]
    weak.sort(key=lambda s: -s["change"] * np.sqrt(s["support"]))
    for s in segs:
        del s["parents"]
    result["weak_segments"][task] = {
        "metric": metric, "overall": overall, "num_tested": len(segs),
        "num_significant": sum(s["weak"] for s in segs), "tested": segs,
        "reported": [{k: s[k] for k in ["features", "keys", "value", "rest", "gap", "p", "q"]}
                     for s in weak[:10]], "num_weak": len(weak)}

result["versions"] = {"numpy": np.__version__, "pandas": pd.__version__,
                      "sklearn": sklearn.__version__, "scipy": scipy.__version__}
print(json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False))
