#!/usr/bin/env python3
"""Check an HTML report: tags nest and close, nothing external is
referenced (no http:, https:, //, no scripts, no @import or url()), there
is an inline SVG timeline, and every #anchor link has its target.

usage: check-html.py TTXSIM JOURNAL
"""
import html.parser
import subprocess
import sys

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base",
        "source", "wbr", "circle", "line", "rect", "path", "polygon"}


class Check(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.links, self.errors = [], set(), [], []
        self.svg = 0

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            v = v or ""
            if k == "id":
                self.ids.add(v)
            if k in ("href", "src", "xlink:href"):
                if v.startswith("#"):
                    self.links.append(v[1:])
                elif not v.startswith("http://www.w3.org/"):
                    self.errors.append("external reference %s=%r" % (k, v))
            if k == "style" and ("url(" in v or "@import" in v):
                self.errors.append("external style %r" % v)
        if tag == "script":
            self.errors.append("a <script> element")
        if tag == "svg":
            self.svg += 1
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append("line %d: </%s> closes %s" % (
                self.getpos()[0], tag,
                "<%s> from line %d" % (self.stack[-1][0],
                                       self.stack[-1][1][0])
                if self.stack else "nothing"))
            return
        self.stack.pop()

    def handle_data(self, data):
        if "@import" in data or "url(" in data:
            self.errors.append("external style in text")


def main():
    ttxsim, journal = sys.argv[1], sys.argv[2]
    out = subprocess.run([ttxsim, "report", "--format", "html", journal],
                         check=True, capture_output=True, text=True).stdout
    c = Check()
    c.feed(out)
    c.close()
    for tag, pos in c.stack:
        c.errors.append("<%s> from line %d never closed" % (tag, pos[0]))
    if c.svg == 0:
        c.errors.append("no inline SVG timeline")
    for target in c.links:
        if target not in c.ids:
            c.errors.append("link to #%s, which is nowhere" % target)
    if not out.startswith("<!DOCTYPE html>"):
        c.errors.append("no doctype")
    for e in c.errors[:20]:
        print("%s: %s" % (journal, e))
    print("%s: %d links checked, %d svg, %d problems" % (
        journal, len(c.links), c.svg, len(c.errors)))
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main())
