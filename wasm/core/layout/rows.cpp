// Justified rows with optimal breaks: a Knuth-Plass dynamic program over where rows end.
#include <algorithm>
#include <cmath>
#include <limits>

#include "layout/layout_internal.h"

namespace stills::layout_detail {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Rows more than 25% off the target look out of place. From each break the program tries the rows
// within this tolerance and the nearest row on either side of them; a row beyond costs so much that
// it is taken only where the breaks leave no other way, and then the one that strays least (beyond the
// hard bounds, least of all).
constexpr double kTolerance = 0.25;
constexpr double kFarOff = 1e6;
constexpr double kOutOfBounds = 1e9;
// Beyond this many photos a row never helps (and the program stays O(n·k)).
constexpr int kMostPerRow = 128;

struct Row {
  int begin;
  int end;
  double height;
  bool justified;  // fills the width; otherwise it sits at the target height
  bool panorama = false;
  bool held = false;  // too tall to fill the width within the bounds: held at the upper bound
};

// The hard bounds on row height: as given, or half and twice the target.
double min_row_height(const LayoutOptions& o) { return o.min_row_height > 0 ? o.min_row_height : 0.5 * o.row_height; }
double max_row_height(const LayoutOptions& o) { return o.max_row_height > 0 ? o.max_row_height : 2 * o.row_height; }

class RowBreaker {
 public:
  RowBreaker(const std::vector<double>& ratios, const LayoutOptions& options, const Frame& frame)
      : ratios_(ratios), options_(options), frame_(frame), prefix_(ratios.size() + 1, 0.0) {
    for (std::size_t i = 0; i < ratios.size(); ++i) prefix_[i + 1] = prefix_[i] + ratios[i];
    target_ = options.row_height;
    min_height_ = min_row_height(options);
    max_height_ = max_row_height(options);
    lowest_fit_ = std::max(min_height_, (1 - kTolerance) * target_);
    highest_fit_ = std::min(max_height_, (1 + kTolerance) * target_);
    most_per_row_ = options.max_per_row > 0 ? std::min(options.max_per_row, kMostPerRow) : kMostPerRow;
  }

  // Rows for the whole gallery: panoramas alone on full-width rows, optimal breaks between them.
  std::vector<Row> rows() {
    std::vector<Row> rows;
    int n = static_cast<int>(ratios_.size());
    int begin = 0;
    for (int i = 0; i <= n; ++i) {
      if (i < n && !is_panorama(i)) continue;
      break_segment(begin, i, rows);
      if (i < n) rows.push_back({i, i + 1, full_width_height(i, i + 1), true, true});
      begin = i + 1;
    }
    return rows;
  }

 private:
  bool is_panorama(int i) const {
    if (static_cast<std::size_t>(i) < options_.panoramas.size() && options_.panoramas[i]) return true;
    return options_.panorama_ratio > 0 && ratios_[i] >= options_.panorama_ratio;
  }

  double full_width_height(int begin, int end) const {
    double available = frame_.inner_width - (end - begin - 1) * frame_.spacing_x;
    return available / (prefix_[end] - prefix_[begin]);
  }

  // Squared relative deviation from the target, weighted by photo count.
  double deviation_cost(double height, int count) const {
    double deviation = (height - target_) / target_;
    return count * deviation * deviation;
  }

  // Whether the row [begin, end), `height` high at full width, stays unfilled at the target height:
  // only a `last` row may (the gallery's last, or the last before a panorama, which cannot move up).
  bool stays_unfilled(int begin, int end, double height, bool last) const {
    if (!last || height <= target_) return false;
    if (options_.last_row != LastRow::Justify) return true;
    double fill =
        ((prefix_[end] - prefix_[begin]) * target_ + (end - begin - 1) * frame_.spacing_x) / frame_.inner_width;
    return fill < options_.justify_threshold;
  }

  // What the row [begin, end) costs at full width `height` (the program's inner loop: keep it lean).
  double cost(int begin, int end, double height, bool last) const {
    int count = end - begin;
    double orphan = last && count == 1 && begin > 0 ? options_.orphan_penalty : 0;
    if (stays_unfilled(begin, end, height, last)) return orphan;
    double cost = deviation_cost(height, count) + orphan;
    double beyond = std::abs(height - target_) / target_ - kTolerance;
    if (beyond > 0) cost += kFarOff * count * beyond;
    double stray = std::max(min_height_ - height, height - max_height_);
    if (stray > 0) cost += kOutOfBounds * (1 + count * stray / target_);
    return cost;
  }

  Row row(int begin, int end, bool last) const {
    double height = full_width_height(begin, end);
    if (stays_unfilled(begin, end, height, last)) return {begin, end, target_, false};
    return {begin, end, height, true};
  }

