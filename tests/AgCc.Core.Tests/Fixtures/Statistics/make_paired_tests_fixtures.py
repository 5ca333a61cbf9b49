#!/usr/bin/python3
"""Writes paired_tests.json: scipy's paired t-test and Wilcoxon signed-rank test for fixed
pairs of per-seed scores, the reference for AgCc.Core.Statistics.PairedTests (PairedTestsTests.cs).

Run with Debian's python (apt-get install -y python3-scipy):
    /usr/bin/python3 tests/AgCc.Core.Tests/Fixtures/Statistics/make_paired_tests_fixtures.py
Deterministic: every random case draws from its own seeded numpy Generator.
"""
import json
import os
import warnings

import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
GRID = 4096.0  # values on a 1/4096 grid subtract exactly, so ties and zeros in a − b are exact


def grid(x):
    return np.round(np.asarray(x, dtype=np.float64) * GRID) / GRID


def uar_like(seed, n, shift=0.015, spread=0.02, decimals=4):
    """Method B's UAR over n seeds in [0.55, 0.70]; method A a few points better, rounded as reported."""
    rng = np.random.default_rng(seed)
    b = rng.uniform(0.55, 0.70, n)
    a = np.clip(b + rng.normal(shift, spread, n), 0.0, 1.0)
    return np.round(a, decimals), np.round(b, decimals)


def on_grid(seed, d_units):
    """b UAR-like on the grid and a = b + d exactly, with d given in grid units (ties, zeros, signs by design)."""
    rng = np.random.default_rng(seed)
    d = np.asarray(d_units, dtype=np.float64) / GRID
    b = grid(rng.uniform(0.55, 0.70, len(d)))
    return b + d, b


def cases():
    for n in range(2, 13):
        yield f"uar_n{n}", f"UAR-like, {n} seeds, A about 1.5 points better", *uar_like(100 + n, n)
    for n in (20, 30, 50, 51, 60, 200):
        yield f"uar_n{n}", f"UAR-like, {n} seeds ({'exact' if n <= 50 else 'normal approximation'} Wilcoxon)", *uar_like(100 + n, n)
    yield "uar_n9_negative", "A about 2 points worse", *uar_like(209, 9, shift=-0.02)
    yield "uar_n10_null", "no real difference", *uar_like(210, 10, shift=0.0, spread=0.01)
    yield "uar_n30_strong", "A 5 points better with little spread: tiny p-values", *uar_like(230, 30, shift=0.05, spread=0.01)

    a, b = on_grid(1, [1, -2, 2, 3, -4, -5])
    yield ("ties_half_ranks_n6", "|d| tied so the rank sums are halves (r+ = 7.5): scipy's exact p truncates r+ to 7",
           a, b)
    yield ("ties_half_ranks_n6_swapped", "the case above with a and b swapped (r+ = 13.5, truncated to 13): a different p",
           b, a)
    a, b = on_grid(2, [3, -3, 5, 5, 7, -1, 7, 7])
    yield "ties_n8", "ties in |d| across signs, exact distribution", a, b
    a, b = on_grid(3, [4, -4, 4, 4, -4, 4, 4, 4, -4, 4])
    yield "equal_magnitudes_n10", "every |d| equal, mixed signs", a, b
    a, b = on_grid(4, [6, 0, -2, 9, 0, 4, 3, 11])
    yield "zeros_n8", "two zero differences: scipy drops them and uses the normal approximation on 6", a, b
    a, b = on_grid(5, [5, -3, 0, 5, 8, 3, 12, -1, 5, 7, 2, 9])
    yield "zeros_ties_n12", "one zero and ties: normal approximation with tie correction", a, b
    rng = np.random.default_rng(6)
    a, b = on_grid(6, rng.integers(-4, 9, 20))
    yield "zeros_ties_n20", "differences of a few grid units: zeros and many ties", a, b
    rng = np.random.default_rng(7)
    a, b = on_grid(7, rng.integers(-3, 7, 60))
    yield "ties_n60", "60 pairs, many ties and zeros", a, b
    a, b = on_grid(8, [0, 5, 0])
    yield "one_nonzero_n3", "one non-zero difference: Wilcoxon undefined here (scipy still answers)", a, b
    a, b = on_grid(9, [0, 0, 0, 0, 0])
    yield "all_zero_n5", "a == b: both tests undefined (t is 0/0, scipy's wilcoxon raises)", a, b
    a, b = on_grid(10, [96, 96, 96, 96, 96])
    yield "constant_n5", "every difference 96/4096 exactly: t undefined (scipy: inf, p 0); Wilcoxon's p is 2/2^5", a, b
    a, b = on_grid(11, [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8])
    yield "all_positive_n12", "every difference positive: Wilcoxon's smallest p, 2/2^12", a, b
    a, b = on_grid(12, [1, -2, -3, 4])
    yield "centre_n4", "r+ at the centre of its distribution: p = 1", a, b
    a, b = on_grid(13, [7])
    yield "single_pair_n1", "one pair: both tests undefined (scipy: t nan, Wilcoxon p 1)", a, b
    a, b = on_grid(14, [2, -7])
    yield "opposite_n2", "two pairs of opposite sign", a, b


