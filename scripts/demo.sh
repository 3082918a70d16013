#!/bin/sh
# `make demo`: run sievec on the bundled examples in corpus/examples/ —
# validate every script (the broken one shows the diagnostics) and, when a
# sample message sits next to a script (NAME.eml), run the script on it.
set -u
sievec="${1:-build/bin/sievec}"
cd "$(dirname "$0")/.." || exit 2
examples=corpus/examples

echo "== sievec check: validating the scripts in $examples/"
for script in "$examples"/*.sieve; do
  if "$sievec" check --color=auto "$script" 2>/tmp/sievekit-demo.$$; then
    echo "ok      $script"
  else
    echo "ERRORS  $script"
    sed 's/^/        /' /tmp/sievekit-demo.$$
  fi
done
rm -f /tmp/sievekit-demo.$$

if "$sievec" help 2>/dev/null | grep -q '^  run '; then
  echo
  echo "== sievec run: what each script does with its sample message"
  for message in "$examples"/*.eml; do
    [ -e "$message" ] || continue
    script="${message%.eml}.sieve"
    [ -e "$script" ] || continue
    echo "-- $script on $message"
    "$sievec" run "$script" "$message" | sed 's/^/        /'
  done
fi
exit 0
