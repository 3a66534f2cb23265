# SPDX-License-Identifier: Apache-2.0
"""Reference values for the Model Performance tests (dev.rime.engine.tests.performance), from
numpy and scikit-learn, independent of the engine's code.

Writes a reference and an evaluation dataset for each model task (binary_*.csv; multiclass_*.csv
with class probabilities multiclass_*_probs.csv; regression_*.csv) and prints as JSON:
- every metric of the task on both sides (scikit-learn), and each metric test's degradation as
  ADR 0012 defines it: worse-by in the metric's units; relative to |reference| for log loss, MAE,
  MAPE, MSE, MSLE, RMSE; in reference standard deviations of the predictions (ddof 1) for a
  regression model's average prediction; |change| for metrics better in neither direction;
- margins of error z * sqrt(SE_ref^2 + SE_eval^2) for accuracy (SE sqrt(a(1-a)/n)) and MAE (SE
  std(|y - p|, ddof 1) / sqrt(n)), z the 0.975 normal quantile;
- Average Thresholded Confidence (Garg et al. 2022): the threshold t is the (n - c)-th smallest
  reference confidence (n labelled reference rows, c correct), rows at t count with the weight
  w = (c - #above t) / #at t; predicted evaluation accuracy = (#eval above t + w #eval at t) / #eval.
  On data without ties this equals Garg et al.'s own find_ATC_threshold / get_ATC_acc (asserted
  below on a tie-free dataset);
- Calibration Comparison: scikit-learn's calibration_curve(strategy="uniform", n_bins=10) on each
  side (bins located with numpy's searchsorted, as calibration_curve does; the curves are asserted
  equal to calibration_curve's), MSE of the observed rates over the bins populated on both sides.
  Binary: p against the label; multi-class: the largest probability against correctness.

Run once (outside the build):
  python3 -m venv /tmp/mpvenv
  /tmp/mpvenv/bin/pip install numpy==2.1.3 pandas==2.2.3 scikit-learn==1.5.2 scipy==1.14.1
  cd rime-engine/src/test/resources/reference/performance
  /tmp/mpvenv/bin/python performance.py > performance.json
"""
import json

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy.stats import norm
from sklearn import metrics as skm
from sklearn.calibration import calibration_curve

rng = np.random.default_rng(20261204)
Z = float(norm.ppf(0.975))
N_BINS = 10


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def colours(n):
    return rng.choice(["red", "green", "blue"], size=n)


# ---------------------------------------------------------------- metric values (scikit-learn)

def binary_metrics(df):
    df = df[df.p.notna()]
    p = df.p.to_numpy()
    out = {
        "average_prediction": float(p.mean()),
        "positive_prediction_rate": float((p > 0.5).mean()),
        "average_confidence": float(np.maximum(p, 1 - p).mean()),
    }
    lab = df[df.y.notna()]
    y, p = lab.y.to_numpy().astype(int), lab.p.to_numpy()
    pp = (p > 0.5).astype(int)
    tn, fp, fn, tp = skm.confusion_matrix(y, pp, labels=[0, 1]).ravel()
    out.update({
        "auc": float(skm.roc_auc_score(y, p)),
        "accuracy": float(skm.accuracy_score(y, pp)),
        "f1": float(skm.f1_score(y, pp)),
        "precision": float(skm.precision_score(y, pp)),
        "recall": float(skm.recall_score(y, pp)),
        "false_positive_rate": float(fp / (fp + tn)),
        "false_negative_rate": float(fn / (fn + tp)),
        "log_loss": float(skm.log_loss(y, p, labels=[0, 1])),
    })
    return out


