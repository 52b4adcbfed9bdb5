#!/usr/bin/env python3
"""Rebuild country_names.tsv: each country of countries.tsv named in the interface's other
languages, from the Unicode CLDR as packaged by Babel.

CLDR data: Unicode License v3 (https://www.unicode.org/license.txt); Babel: BSD-3-Clause.
Run:  pip install babel==2.16.0 && python3 datasets/build_country_names.py
"""
import pathlib

from babel import Locale

# The interface's languages, then others stories are written in: the redaction engine keeps
# country names in all of them ("Германия", "ጀርመን"), declined or not.
LANGUAGES = ["ar", "es", "fa", "fr", "uk", "ru", "de", "it", "pt", "tr", "ti", "am", "so", "ps"]
here = pathlib.Path(__file__).parent
codes = [
    line.split("\t")[0]
    for line in (here / "countries.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
locales = {lang: Locale.parse(lang) for lang in LANGUAGES}
out = here / "country_names.tsv"
missing = 0
with out.open("w", encoding="utf-8") as f:
    f.write("# ISO 3166-1 alpha-2\t" + "\t".join(LANGUAGES) + " — Unicode CLDR via Babel 2.16.0 (Unicode License v3); see datasets/README.md\n")
    for code in codes:
        names = []
        for lang in LANGUAGES:
            name = locales[lang].territories.get(code, "")
            missing += name == ""
            names.append(name)
        f.write(code + "\t" + "\t".join(names) + "\n")
print(f"wrote {len(codes)} countries to {out} ({missing} names missing, shown in English)")
