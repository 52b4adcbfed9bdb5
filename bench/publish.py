"""How long a published story takes to become searchable, over HTTP, while other clients search.

    python3 bench/publish.py BASE_URL USERNAME PASSWORD [ROUNDS]

Each round submits a story holding a word no other story has, publishes it as a moderator
(POST /api/v1/moderation/stories/{id}/decision), then searches for the word every 5 ms until
the story is found. It reports the time from the publish request to the first search that
finds it. Standard library only.
"""

import json
import random
import statistics
import string
import sys
import time
import urllib.parse
import urllib.request


def call(base, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    request.add_header("Accept", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def main():
    base, username, password = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    token = call(base, "POST", "/api/v1/session", {"username": username, "password": password})["token"]
    found_after = []
    for n in range(rounds):
        # Letters only: a number in a story may be taken for an identity number and redacted.
        word = "benchmark" + "".join(random.choice(string.ascii_lowercase) for _ in range(12))
        story = {
            "title": f"Round {n}",
            "body": f"We waited a long time at the border. The word of this round is {word}.",
            "language": "en",
            "consent": {"visibility": "public", "version": "1", "age_confirmed": True},
        }
        story_id = call(base, "POST", "/api/v1/stories", story)["id"]
        start = time.perf_counter()
        call(base, "POST", f"/api/v1/moderation/stories/{story_id}/decision", {"action": "publish"}, token)
        query = urllib.parse.urlencode({"q": word + " "})
        while call(base, "GET", f"/api/v1/search?{query}")["total"] != 1:
            if time.perf_counter() - start > 30:
                sys.exit(f"round {n}: not searchable after 30 s")
            time.sleep(0.005)
        found_after.append((time.perf_counter() - start) * 1000)
    found_after.sort()
    print(
        f"publish → searchable over HTTP: median {statistics.median(found_after):.0f} ms, "
        f"p90 {found_after[int(0.9 * (len(found_after) - 1))]:.0f} ms, max {found_after[-1]:.0f} ms "
        f"over {rounds} publications"
    )


if __name__ == "__main__":
    main()
