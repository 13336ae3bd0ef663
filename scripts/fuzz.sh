#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang with ASan + UBSan) and runs one of them for SECONDS,
# growing its corpus in build/fuzz-corpus/TARGET from seeds in the repository: the posts and the hostile
# post (post, markdown), the site index and the posts (yaml), the sample photos and libavif's test files
# (probe, decode). A crash, leak or timeout is written to
# build/fuzz-artifacts/TARGET/ and fails the run; keep it under tests/fuzz/reproducers/TARGET/ once fixed.
# With --reproducers instead of SECONDS, runs every kept reproducer of TARGET once. FUZZ_RUNS stops a
# run after that many executions if it comes first (a long run: FUZZ_RUNS=10000000 ... 3600).
# Usage: scripts/fuzz.sh post|markdown|yaml|probe|decode|layout SECONDS|--reproducers
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=$1
budget=$2
cd "$root"

case $target in
  post | markdown) seeds=(content/posts tests/hostile) kinds='md' ;;
  yaml) seeds=(content tests/hostile) kinds='yaml|md' ;;  # a post's frontmatter is YAML too
  probe | decode) seeds=(content/assets/photos .cache/src/libavif/tests/data) kinds='avif' ;;
  layout) seeds=() kinds='' ;;
  *) echo "fuzz: no target '$target' (post, markdown, yaml, probe, decode, layout)" >&2; exit 2 ;;
esac

scripts/build-dav1d.sh "$root/build/native-deps/dav1d" --native
scripts/build-encoder-deps.sh "$root/build/native-deps/aom" --native
if [ ! -f build/fuzz/build.ninja ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSTILLS_FUZZ=ON -DBUILD_TESTING=OFF >build/fuzz-configure.log 2>&1 || { cat build/fuzz-configure.log; exit 1; }
fi
cmake --build build/fuzz --target "fuzz_$target" >build/fuzz-build.log 2>&1 || { cat build/fuzz-build.log; exit 1; }
binary=build/fuzz/tests/fuzz/fuzz_$target

if [ "$budget" = --reproducers ]; then
  kept=(tests/fuzz/reproducers/"$target"/*)
  [ -e "${kept[0]}" ] || exit 0
  "$binary" -runs=1 "${kept[@]}" >"build/fuzz-$target-reproducers.log" 2>&1 ||
    { cat "build/fuzz-$target-reproducers.log"; echo "fuzz $target: a kept reproducer fails" >&2; exit 1; }
  echo "fuzz $target: ${#kept[@]} kept reproducer(s) pass"
  exit 0
fi

# Seed files of the kind the target reads, flattened into one folder (libFuzzer reads folders, not trees).
seed_dir=build/fuzz-seeds/$target
rm -rf "$seed_dir" && mkdir -p "$seed_dir"
for dir in "${seeds[@]}"; do
  find "$dir" -type f -regextype posix-extended -regex ".*\.($kinds)" -size -1024k -print0 |
    while IFS= read -r -d '' file; do cp "$file" "$seed_dir/$(echo "${file#.}" | tr / _)"; done
done
corpus=build/fuzz-corpus/$target
artifacts=build/fuzz-artifacts/$target/
mkdir -p "$corpus" "$artifacts"
# -timeout: a single input slower than this is a finding (the limits keep every input well under it).
log=build/fuzz-$target.log
status=0
"$binary" -max_total_time="$budget" -runs="${FUZZ_RUNS:--1}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$artifacts" "$corpus" "$seed_dir" >"$log" 2>&1 || status=$?
if [ "$status" != 0 ]; then
  grep -v '^#[0-9]' "$log" | tail -40
  echo "fuzz $target: FAILED (exit $status); the input is in $artifacts" >&2
  exit "$status"
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
echo "fuzz $target: $runs runs in ${seconds:-$budget} s ($speed/s), $coverage, corpus $(ls "$corpus" | wc -l) inputs"
