#!/usr/bin/env bash
# Renders the app icon from icon.svg: icon.png (512x512, Linux and the window) and icon.ico
# (Windows, 16-256 px). Needs ImageMagick 6 (apt-get install imagemagick). The results are committed.
set -euo pipefail
cd "$(dirname "$0")"
IM=${IM:-/usr/bin/convert}
"$IM" -background none -density 144 icon.svg -resize 512x512 PNG32:icon.png
"$IM" -background none icon.png -define icon:auto-resize=256,128,64,48,32,16 icon.ico
/usr/bin/identify icon.png icon.ico
