#!/usr/bin/env bash
# Installs what the tests need beyond the build (Debian packages, when missing): Chromium
# (the HTML report is rendered in headless Chromium and its DOM checked) and Graphviz
# (`dot -Tsvg` of the per-campaign graph). Quiet; does nothing when both are there.
# Called by .ci/run. Locally, DISTILLSCAN_SKIP_BROWSER=1 lets the browser test skip.
set -euo pipefail
DEPS_PACKAGES="chromium graphviz" exec "$(dirname "$0")/install-deps.sh"
