#!/usr/bin/env python3
"""The peer: the few lines a BI analyst would write instead of `scorecard consolidate`.

Reads every return with openpyxl in read-only mode with cached values (read_only=True,
data_only=True: what openpyxl's docs advise for reading large files, and what an analyst wants,
the values), RAGs each row against the catalogue's targets, and writes one sheet with a plain
openpyxl Workbook, as an analyst would. No validation, conflicts, suppression, locking, printing
or fingerprint: the bench compares consolidate with it to see what all that costs beyond the peer.

Usage: openpyxl_consolidate.py CATALOGUE.json YEAR OUT.xlsx RETURN.xlsx...
"""
import json
import sys

from openpyxl import Workbook, load_workbook

catalogue_path, year, out_path, *returns = sys.argv[1:]
with open(catalogue_path, encoding="utf-8") as f:
    catalogue = json.load(f)
indicators = {i["id"]: i for i in catalogue["indicators"]}
default_tolerance = catalogue["defaults"]["tolerance"]


def rag(indicator, actual):
    target = indicator.get("targets", {}).get(year)
    if indicator["kind"] != "quantitative" or target is None or not isinstance(actual, (int, float)):
        return ""
    tolerance = indicator.get("tolerance", default_tolerance)
    amber = abs(target) * tolerance["relative"] / 100 if "relative" in tolerance else tolerance["absolute"]
    gap = actual - target if indicator["polarity"] == "higher" else target - actual
    return "Green" if gap >= 0 else "Amber" if gap >= -amber else "Red"


out = Workbook()
sheet = out.active
sheet.title = "Scorecard"
sheet.append(["File", "Ref", "Indicator", "Service", "Target", "Actual", "RAG", "Commentary", "Action"])
for path in returns:
    book = load_workbook(path, read_only=True, data_only=True)
    rows = book["Return"].iter_rows(values_only=True)
    column = {}
    for row in rows:
        if row and row[0] == "Ref":
            column = {name: k for k, name in enumerate(row) if name}
            break
    for row in rows:
        indicator = indicators.get(row[column["Ref"]])
        if indicator is None:
            continue
        actual = row[column["Actual"]]
        sheet.append([path, indicator["id"], indicator["title"], indicator["service"],
                      indicator.get("targets", {}).get(year), actual, rag(indicator, actual),
                      row[column["Commentary"]], row[column["Action"]]])
    book.close()
out.save(out_path)
