#include "layout/layout.h"

#include <algorithm>
#include <cmath>

#include "layout/layout_internal.h"

namespace stills {
namespace {

using layout_detail::Frame;

double sane_ratio(double ratio) {
  if (!std::isfinite(ratio) || ratio <= 0) return 1;
  return std::clamp(ratio, 1e-3, 1e3);
}

double sane_length(double value) { return std::isfinite(value) && value > 0 ? value : 0; }

}  // namespace

LayoutResult layout(const std::vector<double>& aspect_ratios, const LayoutOptions& options) {
  LayoutResult result;
  double width = sane_length(options.width);
  Frame frame{0, sane_length(options.padding), sane_length(options.spacing_x), sane_length(options.spacing_y)};
  frame.inner_width = width - 2 * frame.padding;
  if (width <= 0) {
    result.error = "the container width must be a positive number of pixels";
    return result;
  }
  if (frame.inner_width <= 0) {
    result.error = "the padding leaves no width for photos";
    return result;
  }
  if (options.mode == LayoutMode::Rows && !(sane_length(options.row_height) > 0)) {
    result.error = "the target row height must be a positive number of pixels";
    return result;
  }
  std::vector<double> ratios(aspect_ratios.size());
  std::transform(aspect_ratios.begin(), aspect_ratios.end(), ratios.begin(), sane_ratio);
  switch (options.mode) {
    case LayoutMode::Rows: layout_detail::justified_rows(ratios, options, frame, result); break;
    case LayoutMode::Columns: layout_detail::masonry_columns(ratios, options, frame, result); break;
    case LayoutMode::Grid: layout_detail::uniform_grid(ratios, options, frame, result); break;
  }
  if (options.device_pixel_ratio > 0 && std::isfinite(options.device_pixel_ratio)) {
    layout_detail::snap_to_device_pixels(options.mode, frame, options.device_pixel_ratio, result);
  }
  return result;
}

}  // namespace stills
