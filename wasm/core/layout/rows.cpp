// Justified rows with optimal breaks: a Knuth-Plass dynamic program over where rows end.
#include <algorithm>
#include <cmath>
#include <limits>

#include "layout/layout_internal.h"

namespace stills::layout_detail {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// A row outside the hard bounds is chosen only when nothing else is possible (its cost exceeds any sum
// of in-bound rows), and then the one that strays least.
constexpr double kOutOfBounds = 1e9;
// Rows more than 25% off the target look out of place; the program avoids them wherever the breaks
// allow it, at any cost to the other rows' deviation (which sums to far less).
constexpr double kTolerance = 0.25;
constexpr double kFarOff = 1e6;
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

class RowBreaker {
 public:
  RowBreaker(const std::vector<double>& ratios, const LayoutOptions& options, const Frame& frame)
      : ratios_(ratios), options_(options), frame_(frame), prefix_(ratios.size() + 1, 0.0) {
    for (std::size_t i = 0; i < ratios.size(); ++i) prefix_[i + 1] = prefix_[i] + ratios[i];
    target_ = options.row_height;
    min_height_ = options.min_row_height > 0 ? options.min_row_height : 0.5 * target_;
    max_height_ = options.max_row_height > 0 ? options.max_row_height : 2 * target_;
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

  // Squared relative deviation from the target, weighted by photo count, and a steep price for
  // straying beyond the tolerance.
  double deviation_cost(double height, int count) const {
    double deviation = (height - target_) / target_;
    double beyond = std::abs(deviation) - kTolerance;
    return count * (deviation * deviation + (beyond > 0 ? kFarOff * beyond : 0));
  }

  // The row [begin, end) as laid out, and what it costs. `last`: the gallery's last row, or the last
  // before a panorama; it need not fill the width (a panorama cannot move up to fill it).
  std::pair<Row, double> candidate(int begin, int end, bool last) const {
    int count = end - begin;
    double height = full_width_height(begin, end);
    double orphan = last && count == 1 && begin > 0 ? options_.orphan_penalty : 0;
    bool underfull = height > target_;
    if (last && underfull) {
      double fill = ((prefix_[end] - prefix_[begin]) * target_ + (count - 1) * frame_.spacing_x) / frame_.inner_width;
      bool justify = options_.last_row == LastRow::Justify && fill >= options_.justify_threshold;
      if (!justify) return {{begin, end, target_, false}, orphan};
    }
    double cost = deviation_cost(height, count) + orphan;
    double stray = std::max(min_height_ - height, height - max_height_);
    if (stray > 0) cost += kOutOfBounds * (1 + count * stray / target_);
    return {{begin, end, height, true}, cost};
  }

  void break_segment(int begin, int end, std::vector<Row>& rows) {
    if (begin == end) return;
    int size = end - begin;
    std::vector<double> best(size + 1, kInfinity);
    std::vector<Row> chosen(size + 1);
    best[0] = 0;
    for (int i = 0; i < size; ++i) {
      if (best[i] == kInfinity) continue;
      for (int j = i + 1; j <= size && j - i <= most_per_row_; ++j) {
        if (full_width_height(begin + i, begin + j) <= 0) break;  // the gaps alone are wider than the container
        auto [row, cost] = candidate(begin + i, begin + j, j == size);
        double total = best[i] + cost;
        if (total < best[j]) {  // strict: of equally good breaks the earliest (a longer row after it) wins
          best[j] = total;
          chosen[j] = row;
        }
        // More photos only make the row lower: once below the bound, stop.
        if (j - i > 1 && full_width_height(begin + i, begin + j) < min_height_) break;
      }
    }
    std::vector<Row> segment;
    for (int j = size; j > 0; j = chosen[j].begin - begin) segment.push_back(chosen[j]);
    rows.insert(rows.end(), segment.rbegin(), segment.rend());
  }

  const std::vector<double>& ratios_;
  const LayoutOptions& options_;
  const Frame& frame_;
  std::vector<double> prefix_;
  double target_;
  double min_height_;
  double max_height_;
  int most_per_row_;
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
  double max_height = options.max_row_height > 0 ? options.max_row_height : 2 * options.row_height;
  bool hide_last = options.last_row == LastRow::Hide && rows.size() > 1 && !rows.back().justified;
  bool center_unjustified = options.last_row == LastRow::Center;
  double y = frame.padding;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Row row = within_bounds(rows[r], max_height);
    bool is_last = r + 1 == rows.size();
    if (is_last && hide_last) {
      result.hidden = row.end - row.begin;
      for (int i = row.begin; i < row.end; ++i) result.boxes.insert(result.boxes.end(), {0, 0, 0, 0});
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
      result.boxes.insert(result.boxes.end(), {x, y, width, row.height});
      x += width + frame.spacing_x;
    }
    y += row.height + frame.spacing_y;
  }
  result.height = (result.rows.empty() ? frame.padding : y - frame.spacing_y) + frame.padding;
}

}  // namespace stills::layout_detail
