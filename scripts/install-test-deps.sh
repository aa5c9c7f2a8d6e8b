#!/usr/bin/env bash
# Installs, only when missing, the programs the test suites drive. Safe to run again.
#   chromium           the browser tests' browser (Playwright drives /usr/bin/chromium; never `playwright install`)
#   fonts-liberation   Arial-compatible fonts, so pages and README screenshots render as on a resident's PC
#   default-jre-headless  runs the Nu Html Checker (vnu.jar)
#   nodejs, npm        run Lighthouse and install the validators (tests/package.json)
#   postgresql         the integration tests start a throwaway PostgreSQL cluster (initdb, pg_ctl) and run the data tests on it
#   redis-server       the several-instances tests start a throwaway Redis (the shared page cache, docs/decisions/0009)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "Missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run as root." >&2
    exit 1
  fi
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing ${missing[*]} ..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The validators (axe-core, vnu-jar, lighthouse), pinned in tests/package-lock.json. Reinstalled when the lock file is
# newer than the last install. --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
if [ -f tests/package-lock.json ] && { [ ! -f tests/node_modules/.package-lock.json ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; }; then
  (cd tests && npm ci --ignore-scripts --no-audit --no-fund)
fi
