#!/usr/bin/env python3
"""Rebuild common_words.tsv: the most frequent words of the archive's languages, most frequent
first, with each word's frequency per million words. The redaction engine reads a capitalised word in mid-sentence that is neither on the
name lists nor one of these words as a possible name, and flags it for a moderator ("Yorgelis",
"Wisly"); in scripts without capitals (Arabic, Persian) it will not take an ordinary word
after "my mother" or "a village" for a name ("أمي تقول", "قرية صغيرة"). The benchmark corpus
(`passage bench corpus`) draws its words with these frequencies.

Source: wordfreq 3.1.1 word lists (data CC BY-SA 4.0, from Wikipedia, subtitles, news, books,
web text and more; see https://github.com/rspeer/wordfreq).
Run:  pip install wordfreq==3.1.1 && python3 datasets/build_common_words.py
"""
import pathlib

import wordfreq

LANGS = "en es fr de pt it tr ru uk ar fa".split()
TOP = 15000

rows = []
for lang in LANGS:
    for word in wordfreq.top_n_list(lang, TOP):
        if len(word) >= 2 and all(c.isalpha() or c in "'’-\u200c" or 0x064B <= ord(c) <= 0x065F for c in word):
            rows.append((lang, word, wordfreq.word_frequency(word, lang) * 1e6))

out = pathlib.Path(__file__).with_name("common_words.tsv")
with out.open("w", encoding="utf-8") as f:
    f.write("language\tword\tper_million\n")
    for lang, word, per_million in rows:  # in order of frequency, per language: the line order is the rank
        f.write(f"{lang}\t{word}\t{per_million:.4g}\n")
print(out, len(rows))
