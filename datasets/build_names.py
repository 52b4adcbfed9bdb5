#!/usr/bin/env python3
"""Rebuild names.tsv: given names and surnames of private people, in many scripts, each with
the languages in which it is also an ordinary word (so the engine wants a cue before redacting).

Names: Faker's per-locale person providers (MIT), plus names_extra.tsv (CC0, written by hand
for Tigrinya/Amharic, Somali, Afghan, Syrian, Sudanese and Iraqi names Faker lacks).
"Ordinary word": wordfreq 3.1.1 word lists (data CC BY-SA 4.0); only a per-name flag is kept.
Run:  pip install faker==40.63.0 wordfreq==3.1.1 && python3 datasets/build_names.py
"""
import importlib
import pathlib
import re
import unicodedata

import wordfreq
from wordfreq.preprocess import preprocess_text

LOCALES = """ar_AA ar_PS ar_SA ar_DZ fa_IR uk_UA ru_RU es_ES es_MX es_CO es_AR es_CL fr_FR fr_DZ
en_US en_GB en_PK en_NG en_KE ha_NG yo_NG ig_NG sw tr_TR de_DE pt_BR it_IT az_AZ uz_UZ hy_AM
ka_GE bn_BD hi_IN ne_NP""".split()
LANGS = "en es fr de pt it tr ar fa uk ru".split()
TOP = 5000       # a name is an ordinary word if it is among a language's 5,000 top words...
TOP_AR = 20000   # ...in Arabic, if "ال" + name is among the 20,000 top words
# Plain name lists only: first_names, first_names_male/_female/_nonbinary/..., last_names...
LIST = re.compile(r"^(first|last)_names(_[a-z_]+)?$")
OK_CHARS = " -'\u2019\u2018\u02bc\u200c\u200d"  # besides letters and marks

# Judged by hand among the most frequent flagged names: these are mostly names, not words, so
# they are not flagged ("Name:langs" unflags only those languages; a bare name, all of them).
MOSTLY_NAMES = """Maria María Mohammed Mohamed Muhammad Ahmed Ahmad Ali Juan Jean José Jose Kemal
Jesus Jesús Ernst Sean François Massimo Hasan Fatih Francesco Murat İbrahim Hüseyin Paolo Martin
Fernando Recep Carlo Tayyip Santiago Süleyman Karl Tom Osman William Philippe Otto Yusuf Abdullah
Charles Eduardo Pietro Hakan Chris Mike Mario Friedrich Nicolas Jorge Mary Joe Franz Bianca
Wolfgang Henry Luigi Andrea Orhan Harry Andreas Selçuk Selim Halil Steve Alexander Marcelo
Roberto Marcos Claude Walter Klaus Diego Adnan Werner Marc Luca Alessandro Laurent Henrique Georg
Rodrigo Rafael Heinz Bernard Tony Sam Heinrich Cemal Angelo Alberto Ricardo Johnson Williams
Scott Smith Silva Khan Jan Anne:en,fr,de Kurt:de Dan:en,es,fr,de,pt Іван Иван Олена Володимир
Володимира Ігор Сергій Петро Андрій Віктор Дмитро Михаил Николай Олег Алексей Александра Михайло
Василь Павло Виктор Юрий Богдан Павел Игорь Євген Анна Евгений Ірина Віталій Ольга Елена محمد
محمّد أحمد علی علي حسین مهدی محمود محمدرضا مسعود فاطمه علیرضا مریم زهرا عبدالله یوسف قاسم
عباس عبّاس""".split()
# ...and these stay flagged whatever wordfreq says (they are words first).
WORDS = """Will Hope Grace Rose Mark Said Can Ay Nur Hall King Young Brown Black White Green Long
Little Street Gül""".split()


def clean(raw):
    """Names as written: trimmed, NFC, one space; '(X)' gives X; abbreviations are dropped."""
    out = []
    for part in re.split(r"\s*\(([^)]*)\)\s*", raw):
        n = unicodedata.normalize("NFC", " ".join(part.split()))
        if n.endswith(".") and "." not in n[:-1] and " " not in n and "-" not in n and len(n) > 4:
            n = n[:-1]  # a stray full stop ("Emine.")
        if n and all(unicodedata.category(c)[0] in "LM" or c in OK_CHARS for c in n):
            out.append(n)
    return out


names = {}  # (name, kind) -> set of language codes given by hand
for loc in LOCALES:
    provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
    for attr in dir(provider):
        values = getattr(provider, attr)
        if LIST.match(attr) and isinstance(values, (list, tuple, dict)):
            kind = "given" if attr.startswith("first") else "surname"
            for raw in values:
                for n in clean(raw):
                    names.setdefault((n, kind), set())
here = pathlib.Path(__file__).parent
for line in (here / "names_extra.tsv").read_text(encoding="utf-8").splitlines()[1:]:
    if line.strip():
        n, kind, common = (line.split("\t") + [""])[:3]
        for n in clean(n):
            names.setdefault((n, kind), set()).update(filter(None, common.split(",")))

top = {lang: set(wordfreq.top_n_list(lang, TOP)) for lang in LANGS}
top["ar"] = set(wordfreq.top_n_list("ar", TOP_AR))


def common_in(name):
    if len(name) <= 2:
        return set(LANGS)
    if name in WORDS:
        return {lang for lang in LANGS if preprocess_text(name, lang) in top[lang]} or {"en"}
    langs = set()
    for lang in LANGS:
        word = preprocess_text(("ال" + name) if lang == "ar" else name, lang)
        if word in top[lang]:
            langs.add(lang)
    for entry in MOSTLY_NAMES:
        n, _, only = entry.partition(":")
        if n == name:
            langs -= set(only.split(",")) if only else langs
    return langs


rows = sorted((n, kind, ",".join(l for l in LANGS if l in (hand | common_in(n))))
              for (n, kind), hand in names.items())
out = here / "names.tsv"
with out.open("w", encoding="utf-8") as f:
    f.write("name\tkind\tcommon_in\n")
    for row in rows:
        f.write("\t".join(row) + "\n")
print(f"wrote {len(rows)} names to {out} ({sum(1 for r in rows if r[2])} also ordinary words)")
