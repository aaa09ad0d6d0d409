#!/usr/bin/env bash
# Installs cargo-stray for the GitHub Action (action.yml at the repository root).
#
#   install.sh key      writes `key=...`, the cache key of the binary, to $GITHUB_OUTPUT
#   install.sh install  builds and installs it into ~/.cargo/bin, the path action.yml caches
#
# With the input `version` empty (INPUT_VERSION), the binary is built from the action's
# own checkout (GITHUB_ACTION_PATH); otherwise from that release tag of the repository.
set -euo pipefail

repository=https://github.com/cargo-stray/cargo-stray
action_path=${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: this script is a step of the cargo-stray action}
version=${INPUT_VERSION-}

# Every file under a directory, in glob order, without `find`: on Windows the first
# `find` on PATH may be Windows' own.
files_under() {
  local f
  for f in "$1"/*; do
    if [[ -d $f ]]; then
      files_under "$f"
    elif [[ -f $f ]]; then
      printf '%s\n' "$f"
    fi
  done
}

digest() {
  if command -v sha256sum > /dev/null; then
    sha256sum
  elif command -v shasum > /dev/null; then
    shasum -a 256
  else
    cksum
  fi | cut -d ' ' -f 1
}

# The key follows what is built, not the ref in `uses:`: a ref such as v0 or main moves,
# and composite actions cannot rely on github.action_ref (it is often empty). hashFiles()
# cannot do it either: it ignores files outside the workspace, where the action lives.
cache_key() {
  local source
  if [[ -n $version ]]; then
    source=tag-$version
  else
    source=checkout-$(
      cd "$action_path"
      {
        printf '%s\n' Cargo.toml Cargo.lock
        files_under src
      } | while IFS= read -r f; do
        printf '%s\n' "$f"
        cat "$f"
      done | digest
    )
  fi
  echo "cargo-stray-${RUNNER_OS:-unknown}-${RUNNER_ARCH:-unknown}-$source"
}

case ${1-} in
  key)
    echo "key=$(cache_key)" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
    ;;
  install)
    # --root names the place action.yml caches, whatever CARGO_HOME or
    # CARGO_INSTALL_ROOT say.
    root=$HOME/.cargo
    if [[ -n $version ]]; then
      cargo install --locked --root "$root" --git "$repository" --tag "$version" cargo-stray
    else
      cargo install --locked --root "$root" --path "$action_path"
    fi
    ;;
  *)
    echo "usage: install.sh key|install" >&2
    exit 2
    ;;
esac
