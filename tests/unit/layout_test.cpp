#include "layout/layout.h"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

using namespace stills;

namespace {

struct Box {
  double x, y, w, h;
};

Box box(const LayoutResult& r, std::size_t i) {
  return {r.boxes[4 * i], r.boxes[4 * i + 1], r.boxes[4 * i + 2], r.boxes[4 * i + 3]};
}

// A mixed gallery as photographers shoot it: mostly 3:2, 2:3 and 4:3, some squares, Academy frames,
// 16:9, 3:1 panoramas and 1:3 tall strips.
std::vector<double> mixed_gallery(std::size_t n, unsigned seed) {
  const double kinds[] = {1.5, 1.5, 1.5, 2.0 / 3, 2.0 / 3, 4.0 / 3, 4.0 / 3, 1, 1.37, 16.0 / 9, 3, 1.0 / 3};
  std::mt19937 rng(seed);
  std::vector<double> ratios(n);
  for (auto& r : ratios) r = kinds[rng() % 12];
  return ratios;
}

bool overlap(const Box& a, const Box& b) {
  const double e = 1e-9;
  return a.x < b.x + b.w - e && b.x < a.x + a.w - e && a.y < b.y + b.h - e && b.y < a.y + a.h - e;
}

// Properties every rows layout must have.
void check_rows(const std::vector<double>& ratios, const LayoutOptions& options, const LayoutResult& r) {
  REQUIRE(r.error.empty());
  // Snapped to device pixels, lengths may move by up to a device pixel.
  const double tolerance = options.device_pixel_ratio > 0 ? 1 / options.device_pixel_ratio : 1e-9;
  auto near = [&](double a, double b) { return std::abs(a - b) <= tolerance; };
  REQUIRE(r.boxes.size() == 4 * ratios.size());
  double min_h = options.min_row_height > 0 ? options.min_row_height : 0.5 * options.row_height;
  double max_h = options.max_row_height > 0 ? options.max_row_height : 2 * options.row_height;
  std::size_t shown = ratios.size() - r.hidden;
  for (std::size_t row = 0; row < r.rows.size(); ++row) {
    std::size_t begin = r.rows[row], end = row + 1 < r.rows.size() ? r.rows[row + 1] : shown;
    REQUIRE(begin < end);
    Box first = box(r, begin), last = box(r, end - 1);
    for (std::size_t i = begin; i < end; ++i) {
      Box b = box(r, i);
      CHECK(b.y == first.y);  // one row, one top
      CHECK(b.h == first.h);
      CHECK(b.x >= options.padding - 1e-9);  // inside the container
      CHECK(b.x + b.w <= options.width - options.padding + 1e-9);
      if (i > begin) CHECK(b.x > box(r, i - 1).x);  // order preserved
      if (i > begin) CHECK(near(b.x - (box(r, i - 1).x + box(r, i - 1).w), options.spacing_x));
    }
    bool last_row = row + 1 == r.rows.size();
    auto panorama = [&](std::size_t i) {
      return (options.panorama_ratio > 0 && ratios[i] >= options.panorama_ratio) ||
             (i < options.panoramas.size() && options.panoramas[i]);
    };
    bool lone_panorama = end - begin == 1 && (panorama(begin) || first.h < min_h);
    bool before_panorama = !last_row && panorama(end) && !panorama(begin);
    if (!last_row && !before_panorama) {
      CHECK(near(first.x, options.padding));  // every non-last row fills the width
      CHECK(near(last.x + last.w, options.width - options.padding));
    }
    if (!lone_panorama) {
      CHECK(first.h <= max_h + tolerance);
      if (!last_row && !before_panorama) CHECK(first.h >= min_h - tolerance);
    }
    if (row > 0) CHECK(first.y > box(r, r.rows[row - 1]).y);
  }
  for (std::size_t i = 0; i < shown; ++i) {
    for (std::size_t j = i + 1; j < shown && box(r, j).y < box(r, i).y + box(r, i).h; ++j)
      CHECK_FALSE(overlap(box(r, i), box(r, j)));
  }
}

}  // namespace

TEST_CASE("random mixed galleries: full rows, bounds, order, no overlap, determinism") {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    CAPTURE(seed);
    LayoutOptions options;
    std::mt19937 rng(seed * 7919);
    options.width = 900 + rng() % 1800;
    options.row_height = 120 + rng() % 200;
    options.panorama_ratio = 2.5;  // 3:1 photos on rows of their own
    options.spacing_x = options.spacing_y = rng() % 16;
    options.padding = rng() % 3 * 4;
    options.last_row = static_cast<LastRow>(rng() % 4);
    auto ratios = mixed_gallery(1 + rng() % 300, seed);
    LayoutResult r = layout(ratios, options);
    check_rows(ratios, options, r);
    CHECK(layout(ratios, options).boxes == r.boxes);
  }
}

