#!/usr/bin/env bash
# System packages the tests need, from Debian: poppler-utils (pdftotext, pdfinfo, pdftoppm) reads the
# letters' PDFs back. Installs only what is missing; needs root (or sudo) the first time.
set -euo pipefail
if command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null
