#!/usr/bin/env bash
# Takes the README's screenshots into docs/screenshots/ (tools/screenshots.py):
# serves the demo database on port 8071 and drives headless Chromium over it.
#   scripts/screenshots.sh                       database lead_management_demo
#   scripts/screenshots.sh --db my_demo --port 8075
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec "$PYTHON" "$ROOT/tools/screenshots.py" "$@"