TEST_CASE("10,000 mixed photos at 1200 px: every row but panoramas within 25% of the target, none short") {
  LayoutOptions options;
  options.width = 1200;
  options.row_height = 240;
  options.panorama_ratio = 2.5;
  auto ratios = mixed_gallery(10000, 42);
  LayoutResult r = layout(ratios, options);
  check_rows(ratios, options, r);
  int far_off = 0;
  for (std::size_t row = 0; row + 1 < r.rows.size(); ++row) {
    far_off += ratios[r.rows[row]] < 2.5 && std::abs(box(r, r.rows[row]).h - 240) > 60;
  }
  CHECK(far_off == 0);
}

TEST_CASE("bounds that no layout can meet are missed by as little as possible") {
  // 3:1 photos inside rows: around index 0..8 no break keeps every row within 25% of the target.
  LayoutOptions options;
  options.width = 1200;
  options.row_height = 240;
  std::vector<double> ratios = {4.0 / 3, 1.0 / 3, 2.0 / 3, 3, 4.0 / 3, 1.0 / 3, 2.0 / 3, 1.37, 3, 1.5, 1.5};
  LayoutResult r = layout(ratios, options);
  REQUIRE(r.error.empty());
  for (std::size_t row = 0; row + 1 < r.rows.size(); ++row) {
    CHECK(box(r, r.rows[row]).h == doctest::Approx(240).epsilon(0.3));
    Box last = box(r, r.rows[row + 1] - 1);
    CHECK(last.x + last.w == doctest::Approx(1200));
  }
}

TEST_CASE("snapping to device pixels: rows fill the width exactly, gaps are equal") {
  for (double dpr : {1.0, 1.5, 2.0, 3.0}) {
    CAPTURE(dpr);
    LayoutOptions options;
    options.width = 1003;
    options.row_height = 200;
    options.spacing_x = options.spacing_y = 7;
    options.device_pixel_ratio = dpr;
    auto ratios = mixed_gallery(200, 3);
    LayoutResult r = layout(ratios, options);
    check_rows(ratios, options, r);
    for (double v : r.boxes) CHECK(std::abs(v * dpr - std::round(v * dpr)) < 1e-6);
    for (std::size_t row = 0; row + 1 < r.rows.size(); ++row) {
      Box last = box(r, r.rows[row + 1] - 1);
      CHECK(std::llround((last.x + last.w) * dpr) == static_cast<long long>(std::floor(1003 * dpr)));
      for (std::size_t i = r.rows[row] + 1; i < static_cast<std::size_t>(r.rows[row + 1]); ++i) {
        CHECK(std::llround((box(r, i).x - box(r, i - 1).x - box(r, i - 1).w) * dpr) == std::llround(7 * dpr));
      }
    }
  }
}

TEST_CASE("last-row policies") {
  LayoutOptions options;
  options.width = 1000;
  options.row_height = 200;
  options.spacing_x = 0;
  std::vector<double> ratios(7, 1.0);  // five squares fill a row; two are left
  options.last_row = LastRow::Left;
  LayoutResult left = layout(ratios, options);
  CHECK(left.rows == std::vector<std::int32_t>{0, 5});
  CHECK(box(left, 5).x == 0);
  CHECK(box(left, 6).h == 200);
  options.last_row = LastRow::Center;
  CHECK(box(layout(ratios, options), 5).x == 300);
  options.last_row = LastRow::Hide;
  LayoutResult hidden = layout(ratios, options);
  CHECK(hidden.hidden == 2);
  CHECK(hidden.height == 200);
  CHECK(box(hidden, 6).w == 0);
  std::vector<double> four(4, 1.0);  // one row, 80% full at the target height
  options.last_row = LastRow::Justify;
  LayoutResult justified = layout(four, options);
  CHECK(box(justified, 3).x + box(justified, 3).w == doctest::Approx(1000));
  CHECK(box(justified, 3).h == doctest::Approx(250));
  options.justify_threshold = 0.9;
  CHECK(box(layout(four, options), 3).h == 200);
}

TEST_CASE("panoramas get a full-width row of their own") {
  LayoutOptions options;
  options.width = 1200;
  options.row_height = 240;
  options.panorama_ratio = 2.5;
  std::vector<double> ratios = {1.5, 1.5, 1.5, 4, 1.5, 1.5, 1.5};
  options.panoramas = {0, 0, 0, 0, 1};  // the fifth photo is flagged
  LayoutResult r = layout(ratios, options);
  REQUIRE(r.rows.size() == 4);
  CHECK(r.rows == std::vector<std::int32_t>{0, 3, 4, 5});
  CHECK(box(r, 3).w == doctest::Approx(1200));
  CHECK(box(r, 4).w == doctest::Approx(1200));
}

