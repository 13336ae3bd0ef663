// Gallery layout: where each photo goes, from aspect ratios alone (so boxes exist before any pixel).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace stills {

enum class LayoutMode {
  Rows,     // justified rows, breaks chosen by a Knuth-Plass dynamic program
  Columns,  // masonry: each photo into the shortest column
  Grid,     // uniform cells, each photo cropped to the cell around its focal point
};

enum class LastRow {
  Left,     // an unfilled last row stays at the target height, left-aligned
  Justify,  // ... is stretched to full width when at least `justify_threshold` full, else left
  Center,   // ... is centred
  Hide,     // ... is hidden; LayoutResult::hidden counts its photos
};

struct LayoutOptions {
  LayoutMode mode = LayoutMode::Rows;
  double width = 0;           // of the container, CSS px
  double row_height = 240;    // target row height
  double min_row_height = 0;  // hard bounds; 0: half and twice the target. Within them, breaks keep
  double max_row_height = 0;  // every row within 25% of the target wherever the photos allow
  double spacing_x = 8;
  double spacing_y = 8;
  double padding = 0;
  LastRow last_row = LastRow::Left;
  double justify_threshold = 0.75;
  double orphan_penalty = 1;            // added to the cost of a last row holding one photo
  double panorama_ratio = 0;            // photos at least this wide (width/height) get a full-width row; 0: never
  std::vector<std::uint8_t> panoramas;  // per photo, nonzero: a panorama whatever its ratio
  int max_per_row = 0;                  // 0: as many as fit
  double device_pixel_ratio = 0;        // > 0: snap every edge to the device-pixel grid
  int columns = 0;                      // columns and grid modes: a fixed count, or 0 for ...
  double min_column_width = 240;        // ... as many columns of at least this width as fit
  double cell_aspect_ratio = 1;         // grid mode: cell width / height
  std::vector<double> focal_points;     // grid mode: x, y in [0, 1] per photo; default the centre
};

struct LayoutResult {
  std::vector<double> boxes;       // x, y, width, height per photo, CSS px from the container's corner
  std::vector<std::int32_t> rows;  // rows and grid modes: index of each row's first photo
  std::vector<double> crops;       // grid mode: x, y, width, height of the shown part, as fractions
  double height = 0;               // of the whole layout, padding included
  int hidden = 0;                  // photos hidden by LastRow::Hide (their boxes are empty)
  std::string error;               // set when no layout is possible (then everything else is empty)
};

// What a layout may ask for. Past these no page could show it, and its arithmetic would leave the
// range where doubles and ints are exact; asking for more is an error that names the limit.
inline constexpr double kMaxLayoutLength = 1'000'000;        // width, row heights, spacing, padding, CSS px
inline constexpr std::size_t kMaxLayoutPhotos = 1'000'000;  // photos in one layout
inline constexpr int kMaxLayoutColumns = 1'000;             // columns and grid modes
inline constexpr double kMaxDevicePixelRatio = 64;          // above it (or not a number) edges are not snapped

// Aspect ratios are width / height. One that is not a positive finite number lays out as a square
// (the page shows an error tile there); ratios are clamped to [1/1000, 1000]. Tuning options that are
// not finite numbers (a NaN threshold, an infinite penalty) take their defaults; focal points are
// clamped to [0, 1]; a computed column count stops at kMaxLayoutColumns.
LayoutResult layout(const std::vector<double>& aspect_ratios, const LayoutOptions& options);

}  // namespace stills
