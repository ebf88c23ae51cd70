#!/usr/bin/env bash
# Regenerates the screenshots in docs/ (main window, uncertainty, latent, cases, measurements,
# compare views and the training dashboard): starts the real desktop app on a virtual X display
# (1400x900), opens a case of the shipped sample dataset, waits until it is sampled with the shipped
# model, snapshots each view, then trains probunet-tiny on sample-data/train for a minute or two and
# snapshots the dashboard mid-run (org.ambiseg.app.ScreenshotTour).
#   docs/make-screenshots.sh [dataset [case-index]]      default: sample-data/test, case 3
# Needs (Debian): apt-get install xvfb xauth libgtk-3-0 imagemagick (imagemagick only shrinks the
# PNGs; without it they are kept as written).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$here"
dataset="${1:-sample-data/test}"
case_index="${2:-3}"

command -v xvfb-run >/dev/null 2>&1 || {
  echo "make-screenshots: xvfb-run not found (apt-get install xvfb xauth)" >&2
  exit 2
}
[ -e "$dataset" ] || { echo "make-screenshots: no dataset at $dataset" >&2; exit 2; }

./ambiseg --version >/dev/null # builds the project when needed
cp="target/classes:$(cat target/runtime-classpath.txt)"
xvfb-run -a -s "-screen 0 1400x900x24" \
  java -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dorg.slf4j.simpleLogger.log.org.ambiseg.app.ScreenshotTour=info \
  -cp "$cp" org.ambiseg.app.ScreenshotTour "$dataset" "$case_index" sample-data/train docs

if command -v convert >/dev/null 2>&1; then
  for png in docs/screenshot-*.png; do
    # 128 colours keep the PNGs small; the UI has few colours and the images are grey or viridis
    convert "$png" -colors 128 -strip "PNG8:$png"
  done
fi
ls -l docs/screenshot-*.png
