#!/usr/bin/python3
"""Every screenshot the metainfo names is a PNG in data/screenshots, of the size it says.

The metainfo points software centres at the published copies of these files; this
keeps the list and the files in step. usage: check-screenshots.py METAINFO SCREENSHOT-DIR
"""
import os
import struct
import sys
import xml.etree.ElementTree as ET


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def main(metainfo, folder):
    problems = 0
    images = ET.parse(metainfo).getroot().findall("screenshots/screenshot/image")
    for image in images:
        url = image.text.strip()
        path = os.path.join(folder, os.path.basename(url))
        want = (int(image.get("width")), int(image.get("height")))
        if not url.startswith("https://"):
            print(f"{url}: not an https URL")
            problems += 1
        elif not os.path.exists(path):
            print(f"{url}: no {path}")
            problems += 1
        elif png_size(path) != want:
            print(f"{path}: {png_size(path)}, the metainfo says {want}")
            problems += 1
    print(f"{len(images)} screenshots, {problems} problems")
    return 1 if problems or not images else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