def multiclass_metrics(df, probs):
    out = {"average_confidence": float(probs.max(axis=1).mean())}
    lab = df.y.notna().to_numpy()
    y = df.y.to_numpy()[lab].astype(int)
    P = probs[lab]
    yhat = P.argmax(axis=1)
    out.update({
        "multiclass_auc": float(skm.roc_auc_score(y, P, multi_class="ovr")),
        "multiclass_accuracy": float(skm.accuracy_score(y, yhat)),
        "macro_f1": float(skm.f1_score(y, yhat, average="macro", zero_division=0)),
        "macro_precision": float(skm.precision_score(y, yhat, average="macro", zero_division=0)),
        "macro_recall": float(skm.recall_score(y, yhat, average="macro", zero_division=0)),
        "log_loss": float(skm.log_loss(y, P, labels=[0, 1, 2])),
    })
    return out


def regression_metrics(df):
    out = {"average_prediction": float(df.p.mean())}
    lab = df[df.y.notna()]
    y, p = lab.y.to_numpy(), lab.p.to_numpy()
    out.update({
        "mae": float(skm.mean_absolute_error(y, p)),
        "mape": float(skm.mean_absolute_percentage_error(y, p)),
        "mse": float(skm.mean_squared_error(y, p)),
        "rmse": float(np.sqrt(skm.mean_squared_error(y, p))),
        "msle": float(skm.mean_squared_log_error(y, p)),
        "r_squared": float(skm.r2_score(y, p)),
    })
    return out


HIGHER = {"auc", "accuracy", "f1", "precision", "recall", "multiclass_auc", "multiclass_accuracy",
          "macro_f1", "macro_precision", "macro_recall", "r_squared"}
LOWER = {"false_positive_rate", "false_negative_rate", "log_loss", "mae", "mape", "mse", "msle",
         "rmse"}
RELATIVE = {"log_loss", "mae", "mape", "mse", "msle", "rmse"}


def degradations(ref, ev, regression_pred_sd=None):
    out = {}
    for m in ref:
        r, e = ref[m], ev[m]
        worse = r - e if m in HIGHER else e - r if m in LOWER else abs(e - r)
        if m in RELATIVE:
            worse /= abs(r)
        if m == "average_prediction" and regression_pred_sd is not None:
            worse /= regression_pred_sd
        out[m] = float(worse)
    return out


# ---------------------------------------------------------------- ATC and calibration (numpy)

def atc(ref_conf, ref_correct, eval_conf):
    n, c = len(ref_conf), int(ref_correct.sum())
    if c == n:
        return {"threshold": None, "tie_weight": 0.0, "predicted_eval_accuracy": 1.0}
    t = np.sort(ref_conf)[n - c - 1]
    above, at = int((ref_conf > t).sum()), int((ref_conf == t).sum())
    w = (c - above) / at
    pred = ((eval_conf > t).sum() + w * (eval_conf == t).sum()) / len(eval_conf)
    return {"threshold": float(t), "tie_weight": float(w), "predicted_eval_accuracy": float(pred),
            "ref_accuracy": c / n, "predicted_accuracy_drop": float(c / n - pred),
            "ref_rows": n, "eval_rows": len(eval_conf)}


def garg_find_atc_threshold(scores, labels):
    # Garg et al.'s reference code (github.com/saurabhgarg1996/ATC_code), labels = correctness.
    sorted_idx = np.argsort(scores)
    sorted_scores = scores[sorted_idx]
    sorted_labels = labels[sorted_idx]
    fp = np.sum(labels == 0)
    fn = 0.0
    min_fp_fn = np.abs(fp - fn)
    thres = 0.0
    for i in range(len(labels)):
        if sorted_labels[i] == 0:
            fp -= 1
        else:
            fn += 1
        if np.abs(fp - fn) < min_fp_fn:
            min_fp_fn = np.abs(fp - fn)
            thres = sorted_scores[i]
    return min_fp_fn, thres


