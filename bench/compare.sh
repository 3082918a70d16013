#!/bin/sh
# bench/compare.sh — sievekit and Pigeonhole side by side, on the same inputs,
# in one run (issue 5; method and results in docs/benchmarks.md).
#
#   bench/compare.sh [--quick] [--no-callgrind]
#
# What it does, in order:
#  1. Makes sure the Debian packages are there (as root it installs
#     dovecot-sieve, valgrind and time with apt-get; otherwise it prints the
#     apt-get line and stops), and builds sievec and bench_corpus if needed.
#  2. Writes the deterministic corpus with bench_corpus: a Maildir (and an
#     mbox) of 2,000 messages, and rule scripts of 200 and 5,000 rules.
#  3. Sets up Pigeonhole: sieve-filter refuses to run as root, so as root it
#     runs everything of Pigeonhole's as the user "sievebench" (created when
#     absent), with a dovecot.conf of its own under the work directory.
#  4. Differential check: the actions of both implementations for every
#     message (sieve-filter -v "Performed actions" / "Implicit keep" against
#     `sievec filter --json`), matched by Message-ID; prints any disagreement.
#     A message on which they differ is written again with CRLF line ends and
#     run by both: if that makes Pigeonhole agree (and ours is unchanged), the
#     difference is Pigeonhole's size deviation (it counts stored LF bytes,
#     RFC 5228 §5.9 counts CRLF octets); it is listed and excluded. Anything
#     else counts as a disagreement.
#  5. Measures: compile of the 5,000-rule script (our `sievec compile` against
#     Pigeonhole's sievec), batch evaluation of the Maildir with the 200-rule
#     script (`sievec filter` against Pigeonhole's in-process sieve-filter, a
#     dry run that prints each message's actions; ours prints --json):
#     callgrind instruction counts (whole process; for Pigeonhole every image
#     its tools exec is traced and the last, the tool itself, is counted),
#     wall time (median of RUNS runs, interleaved), CPU time (user+sys over
#     RUNS runs), peak RSS (/usr/bin/time).
#  6. Prints the table of ratios.
#
# It never changes anything outside WORK and BUILD. Environment:
#   BUILD  our build directory (default: build; configured if missing)
#   WORK   scratch directory (default: /tmp/sievekit-compare; replaced)
#   RUNS   wall-clock repetitions (default: 5)
# --quick: 1 wall-clock run; --no-callgrind: skip the instruction counts.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
WORK=${WORK:-/tmp/sievekit-compare}
RUNS=${RUNS:-5}
CALLGRIND=yes
for arg in "$@"; do
  case "$arg" in
    --quick) RUNS=1 ;;
    --no-callgrind) CALLGRIND=no ;;
    *) echo "usage: bench/compare.sh [--quick] [--no-callgrind]" >&2; exit 2 ;;
  esac
done
MESSAGES=2000
BENCH_USER=sievebench
PH_SIEVEC=/usr/bin/sievec  # Pigeonhole's; ours is $BUILD/bin/sievec

say() { printf '%s\n' "== $*" >&2; }

# ---- 1. Packages and our build ----------------------------------------------
SIEVEKIT_EXTRA_PACKAGES="dovecot-sieve valgrind time" "$ROOT/scripts/setup.sh"
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  say "configuring $BUILD"
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
say "building sievec and bench_corpus in $BUILD"
cmake --build "$BUILD" --target sievec bench_corpus -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
OURS=$BUILD/bin/sievec

# ---- 2. Corpus ------------------------------------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK"
chmod 755 "$WORK"
say "writing the corpus to $WORK/corpus"
"$BUILD/bin/bench_corpus" "$WORK/corpus" --messages "$MESSAGES" --rules 200,5000 >&2
CORPUS=$WORK/corpus
MAILDIR=$CORPUS/Maildir

# ---- 3. Pigeonhole's environment ------------------------------------------------
PH=$WORK/pigeonhole
mkdir -p "$PH/run" "$PH/state" "$PH/mail"
# The Maildir both implementations read is the corpus one; Dovecot keeps its
# index files next to cur/, which our reader ignores.
ln -s "$MAILDIR" "$PH/mail/Maildir"
cp "$CORPUS/rules-200.sieve" "$CORPUS/rules-5000.sieve" "$PH/"
cat >"$PH/dovecot.conf" <<EOF
protocols =
base_dir = $PH/run
state_dir = $PH/state
log_path = /dev/stderr
mail_location = maildir:$PH/mail/Maildir
ssl = no
EOF
# AS_BENCH prefixes every Pigeonhole command (word-split on purpose: WORK
# must not contain spaces).
case "$WORK" in *' '*) echo "compare.sh: WORK must not contain spaces" >&2; exit 2 ;; esac
if [ "$(id -u)" = 0 ]; then
  id "$BENCH_USER" >/dev/null 2>&1 || useradd -m "$BENCH_USER"
  chown -R "$BENCH_USER:" "$PH" "$CORPUS"
  AS_BENCH="runuser -u $BENCH_USER -- env HOME=$PH/mail USER=$BENCH_USER"
