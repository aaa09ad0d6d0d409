#!/usr/bin/env bash
# The scan step of the cargo-stray GitHub Action (action.yml at the repository root).
#
# A composite action does not turn its inputs into INPUT_* variables by itself: action.yml
# passes each one in the step's `env:`, and the same variables run this script outside
# GitHub (tests/action.rs does). It runs cargo-stray twice, which is cheap next to the
# build: once for the SARIF file, once for the GitHub annotations, whose lines also give
# the counts. Counting them needs only grep, which all three runners have, where reading
# the JSON or SARIF report would need jq or python3, which a self-hosted runner may lack.
#
# The step fails by itself only when cargo-stray could not run (exit status 2: bad
# arguments, a path or workspace it cannot use). Findings only set `exit-code`, which the
# action's last step exits with, so that the SARIF report is uploaded first.
set -euo pipefail

# The step's own stdout, where the runner reads workflow commands, whatever a caller
# redirected.
exec 3>&1

# Prints a workflow error (an annotation as well as a log line) and fails the step.
fail_step() {
  local status=$1 message=$2
  message=${message//%/%25}
  message=${message//$'\r'/%0D}
  message=${message//$'\n'/%0A}
  echo "::error title=cargo-stray::$message" >&3
  exit "$status"
}

args_input=${INPUT_ARGS-}
working_directory=${INPUT_WORKING_DIRECTORY:-.}
sarif_file=${INPUT_SARIF_FILE:-cargo-stray.sarif}
annotations=${INPUT_ANNOTATIONS:-true}
fail_on=${INPUT_FAIL_ON:-error}
if [[ -z ${GITHUB_OUTPUT-} ]]; then
  fail_step 2 "GITHUB_OUTPUT is not set: this script is a step of the cargo-stray action"
fi

case $fail_on in
  error | warning | never) ;;
  *) fail_step 2 "fail-on is \`$fail_on\`: it must be error, warning or never" ;;
esac
case $annotations in
  true | false) ;;
  *) fail_step 2 "annotations is \`$annotations\`: it must be true or false" ;;
esac
case $sarif_file in
  *$'\n'*) fail_step 2 "sarif-file must be one line" ;;
esac
# The install step puts it in ~/.cargo/bin, which hosted runners have on PATH and a
# self-hosted one may not.
if command -v cargo-stray > /dev/null; then
  cargo_stray=cargo-stray
elif [[ -x $HOME/.cargo/bin/cargo-stray || -x $HOME/.cargo/bin/cargo-stray.exe ]]; then
  cargo_stray=$HOME/.cargo/bin/cargo-stray
else
  fail_step 2 "cargo-stray is neither on PATH nor in ~/.cargo/bin"
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# `args` is split into words as a shell splits a command line, at blanks and newlines,
# with quotes and backslashes keeping words together, but nothing in it is expanded:
# no variables, no command substitution, no globs. So an expression such as
# ${{ github.head_ref }} inside it cannot run code. xargs splits exactly so, without a
# shell, with the same rules on Linux, macOS and Git Bash on Windows.
args=()
if [[ -n ${args_input//[[:space:]]/} ]]; then
  if ! printf '%s\n' "$args_input" | xargs printf '%s\0' > "$scratch/args" 2> "$scratch/xargs.err"; then
    fail_step 2 "could not split args into words: $(cat "$scratch/xargs.err")"
  fi
  while IFS= read -r -d '' word; do
    args+=("$word")
  done < "$scratch/args"
fi

# The runner starts the step in the workspace, which working-directory is relative to.
if ! cd "$working_directory" 2> /dev/null; then
  fail_step 2 "working-directory \`$working_directory\` is not a directory"
fi
mkdir -p -- "$(dirname -- "$sarif_file")"

# Runs cargo-stray with the user's arguments after the action's own, so that a `--` in
# them cannot turn the action's flags into paths. Its messages reach the log as they are;
# they are kept to be repeated in the annotation if it fails.
stray() {
  local status=0
  "$cargo_stray" "$@" ${args[@]+"${args[@]}"} 2> "$scratch/stderr" || status=$?
  cat "$scratch/stderr" >&2
  case $status in
    0 | 1) return "$status" ;;
  esac
  fail_step "$status" "cargo-stray failed (exit status $status): $(cat "$scratch/stderr")"
}

# Exit status 1 is cargo-stray's own verdict: error-level findings, or any finding when
# the user's arguments include --deny-warnings.
status=0
stray --format sarif --output "$sarif_file" || status=$?
stray --format github > "$scratch/annotations" || true

# One line per finding, titled `cargo-stray: <lint id>` (the colon escaped as %3A), then
# one `cargo-stray: file skipped` line per file that could not be scanned, which is no
# finding. Escaping keeps `,title=` out of the other fields.
count() {
  grep -cE "^::$1 file=.*,title=cargo-stray%3A [a-z0-9_]+::" "$scratch/annotations" || true
}
errors=$(count error)
warnings=$(count warning)
findings=$((errors + warnings))

if [[ $annotations == true ]]; then
  cat "$scratch/annotations"
fi

case $fail_on in
  error) exit_code=$status ;;
  warning) exit_code=$((findings > 0 || status != 0)) ;;
  never) exit_code=0 ;;
esac

# Outputs name the SARIF file from the workspace, where the upload step looks for it.
case $sarif_file in
  /* | [A-Za-z]:[\\/]* | \\*) sarif_path=$sarif_file ;;
  *)
    if [[ $working_directory == . || $working_directory == ./ ]]; then
      sarif_path=$sarif_file
    else
      sarif_path=${working_directory%/}/$sarif_file
    fi
    ;;
esac

{
  echo "findings=$findings"
  echo "sarif-file=$sarif_path"
  echo "exit-code=$exit_code"
} >> "$GITHUB_OUTPUT"

echo "cargo-stray: findings: $findings (error level: $errors, warning level: $warnings); SARIF report: $sarif_path"
if [[ $exit_code != 0 ]]; then
  echo "cargo-stray: the action fails after the upload (fail-on: $fail_on)"
fi
