#!/usr/bin/env bash
# Makes the sample posts' photos: free-licensed photographs that Debian's wallpaper packages ship, turned
# black and white, cut to the framings the post talks about (4:3, the 1.37:1 Academy frame, very wide and
# very tall ones) and encoded as monochrome AVIF. The outputs are committed; run this only to remake them.
# Needs: apt-get install imagemagick libavif-bin   (the packages with the photos are only downloaded)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/assets/photos/kalatozov-stills"
work="$here/../.cache/sample-photos"
longest_side=1600

mkdir -p "$work" "$out"
cd "$work"
for package in plasma-workspace-wallpapers mate-backgrounds; do
  if [ ! -d "$package" ]; then
    apt-get download "$package" >/dev/null
    dpkg-deb -x "$package"_*.deb "$package"
  fi
done
kde="plasma-workspace-wallpapers/usr/share/wallpapers"
mate="mate-backgrounds/usr/share/backgrounds/mate/nature"

# output name | source | frame (width:height) | where to cut
photos="
kalatozov-stills    | $kde/ColdRipple/contents/images/2560x1600.jpg   | 3:2    | center
kalatozov-stills-1  | $kde/DarkestHour/contents/images/2560x1600.jpg  | 4:3    | center
kalatozov-stills-2  | $kde/Path/contents/images/2560x1600.jpg         | 1:2    | center
kalatozov-stills-3  | $kde/BytheWater/contents/images/2560x1600.jpg   | 137:100 | center
kalatozov-stills-4  | $kde/FallenLeaf/contents/images/2560x1600.jpg   | 4:3    | east
kalatozov-stills-6  | $kde/ColdRipple/contents/images/2560x1600.jpg   | 3:1    | south
kalatozov-stills-7  | $kde/summer_1am/contents/images/2560x1600.jpg   | 137:100 | center
kalatozov-stills-8  | $mate/Storm.jpg                                 | 3:4    | center
kalatozov-stills-9  | $kde/EveningGlow/contents/images/2560x1600.jpg  | 16:9   | center
kalatozov-stills-11 | $kde/Grey/contents/images/2560x1600.jpg         | 4:3    | center
kalatozov-stills-12 | $kde/Kite/contents/images/2560x1600.jpg         | 9:16   | east
kalatozov-stills-13 | $kde/OneStandsOut/contents/images/2560x1600.jpg | 1:1    | center
kalatozov-stills-14 | $mate/Dune.jpg                                  | 3:1    | center
kalatozov-stills-15 | $mate/Blinds.jpg                                | 137:100 | center
kalatozov-stills-16 | $kde/ColorfulCups/contents/images/2560x1600.jpg | 4:3    | west
kalatozov-stills-17 | $mate/RainDrops.jpg                             | 2:3    | center
kalatozov-stills-18 | $mate/GreenMeadow.jpg                           | 137:100 | center
kalatozov-stills-19 | $mate/Wood.jpg                                  | 4:3    | center
"

while IFS='|' read -r name source frame gravity; do
  name=$(echo $name); source=$(echo $source); frame=$(echo $frame); gravity=$(echo $gravity)
  [ -n "$name" ] || continue
  read -r width height < <(identify -format '%w %h\n' "$source")
  # The largest crop of the frame's shape that fits the source.
  crop=$(awk -v w="$width" -v h="$height" -v f="$frame" 'BEGIN {
    split(f, r, ":"); a = r[1] / r[2];
    if (w / h > a) printf "%dx%d", h * a, h; else printf "%dx%d", w, w / a }')
  convert "$source" -gravity "$gravity" -crop "$crop+0+0" +repage -colorspace Gray \
    -sigmoidal-contrast 3,50% -resize "${longest_side}x${longest_side}>" -depth 8 "$work/$name.png"
  avifenc --yuv 400 --min 16 --max 28 --speed 4 --jobs 2 "$work/$name.png" "$out/$name.avif" >/dev/null
  echo "$name.avif: $(identify -format '%wx%h' "$work/$name.png") from ${source##*/} ($frame, $gravity)"
done <<<"$photos"

# The contact sheet: 124 frames for the post with one large gallery, each a different cut of one of the
# sources: frame N comes from source N mod 22, in one of eight framings and five positions, at one of
# three zooms, so the layout engine gets a realistic mix. Smaller and lighter than the photos above.
sheet="$here/assets/photos/contact-sheet"
mkdir -p "$sheet"
sources=(
  $kde/BytheWater $kde/ColdRipple $kde/ColorfulCups $kde/DarkestHour $kde/EveningGlow $kde/FallenLeaf
  $kde/Grey $kde/Kite $kde/OneStandsOut $kde/Path $kde/summer_1am
  $mate/Aqua $mate/Blinds $mate/Dune $mate/FreshFlower $mate/Garden $mate/GreenMeadow $mate/LadyBird
  $mate/RainDrops $mate/Storm $mate/TwoWings $mate/Wood
)
frames=(3:2 2:3 4:3 3:4 1:1 137:100 16:9 9:16)
places=(center north south east west)
zooms=(1 0.8 0.6)
for n in $(seq 0 123); do
  source=${sources[n % 22]}
  [ -d "$source" ] && source="$source/contents/images/2560x1600.jpg" || source="$source.jpg"
  frame=${frames[(n * 7) % 8]}
  gravity=${places[(n * 3) % 5]}
  zoom=${zooms[(n / 22) % 3]}
  read -r width height < <(identify -format '%w %h\n' "$source")
  crop=$(awk -v w="$width" -v h="$height" -v f="$frame" -v z="$zoom" 'BEGIN {
    split(f, r, ":"); a = r[1] / r[2];
    if (w / h > a) printf "%dx%d", h * a * z, h * z; else printf "%dx%d", w * z, w / a * z }')
  name=$(printf "frame-%03d" $((n + 1)))
  convert "$source" -gravity "$gravity" -crop "$crop+0+0" +repage -colorspace Gray -sigmoidal-contrast 3,50% \
    -resize "960x960>" -depth 8 "$work/$name.png"
  avifenc --yuv 400 --min 24 --max 34 --speed 8 --jobs 2 "$work/$name.png" "$sheet/$name.avif" >/dev/null
done
echo "contact sheet: $(ls "$sheet" | wc -l) frames, $(du -sh "$sheet" | cut -f1)"