else
  AS_BENCH="env HOME=$PH/mail"
fi
sieve_filter() { $AS_BENCH sieve-filter -c "$PH/dovecot.conf" "$@" "$PH/rules-200.sieve" INBOX; }
# Warm-up: Dovecot builds its index of the Maildir and saves the compiled
# script next to it (rules-200.svbin), as it would on any later run.
sieve_filter >/dev/null 2>"$WORK/ph-warmup.log" || {
  cat "$WORK/ph-warmup.log" >&2
  echo "compare.sh: sieve-filter failed" >&2
  exit 1
}
"$OURS" filter "$CORPUS/rules-200.sieve" "$MAILDIR" --quiet >/dev/null

# ---- 4. Differential check ------------------------------------------------------
say "differential check: actions for every message"
# One line "MESSAGE-ID<TAB>ACTION" per action: keep (explicit or implicit, or
# a fileinto of INBOX), fileinto:MAILBOX, redirect:ADDRESS, discard, other:...
# From sieve-filter -v output ($1):
ph_actions() {
  awk '
    function flush() { if (id != "") { if (n == 0) print id "\t(none)"; id = "" } }
    /^>> Filtering message:/ { flush(); section = ""; n = 0; next }
    /^  ID: / { id = $2; next }
    /^Performed actions:/ { section = "performed"; next }
    /^Implicit keep:/ { section = "implicit"; next }
    /^ \* / && section != "" {
      line = substr($0, 4); n++
      if (line ~ /^store message in folder: /) {
        box = substr(line, 26)
        print id "\t" (box == "INBOX" ? "keep" : "fileinto:" box)
      } else if (line ~ /^redirect message to: /) {
        address = substr(line, 22); gsub(/^<|>$/, "", address)
        print id "\tredirect:" address
      } else if (line ~ /^discard/) {
        print id "\tdiscard"
      } else {
        print id "\tother:" line
      }
    }
    END { flush() }
  ' "$1" | sort -u
}
# From `sievec filter --json` output ($1), Message-IDs from messages.tsv:
ours_actions() {
  awk -F '\t' '
    FNR == NR { id[$1] = $2; next }
    {
      match($0, /"message":"[^"]*"/)
      name = substr($0, RSTART + 11, RLENGTH - 12)
      rest = $0; n = 0
      while (match(rest, /\{"type":"[a-z]+"[^}]*\}/)) {
        obj = substr(rest, RSTART, RLENGTH); rest = substr(rest, RSTART + RLENGTH); n++
        match(obj, /"type":"[a-z]+"/); type = substr(obj, RSTART + 8, RLENGTH - 9)
        if (type == "fileinto") {
          match(obj, /"mailbox":"[^"]*"/); box = substr(obj, RSTART + 11, RLENGTH - 12)
          print id[name] "\t" (box == "INBOX" ? "keep" : "fileinto:" box)
        } else if (type == "redirect") {
          match(obj, /"address":"[^"]*"/); print id[name] "\tredirect:" substr(obj, RSTART + 11, RLENGTH - 12)
        } else {
          print id[name] "\t" type
        }
      }
      if (n == 0) print id[name] "\t(none)"
    }
  ' "$CORPUS/messages.tsv" "$1" | sort -u
}
# The Message-IDs on which two action lists ($1, $2) differ.
differing_ids() {
  comm -3 "$1" "$2" | sed "s/^$(printf '\t')//" | cut -f1 | sort -u
}

sieve_filter -v >"$WORK/ph-actions.txt" 2>/dev/null
"$OURS" filter "$CORPUS/rules-200.sieve" "$MAILDIR" --json >"$WORK/ours-actions.json"
ph_actions "$WORK/ph-actions.txt" >"$WORK/ph-actions.tsv"
ours_actions "$WORK/ours-actions.json" >"$WORK/ours-actions.tsv"
ph_messages=$(cut -f1 "$WORK/ph-actions.tsv" | sort -u | wc -l)
ours_messages=$(cut -f1 "$WORK/ours-actions.tsv" | sort -u | wc -l)
differing_ids "$WORK/ph-actions.tsv" "$WORK/ours-actions.tsv" >"$WORK/differing-ids.txt"

