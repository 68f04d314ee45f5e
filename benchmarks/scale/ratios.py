#!/usr/bin/env python3
"""Reads ScaleBenchmarks CSV reports (or console logs of runs stopped early; several files when a table was measured in
pieces) and writes, per store and operation, the median at every size and the ratio of the largest size to the smallest
(a flat cost is near 1; the target is at most 2). Medians, because on a shared machine a few iterations that lose the
CPU drag a mean far more than the median."""
import csv
import re
import sys

UNITS = {"ns": 1e-3, "us": 1.0, "μs": 1.0, "ms": 1e3, "s": 1e6}


def micros(text):
    value, unit = text.replace(",", "").split()
    return float(value) * UNITS[unit]


def shown_micros(value):
    """Three significant digits at least: an in-memory lookup takes a tenth of a microsecond."""
    return f"{value:,.1f}" if value >= 100 else f"{value:.3g}"


def rows_of_log(log_path):
    """The cases a BenchmarkDotNet console log has finished so far, for a run stopped before its report."""
    rows, case = [], None
    for line in open(log_path, encoding="utf-8"):
        header = re.match(r"// Benchmark: \w+\.'?([^':]+)'?: .*\[(.*)\]", line)
        if header:
            parameters = dict(p.split("=", 1) for p in header.group(2).split(", "))
            case = {"Method": header.group(1), "Licenses": parameters["Licenses"], "Store": parameters["Store"]}
            continue
        median = re.search(r"Median = ([\d.,]+) (\w+),", line)
        if median and case:
            rows.append(dict(case, Median=f"{median.group(1)} {median.group(2)}"))
            case = None
    return rows


def main(paths, out_path, target=2.0):
    rows = []
    for path in paths:
        rows += rows_of_log(path) if path.endswith(".log") else list(csv.DictReader(open(path, encoding="utf-8"), delimiter=","))
    sizes = sorted({int(r["Licenses"]) for r in rows})
    table = {}
    for r in rows:
        table.setdefault((r["Store"], r["Method"].strip("'")), {})[int(r["Licenses"])] = micros(r["Median"])
    lines = [
        "| store | operation | " + " | ".join(f"{s:,} (µs)" for s in sizes) + f" | {sizes[-1]:,} / {sizes[0]:,} |",
        "|---|---|" + "---:|" * (len(sizes) + 1),
    ]
    missed = []
    for (store, method), means in sorted(table.items()):
        ratio = means[sizes[-1]] / means[sizes[0]] if sizes[0] in means and sizes[-1] in means else float("nan")
        mark = " ✗" if ratio > target else ""
        shown = "—" if ratio != ratio else f"{ratio:.2f}×{mark}"
        if ratio > target:
            missed.append(f"{store} {method}")
        cells = " | ".join(shown_micros(means[s]) if s in means else "—" for s in sizes)
        lines.append(f"| {store} | {method} | {cells} | {shown} |")
    lines.append("")
    lines.append(f"Over {target:.0f}× (✗): " + (", ".join(missed) if missed else "none") + ".")
    open(out_path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    # ratios.py OUT.md REPORT.csv|CONSOLE.log ...
    main(sys.argv[2:], sys.argv[1])
