#include <algorithm>
#include <cmath>
#include <map>

#include "layout/layout_internal.h"

namespace stills::layout_detail {
namespace {

// Splits `total` into whole parts in proportion to `ideal`: each part is its ideal rounded down, and
// what is left goes one by one to the largest remainders (ties in index order: deterministic).
std::vector<long long> largest_remainder(const std::vector<double>& ideal, long long total) {
  double ideal_sum = 0;
  for (double part : ideal) ideal_sum += part;
  double scale = ideal_sum > 0 ? total / ideal_sum : 0;
  std::vector<long long> parts(ideal.size());
  std::vector<double> remainders(ideal.size());
  long long given = 0;
  for (std::size_t i = 0; i < ideal.size(); ++i) {
    double exact = ideal[i] * scale;
    parts[i] = static_cast<long long>(std::floor(exact));
    remainders[i] = exact - parts[i];
    given += parts[i];
  }
  std::vector<std::size_t> order(ideal.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; given < total && !order.empty(); ++given, k = (k + 1) % order.size()) ++parts[order[k]];
  return parts;
}

class DeviceGrid {
 public:
  DeviceGrid(double dpr, const Frame& frame)
      : dpr_(dpr), gap_x_(device(frame.spacing_x)), gap_y_(device(frame.spacing_y)) {}

  long long device(double css) const { return std::llround(css * dpr_); }
  // Edges stay inside the container, whose own edges need not fall on device pixels.
  long long device_ceil(double css) const { return static_cast<long long>(std::ceil(css * dpr_ - 1e-9)); }
  long long device_floor(double css) const { return static_cast<long long>(std::floor(css * dpr_ + 1e-9)); }
  double css(long long device_pixels) const { return device_pixels / dpr_; }
  long long gap_x() const { return gap_x_; }
  long long gap_y() const { return gap_y_; }

  // Snaps the boxes `members` (left to right, one gap apart) horizontally: same left and right edge
  // as before rounded, widths by largest remainder, gaps exactly gap_x.
  void snap_line(std::vector<double>& boxes, const std::vector<std::size_t>& members) const {
    double* first = &boxes[members.front() * 4];
    double* last = &boxes[members.back() * 4];
    long long left = device_ceil(first[0]);
    long long gaps = gap_x_ * static_cast<long long>(members.size() - 1);
    long long span = std::max(0LL, device_floor(last[0] + last[2]) - left - gaps);
    std::vector<double> ideal;
    for (auto i : members) ideal.push_back(boxes[i * 4 + 2]);
    std::vector<long long> widths = largest_remainder(ideal, span);
    for (std::size_t k = 0; k < members.size(); ++k) {
      boxes[members[k] * 4] = css(left);
      boxes[members[k] * 4 + 2] = css(widths[k]);
      left += widths[k] + gap_x_;
    }
  }

 private:
  double dpr_;
  long long gap_x_;
  long long gap_y_;
};

void snap_rows(const DeviceGrid& grid, const Frame& frame, LayoutResult& result) {
  std::size_t shown = result.boxes.size() / 4 - result.hidden;
  long long y = grid.device_ceil(frame.padding);
  for (std::size_t r = 0; r < result.rows.size(); ++r) {
    std::size_t end = r + 1 < result.rows.size() ? result.rows[r + 1] : shown;
    std::vector<std::size_t> members;
    for (std::size_t i = result.rows[r]; i < end; ++i) members.push_back(i);
    grid.snap_line(result.boxes, members);
    long long height = grid.device(result.boxes[members.front() * 4 + 3]);
    for (auto i : members) {
      result.boxes[i * 4 + 1] = grid.css(y);
      result.boxes[i * 4 + 3] = grid.css(height);
    }
    y += height + grid.gap_y();
  }
  long long bottom = result.rows.empty() ? y : y - grid.gap_y();
  result.height = grid.css(bottom + grid.device(frame.padding));
}

void snap_columns(const DeviceGrid& grid, const Frame& frame, LayoutResult& result) {
  std::map<double, std::vector<std::size_t>> columns;  // by left edge, photos in placement order
  for (std::size_t i = 0; i * 4 < result.boxes.size(); ++i) columns[result.boxes[i * 4]].push_back(i);
  if (columns.empty()) return;
  std::vector<std::size_t> first_of_each;
  for (auto& [x, members] : columns) first_of_each.push_back(members.front());
  grid.snap_line(result.boxes, first_of_each);
  long long bottom = 0;
  for (auto& [x, members] : columns) {
    double left = result.boxes[members.front() * 4];
    double width = result.boxes[members.front() * 4 + 2];
    long long y = grid.device_ceil(frame.padding);
    for (auto i : members) {
      long long height = grid.device(result.boxes[i * 4 + 3]);
      result.boxes[i * 4] = left;
      result.boxes[i * 4 + 1] = grid.css(y);
      result.boxes[i * 4 + 2] = width;
      result.boxes[i * 4 + 3] = grid.css(height);
      y += height + grid.gap_y();
    }
    bottom = std::max(bottom, y - grid.gap_y());
  }
  result.height = grid.css(bottom + grid.device(frame.padding));
}

}  // namespace

void snap_to_device_pixels(LayoutMode mode, const Frame& frame, double dpr, LayoutResult& result) {
  DeviceGrid grid(dpr, frame);
  if (mode == LayoutMode::Columns) return snap_columns(grid, frame, result);
  snap_rows(grid, frame, result);
}

}  // namespace stills::layout_detail
