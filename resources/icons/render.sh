#!/bin/sh
# Renders the PNG sizes of the application icon from the SVG (needs rsvg-convert, librsvg2-bin).
# The PNGs are committed; run this only after changing the SVG.
set -eu
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256; do
  mkdir -p "hicolor/${s}x${s}/apps"
  rsvg-convert -w "$s" -h "$s" hicolor/scalable/apps/rectrack.svg -o "hicolor/${s}x${s}/apps/rectrack.png"
done
