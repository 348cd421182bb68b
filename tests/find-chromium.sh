#!/bin/sh
# Prints the path of a Chromium for the browser tests, installing one if this machine has none.
# Order: $CHROMIUM; one on PATH; on Debian/Ubuntu as root, the distribution's package;
# elsewhere, Playwright's own download (then prints nothing: Playwright finds its own).
# Fails with a message saying how to get one when none can be had.
set -eu
python="${1:-python3}"

if [ -n "${CHROMIUM:-}" ]; then
  if [ -x "$CHROMIUM" ]; then echo "$CHROMIUM"; exit 0; fi
  echo "CHROMIUM=$CHROMIUM is not an executable file." >&2; exit 1
fi
for name in chromium chromium-browser google-chrome google-chrome-stable; do
  if path=$(command -v "$name" 2>/dev/null); then echo "$path"; exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium on PATH: installing Debian's chromium package." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2 || true
  if path=$(command -v chromium 2>/dev/null); then echo "$path"; exit 0; fi
fi
echo "No Chromium on PATH: trying Playwright's own download." >&2
if "$python" -m playwright install chromium >&2; then exit 0; fi
cat >&2 <<'HELP'
No Chromium could be found or installed for the browser tests.
Install one and run `make test` again:
  - Debian/Ubuntu: sudo apt-get install chromium
  - elsewhere:     .venv/bin/python -m playwright install chromium
  - or point to one: CHROMIUM=/path/to/chromium make test
HELP
exit 1
