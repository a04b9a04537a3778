#!/usr/bin/env python3
"""Fails the build when a file under src/ includes what its layer may not use.

    check-layers.py SRC_DIR STAMP DEPFILE

Include paths already keep each layer's library from finding the headers of
the layers above it, but <sqlite3.h>, <libnotify/notify.h> and GTK sit in
/usr/include where every library finds them, and a relative path reaches any
folder. So every #include line of src/ is read here, followed through the
project's own headers (a header that pulls in GTK gives GTK to whoever
includes it), and held to the rules below.
"""

import os
import re
import sys

# Which layers' headers each layer may include (src/<layer>/, src/main.c is "app").
LAYERS = {
    "core": {"core"},
    "print": {"core", "print"},
    "notify": {"core", "notify"},
    "sheets": {"core", "sheets"},
    "cli": {"core", "print", "notify", "sheets", "cli"},
    "gui": {"core", "print", "notify", "sheets", "cli", "gui"},
    "app": {"core", "print", "notify", "sheets", "cli", "gui"},
}

# System headers only some places may include: (what, the pattern, the
# folders of src/ that may include it, the folders that may get it through
# the project's headers). Printing's headers speak of cairo_t, so the command
# line, which prints, gets cairo through them, but draws nothing itself.
RESTRICTED = [
    ("SQLite", re.compile(r"^sqlite3(ext)?\.h$"), ["core/db"], ["core/db"]),
    ("libnotify", re.compile(r"^libnotify/"), ["notify"], ["notify"]),
    ("libarchive", re.compile(r"^archive(_entry)?\.h$"), ["sheets"], ["sheets"]),
    ("libxlsxwriter", re.compile(r"^xlsxwriter(\.h$|/)"), ["sheets"], ["sheets"]),
    # One file decodes images (attachments' thumbnails, the pictures print
    # draws): the formats, sizes and limits are decided there. The window
    # gets gdk-pixbuf with GTK.
    ("gdk-pixbuf", re.compile(r"^gdk-pixbuf/"), ["core/bl-image.c", "gui", "main.c"], ["gui", "main.c"]),
    ("GTK", re.compile(r"^(gtk|gdk|gsk)/|^(adwaita|graphene)\.h$"), ["gui", "main.c"], ["gui", "main.c"]),
    # Asking which GL GTK would draw with, before GTK opens the display.
    ("X11/GL", re.compile(r"^(X11|epoxy|GL)/"), ["gui/bl-renderer.c"], ["gui/bl-renderer.c"]),
    ("cairo/Pango", re.compile(r"^(cairo[-.]|cairo/|pango/)"), ["print", "gui", "main.c"],
     ["print", "cli", "gui", "main.c"]),
]

# Core files that still reach SQLite outside src/core/db/, until the storage
# moves there. The one list to shorten (and then empty) as they move.
SQLITE_NOT_YET_MOVED = []

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def layer_of(rel):
    first = rel.split("/", 1)[0]
    return first if first in LAYERS and "/" in rel else "app"


def allowed_in(rel, folders):
    return any(rel == f or rel.startswith(f + "/") for f in folders)


def main():
    src, stamp, depfile = sys.argv[1:4]
    src = os.path.abspath(src)

    files, dirs, builds = {}, [], []
    for root, subdirs, names in os.walk(src):
        subdirs.sort()
        dirs.append(root)
        for name in sorted(names):
            path = os.path.join(root, name)
            if name.endswith((".c", ".h")):
                files[os.path.relpath(path, src)] = path
            elif name == "meson.build":
                builds.append(path)

    def resolve(including, name):
        """The src/-relative path of a project header, or None."""
        bases = [os.path.dirname(files[including])] + dirs
        for base in bases:
            candidate = os.path.normpath(os.path.join(base, name))
            rel = os.path.relpath(candidate, src)
            if rel in files:
                return rel
        return None

    # Each file's includes: (line, kind, name, project header or None).
    includes = {}
    for rel, path in files.items():
        found = []
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if m:
                    found.append((number, m.group(2), resolve(rel, m.group(2))))
        includes[rel] = found

    # The system headers each file reaches, and through which of its lines.
    reach_cache = {}

    def reaches(rel, seen=()):
        if rel in reach_cache:
            return reach_cache[rel]
        result = {}
        for number, name, header in includes[rel]:
            if header is None:
                result.setdefault(name, (number, name))
            elif header not in seen:
                for system, (_, via) in reaches(header, seen + (rel,)).items():
                    result.setdefault(system, (number, f"{name} → {via}"))
        reach_cache[rel] = result
        return result

    problems = []
    for rel in sorted(files):
        layer = layer_of(rel)
        for number, name, header in includes[rel]:
            if header is not None and layer_of(header) not in LAYERS[layer]:
                problems.append(f"src/{rel}:{number}: error: includes src/{header}: "
                                f"{layer} may use {', '.join(sorted(LAYERS[layer]))} only")
        for system, (number, via) in sorted(reaches(rel).items()):
            direct = via == system
            for what, pattern, folders, through in RESTRICTED:
                allowed = folders if direct else through
                if not pattern.search(system) or allowed_in(rel, allowed):
                    continue
                if what == "SQLite" and rel in SQLITE_NOT_YET_MOVED:
                    continue
                problems.append(f"src/{rel}:{number}: error: {what} ({via}) belongs to "
                                f"{', '.join('src/' + f for f in allowed)} only")

    for rel in SQLITE_NOT_YET_MOVED:
        if rel not in files or not any(RESTRICTED[0][1].search(s) for s in reaches(rel)):
            print(f"check-layers: note: src/{rel} no longer reaches SQLite: "
                  f"take it off SQLITE_NOT_YET_MOVED in build-aux/check-layers.py")

    # Checked again whenever a file of src/ or the list of its files changes.
    with open(depfile, "w", encoding="utf-8") as f:
        deps = sorted(files.values()) + sorted(builds) + dirs + [os.path.abspath(__file__)]
        f.write(stamp.replace(" ", "\\ ") + ": " +
                " ".join(d.replace(" ", "\\ ") for d in deps) + "\n")

    if problems:
        if os.path.exists(stamp):
            os.remove(stamp)
        print("\n".join(problems), file=sys.stderr)
        print(f"check-layers: {len(problems)} include(s) cross the layers; "
              "see “How the code is laid out” in README.md", file=sys.stderr)
        return 1
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(f"{len(files)} files checked\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
