#!/usr/bin/python3
"""Every button that shows only an icon has an accessible label.

A screen reader reads a button's label; an icon-only button has none unless the
template gives it one (<accessibility><property name="label">), and a tooltip alone
is not read as its name. Prints each button that lacks one as FILE:LINE and fails.
"""
import glob
import os
import sys
import xml.parsers.expat

BUTTONS = {"GtkButton", "GtkMenuButton", "GtkToggleButton", "AdwSplitButton"}


class Element:
    def __init__(self, tag, attrs, line):
        self.tag, self.attrs, self.line, self.children = tag, attrs, line, []

    def get(self, name):
        return self.attrs.get(name)

    def findall(self, tag):
        return [c for c in self.children if c.tag == tag]

    def find(self, tag):
        found = self.findall(tag)
        return found[0] if found else None

    def iter(self, tag):
        if self.tag == tag:
            yield self
        for child in self.children:
            yield from child.iter(tag)


def parse(path):
    """The template as a tree of Elements that know their line."""
    parser = xml.parsers.expat.ParserCreate()
    root = Element(None, {}, 0)
    stack = [root]

    def start(tag, attrs):
        element = Element(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(element)
        stack.append(element)

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: stack.pop()
    with open(path, "rb") as f:
        parser.ParseFile(f)
    return root


def missing_labels(path):
    for obj in parse(path).iter("object"):
        if obj.get("class") not in BUTTONS:
            continue
        props = {p.get("name") for p in obj.findall("property")}
        accessibility = obj.find("accessibility")
        labelled = accessibility is not None and any(
            p.get("name") == "label" for p in accessibility.findall("property"))
        if "label" in props or labelled:
            continue
        child = obj.find("child")
        image = child is not None and child.find("object") is not None and \
            child.find("object").get("class") == "GtkImage"
        if "icon-name" in props or image:
            yield obj.line


def main(args):
    # A folder stands for the templates in it.
    paths = []
    for arg in args:
        paths += sorted(glob.glob(os.path.join(arg, "*.ui"))) if os.path.isdir(arg) else [arg]
    problems = 0
    for path in paths:
        for line in missing_labels(path):
            print(f"{path}:{line}: an icon-only button without an accessible label")
            problems += 1
    print(f"{len(paths)} templates checked, {problems} buttons without a label")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
