#!/usr/bin/env bash
# Kerla for .NET: one entry point for building, running and testing.
#
#   ./build.sh run     build the packages and the default sample, boot it in QEMU
#                      (serial console on this terminal; Ctrl-A then X quits)
#   ./build.sh test    build everything and run every test; ends with "N passed, N failed"
#   ./build.sh pack    build the NuGet packages into artifacts/packages
#   ./build.sh iso     also build the sample as a GRUB (multiboot2) ISO
#   ./build.sh bench   benchmark the sample against Debian's Linux kernel in QEMU
#                      ([--quick] [--runs N]; results in bench/results/)
#
# Missing prerequisites are installed with apt-get (as root) or named.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
SAMPLE=samples/HelloKernel
CONFIGURATION=${CONFIGURATION:-Release}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# command -> Debian package that provides it.
declare -A TOOLS=(
  [nasm]=nasm
  [ld.lld]=lld
  [qemu-system-x86_64]=qemu-system-x86
  [grub-mkrescue]=grub-pc-bin
  [xorriso]=xorriso
  [mformat]=mtools
  [cc]=gcc
  [git]=git
  [musl-gcc]=musl-tools
  [cpio]=cpio
  [busybox]=busybox-static
)

# prerequisites [test]: the tools for building; with "test", also Debian's Linux
# kernel, which a system test boots with the sample's initramfs beside ours.
prerequisites() {
  if ! command -v dotnet >/dev/null; then
    echo "error: dotnet was not found: install the .NET SDK 10 (Debian: see https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2
    exit 1
  fi
  local missing=()
  for tool in "${!TOOLS[@]}"; do
    command -v "$tool" >/dev/null || missing+=("${TOOLS[$tool]}")
  done
  # grub-mkrescue needs the BIOS GRUB modules, which only grub-pc-bin has.
  [ -d /usr/lib/grub/i386-pc ] || missing+=(grub-pc-bin)
  if [ "${1:-}" = test ] && ! compgen -G '/boot/vmlinuz-*' >/dev/null; then missing+=(linux-image-amd64); fi
  [ ${#missing[@]} -eq 0 ] && return
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: missing tools; install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pack() {
  say "packing the Kerla packages into artifacts/packages"
  if [ ! -e .git ] || [ -f .git/shallow ]; then
    echo "note: no full git history (shallow clone or no .git): packages are versioned 0.0.0-local; 'git fetch --unshallow' gives real versions." >&2
  fi
  mkdir -p artifacts/packages
  rm -f artifacts/packages/*.nupkg
  dotnet pack Kerla.sln -c "$CONFIGURATION" -nologo -v quiet
}

# The sample restores into a folder of its own; a package rebuilt under an
# unchanged version must not be taken from there stale.
build_sample() {
  say "building $SAMPLE from the packages"
  rm -rf artifacts/sample-packages/kerla.*
  dotnet build "$SAMPLE" -c "$CONFIGURATION" -nologo -v quiet "$@"
}

summarize() {
  # Adds up the "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S" lines of dotnet test.
  awk '/(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+/ {
         gsub(",", ""); for (i = 1; i <= NF; i++) {
           if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1) } }
       END { if (s > 0) printf "%d passed, %d failed, %d skipped\n", p, f, s; else printf "%d passed, %d failed\n", p, f }' "$1"
}

run_tests() {
  local log=artifacts/test-output.txt status=0
  mkdir -p artifacts
  : > "$log"
  say "running the tests"
  dotnet test Kerla.sln -c "$CONFIGURATION" -nologo 2>&1 | tee -a "$log" || status=$?
  local summary
  summary=$(summarize "$log")
  if [ "$status" -ne 0 ] && grep -q " 0 failed" <<<"$summary"; then
    # No test failed, yet dotnet test did: a project did not build, so its tests never ran.
    echo "error: dotnet test exited with status $status before every test ran (see the errors above)" >&2
    summary=$(sed 's/ 0 failed/ 1 failed/' <<<"$summary")
  fi
  echo "$summary"
  if [ "$status" -ne 0 ] || ! grep -q " 0 failed" <<<"$summary" || grep -q "^0 passed" <<<"$summary"; then
    return 1
  fi
}

command=${1:-}
case "$command" in
  run)
    prerequisites
    pack
    build_sample
    say "booting $SAMPLE in QEMU with BusyBox as init (Ctrl-A then X quits)"
    shift
    exec dotnet run --project "$SAMPLE" -c "$CONFIGURATION" --no-build "$@"
    ;;
  test)
    prerequisites test
    pack
    build_sample -t:KerlaIso
    run_tests
    ;;
  pack)
    prerequisites
    pack
    ;;
  iso)
    prerequisites
    pack
    build_sample -t:KerlaIso
    ;;
  bench)
    # Kerla and Debian's Linux kernel side by side (bench/README.md).
    prerequisites test
    pack
    build_sample
    shift
    say "benchmarking Kerla against Linux in QEMU (takes a few minutes)"
    dotnet run --project bench/Kerla.Bench -c "$CONFIGURATION" -- "$@"
    ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
