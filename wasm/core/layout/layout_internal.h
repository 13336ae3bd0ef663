// Shared pieces of the layout modes.
#pragma once

#include <vector>

#include "layout/layout.h"

namespace stills::layout_detail {

// The options with defaults filled in and spacing, padding and bounds made sane.
struct Frame {
  double inner_width;  // container width less the padding on both sides
  double padding;
  double spacing_x;
  double spacing_y;
};

void justified_rows(const std::vector<double>& ratios, const LayoutOptions& options, const Frame& frame,
                    LayoutResult& result);
void masonry_columns(const std::vector<double>& ratios, const LayoutOptions& options, const Frame& frame,
                     LayoutResult& result);
void uniform_grid(const std::vector<double>& ratios, const LayoutOptions& options, const Frame& frame,
                  LayoutResult& result);

// Moves every edge to the device-pixel grid: each row (or column) keeps its span, every gap is the same
// whole number of device pixels, and the rounding is shared out by largest remainder.
void snap_to_device_pixels(LayoutMode mode, const Frame& frame, double device_pixel_ratio, LayoutResult& result);

}  // namespace stills::layout_detail
