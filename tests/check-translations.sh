#!/bin/sh
# Every user-visible string has its zh_CN translation: every message of the
# files in POTFILES.in is in each catalogue, none untranslated, none fuzzy.
set -eu
po_dir=$1
top=$(cd "$po_dir/.." && pwd)
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
(cd "$top" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
   --files-from=po/POTFILES.in --output="$pot")
for po in "$po_dir"/*.po; do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  echo "$po: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) exit 1 ;;
  esac
  # msgcmp: every message of the sources is in the catalogue.
  LC_ALL=C msgcmp --use-untranslated "$po" "$pot"
done