# Known deviation of Pigeonhole, checked message by message rather than
# assumed: its `size` test counts the bytes the message has in storage (LF
# line ends in this Maildir, as Dovecot stores mail), where RFC 5228 §5.9
# counts "the [IMAIL] representation", whose lines end in CRLF (RFC 2822
# §2.1) — sievekit's count. Each differing message is written again with
# CRLF line ends and given to both: when Pigeonhole's actions then become
# sievekit's, and sievekit's are the same as for the LF copy, the line ends
# alone made the difference. Anything else is a disagreement.
: >"$WORK/size-deviation-ids.txt"
cp "$WORK/differing-ids.txt" "$WORK/unexplained-ids.txt"
if [ -s "$WORK/differing-ids.txt" ]; then
  RECHECK=$WORK/recheck
  mkdir -p "$RECHECK/Maildir/cur" "$RECHECK/Maildir/new" "$RECHECK/Maildir/tmp"
  awk -F '\t' 'FNR == NR { want[$1] = 1; next } ($2 in want) { print $1 }' \
    "$WORK/differing-ids.txt" "$CORPUS/messages.tsv" | while IFS= read -r name; do
    sed 's/$/\r/' "$MAILDIR/cur/$name" >"$RECHECK/Maildir/cur/$name"
  done
  [ "$(id -u)" = 0 ] && chown -R "$BENCH_USER:" "$RECHECK"
  $AS_BENCH sieve-filter -c "$PH/dovecot.conf" -o "mail_location=maildir:$RECHECK/Maildir" -v \
    "$PH/rules-200.sieve" INBOX >"$WORK/recheck-ph.txt" 2>/dev/null
  "$OURS" filter "$CORPUS/rules-200.sieve" "$RECHECK/Maildir" --json >"$WORK/recheck-ours.json"
  ph_actions "$WORK/recheck-ph.txt" >"$WORK/recheck-ph.tsv"
  ours_actions "$WORK/recheck-ours.json" >"$WORK/recheck-ours.tsv"
  grep -F -f "$WORK/differing-ids.txt" "$WORK/ours-actions.tsv" >"$WORK/recheck-ours-lf.tsv" || true
  # Explained: ours unchanged by the line ends, and both agree on CRLF.
  differing_ids "$WORK/recheck-ph.tsv" "$WORK/recheck-ours.tsv" >"$WORK/recheck-still.txt"
  differing_ids "$WORK/recheck-ours.tsv" "$WORK/recheck-ours-lf.tsv" >>"$WORK/recheck-still.txt"
  cut -f1 "$WORK/recheck-ph.tsv" | sort -u >"$WORK/recheck-seen.txt"
  comm -12 "$WORK/differing-ids.txt" "$WORK/recheck-seen.txt" |
    grep -v -x -F -f "$WORK/recheck-still.txt" >"$WORK/size-deviation-ids.txt" || true
  grep -v -x -F -f "$WORK/size-deviation-ids.txt" "$WORK/differing-ids.txt" \
    >"$WORK/unexplained-ids.txt" || true
fi
disagreeing=$(grep -c . "$WORK/unexplained-ids.txt" || true)
deviating=$(grep -c . "$WORK/size-deviation-ids.txt" || true)
actions=$(grep -vc '(none)' "$WORK/ours-actions.tsv" || true)
if [ "$disagreeing" -eq 0 ] && [ "$ph_messages" -eq "$MESSAGES" ] && [ "$ours_messages" -eq "$MESSAGES" ]; then
  DIFF_RESULT="agree on $((MESSAGES - deviating)) of $MESSAGES messages ($actions actions)"
  if [ "$deviating" -gt 0 ]; then
    DIFF_RESULT="$DIFF_RESULT; $deviating differ only by Pigeonhole's size deviation (excluded, listed above)"
  fi
else
  DIFF_RESULT="$disagreeing of $MESSAGES messages disagree (Pigeonhole reported $ph_messages, sievekit $ours_messages)"
  [ "$deviating" -gt 0 ] && DIFF_RESULT="$DIFF_RESULT; $deviating more differ by Pigeonhole's size deviation"
