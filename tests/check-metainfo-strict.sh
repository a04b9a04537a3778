#!/bin/sh
# appstream-util validate-strict on the metainfo, without fetching anything.
# appstream-glib (0.8.2 in Debian 12, 0.8.3 in Debian 13) predates AppStream 1.0's
# <developer> element and calls it an unknown tag; appstreamcli, which knows it, checks
# it (test validate-metainfo). Here everything but that element is checked strictly.
#   usage: check-metainfo-strict.sh APPSTREAM-UTIL METAINFO
set -eu
appstream_util=$1
metainfo=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# appstream-util wants the file's own name (ID.metainfo.xml).
sed '/<developer[ >]/,/<\/developer>/d' "$metainfo" >"$dir/$(basename "$metainfo")"
grep -q '<developer[ >]' "$metainfo"
"$appstream_util" validate-strict --nonet "$dir/$(basename "$metainfo")"