TEST_CASE("orphans are avoided and photos per row capped") {
  LayoutOptions options;
  options.width = 1000;
  options.row_height = 200;
  options.spacing_x = 0;
  options.orphan_penalty = 10;
  std::vector<double> ratios(6, 1.0);
  LayoutResult r = layout(ratios, options);
  CHECK(r.rows.back() != 5);
  options.max_per_row = 2;
  r = layout(std::vector<double>(6, 1.0), options);
  CHECK(r.rows == std::vector<std::int32_t>{0, 2, 4});
}

TEST_CASE("bad input: a clear error or a sensible layout") {
  LayoutOptions options;
  options.width = 0;
  CHECK_FALSE(layout({1.5}, options).error.empty());
  options.width = NAN;
  CHECK_FALSE(layout({1.5}, options).error.empty());
  options.width = 800;
  CHECK(layout({}, options).boxes.empty());
  CHECK(layout({}, options).height == 0);

  std::vector<double> odd = {NAN, 0, -2, INFINITY, 1.5, 100, 0.01};
  LayoutResult r = layout(odd, options);
  REQUIRE(r.error.empty());
  for (double v : r.boxes) CHECK(std::isfinite(v));
  for (std::size_t i = 0; i < odd.size(); ++i) {
    CHECK(box(r, i).x >= 0);
    CHECK(box(r, i).x + box(r, i).w <= 800 + 1e-9);
  }
  CHECK(box(r, 0).w == doctest::Approx(box(r, 0).h));  // not a number: a square

  options.spacing_x = 5000;  // wider than the container: one photo per row
  r = layout({1.5, 1.5, 1.5}, options);
  CHECK(r.rows.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(box(r, i).x + box(r, i).w <= 800 + 1e-9);

  options.spacing_x = 8;
  options.padding = 500;
  CHECK_FALSE(layout({1.5}, options).error.empty());
}

TEST_CASE("one very tall photo is held at the bound and centred") {
  LayoutOptions options;
  options.width = 800;
  options.row_height = 200;
  options.max_per_row = 1;
  // Alone in a row that is not the last, it would need 80,000 px of height to fill the width: it is held
  // at twice the target and centred; the last row after it keeps the target height, at the left.
  LayoutResult r = layout({0.01, 1.5}, options);
  REQUIRE(r.error.empty());
  Box tall = box(r, 0);
  CHECK(tall.h == doctest::Approx(400));
  CHECK(tall.w == doctest::Approx(4));
  CHECK(tall.x == doctest::Approx((800 - 4) / 2.0));
  CHECK(box(r, 1).y == doctest::Approx(400 + options.spacing_y));
  CHECK(box(r, 1).h == doctest::Approx(200));
  CHECK(box(r, 1).x == doctest::Approx(0));
  // An explicit bound holds it there.
  options.max_row_height = 300;
  r = layout({0.01, 1.5}, options);
  CHECK(box(r, 0).h == doctest::Approx(300));
  CHECK(box(r, 0).x == doctest::Approx((800 - 3) / 2.0));
}

TEST_CASE("columns: each photo goes to the shortest column") {
  LayoutOptions options;
  options.mode = LayoutMode::Columns;
  options.width = 1000;
  options.spacing_x = options.spacing_y = 10;
  options.columns = 3;
  LayoutResult r = layout({1, 0.5, 1, 1, 2}, options);
  double w = (1000 - 20) / 3.0;
  CHECK(box(r, 0).w == doctest::Approx(w));
  CHECK(box(r, 3).x == doctest::Approx(0));  // under the first square
  CHECK(box(r, 3).y == doctest::Approx(w + 10));
  CHECK(box(r, 4).x == doctest::Approx(2 * (w + 10)));  // the third column is shortest then
  CHECK(r.height == doctest::Approx(2 * w + 10));
  options.columns = 0;
  options.min_column_width = 300;
  CHECK(box(layout({1, 1, 1, 1}, options), 2).x == doctest::Approx(2 * ((1000 - 20) / 3.0 + 10)));
  options.device_pixel_ratio = 2;
  r = layout({1, 0.7, 1.3, 1, 2, 0.5}, options);
  for (double v : r.boxes) CHECK(std::abs(v * 2 - std::round(v * 2)) < 1e-9);
}

TEST_CASE("grid: uniform cells, crops around the focal point") {
  LayoutOptions options;
  options.mode = LayoutMode::Grid;
  options.width = 620;
  options.spacing_x = options.spacing_y = 10;
  options.columns = 3;
  options.focal_points = {0.9, 0.5, 0.5, 0.1};
  LayoutResult r = layout({2, 0.5, 1, 1}, options);
  CHECK(r.rows == std::vector<std::int32_t>{0, 3});
  CHECK(box(r, 3).y == doctest::Approx(210));
  CHECK(r.height == doctest::Approx(410));
  // A 2:1 photo in a square cell shows half its width, as far right as the focal point asks.
  CHECK(r.crops[0] == doctest::Approx(0.5));
  CHECK(r.crops[2] == doctest::Approx(0.5));
  // A 1:2 photo shows half its height, from the top (its focal point is high).
  CHECK(r.crops[5] == doctest::Approx(0));
  CHECK(r.crops[7] == doctest::Approx(0.5));
}

TEST_CASE("random galleries in columns and grid modes: inside, no overlap, tops in order") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    for (LayoutMode mode : {LayoutMode::Columns, LayoutMode::Grid}) {
      CAPTURE(seed);
      LayoutOptions options;
      std::mt19937 rng(seed);
      options.mode = mode;
      options.width = 300 + rng() % 2000;
      options.spacing_x = options.spacing_y = rng() % 12;
      options.padding = rng() % 2 * 10;
      options.min_column_width = 150 + rng() % 200;
      options.device_pixel_ratio = seed % 2 ? 0 : 1.5;
      auto ratios = mixed_gallery(1 + rng() % 200, seed);
      LayoutResult r = layout(ratios, options);
      REQUIRE(r.error.empty());
      double previous_top = 0;
      for (std::size_t i = 0; i < ratios.size(); ++i) {
        Box b = box(r, i);
        CHECK(b.x >= options.padding - 1e-9);
        CHECK(b.x + b.w <= options.width - options.padding + 1e-9);
        CHECK(b.y + b.h <= r.height - options.padding + 1e-9);
        CHECK(b.y >= previous_top - 1);  // within a device pixel once snapped
        previous_top = b.y;
        for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(overlap(b, box(r, j)));
      }
    }
  }
}

