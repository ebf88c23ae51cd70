#!/usr/bin/env python3
"""Summarises the raw runs of bench/compare: per timing field, the median over pairs of each
side's median, the median of the per-pair ratios AmbiSeg/PyTorch and their min..max; prints a
table and writes compare-<stamp>.json and compare-<stamp>.md. A measuring tool, not the product."""

import argparse
import glob
import json
import os
import re
import statistics
import sys


def load_pairs(raw, pairs):
    out = []
    for p in range(1, pairs + 1):
        ref = json.load(open(os.path.join(raw, "pair%d-pytorch.json" % p)))
        amb = json.load(open(os.path.join(raw, "pair%d-ambiseg.json" % p)))
        out.append((ref, amb))
    return out


def timing_fields(d):
    return [k for k, v in d.items() if k.endswith("_ms") and isinstance(v, (int, float))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--pairs", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stamp", required=True)
    ap.add_argument("--machine", default="")
    ap.add_argument("--load-at-start", default="")
    ap.add_argument("--loaded", default="0")
    ap.add_argument("--peer-malloc", default="default",
                    help="how the peer's malloc was set up: default, or tuned (AmbiSeg's thresholds)")
    a = ap.parse_args()

    runs = load_pairs(a.raw, a.pairs)
    ref0, amb0 = runs[0]
    shared = [k for k in timing_fields(ref0) if k in amb0]
    extras = [k for k in timing_fields(amb0) if k not in ref0]
    rows = []
    for k in shared:
        ref = [r[k] for r, _ in runs]
        amb = [m[k] for _, m in runs]
        ratios = [m / r for r, m in zip(ref, amb) if r > 0]
        rows.append({
            "field": k,
            "pytorch_ms": statistics.median(ref),
            "ambiseg_ms": statistics.median(amb),
            "ratio_median": statistics.median(ratios),
            "ratio_min": min(ratios),
            "ratio_max": max(ratios),
            "pytorch_runs_ms": ref,
            "ambiseg_runs_ms": amb,
        })
    # AmbiSeg's plain-Fcomb variants do the reference's exact work: compare them with it too
    for k in [e for e in extras if e.endswith("_plain_ms") and e.replace("_plain", "") in ref0]:
        base = k.replace("_plain", "")
        ref = [r[base] for r, _ in runs]
        amb = [m[k] for _, m in runs]
        ratios = [m / r for r, m in zip(ref, amb) if r > 0]
        rows.append({
            "field": k,
            "vs": base,
            "pytorch_ms": statistics.median(ref),
            "ambiseg_ms": statistics.median(amb),
            "ratio_median": statistics.median(ratios),
            "ratio_min": min(ratios),
            "ratio_max": max(ratios),
            "pytorch_runs_ms": ref,
            "ambiseg_runs_ms": amb,
        })
    extras = [e for e in extras if not any(r["field"] == e for r in rows)]
    extra_rows = []
    for k in extras:
        amb = [m[k] for _, m in runs if k in m]
        extra_rows.append({"field": k, "ambiseg_ms": statistics.median(amb), "ambiseg_runs_ms": amb})

    loaded = a.loaded == "1"
    summary = {
        "date_utc": a.stamp,
        "machine": a.machine,
        "load_average_at_start": a.load_at_start,
        "loaded": loaded,
        "pairs": a.pairs,
        "iters": ref0.get("iters"),
        "warmup": ref0.get("warmup"),
        "threads": {"pytorch": ref0.get("threads"), "ambiseg": amb0.get("threads")},
        "pytorch": {"torch_version": ref0.get("torch_version"), "mkldnn": ref0.get("mkldnn")},
        "ambiseg": {k: amb0.get(k) for k in ("engine", "engine_version", "djl_version", "device")},
        "note": "Debian PyTorch 1.13 (oneDNN 2.6, generic BLAS) vs DJL libtorch "
        + str(amb0.get("engine_version")),
        "malloc": {"pytorch": a.peer_malloc,
                   "ambiseg": "tuned" if amb0.get("malloc_tuned") else "default"},
        "rows": rows,
        "ambiseg_only": extra_rows,
        "params": {"pytorch": ref0.get("params"), "ambiseg": amb0.get("params")},
    }
    os.makedirs(a.out, exist_ok=True)
    jpath = os.path.join(a.out, "compare-%s.json" % a.stamp)
    with open(jpath, "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")

    head = "| benchmark | PyTorch %s (ms) | AmbiSeg, libtorch %s (ms) | AmbiSeg/PyTorch median | spread (min..max) |" % (
        ref0.get("torch_version"), amb0.get("engine_version"))
    md = [
        "Measured %s UTC on %s, %s threads, %d pairs A/B alternating, %s iters + %s warm-up each%s."
        % (a.stamp, a.machine, ref0.get("threads"), a.pairs, ref0.get("iters"), ref0.get("warmup"),
           " (**LOADED machine: load average %s at start; not a valid result**)" % a.load_at_start
           if loaded else ""),
        "",
        head,
        "|---|---:|---:|---:|---|",
    ]
    for r in rows:
        label = "`%s`" % r["field"] + (" (vs `%s`)" % r["vs"] if "vs" in r else "")
        md.append("| %s | %.1f | %.1f | %.2f | %.2f..%.2f |" % (
            label, r["pytorch_ms"], r["ambiseg_ms"], r["ratio_median"], r["ratio_min"], r["ratio_max"]))
    for r in extra_rows:
        md.append("| `%s` (AmbiSeg only) | | %.1f | | |" % (r["field"], r["ambiseg_ms"]))
    md.append("")
    md.append("Not the same kernels: " + summary["note"] + ".")
    md.append("glibc malloc thresholds: PyTorch %s, AmbiSeg %s (AmbiSeg sets them itself; "
              "`bench/compare --peer-malloc-tuned` gives the peer the same)."
              % (summary["malloc"]["pytorch"], summary["malloc"]["ambiseg"]))
    mpath = os.path.join(a.out, "compare-%s.md" % a.stamp)
    with open(mpath, "w") as f:
        f.write("\n".join(md) + "\n")

    print("%-26s %12s %12s %10s %16s" % ("benchmark", "PyTorch ms", "AmbiSeg ms", "ratio", "spread"))
    for r in rows:
        print("%-26s %12.2f %12.2f %10.2f %7.2f..%-7.2f" % (
            r["field"], r["pytorch_ms"], r["ambiseg_ms"], r["ratio_median"], r["ratio_min"], r["ratio_max"]))
    for r in extra_rows:
        print("%-26s %12s %12.2f %10s" % (r["field"], "-", r["ambiseg_ms"], "-"))
    if loaded:
        print("WARNING: measured on a loaded machine (load %s at start)" % a.load_at_start)
    print("wrote %s and %s" % (jpath, mpath))


if __name__ == "__main__":
    sys.exit(main())
