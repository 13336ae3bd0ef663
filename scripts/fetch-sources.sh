#!/usr/bin/env bash
# Fetches the upstream tarballs of the C/C++ libraries compiled into the wasm modules from Debian's source
# archive, verifies them by sha256 and unpacks them under .cache/src/NAME. Cached: a second run does nothing.
#
# The machine's apt sources list binary packages only, so a private deb-src list is derived from the
# machine's own /etc/apt/sources.list.d/debian.sources (same mirror, no host name written here) and used
# through apt-get options, leaving the system's apt configuration untouched.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.cache"
downloads="$cache/downloads"
apt_dir="$cache/apt"

# name  suite  file  sha256
sources=(
  "md4c trixie md4c_0.5.2.orig.tar.gz 55d0111d48fb11883aaee91465e642b8b640775a4d6993c2d0e7a8092758ef21"
  "yaml-cpp trixie yaml-cpp_0.8.0+dfsg.orig.tar.xz 32c85a5f36633a9005b20261b35fccb0d8ec69e9ef16c67de7d5d007944e3709"
  "libavif sid libavif_1.4.2.orig.tar.gz 2b645287340ba5a631d268b551dc2d72bd73ac33335962dd36dcdb6d8366921d"
  "dav1d sid dav1d_1.5.4.orig.tar.xz 686616b7c69eb88d44459391ab25cac13b6647a3b288835c5784e71c1514a5c5"
  "libyuv bookworm libyuv_0.0~git20230123.b2528b0.orig.tar.gz cc22ebe94004ac2e5718acdc45980c6f3b83599f19f5bd768c5ca034de659eef"
  "aom sid aom_3.14.1.orig.tar.xz 4ef9882eda023582499511b845f4d4368a34c9886f545a7eea4ca20799d3c161"
)
suites="bookworm trixie sid"  # every suite named above

verified() { [ -f "$1" ] && echo "$2  $1" | sha256sum --check --status; }

setup_apt_sources() {
  [ "$(cat "$apt_dir/ready" 2>/dev/null)" = "$suites" ] && return
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"
  local system=/etc/apt/sources.list.d/debian.sources
  [ -f "$system" ] || { echo "fetch-sources: $system not found; cannot derive a Debian source mirror" >&2; exit 1; }
  local uri
  uri=$(awk '/^URIs:/ && !/security/ {print $2; exit}' "$system")
  cat > "$apt_dir/stills-src.sources" <<SRC
Types: deb-src
URIs: $uri
Suites: $suites
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get "${apt_opts[@]}" update >"$apt_dir/update.log" 2>&1 ||
    { cat "$apt_dir/update.log" >&2; echo "fetch-sources: apt-get update of the source lists failed" >&2; exit 1; }
  echo "$suites" > "$apt_dir/ready"
}

download() {  # package suite file sha256
  local package=$1 suite=$2 file=$3 sum=$4
  verified "$downloads/$file" "$sum" && return
  setup_apt_sources
  local work="$cache/apt/work"
  rm -rf "$work" && mkdir -p "$work"
  # The .dsc or .debian.tar.xz may be missing from the mirror; the orig tarball is all we need.
  (cd "$work" && apt-get "${apt_opts[@]}" source --download-only "$package/$suite" >"$apt_dir/source-$package.log" 2>&1) || true
  if [ -f "$work/$file" ]; then mv "$work/$file" "$downloads/$file"; fi
  if ! verified "$downloads/$file" "$sum"; then
    echo "fetch-sources: could not get $file with sha256 $sum from Debian's source archive" >&2
    echo "  (see $apt_dir/source-$package.log)" >&2
    return 1
  fi
}

apt_opts=(-o "Dir::Etc::SourceParts=$apt_dir" -o "Dir::Etc::SourceList=/dev/null"
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache::Archives=$apt_dir/archives"
          -o "APT::Sandbox::User=root")
mkdir -p "$downloads" "$cache/src"
for entry in "${sources[@]}"; do
  read -r name suite file sum <<<"$entry"
  # Our patches of a library (wasm/patches/NAME-*.patch, each saying why) are part of its stamp, so a
  # changed patch unpacks the library afresh.
  patches=("$root"/wasm/patches/"$name"-*.patch)
  [ -e "${patches[0]}" ] || patches=()
  stamp=".stills-$sum-$(cat "${patches[@]}" </dev/null | sha256sum | cut -c1-16)"
  [ -f "$cache/src/$name/$stamp" ] && continue
  download "$name" "$suite" "$file" "$sum"
  rm -rf "$cache/src/$name" && mkdir -p "$cache/src/$name"
  # Most tarballs hold one folder (name-version/); some (aom's) hold the files themselves. (The listing
  # is read whole first: a reader that stops early would end tar with SIGPIPE, a failure under pipefail.)
  listing=$(tar -tf "$downloads/$file")
  strip=0
  [ "$(cut -d/ -f1 <<<"$listing" | sort -u | wc -l)" = 1 ] && grep -q / <<<"$listing" && strip=1
  tar -xf "$downloads/$file" -C "$cache/src/$name" --strip-components=$strip
  for patch_file in "${patches[@]}"; do
    patch --quiet --forward -p1 -d "$cache/src/$name" <"$patch_file" ||
      { echo "fetch-sources: $patch_file does not apply to $file" >&2; exit 1; }
  done
  touch "$cache/src/$name/$stamp"
  echo "fetch-sources: $name ready ($file${patches:+, ${#patches[@]} patch(es)})"
done
