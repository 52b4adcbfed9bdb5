#!/usr/bin/env python3
"""The engines a newsroom would otherwise pick, loaded with the same corpus and asked the same
queries as Passage: SQLite FTS5 (bm25 + snippet) and PostgreSQL full-text search (GIN +
ts_rank + ts_headline). Each query returns the top 10 with a snippet of the body, and the total
count. One client; the first round warms the caches and is not counted.

Usage:
  bench/engines.py sqlite   CORPUS DB_PATH [--rounds 3]
  bench/engines.py postgres CORPUS DSN     [--rounds 3]
Prints the load time and the mean, p50 and p99 latency in milliseconds.
"""
import argparse
import json
import pathlib
import sqlite3
import statistics
import time


def stories(corpus):
    for path in sorted(pathlib.Path(corpus).glob("stories-*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)


def queries(corpus):
    with (pathlib.Path(corpus) / "queries.tsv").open(encoding="utf-8") as f:
        next(f)
        return [line.rstrip("\n").split("\t", 1) for line in f if "\t" in line]


def report(name, latencies, hits):
    latencies.sort()
    n = len(latencies)
    mean = statistics.fmean(latencies)
    p50 = latencies[int(n * 0.5)]
    p99 = latencies[min(n - 1, int(n * 0.99))]
    print(f"{name}: {n} queries, mean {mean * 1e3:.2f} ms, p50 {p50 * 1e3:.2f} ms, "
          f"p99 {p99 * 1e3:.2f} ms ({hits / n:.0f} hits per query on average)")


def run_queries(name, qs, rounds, one):
    latencies, hits = [], 0
    for round_ in range(rounds + 1):
        for language, query in qs:
            started = time.perf_counter()
            total = one(language, query)
            if round_ > 0:
                latencies.append(time.perf_counter() - started)
                hits += total
    report(name, latencies, hits)


def sqlite(corpus, path, rounds):
    db = pathlib.Path(path)
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    started = time.perf_counter()
    conn.execute("CREATE VIRTUAL TABLE stories USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
    with conn:
        conn.executemany("INSERT INTO stories (title, body) VALUES (?, ?)",
                         ((s["title"], s["body"]) for s in stories(corpus)))
    conn.execute("INSERT INTO stories(stories) VALUES ('optimize')")
    print(f"sqlite fts5: loaded in {time.perf_counter() - started:.1f} s")

    def one(_language, query):
        match = " ".join(f'"{word}"' for word in query.split())
        rows = conn.execute(
            "SELECT rowid, title, snippet(stories, 1, '<mark>', '</mark>', '…', 24) FROM stories "
            "WHERE stories MATCH ? ORDER BY bm25(stories) LIMIT 10", (match,)).fetchall()
        (total,) = conn.execute("SELECT count(*) FROM stories WHERE stories MATCH ?", (match,)).fetchone()
        return total

    run_queries("sqlite fts5", queries(corpus), rounds, one)


# Snowball configurations where PostgreSQL has one; the others are split into words only.
PG_CONFIGS = {"en": "english", "es": "spanish", "fr": "french", "de": "german", "it": "italian",
              "pt": "portuguese", "ru": "russian", "tr": "turkish", "ar": "arabic"}


def postgres(corpus, dsn, rounds):
    import io
    import psycopg2

    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SELECT cfgname FROM pg_ts_config")
    known = {row[0] for row in cur.fetchall()}
    config = lambda language: PG_CONFIGS.get(language) if PG_CONFIGS.get(language) in known else "simple"
    cur.execute("DROP TABLE IF EXISTS stories")
    started = time.perf_counter()
    cur.execute("CREATE TABLE stories (id serial PRIMARY KEY, cfg regconfig NOT NULL, title text NOT NULL, "
                "body text NOT NULL, tsv tsvector GENERATED ALWAYS AS "
                "(setweight(to_tsvector(cfg, title), 'A') || to_tsvector(cfg, body)) STORED)")
    buffer = io.StringIO()
    escape = lambda text: text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    for count, story in enumerate(stories(corpus), 1):
        buffer.write(f"{config(story['language'])}\t{escape(story['title'])}\t{escape(story['body'])}\n")
        if count % 10000 == 0:
            buffer.seek(0)
            cur.copy_expert("COPY stories (cfg, title, body) FROM STDIN", buffer)
            buffer = io.StringIO()
    buffer.seek(0)
    cur.copy_expert("COPY stories (cfg, title, body) FROM STDIN", buffer)
    cur.execute("CREATE INDEX stories_tsv ON stories USING gin (tsv)")
    cur.execute("VACUUM ANALYZE stories")
    print(f"postgresql: loaded in {time.perf_counter() - started:.1f} s")

    def one(language, query):
        cfg = config(language)
        cur.execute(
            "SELECT id, title, ts_headline(cfg, body, q) FROM "
            "(SELECT id, title, body, cfg, q, ts_rank(tsv, q) AS rank FROM stories, plainto_tsquery(%s::regconfig, %s) q "
            " WHERE tsv @@ q ORDER BY rank DESC LIMIT 10) top", (cfg, query))
        cur.fetchall()
        cur.execute("SELECT count(*) FROM stories WHERE tsv @@ plainto_tsquery(%s::regconfig, %s)", (cfg, query))
        return cur.fetchone()[0]

    run_queries("postgresql", queries(corpus), rounds, one)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("engine", choices=["sqlite", "postgres"])
    parser.add_argument("corpus")
    parser.add_argument("target", help="database file (sqlite) or DSN (postgres)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    (sqlite if args.engine == "sqlite" else postgres)(args.corpus, args.target, args.rounds)
