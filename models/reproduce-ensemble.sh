#!/usr/bin/env bash
# Issue 15 pipeline in one resumable command: training data (120,000 samples at preview solver settings, test sets at
# default settings), MEMBERS networks trained from different seeds with mirror augmentation (stage 1 on the first
# 8,000 samples, stage 2 warm-started on all of them plus their mirror images, weights averaged over the last epochs),
# the ensemble file, and the evaluation of the ensemble (its prediction, the members' mean, the best member, the
# calibration of its spread) on the independent test sets. Every stage is skipped when its result exists; an
# interrupted stage resumes (dataset shards, training checkpoints). Run the same command again after any stop.
#
#   models/reproduce-ensemble.sh [WORK_DIR]          (default: data/p6)
# Settings by environment (defaults in brackets): SAMPLES [120000], MEMBERS [3], STAGE1_EPOCHS [60], EPOCHS [10]
# (stage 2), AVERAGE_LAST [3], THREADS [2], CURVES [0] (1: also learning-curve runs at 12k/25k/50k samples,
# CURVE_EPOCHS [20] each, from scratch with mirror images). Progress and stage times: WORK_DIR/pipeline.log.
# Expected on 2 idle cores (models/README.md): data ~50 min, each member ~15 min + EPOCHS x ~6 min, evaluation
# ~15 min: ~5 h with the defaults; learning curves +~1.5 h.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-$ROOT/data/p6}"
SAMPLES="${SAMPLES:-120000}"
MEMBERS="${MEMBERS:-3}"
STAGE1_EPOCHS="${STAGE1_EPOCHS:-60}"
EPOCHS="${EPOCHS:-10}"
AVERAGE_LAST="${AVERAGE_LAST:-3}"
THREADS="${THREADS:-2}"
CURVES="${CURVES:-0}"
CURVE_EPOCHS="${CURVE_EPOCHS:-20}"
B="$ROOT/bandsmith"
mkdir -p "$WORK/runs"
LOG="$WORK/pipeline.log"
stage() { echo "$(date -u +%FT%TZ) $*" | tee -a "$LOG" >&2; }

# --- data (dataset generate resumes with the missing shards and is quick when complete)
stage "data: start"
"$B" dataset generate --count 1000 --alpha 1 --seed-start 10000000 --out "$WORK/test-a1" --threads "$THREADS"
"$B" dataset generate --count 1000 --alpha 0.5 --seed-start 20000000 --out "$WORK/test-a05" --threads "$THREADS"
"$B" dataset generate --count "$SAMPLES" --alpha 1 --seed-start 0 --out "$WORK/train-a1" --threads "$THREADS" \
  --solver-settings preview
stage "data: done"

train() {  # OUT EPOCHS [options...]: resumes from OUT's checkpoint, skipped once OUT.done exists
  local out="$1" epochs="$2"; shift 2
  if [ -f "$out.done" ]; then return 0; fi
  local resume=()
  [ -f "$out.state.json" ] && resume=(--resume)
  stage "train $out: start"
  "$B" train --data "$WORK/train-a1" --out "$out" --epochs "$epochs" --batch 32 --validation 1024 --k-subsample 16 \
    "$@" "${resume[@]}"
  touch "$out.done"
  stage "train $out: done"
}

# --- optional learning curves: the same recipe on 12k, 25k and 50k samples (from scratch, mirror images)
if [ "$CURVES" = 1 ]; then
  for n in 12000 25000 50000; do
    train "$WORK/runs/curve-$n.zip" "$CURVE_EPOCHS" --limit "$n" --mirror --lr 3e-4 --final-lr 3e-5
  done
  "$B" curves --log "12k=$WORK/runs/curve-12000.zip.csv" --log "25k=$WORK/runs/curve-25000.zip.csv" \
    --log "50k=$WORK/runs/curve-50000.zip.csv" --out "$WORK/learning-curves.png" --csv "$WORK/learning-curves.csv"
fi

# --- members: stage 1 (first 8,000 samples, fresh network, seed s), stage 2 (all samples + mirror images)
members=()
logs=()
for s in $(seq 1 "$MEMBERS"); do
  train "$WORK/runs/stage1-seed$s.zip" "$STAGE1_EPOCHS" --seed "$s" --limit 8000 --lr 3e-4 --final-lr 3e-5
  train "$WORK/runs/member-seed$s.zip" "$EPOCHS" --init "$WORK/runs/stage1-seed$s.zip" --mirror --lr 1e-4 \
    --final-lr 1e-5 --average-last "$AVERAGE_LAST"
  members+=("$WORK/runs/member-seed$s.zip")
  logs+=(--log "seed $s=$WORK/runs/member-seed$s.zip.csv")
done
"$B" curves "${logs[@]}" --out "$WORK/member-curves.png" --csv "$WORK/member-curves.csv" \
  --title "Ensemble members, stage 2 (all samples + mirror images)"

# --- the ensemble (decided on the validation tail of the training data)
if [ ! -f "$WORK/ensemble.zip" ]; then
  stage "ensemble: start"
  "$B" ensemble --members "$(IFS=,; echo "${members[*]}")" --data "$WORK/train-a1" --validation 1024 \
    --out "$WORK/ensemble.zip"
  stage "ensemble: done"
fi

# --- evaluation on the independent test sets (821 k points, lowest 6 bands)
for set in a1 a05; do
  if [ ! -f "$WORK/evaluation-ensemble-$set.json" ]; then
    stage "evaluate $set: start"
    "$B" evaluate --model "$WORK/ensemble.zip" --data "$WORK/test-$set" --samples 1000 \
      --out "$WORK/evaluation-ensemble-$set.json" > /dev/null
    stage "evaluate $set: done"
  fi
done
stage "pipeline complete: $WORK/ensemble.zip; evaluations $WORK/evaluation-ensemble-a1.json, -a05.json"
echo "to ship (after checking the targets in models/README.md): cp $WORK/ensemble.zip models/bandsmith-p6-ensemble.zip"
