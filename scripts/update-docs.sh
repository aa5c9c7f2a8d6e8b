#!/usr/bin/env bash
# Refreshes what the docs show from a real run: the README screenshots (docs/images/*.png) and the Lighthouse table in
# docs/quality.md. Ordinary test runs leave both alone so the work tree stays clean.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-deps.sh
D5_UPDATE_DOCS=1 dotnet test tests/District5News.BrowserTests \
  --filter "FullyQualifiedName~District5News.BrowserTests.Docs|FullyQualifiedName~LighthouseTests" "$@"
