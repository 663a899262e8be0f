#!/usr/bin/env bash
# System packages the tests need, from Debian: poppler-utils (pdftotext, pdfinfo, pdftoppm) reads the
# letters' PDFs back; chromium is the browser the web workspace's tests drive (playwright-core with
# executablePath /usr/bin/chromium; never `npx playwright install`), fonts-noto-cjk its Chinese glyphs (Simplified
# and Traditional) for the zh-CN and zh-TW pages and screenshots. Installs only what is missing; needs root
# (or sudo) the first time.
set -euo pipefail
missing=()
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then missing+=(poppler-utils); fi
if [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if [ ! -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then missing+=(fonts-noto-cjk); fi
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
