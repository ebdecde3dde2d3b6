#!/usr/bin/env bash
# Prints what a tablet downloads: each file of dist/ by kind, raw and gzip-compressed.
# Numbers to watch over time, not assertions.
set -euo pipefail
cd "$(dirname "$0")/../dist"
printf '%-10s %12s %12s\n' kind raw gzip
total_raw=0
total_gzip=0
for kind in wasm js css html svg json; do
  raw=0
  gz=0
  while IFS= read -r -d '' file; do
    raw=$((raw + $(stat -c %s "$file")))
    gz=$((gz + $(gzip -9 -c "$file" | wc -c)))
  done < <(find . -type f -name "*.$kind" -print0)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gz))
  printf '%-10s %12d %12d\n' "$kind" "$raw" "$gz"
done
printf '%-10s %12d %12d\n' total "$total_raw" "$total_gzip"

# The first load file by file (what a tablet fetches before the app can start), largest
# first. English is compiled into the wasm; the other languages are not part of it.
echo
printf '%-48s %12s %12s\n' "first load, by file" raw gzip
for file in index.html *.js *.wasm *.css; do
  [ -f "$file" ] || continue
  case "$file" in hear-me-worker*) continue ;; esac
  printf '%-48s %12d %12d\n' "$file" "$(stat -c %s "$file")" "$(gzip -9 -c "$file" | wc -c)"
done | sort -k3 -n -r

# The Web Worker that derives keys: fetched when the first key is made (set-up or unlock),
# so it adds nothing to the first load either.
echo
printf '%-48s %12s %12s\n' "loaded at the first key, by file" raw gzip
for file in hear-me-worker*; do
  [ -f "$file" ] || continue
  printf '%-48s %12d %12d\n' "$file" "$(stat -c %s "$file")" "$(gzip -9 -c "$file" | wc -c)"
done

# Each other language: fetched the first time it is chosen (and kept by the service worker
# for offline use), so it adds nothing to the first load.
echo
printf '%-48s %12s %12s\n' "loaded when chosen, by file" raw gzip
for file in locales/*.json; do
  [ -f "$file" ] || continue
  printf '%-48s %12d %12d\n' "$file" "$(stat -c %s "$file")" "$(gzip -9 -c "$file" | wc -c)"
done
