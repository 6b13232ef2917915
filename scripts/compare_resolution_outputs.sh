#!/bin/bash
# Claims of a gold corpus with places.py and actors/ as at a base commit, against the same
# with them as in the working tree; everything else (extraction, resolve...) as in the
# working tree in both runs, so other people's edits in between do not show as differences.
# Usage: scripts/compare_resolution_outputs.sh BASE_COMMIT [GOLD_JSONL]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?base commit}
gold=${2:-/work/shared/eval/train/gold.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mine="src/counterclaim/places.py src/counterclaim/actors src/counterclaim/data/actors src/counterclaim/data/places.yaml"
for side in base new; do
  mkdir -p "$work/$side"
  cp -r src "$work/$side/"
  find "$work/$side" -name __pycache__ -prune -exec rm -rf {} +
done
rm -rf "$work/base/src/counterclaim/actors" "$work/base/src/counterclaim/data/actors"
# shellcheck disable=SC2086
git archive "$base" $mine | tar -x -C "$work/base"
for side in base new; do
  PYTHONPATH="$work/$side/src" nice -n 10 .venv/bin/python scripts/check_resolution_outputs.py \
    --gold "$gold" --out "$work/$side.json"
done
if cmp "$work/base.json" "$work/new.json"; then
  echo "IDENTICAL"
else
  diff <(python3 -m json.tool "$work/base.json") <(python3 -m json.tool "$work/new.json") | head -40
  exit 1
fi