def run(test):
    """(statistic, pvalue, raw description, warnings) from one scipy call."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            res = test()
            stat, p = float(res.statistic), float(res.pvalue)
            raw = f"statistic={stat!r}, pvalue={p!r}"
        except ValueError as e:
            stat, p, raw = None, None, f"ValueError: {e}"
        caught = sorted({f"{x.category.__name__}: {x.message}" for x in w})
    return stat, p, raw, caught


def expected(stat, p, pairs):
    """What PairedTests must return: scipy's numbers, or null (NaN) where scipy's are not finite,
    where it raises, or where fewer than 2 pairs are left (there PairedTests says NaN, scipy answers)."""
    if stat is None or not (np.isfinite(stat) and np.isfinite(p)) or pairs < 2:
        return None, None
    return stat, p


def case(name, note, a, b):
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    d = a - b
    n = len(d)
    t_stat, t_p, t_raw, t_warn = run(lambda: stats.ttest_rel(a, b))
    w_stat, w_p, w_raw, w_warn = run(lambda: stats.wilcoxon(a, b))
    nonzero = int(np.count_nonzero(d))
    t_stat, t_p = expected(t_stat, t_p, n)
    w_stat, w_p = expected(w_stat, w_p, nonzero)
    absd = np.abs(d[d != 0])
    return {
        "name": name,
        "note": note,
        "a": [float(v) for v in a],
        "b": [float(v) for v in b],
        "has_zero_differences": bool(nonzero < n),
        "has_tied_magnitudes": bool(len(np.unique(absd)) < len(absd)),
        "ttest": {"statistic": t_stat, "pvalue": t_p, "pairs": n, "scipy": t_raw, "warnings": t_warn},
        "wilcoxon": {
            "statistic": w_stat, "pvalue": w_p, "pairs": nonzero,
            # scipy 1.10.1 'auto': exact for n <= 50 counted before zeros are dropped, unless there are zeros.
            "method": "exact" if n <= 50 and nonzero == n else "approx",
            "scipy": w_raw, "warnings": w_warn,
        },
    }


def main():
    out = {
        "made_by": "make_paired_tests_fixtures.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "calls": {
            "ttest": "scipy.stats.ttest_rel(a, b)  (two-sided)",
            "wilcoxon": "scipy.stats.wilcoxon(a, b)  (zero_method='wilcox', correction=False, two-sided, mode='auto')",
        },
        "null_means": "NaN from PairedTests: scipy gave nan/inf or raised, or fewer than 2 (non-zero) pairs; 'scipy' holds its raw answer",
        "cases": [case(*c) for c in cases()],
    }
    path = os.path.join(HERE, "paired_tests.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, allow_nan=False)
        f.write("\n")
    for c in out["cases"]:
        t, w = c["ttest"], c["wilcoxon"]
        print(f"{c['name']:28} n={len(c['a']):2} t={t['statistic']!s:>22} p={t['pvalue']!s:>24} | "
              f"W={w['statistic']!s:>6} p={w['pvalue']!s:>24} {w['method']:6} pairs={w['pairs']:2} "
              f"ties={c['has_tied_magnitudes']:d} zeros={c['has_zero_differences']:d}")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
