#!/usr/bin/env bash
# Prints the judge's figures: sandbox start, per-test overhead, latency p50/p95 next to the
# same tests run in-process, torch warm versus cold, submissions per second.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./rounds bench "$@"
