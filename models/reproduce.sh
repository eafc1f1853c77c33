#!/usr/bin/env bash
# The whole network pipeline in one command: training data, training, evaluation. Every step resumes after an
# interruption (run the same command again). Defaults follow the paper (50,000 samples at alpha = 1, 6 bands);
# on the 2-core machine here generation takes ~40 min, stage 1 ~15 min, stage 2 ~75 s per epoch (50 min).
#   models/reproduce.sh [WORK_DIR] [EPOCHS]          (default: data/pipeline, 40 epochs of stage 2)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-$ROOT/data/pipeline}"
EPOCHS="${2:-40}"
B="$ROOT/bandsmith"
mkdir -p "$WORK"
"$B" dataset generate --count 50000 --alpha 1 --seed-start 0 --out "$WORK/train-a1"
"$B" dataset generate --count 1000 --alpha 1 --seed-start 10000000 --out "$WORK/test-a1"
"$B" dataset generate --count 1000 --alpha 0.5 --seed-start 20000000 --out "$WORK/test-a05"
# Stage 1: a quick start on the first 8,000 samples (~14 s per epoch); stage 2: warm start on all 50,000.
train() {  # OUT EPOCHS [options...]
  local out="$1" epochs="$2"; shift 2
  local resume=()
  [ -f "$out.state.json" ] && resume=(--resume)
  if [ -f "$out.done" ]; then return 0; fi
  "$B" train --data "$WORK/train-a1" --out "$out" --epochs "$epochs" --batch 32 --validation 1024 --k-subsample 16 \
    "$@" "${resume[@]}"
  touch "$out.done"
}
train "$WORK/stage1.zip" 60 --limit 8000 --lr 3e-4 --final-lr 3e-5
train "$WORK/model.zip" "$EPOCHS" --init "$WORK/stage1.zip" --lr 1e-4 --final-lr 1e-5
"$B" evaluate --model "$WORK/model.zip" --data "$WORK/test-a1" --samples 1000 --out "$WORK/evaluation-a1.json"
"$B" evaluate --model "$WORK/model.zip" --data "$WORK/test-a05" --samples 1000 --out "$WORK/evaluation-a05.json"
echo "model: $WORK/model.zip; evaluations: $WORK/evaluation-a1.json, $WORK/evaluation-a05.json"
echo "to ship it: cp $WORK/model.zip models/bandsmith-p6.zip (after checking the targets in models/README.md)"
