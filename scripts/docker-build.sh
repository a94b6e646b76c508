#!/bin/sh
# Builds hrgraph's container image (Dockerfile).
#
#   npm run docker:build                 # production: target runtime, tagged hrgraph:latest
#   npm run docker:build -- --demo       # with the sandboxes: target demo, tagged hrgraph:demo
#   npm run docker:build -- --tag my/hrgraph:1.0 [--demo]
#
# Needs a running Docker (or compatible) engine; says so in one line when there is none.
set -eu
cd "$(dirname "$0")/.."
target=runtime
tag=
while [ $# -gt 0 ]; do
  case "$1" in
    --demo) target=demo ;;
    --tag) tag="$2"; shift ;;
    *) echo "docker-build: unknown argument $1 (use --demo, --tag NAME)" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$tag" ] || { [ "$target" = demo ] && tag=hrgraph:demo || tag=hrgraph:latest; }
if ! docker info >/dev/null 2>&1; then
  echo "docker-build: no Docker engine answers here (docker info failed); start one, or build elsewhere with: docker build --target $target -t $tag ." >&2
  exit 1
fi
exec docker build --target "$target" -t "$tag" .
