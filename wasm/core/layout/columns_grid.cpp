// The two modes with fixed-width columns: masonry and a uniform grid.
#include <algorithm>
#include <cmath>

#include "layout/layout_internal.h"

namespace stills::layout_detail {
namespace {

// How many columns of at least `min_column_width` fit (at most kMaxLayoutColumns), or the fixed count.
int column_count(const LayoutOptions& options, const Frame& frame) {
  if (options.columns > 0) return options.columns;
  double min_width = std::max(options.min_column_width, 1.0);
  double fit = (frame.inner_width + frame.spacing_x) / (min_width + frame.spacing_x);
  return static_cast<int>(std::clamp(fit, 1.0, static_cast<double>(kMaxLayoutColumns)));
}

double column_width(int columns, const Frame& frame) {
  return (frame.inner_width - (columns - 1) * frame.spacing_x) / columns;
}

// The columns' width, or an error in `result` when that many columns and their gaps leave none.
double checked_column_width(int columns, const Frame& frame, LayoutResult& result) {
  double width = column_width(columns, frame);
  if (!(width > 0)) result.error = std::to_string(columns) + " columns and their spacing leave no width for photos";
  return width;
}

double column_x(int column, double width, const Frame& frame) {
  return frame.padding + column * (width + frame.spacing_x);
}

}  // namespace

void masonry_columns(const std::vector<double>& ratios, const LayoutOptions& options, const Frame& frame,
                     LayoutResult& result) {
  int columns = column_count(options, frame);
  double width = checked_column_width(columns, frame, result);
  if (!result.error.empty()) return;
  result.boxes.reserve(4 * ratios.size());
  std::vector<double> bottoms(columns, frame.padding);  // where the next photo of each column starts
  for (double ratio : ratios) {
    // The shortest column, the leftmost of equals: tops never decrease, which visibleRange relies on.
    int column = static_cast<int>(std::min_element(bottoms.begin(), bottoms.end()) - bottoms.begin());
    double height = width / ratio;
    result.boxes.insert(result.boxes.end(), {column_x(column, width, frame), bottoms[column], width, height});
    bottoms[column] += height + frame.spacing_y;
  }
  double tallest = *std::max_element(bottoms.begin(), bottoms.end());
  result.height = (ratios.empty() ? frame.padding : tallest - frame.spacing_y) + frame.padding;
}

void uniform_grid(const std::vector<double>& ratios, const LayoutOptions& options, const Frame& frame,
                  LayoutResult& result) {
  int columns = column_count(options, frame);
  double width = checked_column_width(columns, frame, result);
  if (!result.error.empty()) return;
  double cell_ratio =
      options.cell_aspect_ratio > 0 && std::isfinite(options.cell_aspect_ratio) ? options.cell_aspect_ratio : 1.0;
  double height = width / cell_ratio;
  result.boxes.reserve(4 * ratios.size());
  result.crops.reserve(4 * ratios.size());
  for (std::size_t i = 0; i < ratios.size(); ++i) {
    int column = static_cast<int>(i % columns);
    if (column == 0) result.rows.push_back(static_cast<std::int32_t>(i));
    double y = frame.padding + static_cast<double>(i / columns) * (height + frame.spacing_y);
    result.boxes.insert(result.boxes.end(), {column_x(column, width, frame), y, width, height});

    // The largest part of the photo with the cell's shape, centred on the focal point where it can be.
    double crop_width = std::min(1.0, cell_ratio / ratios[i]);
    double crop_height = std::min(1.0, ratios[i] / cell_ratio);
    double focus_x = 2 * i + 1 < options.focal_points.size() ? options.focal_points[2 * i] : 0.5;
    double focus_y = 2 * i + 1 < options.focal_points.size() ? options.focal_points[2 * i + 1] : 0.5;
    if (!std::isfinite(focus_x)) focus_x = 0.5;
    if (!std::isfinite(focus_y)) focus_y = 0.5;
    double crop_x = std::clamp(focus_x - crop_width / 2, 0.0, 1.0 - crop_width);
    double crop_y = std::clamp(focus_y - crop_height / 2, 0.0, 1.0 - crop_height);
    result.crops.insert(result.crops.end(), {crop_x, crop_y, crop_width, crop_height});
  }
  std::size_t row_count = result.rows.size();
  result.height = 2 * frame.padding + (row_count ? row_count * (height + frame.spacing_y) - frame.spacing_y : 0);
}

}  // namespace stills::layout_detail
