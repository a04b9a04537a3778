#!/bin/sh
# Every user-visible string has its zh_CN translation: every message of the
# source files, plural messages included, is in each catalogue, translated and
# not fuzzy; and every source file that has messages is listed in POTFILES.in
# (a file missing there would escape this check).
set -eu
po_dir=$1
top=$(cd "$po_dir/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The keywords of meson's "glib" preset, plurals included.
keywords="--keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --keyword=ngettext:1,2"

cd "$top"
status=0
for f in $(git ls-files 'src/*.c' 'src/**/*.c' 'ui/*.ui' 2>/dev/null || find src ui -name '*.c' -o -name '*.ui'); do
  if grep -qE '(^|[^a-z_])(_|N_|C_|NC_|g_dngettext|ngettext)[ ]?\(|translatable="yes"' "$f" &&
     ! grep -qx "$f" po/POTFILES.in; then
    echo "$f has messages but is not listed in po/POTFILES.in"
    status=1
  fi
done

# shellcheck disable=SC2086
xgettext --from-code=UTF-8 $keywords --files-from=po/POTFILES.in --output="$tmp/all.pot"
for po in "$po_dir"/*.po; do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  echo "$po: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) status=1 ;;
  esac
  # The catalogue merged with today's sources: a message in the sources that
  # the catalogue lacks, or has only in its singular form, shows up here.
  msgmerge --quiet --no-fuzzy-matching "$po" "$tmp/all.pot" -o "$tmp/merged.po"
  merged=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
  case "$merged" in
    *untranslated*|*fuzzy*)
      echo "$po lacks messages of the sources: $merged"
      msgattrib --untranslated --no-wrap --no-obsolete "$tmp/merged.po" | grep -E "^msgid(_plural)? \".+" | sed "s/^/  /"
      status=1 ;;
  esac
done
exit $status