def curve(prob, outcome):
    bins = np.linspace(0.0, 1.0, N_BINS + 1)
    ids = np.searchsorted(bins[1:-1], prob)
    total = np.bincount(ids, minlength=N_BINS)
    true = np.bincount(ids, weights=outcome, minlength=N_BINS)
    pred = np.bincount(ids, weights=prob, minlength=N_BINS)
    nz = total != 0
    prob_true, prob_pred = calibration_curve(outcome, prob, n_bins=N_BINS, strategy="uniform")
    assert np.allclose(prob_true, true[nz] / total[nz], rtol=0, atol=1e-15)
    assert np.allclose(prob_pred, pred[nz] / total[nz], rtol=0, atol=1e-15)
    return {int(k): {"rows": int(total[k]), "mean_predicted": float(pred[k] / total[k]),
                     "observed": float(true[k] / total[k])} for k in np.flatnonzero(nz)}


def calibration(ref_prob, ref_outcome, eval_prob, eval_outcome):
    r, e = curve(ref_prob, ref_outcome), curve(eval_prob, eval_outcome)
    common = sorted(set(r) & set(e))
    mse = float(np.mean([(r[k]["observed"] - e[k]["observed"]) ** 2 for k in common]))
    return {"calibration_mse": mse, "num_common_bins": len(common), "ref_bins": r,
            "eval_bins": e}


result = {}

# ---------------------------------------------------------------- binary


def binary_side(n, shift, scale, slope, bias, name):
    x = rng.normal(shift, scale, size=n)
    p = np.round(sigmoid(1.5 * x), 2)  # ties, and values on the bin edges
    y = (rng.random(n) < sigmoid(slope * x + bias)).astype(float)
    p[:5] = [0.0, 1.0, 0.5, 0.3, 0.7]
    y[rng.random(n) < 0.03] = np.nan
    p[rng.random(n) < 0.01] = np.nan
    df = pd.DataFrame({"x": np.round(x, 4), "colour": colours(n), "y": y, "p": p})
    df.to_csv(name, index=False, float_format="%.4g")
    return pd.read_csv(name)


bref = binary_side(600, 0.0, 1.0, 1.5, 0.0, "binary_ref.csv")
beval = binary_side(500, 0.3, 0.6, 0.9, -0.3, "binary_eval.csv")  # less confident, worse
ref_m, eval_m = binary_metrics(bref), binary_metrics(beval)


def conf_correct_binary(df):
    df = df[df.p.notna()]
    conf = np.maximum(df.p, 1 - df.p).to_numpy()
    correct = np.where(df.y.isna(), np.nan, ((df.p > 0.5) == (df.y == 1)).astype(float))
    return df, conf, correct


def acc_margin(ref_df, eval_df, ref_acc, eval_acc):
    nr = int((ref_df.y.notna() & ref_df.p.notna()).sum())
    ne = int((eval_df.y.notna() & eval_df.p.notna()).sum())
    return Z * np.sqrt(ref_acc * (1 - ref_acc) / nr + eval_acc * (1 - eval_acc) / ne)


rdf, rconf, rcorrect = conf_correct_binary(bref)
edf, econf, _ = conf_correct_binary(beval)
lab = ~np.isnan(rcorrect)
rl = rdf[lab]
result["binary"] = {
    "ref": ref_m, "eval": eval_m, "degradation": degradations(ref_m, eval_m),
    "accuracy_margin": float(acc_margin(bref, beval, ref_m["accuracy"], eval_m["accuracy"])),
    "atc": atc(rconf[lab], rcorrect[lab], econf),
    "calibration": calibration(
        rl.p.to_numpy(), rl.y.to_numpy(),
        edf[edf.y.notna()].p.to_numpy(), edf[edf.y.notna()].y.to_numpy()),
}

# ---------------------------------------------------------------- multi-class