fi
TAB=$(printf '\t')
if [ "$deviating" -gt 0 ]; then
  echo "Excluded: $deviating message(s) where Pigeonhole's size test counts the stored LF bytes"
  echo "(RFC 5228 §5.9 counts the RFC 2822 form, CRLF); with CRLF line ends both agree."
  echo "Pigeonhole / sievekit actions on the stored (LF) message:"
  while IFS= read -r id; do
    printf '  %s  Pigeonhole: %s  sievekit: %s\n' "$id" \
      "$(grep -F "$id$TAB" "$WORK/ph-actions.tsv" | cut -f2 | paste -sd, -)" \
      "$(grep -F "$id$TAB" "$WORK/ours-actions.tsv" | cut -f2 | paste -sd, -)"
  done <"$WORK/size-deviation-ids.txt"
fi
if [ "$disagreeing" -gt 0 ]; then
  echo "Disagreements (left column: Pigeonhole only; indented: sievekit only):"
  comm -3 "$WORK/ph-actions.tsv" "$WORK/ours-actions.tsv" | grep -F -f "$WORK/unexplained-ids.txt" | head -40
fi
say "differential check: $DIFF_RESULT"

# ---- 5. Measurements ------------------------------------------------------------
now_ns() { date +%s%N; }
# Median of the numbers on standard input.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Wall milliseconds of one run of "$@" (output discarded).
wall_ms() {
  start=$(now_ns)
  "$@" >/dev/null 2>&1
  end=$(now_ns)
  echo $(((end - start) / 1000))  | awk '{ printf "%.1f\n", $1 / 1000 }'
}
# Instructions of "$@" under callgrind: the sum of what every traced image
# reports (an image that execs another is not reported; the last one is).
instructions() {
  log=$WORK/callgrind.log
  "$@" >/dev/null 2>"$log" || true
  awk '/Collected :/ { gsub(/,/, "", $NF); s += $NF } END { print s + 0 }' "$log"
}

