#!/usr/bin/env bash
# Builds the MinIO server from source into the TickLake cache, once.
#
#   TICKLAKE_CACHE          cache directory (default: $HOME/.cache/ticklake); the binary lands in $TICKLAKE_CACHE/bin/minio
#   TICKLAKE_MINIO_VERSION  module version for `go install` (default: latest)
#
# Exit codes: 0 installed (or already there), 3 Go is missing, anything else: the build failed.
set -euo pipefail

cache="${TICKLAKE_CACHE:-$HOME/.cache/ticklake}"
version="${TICKLAKE_MINIO_VERSION:-latest}"
binary="$cache/bin/minio"

if [[ -x "$binary" ]]; then
    exit 0
fi

go_cmd="$(command -v go || true)"
if [[ -z "$go_cmd" && -x /usr/local/go/bin/go ]]; then
    go_cmd=/usr/local/go/bin/go
fi
if [[ -z "$go_cmd" ]]; then
    echo "install-minio: Go is not installed; MinIO is built from source with 'go install github.com/minio/minio@$version'." >&2
    echo "install-minio: install Go (https://go.dev/doc/install or 'apt-get install golang'), or put a minio binary at $binary." >&2
    exit 3
fi

mkdir -p "$cache/bin"
# One build at a time: test JVMs of several modules may ask for MinIO at once.
exec 9>"$cache/minio-install.lock"
flock 9
if [[ -x "$binary" ]]; then
    exit 0
fi

staging="$(mktemp -d "$cache/minio-build.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
echo "install-minio: building github.com/minio/minio@$version with $("$go_cmd" version) (takes a few minutes the first time)"
GOBIN="$staging" "$go_cmd" install "github.com/minio/minio@$version"
# Rename within the cache directory: readers see no binary or the whole binary.
mv -f "$staging/minio" "$binary"
echo "install-minio: installed $binary"