def multiclass_side(n, scale, temperature, name):
    x1, x2 = rng.normal(0, scale, size=n), rng.normal(0, scale, size=n)
    logits = np.stack([1.2 * x1, 1.2 * x2, -0.6 * (x1 + x2)], axis=1)
    true_p = np.exp(logits * temperature)
    true_p /= true_p.sum(axis=1, keepdims=True)
    y = np.array([rng.choice(3, p=row) for row in true_p]).astype(float)
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    probs = np.round(probs, 2)  # ties among confidences
    probs[:, 2] = np.round(1 - probs[:, 0] - probs[:, 1], 2)
    y[rng.random(n) < 0.03] = np.nan
    pd.DataFrame({"x1": np.round(x1, 4), "x2": np.round(x2, 4), "y": y}).to_csv(
        name + ".csv", index=False, float_format="%.4g")
    pd.DataFrame(probs, columns=["p0", "p1", "p2"]).to_csv(
        name + "_probs.csv", index=False, float_format="%.2f")
    return pd.read_csv(name + ".csv"), pd.read_csv(name + "_probs.csv").to_numpy()


mref, mref_p = multiclass_side(450, 1.0, 1.0, "multiclass_ref")
meval, meval_p = multiclass_side(400, 0.7, 0.5, "multiclass_eval")  # less confident, worse
ref_m, eval_m = multiclass_metrics(mref, mref_p), multiclass_metrics(meval, meval_p)


def conf_correct_multi(df, P):
    conf = P.max(axis=1)
    correct = np.where(df.y.isna(), np.nan, (P.argmax(axis=1) == df.y.fillna(-1)).astype(float))
    return conf, correct


rconf, rcorrect = conf_correct_multi(mref, mref_p)
econf, ecorrect = conf_correct_multi(meval, meval_p)
rl, el = ~np.isnan(rcorrect), ~np.isnan(ecorrect)
result["multiclass"] = {
    "ref": ref_m, "eval": eval_m, "degradation": degradations(ref_m, eval_m),
    "atc": atc(rconf[rl], rcorrect[rl], econf),
    "calibration": calibration(rconf[rl], rcorrect[rl], econf[el], ecorrect[el]),
}

# ---------------------------------------------------------------- regression


def regression_side(n, shift, noise, name):
    x = rng.normal(shift, 1, size=n)
    y = np.round(10 + 2 * x + rng.normal(0, noise, size=n), 2)
    p = np.round(10 + 1.9 * x, 2)
    y[rng.random(n) < 0.03] = np.nan
    pd.DataFrame({"x": np.round(x, 4), "colour": colours(n), "y": y, "p": p}).to_csv(
        name, index=False, float_format="%.4g")
    return pd.read_csv(name)


rref = regression_side(500, 0.0, 1.0, "regression_ref.csv")
reval = regression_side(400, 0.3, 1.4, "regression_eval.csv")
ref_m, eval_m = regression_metrics(rref), regression_metrics(reval)
sd = float(rref.p.std(ddof=1))


def mae_margin(ref_df, eval_df):
    def se(df):
        e = np.abs(df.y - df.p)[df.y.notna()]
        return e.std(ddof=1) / np.sqrt(len(e))
    return Z * np.sqrt(se(ref_df) ** 2 + se(eval_df) ** 2)


result["regression"] = {
    "ref": ref_m, "eval": eval_m, "ref_prediction_sd": sd,
    "degradation": degradations(ref_m, eval_m, regression_pred_sd=sd),
    "mae_relative_margin": float(mae_margin(rref, reval) / ref_m["mae"]),
}

# ---------------------------------------------------------------- ATC = Garg et al. without ties

n = 2000
conf = rng.uniform(0.34, 1.0, size=n)
correct = (rng.random(n) < conf).astype(float)
eval_conf = rng.uniform(0.3, 1.0, size=1500)
ours = atc(conf, correct, eval_conf)
_, thres = garg_find_atc_threshold(conf, correct)
garg = float(np.mean(eval_conf >= thres))
assert thres == ours["threshold"] and abs(garg - ours["predicted_eval_accuracy"]) < 1e-15
result["garg_check"] = {"threshold": float(thres), "predicted_eval_accuracy": garg}

result["versions"] = {"numpy": np.__version__, "pandas": pd.__version__,
                      "scipy": scipy.__version__, "sklearn": sklearn.__version__}
print(json.dumps(result, indent=1, sort_keys=True))
