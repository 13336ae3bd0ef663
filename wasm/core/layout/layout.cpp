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

// A tuning option that is not a finite number takes its default.
void finite_or_default(double& value, double fallback) {
  if (!std::isfinite(value)) value = fallback;
}

// Why `options` allow no layout (empty: they do), and the options cleaned of values the engine
// cannot use.
std::string check(LayoutOptions& options, std::size_t photos) {
  const std::string most = std::to_string(static_cast<long>(kMaxLayoutLength));
  auto too_long = [&](double value) { return std::isfinite(value) && value > kMaxLayoutLength; };
  if (too_long(options.width)) return "the container width must be at most " + most + " px";
  if (too_long(options.row_height) || too_long(options.min_row_height) || too_long(options.max_row_height))
    return "row heights must be at most " + most + " px";
  if (too_long(options.spacing_x) || too_long(options.spacing_y) || too_long(options.padding))
    return "spacing and padding must be at most " + most + " px";
  if (too_long(options.min_column_width)) return "the column width must be at most " + most + " px";
  if (photos > kMaxLayoutPhotos) return "a layout holds at most " + std::to_string(kMaxLayoutPhotos) + " photos";
  if (options.columns > kMaxLayoutColumns) return "at most " + std::to_string(kMaxLayoutColumns) + " columns";
  const LayoutOptions defaults;
  finite_or_default(options.min_row_height, defaults.min_row_height);
  finite_or_default(options.max_row_height, defaults.max_row_height);
  finite_or_default(options.justify_threshold, defaults.justify_threshold);
  finite_or_default(options.orphan_penalty, defaults.orphan_penalty);
  finite_or_default(options.panorama_ratio, defaults.panorama_ratio);
  finite_or_default(options.min_column_width, defaults.min_column_width);
  if (!(options.device_pixel_ratio <= kMaxDevicePixelRatio)) options.device_pixel_ratio = 0;
  for (double& focus : options.focal_points) focus = std::isfinite(focus) ? std::clamp(focus, 0.0, 1.0) : 0.5;
  return {};
}

}  // namespace

LayoutResult layout(const std::vector<double>& aspect_ratios, const LayoutOptions& asked) {
  LayoutResult result;
  LayoutOptions options = asked;
  if (std::string why = check(options, aspect_ratios.size()); !why.empty()) {
    result.error = why;
    return result;
  }
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
