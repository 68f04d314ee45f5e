#!/usr/bin/env python3
"""Reads the ScaleBenchmarks CSV report and writes, per store and operation, the mean at every size and the ratio of
the largest size to the smallest (a flat cost is near 1; the target is at most 2)."""
import csv
import sys

UNITS = {"ns": 1e-3, "us": 1.0, "μs": 1.0, "ms": 1e3, "s": 1e6}


def micros(text):
    value, unit = text.replace(",", "").split()
    return float(value) * UNITS[unit]


def main(csv_path, out_path, target=2.0):
    rows = list(csv.DictReader(open(csv_path, encoding="utf-8"), delimiter=","))
    sizes = sorted({int(r["Licenses"]) for r in rows})
    table = {}
    for r in rows:
        table.setdefault((r["Store"], r["Method"].strip("'")), {})[int(r["Licenses"])] = micros(r["Mean"])
    lines = [
        "| store | operation | " + " | ".join(f"{s:,} (µs)" for s in sizes) + f" | {sizes[-1]:,} / {sizes[0]:,} |",
        "|---|---|" + "---:|" * (len(sizes) + 1),
    ]
    missed = []
    for (store, method), means in sorted(table.items()):
        ratio = means[sizes[-1]] / means[sizes[0]] if sizes[0] in means and sizes[-1] in means else float("nan")
        mark = " ✗" if ratio > target else ""
        if ratio > target:
            missed.append(f"{store} {method}")
        cells = " | ".join(f"{means[s]:,.1f}" if s in means else "—" for s in sizes)
        lines.append(f"| {store} | {method} | {cells} | {ratio:.2f}×{mark} |")
    lines.append("")
    lines.append(f"Over {target:.0f}× (✗): " + (", ".join(missed) if missed else "none") + ".")
    open(out_path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
