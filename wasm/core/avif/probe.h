// Reads what a page needs to lay a photo out from the first bytes of an AVIF file: its size, how it
// is turned and cropped, its bit depth and whether it has alpha; and the camera's facts from its Exif
// when that lies near the start. No pixel is decoded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "avif/exif.h"

namespace stills {

struct AvifInfo {
  std::uint32_t width = 0;  // of the primary image ('ispe'), before any transformation
  std::uint32_t height = 0;
  std::uint32_t display_width = 0;  // after the clean aperture ('clap'), then the rotation ('irot')
  std::uint32_t display_height = 0;
  int rotation = 0;   // degrees anti-clockwise: 0, 90, 180 or 270
  int mirror = -1;    // 'imir' axis: -1 none, 0 top and bottom exchanged, 1 left and right exchanged
  int bit_depth = 8;  // 8, 10 or 12
  bool has_alpha = false;
  // The Exif item that describes the image, when it ends within kExifReach: where it ends, and the
  // camera's facts from it when the bytes given reach that far (the size never waits for them).
  std::uint64_t exif_end = 0;
  CameraFacts camera;
};

// How far into the file an Exif item is looked for (libavif writes it first in 'mdat', right after the
// header; with a camera's maker notes it can take a few KB). One further away is left unread.
constexpr std::size_t kExifReach = 64 * 1024;

struct AvifProbe {
  enum class Status { Ok, NeedMore, Invalid };
  Status status;
  AvifInfo info;         // when Ok
  std::uint64_t need = 0;  // when NeedMore: how many bytes from the file's start the answer needs (more
                           // than `size`, even where that exceeds what size_t can count)
  std::string error;     // when Invalid
};

// `data` holds the file's first `size` bytes; `complete`: they are the whole file, so a header that
// does not fit is an error rather than a request for more.
AvifProbe probe_avif(const std::uint8_t* data, std::size_t size, bool complete = false);

}  // namespace stills