ours_filter() { "$OURS" filter "$CORPUS/rules-200.sieve" "$MAILDIR" --json; }
ph_filter() { sieve_filter; }
ours_compile() { "$OURS" compile "$CORPUS/rules-5000.sieve" -o "$WORK/ours-5000.svbin"; }
ph_compile() { $AS_BENCH "$PH_SIEVEC" -c "$PH/dovecot.conf" "$PH/rules-5000.sieve" "$PH/ph-5000.svbin"; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "wall time: $RUNS interleaved runs each (load average $LOAD_BEFORE)"
: >"$WORK/ours-filter.ms"; : >"$WORK/ph-filter.ms"; : >"$WORK/ours-compile.ms"; : >"$WORK/ph-compile.ms"
i=0
while [ "$i" -lt "$RUNS" ]; do
  wall_ms ours_filter >>"$WORK/ours-filter.ms"
  wall_ms ph_filter >>"$WORK/ph-filter.ms"
  wall_ms ours_compile >>"$WORK/ours-compile.ms"
  wall_ms ph_compile >>"$WORK/ph-compile.ms"
  i=$((i + 1))
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
ours_filter_ms=$(median <"$WORK/ours-filter.ms")
ph_filter_ms=$(median <"$WORK/ph-filter.ms")
ours_compile_ms=$(median <"$WORK/ours-compile.ms")
ph_compile_ms=$(median <"$WORK/ph-compile.ms")

# CPU time (user + system, of the process and its children) per run, in
# ms: the sum over RUNS back-to-back runs, as /usr/bin/time reports it (10 ms
# resolution), divided by RUNS. Unlike wall time it does not count waiting
# for a CPU, which on a busy machine dominates a run of a few tens of ms.
cpu_ms() {
  /usr/bin/time -f "%U %S" -o "$WORK/cpu.txt" sh -c '
    n=$1; shift; i=0
    while [ "$i" -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done' cpu "$RUNS" "$@"
  awk -v runs="$RUNS" '{ printf "%.1f\n", ($1 + $2) * 1000 / runs }' "$WORK/cpu.txt"
}
say "CPU time: $RUNS runs each"
ours_filter_cpu=$(cpu_ms "$OURS" filter "$CORPUS/rules-200.sieve" "$MAILDIR" --json)
ph_filter_cpu=$(cpu_ms $AS_BENCH sieve-filter -c "$PH/dovecot.conf" "$PH/rules-200.sieve" INBOX)

say "peak memory"
# Peak resident set size in KiB, from /usr/bin/time -v at the start of "$@".
peak_kib() {
  "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
}
ours_filter_kib=$(peak_kib /usr/bin/time -v "$OURS" filter "$CORPUS/rules-200.sieve" "$MAILDIR" --json)
ph_filter_kib=$(peak_kib $AS_BENCH /usr/bin/time -v sieve-filter -c "$PH/dovecot.conf" "$PH/rules-200.sieve" INBOX)
ours_compile_kib=$(peak_kib /usr/bin/time -v "$OURS" compile "$CORPUS/rules-5000.sieve" -o "$WORK/ours-5000.svbin")
ph_compile_kib=$(peak_kib $AS_BENCH /usr/bin/time -v "$PH_SIEVEC" -c "$PH/dovecot.conf" "$PH/rules-5000.sieve" "$PH/ph-5000.svbin")

if [ "$CALLGRIND" = yes ]; then
  say "instruction counts (callgrind; Pigeonhole's filter takes about a minute)"
  cg="valgrind --tool=callgrind --callgrind-out-file=/dev/null"
  ours_filter_ir=$(instructions $cg "$OURS" filter "$CORPUS/rules-200.sieve" "$MAILDIR" --json)
  ph_filter_ir=$(instructions $AS_BENCH $cg --trace-children=yes sieve-filter -c "$PH/dovecot.conf" "$PH/rules-200.sieve" INBOX)
  ours_compile_ir=$(instructions $cg "$OURS" compile "$CORPUS/rules-5000.sieve" -o "$WORK/ours-5000.svbin")
  ph_compile_ir=$(instructions $AS_BENCH $cg --trace-children=yes "$PH_SIEVEC" -c "$PH/dovecot.conf" "$PH/rules-5000.sieve" "$PH/ph-5000.svbin")
fi

# ---- 6. The table ---------------------------------------------------------------
awk -v m="$MESSAGES" \
    -v ofm="$ours_filter_ms" -v pfm="$ph_filter_ms" -v ocm="$ours_compile_ms" -v pcm="$ph_compile_ms" \
    -v ofk="$ours_filter_kib" -v pfk="$ph_filter_kib" -v ock="$ours_compile_kib" -v pck="$ph_compile_kib" \
    -v ofi="${ours_filter_ir:-0}" -v pfi="${ph_filter_ir:-0}" -v oci="${ours_compile_ir:-0}" -v pci="${ph_compile_ir:-0}" \
    -v ofc="$ours_filter_cpu" -v pfc="$ph_filter_cpu" \
    -v diff="$DIFF_RESULT" -v load="$LOAD_BEFORE -> $LOAD_AFTER" -v runs="$RUNS" '
  function row(what, ours, theirs, ratio) { printf "| %-52s | %14s | %14s | %8s |\n", what, ours, theirs, ratio }
  function times(x) { return sprintf("%.1fx", x) }
  BEGIN {
    print ""
    printf "sievekit vs Pigeonhole (%s messages, 200-rule script; compile: 5,000-rule script)\n\n", m
    row("measure", "sievekit", "Pigeonhole", "ratio")
    print "|------------------------------------------------------|----------------|----------------|----------|"
    if (ofi > 0) {
      row("filter: instructions per message (whole process)", sprintf("%.0f", ofi / m), sprintf("%.0f", pfi / m), times(pfi / ofi))
    }
    row("filter: messages per second (wall, median of " runs ")", sprintf("%.0f", m / ofm * 1000), sprintf("%.0f", m / pfm * 1000), times(pfm / ofm))
    row("filter: messages per CPU second (user+sys, " runs " runs)", sprintf("%.0f", m / ofc * 1000), sprintf("%.0f", m / pfc * 1000), times(pfc / ofc))
    row("filter: peak RSS (KiB)", ofk, pfk, times(pfk / ofk))
    if (oci > 0) {
      row("compile 5,000 rules: instructions", sprintf("%.0f", oci), sprintf("%.0f", pci), times(pci / oci))
    }
    row("compile 5,000 rules: wall ms (median of " runs ")", sprintf("%.1f", ocm), sprintf("%.1f", pcm), times(pcm / ocm))
    row("compile 5,000 rules: peak RSS (KiB)", ock, pck, times(pck / ock))
    print ""
    print "ratio = Pigeonhole / sievekit (how many times fewer instructions, less time or memory sievekit needs)"
    print "differential check: " diff
    print "load average (1, 5, 15 min) before -> after the timed runs: " load
  }'
