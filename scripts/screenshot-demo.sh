#!/usr/bin/env bash
# Regenerates docs/img/demo.png: the output of `credence demo` rendered as a terminal would show it.
# Needs Debian's chromium and fonts-noto-cjk (not needed for tests).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
npx credence demo --seed 42 --as-of 2026-06-30 --dir "$out/demo" > "$out/demo.txt"
python3 - "$out/demo.txt" "$out/demo.html" <<'PY'
import html, sys
text = open(sys.argv[1], encoding='utf-8').read()
page = f"""<!doctype html><meta charset=utf-8><style>
body{{margin:0;background:#1e1e1e}} pre{{margin:0;padding:18px 22px;color:#e6e6e6;
font:13px/1.35 'DejaVu Sans Mono','Noto Sans Mono CJK SC',monospace;white-space:pre}}
</style><pre><span style="color:#8ae234">$ npx credence demo --as-of 2026-06-30</span>
{html.escape(text)}</pre>"""
open(sys.argv[2], 'w', encoding='utf-8').write(page)
PY
lines=$(wc -l < "$out/demo.txt")
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --hide-scrollbars \
  --window-size=1240,$(( (lines + 2) * 18 + 40 )) --screenshot=docs/img/demo.png "file://$out/demo.html" 2>/dev/null
rm -rf "$out"
echo "wrote docs/img/demo.png"
