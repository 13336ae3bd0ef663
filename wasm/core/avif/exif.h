// The photographer's facts from an Exif block (a TIFF structure, either byte order): camera, lens,
// focal length, aperture, shutter, ISO and when it was taken. Bounded and forgiving: a fact that is
// missing, malformed or points outside the block is left out, and nothing else is read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace stills {

struct CameraFacts {
  std::string make;   // as written, trimmed, printable ASCII only, at most 64 characters (all four)
  std::string model;
  std::string lens;
  std::string taken;  // DateTimeOriginal: "2024:05:01 10:00:00"
  double focal_length = 0;  // mm; 0 when not given (as for the numbers below)
  double f_number = 0;
  std::uint32_t exposure_numerator = 0;  // seconds, as the camera wrote the fraction
  std::uint32_t exposure_denominator = 0;
  std::uint32_t iso = 0;

  bool empty() const {
    return make.empty() && model.empty() && lens.empty() && taken.empty() && focal_length == 0 && f_number == 0 &&
           exposure_denominator == 0 && iso == 0;
  }
};

// Reads `size` bytes starting at a TIFF header ("II*\0" or "MM\0*").
CameraFacts read_camera_facts(const std::uint8_t* tiff, std::size_t size);

}  // namespace stills
