#!/usr/bin/env python3
"""Self time per operator in a libtorch / torch.profiler Chrome trace, for comparing both sides.

    bench/profile_summary.py TRACE.json [--top 25] [--per N] [--vs OTHER.json]

TRACE is written by `./ambiseg bench --profile FILE` (libtorch's legacy profiler, through DJL) or by
`bench/probunet_ref.py --profile FILE` (torch.profiler). Operators nest (aten::conv2d calls
aten::convolution calls aten::mkldnn_convolution ...), so each event's *self* time is its duration
less that of the events directly inside it on the same thread; the self times then add up to the
time spent in operators without double counting. --per N divides by N (the number of profiled
iterations, warm-up included) to give milliseconds per iteration. --vs puts a second trace beside
the first, matched by operator name. A measuring tool, not part of the product.
"""
import argparse
import collections
import json
import sys


def self_times(path):
    """Operator name -> (self time in microseconds, calls) over all threads of a Chrome trace."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") != "X" or "dur" not in e:
            continue
        cat = e.get("cat", "cpu_op")
        if cat not in ("cpu_op", "Operator", "operator") and not e.get("name", "").startswith("aten::"):
            continue
        by_thread[(e.get("pid"), e.get("tid"))].append(
            (float(e["ts"]), float(e["dur"]), e["name"]))
    total = collections.defaultdict(float)
    calls = collections.Counter()
    for evs in by_thread.values():
        evs.sort(key=lambda t: (t[0], -t[1]))
        stack = []  # [end, name, child time]
        def pop():
            end, name, child, dur = stack.pop()
            total[name] += max(0.0, dur - child)
        for ts, dur, name in evs:
            while stack and ts >= stack[-1][0]:
                pop()
            if stack:
                stack[-1][2] += dur
            stack.append([ts + dur, name, 0.0, dur])
            calls[name] += 1
        while stack:
            pop()
    return total, calls


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trace")
    ap.add_argument("--vs", default=None, help="a second trace to put beside the first")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--per", type=float, default=1.0, help="divide by this many iterations")
    args = ap.parse_args()

    a, a_calls = self_times(args.trace)
    b, b_calls = self_times(args.vs) if args.vs else ({}, {})
    names = sorted(set(a) | set(b), key=lambda n: -max(a.get(n, 0), b.get(n, 0)))
    scale = 1e3 * args.per
    head = "%-44s %10s %7s" % ("operator (self time)", "ms/iter", "calls")
    if args.vs:
        head += " %10s %7s %7s" % ("vs ms/iter", "calls", "ratio")
    print(head)
    for n in names[: args.top]:
        line = "%-44s %10.1f %7d" % (n[:44], a.get(n, 0) / scale, a_calls.get(n, 0) / args.per)
        if args.vs:
            ratio = a.get(n, 0) / b[n] if b.get(n) else float("nan")
            line += " %10.1f %7d %7.2f" % (b.get(n, 0) / scale, b_calls.get(n, 0) / args.per, ratio)
        print(line)
    line = "%-44s %10.1f" % ("all operators", sum(a.values()) / scale)
    if args.vs:
        line += " %18.1f" % (sum(b.values()) / scale)
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
