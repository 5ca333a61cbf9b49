#!/usr/bin/env python3
"""Launch a training run on the demo corpora over the AgCc HTTP API, follow its live events and
load its results table into a list of dicts. Standard library only (docs/python.md).

Finds the dashboard through AGCC_URL, else the stack `./agcc up` recorded (AGCC_HOME/stack.json,
AGCC_HOME defaulting to the repository's .agcc). AGCC_API_KEY is sent as X-Api-Key when set.
"""
import csv
import io
import json
import os
import pathlib
import urllib.error
import urllib.request

EPOCHS = int(os.environ.get("AGCC_EPOCHS", "2"))


def base_url():
    if os.environ.get("AGCC_URL"):
        return os.environ["AGCC_URL"].rstrip("/")
    home = os.environ.get("AGCC_HOME") or pathlib.Path(__file__).resolve().parents[2] / ".agcc"
    return json.loads((pathlib.Path(home) / "stack.json").read_text())["dashboardUrl"].rstrip("/")


API = base_url() + "/api/v1"
HEADERS = {"Accept": "application/json"}
if os.environ.get("AGCC_API_KEY"):
    HEADERS["X-Api-Key"] = os.environ["AGCC_API_KEY"]


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(API + path, data=data, method=method,
                                     headers={**HEADERS, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            return json.loads(text) if response.headers.get_content_type().endswith("json") else text
    except urllib.error.HTTPError as error:  # RFC 7807: every problem names its field
        problem = json.loads(error.read().decode() or "{}")
        raise SystemExit(f"{method} {path}: {error.code} {problem.get('title')}: {problem.get('errors') or problem.get('detail')}")


def events(path):
    """Yields (event, data) from a text/event-stream until the server ends it."""
    request = urllib.request.Request(API + path, headers={**HEADERS, "Accept": "text/event-stream"})
    with urllib.request.urlopen(request) as stream:
        kind, data = "message", []
        for raw in stream:
            line = raw.decode().rstrip("\r\n")
            if not line:
                if data:
                    yield kind, json.loads("\n".join(data))
                kind, data = "message", []
            elif line.startswith("event:"):
                kind = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip())


# The synthetic corpus pair, written where the cluster reads it (once); the run ingests it itself.
demo = call("POST", "/demo/corpora")
config = {  # the document `./agcc run start --config run.json` reads
    "method": "baseline", "task": "4class", "seed": 0,
    "source": demo["source"], "target": demo["target"],
    "model": {"width": 64, "layers": 2, "heads": 4, "feedForward": 128, "dropout": 0.1, "hidden": [64, 32, 16]},
    "training": {"epochs": EPOCHS, "batchSize": 64, "learningRate": 0.001, "patience": 5, "maxFrames": 200, "threads": 2},
    "tags": ["python-example"],
}
launch = call("POST", "/runs", config)  # idempotent: the same config again answers the same run
run_id = launch["id"]
print(f"run {run_id}: {'launched' if launch['created'] else 'already there'}, {launch['status']['state']}")

for kind, data in events(f"/runs/{run_id}/events"):
    if kind == "epoch":
        print(f"  epoch {data['epoch']}: loss {data['loss']:.4f}, dev UAR {data['developmentUar']:.3f}")
    elif kind == "status":
        print(f"  {data['state']} ({data['epoch']}/{data['epochs']})")
    elif kind == "end":
        print(f"  {data['state']}")
        if data["state"] != "completed":
            raise SystemExit(f"run {run_id} ended {data['state']}: {call('GET', f'/runs/{run_id}').get('failure')}")

# The results table: one row per epoch, as a list of dicts.
rows = list(csv.DictReader(io.StringIO(call("GET", f"/runs/{run_id}/metrics?format=csv"))))
columns = ["epoch", "loss", "development_uar", "target_uar", "seconds"]
print("| " + " | ".join(columns) + " |")
print("|" + "---|" * len(columns))
for row in rows:
    print("| " + " | ".join(row[c] for c in columns) + " |")
result = call("GET", f"/runs/{run_id}")["result"]
print(f"target UAR {result['uar']:.3f}, WA {result['weightedAccuracy']:.3f}, macro-F1 {result['macroF1']:.3f}")