  // The dynamic program over the segment [begin, end): best[j] is the cheapest way to lay out its first
  // j photos, from[j] where that way's last row begins. From each break it tries the rows within the
  // tolerance, and the nearest row on either side of them (so that a layout always exists).
  void break_segment(int begin, int end, std::vector<Row>& rows) {
    if (begin == end) return;
    int size = end - begin;
    segment_begin_ = begin;
    best_.assign(size + 1, kInfinity);
    from_.assign(size + 1, 0);
    best_[0] = 0;
    auto height = [&](int i, int j) { return full_width_height(begin + i, begin + j); };
    auto too_high = [&](int i, int j) {
      return height(i, j) > highest_fit_ && !stays_unfilled(begin + i, begin + j, height(i, j), j == size);
    };
    // The first row end that is not too high only moves forward as the row start does.
    int first_fit = 1;
    for (int i = 0; i < size; ++i) {
      first_fit = std::max(first_fit, i + 1);
      while (first_fit < size && first_fit - i < most_per_row_ && too_high(i, first_fit)) ++first_fit;
      if (best_[i] == kInfinity) continue;
      bool fitted = false;
      for (int j = first_fit; j <= size && j - i <= most_per_row_; ++j) {
        double h = height(i, j);
        if (h <= 0) break;  // the gaps alone are wider than the container
        if (h < lowest_fit_ && !fitted && j - 1 > i) relax(i, j - 1, height(i, j - 1), false);
        relax(i, j, h, j == size);
        fitted = true;
        if (h < lowest_fit_) break;  // more photos only make the row lower
      }
      if (!fitted && first_fit - 1 > i) relax(i, first_fit - 1, height(i, first_fit - 1), false);
    }
    std::size_t first = rows.size();
    for (int j = size; j > 0; j = from_[j]) rows.push_back(row(begin + from_[j], begin + j, j == size));
    std::reverse(rows.begin() + first, rows.end());
  }

  void relax(int i, int j, double height, bool last) {
    bool fits = !last && height >= lowest_fit_ && height <= highest_fit_;  // the common case, kept cheap
    double total =
        best_[i] + (fits ? deviation_cost(height, j - i) : cost(segment_begin_ + i, segment_begin_ + j, height, last));
    if (total < best_[j]) {  // strict: of equally good breaks the earliest (a longer row after it) wins
      best_[j] = total;
      from_[j] = i;
    }
  }

  const std::vector<double>& ratios_;
  const LayoutOptions& options_;
  const Frame& frame_;
  std::vector<double> prefix_;
  double target_;
  double min_height_;
  double max_height_;
  double lowest_fit_;
  double highest_fit_;
  int most_per_row_;
  int segment_begin_ = 0;
  std::vector<double> best_;
  std::vector<int> from_;
};

// A row taller than the bound (too few photos, too narrow, to fill the width) is held at the bound and
// centred. Panoramas keep the full width, and so does a lone photo too wide for the lower bound.
Row within_bounds(Row row, double max_height) {
  if (!row.panorama && row.height > max_height) {
    row.height = max_height;
    row.justified = false;
    row.held = true;
  }
  return row;
}

}  // namespace

void justified_rows(const std::vector<double>& ratios, const LayoutOptions& options, const Frame& frame,
                    LayoutResult& result) {
  std::vector<Row> rows = RowBreaker(ratios, options, frame).rows();
  result.boxes.assign(4 * ratios.size(), 0.0);
  double max_height = max_row_height(options);
  bool hide_last = options.last_row == LastRow::Hide && rows.size() > 1 && !rows.back().justified;
  bool center_unjustified = options.last_row == LastRow::Center;
  double y = frame.padding;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Row row = within_bounds(rows[r], max_height);
    bool is_last = r + 1 == rows.size();
    if (is_last && hide_last) {
      result.hidden = row.end - row.begin;  // their boxes stay empty
      break;
    }
    result.rows.push_back(row.begin);
    double row_width = 0;
    for (int i = row.begin; i < row.end; ++i) row_width += ratios[i] * row.height;
    row_width += (row.end - row.begin - 1) * frame.spacing_x;
    // An unfilled row is centred when held at the bound or when the policy asks for it.
    bool centred = !row.justified && (row.held || center_unjustified);
    double x = frame.padding + (centred ? (frame.inner_width - row_width) / 2 : 0);
    for (int i = row.begin; i < row.end; ++i) {
      double width = ratios[i] * row.height;
      if (row.justified && i + 1 == row.end) width = frame.padding + frame.inner_width - x;  // no drift
      double* box = &result.boxes[4 * i];
      box[0] = x;
      box[1] = y;
      box[2] = width;
      box[3] = row.height;
      x += width + frame.spacing_x;
    }
    y += row.height + frame.spacing_y;
  }
  result.height = (result.rows.empty() ? frame.padding : y - frame.spacing_y) + frame.padding;
}

}  // namespace stills::layout_detail
