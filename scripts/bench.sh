#!/usr/bin/env bash
# Benchmark: generates months of N demands (default 10k and 100k) for the example county, runs
# `minqing run` end to end on each with a release build, and prints wall time, peak memory, rows per
# second and the time of each stage. Usage: scripts/bench.sh [ROWS...]   (e.g. scripts/bench.sh 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
swift build -c release >/dev/null
bin="$(swift build -c release --show-bin-path)/minqing"
work="${BENCH_DIR:-$(mktemp -d)}"
printf '%-9s %9s %10s %12s  %s\n' rows wall_s peak_MB rows_per_s stages
for n in "${sizes[@]}"; do
  input="$work/demands-$n.csv"
  [ -f "$input" ] || python3 scripts/gen_demands.py --seeds seeds --month 2026-10 --rows "$n" --seed 1 \
    --bad-rows $((n / 5000 + 1)) --out "$input"
  ws="$work/ws-$n"; rm -rf "$ws"; mkdir -p "$ws"
  /usr/bin/time -f '%e %M' -o "$ws/time" "$bin" run --log-level debug --month 2026-10 --seeds seeds \
    --db "$ws/minqing.sqlite" --out "$ws/reports" "$input" >"$ws/stdout" 2>"$ws/stderr"
  read -r wall kb <"$ws/time"
  stages=$(grep -o 'stage .*' "$ws/stderr" | sed 's/^stage //' | paste -sd ';' -)
  printf '%-9s %9.2f %10.0f %12.0f  %s\n' "$n" "$wall" "$((kb / 1024))" "$(echo "$n / $wall" | bc -l)" "$stages"
done
