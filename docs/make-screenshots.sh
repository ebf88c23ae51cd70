#!/usr/bin/env bash
# Regenerates docs/screenshot-main.png: starts the real desktop app on a virtual X display
# (1400x900), opens an image, waits, and grabs the screen.
#   docs/make-screenshots.sh [image-file]
# Without an argument it uses the first image in sample-data/test/images/ if there is one, otherwise a
# generated synthetic 128x128 lesion-like image (never patient data).
# Needs (Debian): apt-get install xvfb xauth libgtk-3-0 imagemagick
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
out=docs/screenshot-main.png
wait_s=${SCREENSHOT_WAIT:-8}

if [ "${1:-}" = "--inside-xvfb" ]; then
  image="$2"
  cp="target/classes:$(cat target/runtime-classpath.txt)"
  java -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$cp" org.ambiseg.app.Launcher "$image" >/dev/null 2>&1 &
  app=$!
  sleep "$wait_s"
  # the window by its title (no window manager runs, so it has no frame); the whole screen if that fails
  import -window AmbiSeg "$out.tmp.png" 2>/dev/null || import -window root "$out.tmp.png"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  # 64 colours keep the PNG small; the UI has few colours and the image is grey
  convert "$out.tmp.png" -colors 64 -strip "PNG8:$out"
  rm -f "$out.tmp.png"
  exit 0
fi

for tool in xvfb-run import convert; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "make-screenshots: $tool not found (apt-get install xvfb xauth imagemagick)" >&2
    exit 2
  }
done

image="${1:-}"
if [ -z "$image" ]; then
  image=$(find sample-data/test/images -maxdepth 1 -name '*.png' 2>/dev/null | sort | head -1 || true)
fi
if [ -z "$image" ]; then
  image="$(mktemp -d)/synthetic-lesion.png"
  # soft bright blob with a fuzzy rim on a noisy, mid-grey background
  convert -size 128x128 xc:gray25 -seed 7 +noise Gaussian \
    \( -size 128x128 xc:black -fill white -draw "ellipse 62,66 22,17 20,360" -blur 0x5 \) \
    -compose screen -composite -colorspace Gray -depth 8 "$image"
fi

./ambiseg --version >/dev/null # builds the project when needed
xvfb-run -a -s "-screen 0 1400x900x24" "$0" --inside-xvfb "$image"
echo "wrote $out ($(du -k "$out" | cut -f1) KB) showing $image"
