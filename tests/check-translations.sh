#!/bin/sh
# Every user-visible string has its zh_CN translation: nothing untranslated, nothing fuzzy.
set -eu
po_dir=$1
for po in "$po_dir"/*.po; do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  echo "$po: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) exit 1 ;;
  esac
done
