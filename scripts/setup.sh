#!/bin/sh
# Makes sure the Debian packages sievekit builds with are installed.
# As root it installs what is missing with apt-get; otherwise it prints the one
# apt-get line to run and fails. It never downloads anything else.
set -eu

packages="cmake make g++ pkg-config tao-pegtl-dev libfmt-dev libicu-dev libgtest-dev libgmock-dev libbenchmark-dev libre2-dev libsqlite3-dev libhiredis-dev redis-server"
# Extra packages a caller asks for (e.g. the benchmark comparison adds dovecot-sieve).
packages="$packages ${SIEVEKIT_EXTRA_PACKAGES:-}"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  echo "sievekit: installing missing packages:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing >&2
else
  echo "sievekit: missing packages:$missing" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi
