#!/bin/sh
# bench/scaling.sh — how sievekit's evaluation cost grows with the number of
# rules and with the size of the header, in instructions per message
# (deterministic on a busy machine), as tables for docs/benchmarks.md.
#
#   bench/scaling.sh
#
# For each point it runs `sievec filter` under callgrind over a generated
# Maildir and once over an empty Maildir with the same script; the difference
# divided by the number of messages is the cost of evaluating one message
# (reading and parsing it included, compiling the script and starting the
# process not). Rule counts: 50 to 5,000 GUI-shaped rules over messages of
# 20-40 header lines. Header sizes: the 200-rule script over messages of 20 to
# 640 header lines with 4 KB bodies. Needs valgrind; builds sievec and
# bench_corpus like bench/compare.sh. Environment: BUILD (default build),
# WORK (default /tmp/sievekit-scaling, replaced), MESSAGES (default 500).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
WORK=${WORK:-/tmp/sievekit-scaling}
MESSAGES=${MESSAGES:-500}
RULES="50 100 200 500 1000 2000 5000"
HEADER_LINES="20 40 80 160 320 640"

SIEVEKIT_EXTRA_PACKAGES="valgrind" "$ROOT/scripts/setup.sh"
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD" --target sievec bench_corpus -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
SIEVEC=$BUILD/bin/sievec
CORPUS=$BUILD/bin/bench_corpus

rm -rf "$WORK"
mkdir -p "$WORK/empty/cur"

# Instructions of one `sievec filter SCRIPT MAILDIR` run.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$SIEVEC" filter "$1" "$2" --quiet \
    2>&1 >/dev/null | awk '/Collected :/ { gsub(/,/, "", $NF); print $NF }'
}
# Instructions per message of SCRIPT over MAILDIR, fixed costs removed.
per_message() {
  total=$(instructions "$1" "$2")
  fixed=$(instructions "$1" "$WORK/empty")
  echo $(((total - fixed) / MESSAGES))
}

rule_list=$(echo "$RULES" | tr ' ' ',')
"$CORPUS" "$WORK/rules" --messages "$MESSAGES" --rules "$rule_list" >/dev/null
echo "Rule count ($MESSAGES messages of 20-40 header lines, 1 KB-200 KB):"
echo
echo "| rules | instructions per message | per rule | vs. 200 rules |"
echo "|---:|---:|---:|---:|"
base=""
for n in $RULES; do
  eval "cost_$n=\$(per_message \"\$WORK/rules/rules-\$n.sieve\" \"\$WORK/rules/Maildir\")"
done
eval "base=\$cost_200"
for n in $RULES; do
  eval "cost=\$cost_$n"
  awk -v n="$n" -v c="$cost" -v b="$base" \
    'BEGIN { printf "| %d | %d | %.0f | %.2fx |\n", n, c, c / n, c / b }'
done

echo
echo "Header size (200 rules, $MESSAGES messages with 4 KB bodies):"
echo
echo "| header lines | header bytes (mean) | instructions per message | per header byte |"
echo "|---:|---:|---:|---:|"
for h in $HEADER_LINES; do
  dir=$WORK/header-$h
  "$CORPUS" "$dir" --messages "$MESSAGES" --rules 200 --header-lines "$h" --body-size 4096 >/dev/null
  # Mean header size: the bytes before the first empty line of each message.
  bytes=$(awk 'FNR == 1 { done = 0 } !done { if ($0 == "") { done = 1 } else { n += length($0) + 1 } }
               END { printf "%.0f", n / (ARGC - 1) }' "$dir"/Maildir/cur/*)
  cost=$(per_message "$dir/rules-200.sieve" "$dir/Maildir")
  awk -v h="$h" -v b="$bytes" -v c="$cost" \
    'BEGIN { printf "| %d | %d | %d | %.1f |\n", h, b, c, c / b }'
done