TEST_CASE("one photo: at the target height, from the left") {
  LayoutOptions options;
  options.width = 800;
  options.row_height = 240;
  LayoutResult r = layout({1.5}, options);
  CHECK(box(r, 0).x == 0);
  CHECK(box(r, 0).w == doctest::Approx(360));
  CHECK(box(r, 0).h == 240);
  CHECK(r.height == 240);
}

TEST_CASE("limits: lengths, photos and columns past the limit are an error naming it; at it, a layout") {
  std::vector<double> ratios{1.5, 0.75, 1.0};
  LayoutOptions at;
  at.width = kMaxLayoutLength;
  at.row_height = 240;
  CHECK(layout(ratios, at).error.empty());
  LayoutOptions past = at;
  past.width = kMaxLayoutLength * 1.5;
  CHECK(layout(ratios, past).error == "the container width must be at most 1000000 px");
  past = at;
  past.spacing_x = 1e300;
  CHECK(layout(ratios, past).error == "spacing and padding must be at most 1000000 px");
  past = at;
  past.mode = LayoutMode::Columns;
  past.columns = kMaxLayoutColumns + 1;
  CHECK(layout(ratios, past).error == "at most 1000 columns");
  past.columns = kMaxLayoutColumns;
  CHECK(layout(ratios, past).error.empty());
  CHECK(layout(std::vector<double>(kMaxLayoutPhotos + 1, 1.0), at).error == "a layout holds at most 1000000 photos");
}

TEST_CASE("a computed column count stops at the limit, and tuning options that are not numbers take their defaults") {
  std::vector<double> ratios(5, 1.0);
  LayoutOptions options;
  options.mode = LayoutMode::Columns;
  options.width = kMaxLayoutLength;
  options.min_column_width = 0.001;  // would ask for a billion columns
  LayoutResult masonry = layout(ratios, options);
  REQUIRE(masonry.error.empty());
  CHECK(masonry.boxes[2] == doctest::Approx((kMaxLayoutLength - (kMaxLayoutColumns - 1) * 8) / kMaxLayoutColumns));
  LayoutOptions rows;
  rows.width = 1000;
  rows.justify_threshold = std::nan("");
  rows.orphan_penalty = INFINITY;
  rows.device_pixel_ratio = 1e300;
  LayoutResult laid = layout(ratios, rows);
  REQUIRE(laid.error.empty());
  for (double value : laid.boxes) CHECK(std::isfinite(value));
}

TEST_CASE("fixed columns whose gaps leave no width are an error, not boxes of negative width") {
  LayoutOptions options;
  options.width = 100;
  options.spacing_x = 50;
  options.columns = 1000;
  for (LayoutMode mode : {LayoutMode::Columns, LayoutMode::Grid}) {
    options.mode = mode;
    LayoutResult result = layout({1, 2, 0.5}, options);
    CHECK(result.error == "1000 columns and their spacing leave no width for photos");
    CHECK(result.boxes.empty());
  }
  options.columns = 2;
  CHECK(layout({1, 2, 0.5}, options).boxes[2] == doctest::Approx(25));
}
