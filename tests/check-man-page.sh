#!/bin/sh
# The man page documents every option that "branch-ledger --help-all" lists, and
# man(1) formats it without a warning.
#   usage: check-man-page.sh PROGRAM MAN-PAGE
set -eu
program=$1
page=$2
text=$(mktemp)
warnings=$(mktemp)
trap 'rm -f "$text" "$warnings"' EXIT

LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" >"$text" 2>"$warnings"
if [ -s "$warnings" ]; then
  echo "$page: man reports:"
  cat "$warnings"
  exit 1
fi

missing=0
options=$(LANGUAGE=C LC_ALL=C.UTF-8 "$program" --help-all | grep -o -- '--[a-z][a-z-]*' | sort -u)
for option in $options; do
  if ! grep -Eq -- "$option([^a-z-]|$)" "$text"; then
    echo "$page: $option is not documented"
    missing=$((missing + 1))
  fi
done
echo "$(echo "$options" | wc -l) options, $missing not in the man page"
[ "$missing" -eq 0 ]
