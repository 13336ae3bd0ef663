// The layout engine: aspect ratios and every option from bytes, all three modes. A layout without an
// error must be one a page can show: every number finite, no box of negative size, the height too.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "layout/layout.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  stills::LayoutOptions options;
  options.mode = static_cast<stills::LayoutMode>(input.ConsumeIntegralInRange(0, 2));
  options.last_row = static_cast<stills::LastRow>(input.ConsumeIntegralInRange(0, 3));
  options.width = input.ConsumeFloatingPoint<double>();
  options.row_height = input.ConsumeFloatingPoint<double>();
  options.min_row_height = input.ConsumeFloatingPoint<double>();
  options.max_row_height = input.ConsumeFloatingPoint<double>();
  options.spacing_x = input.ConsumeFloatingPoint<double>();
  options.spacing_y = input.ConsumeFloatingPoint<double>();
  options.padding = input.ConsumeFloatingPoint<double>();
  options.justify_threshold = input.ConsumeFloatingPoint<double>();
  options.orphan_penalty = input.ConsumeFloatingPoint<double>();
  options.panorama_ratio = input.ConsumeFloatingPoint<double>();
  options.max_per_row = input.ConsumeIntegral<int>();
  options.device_pixel_ratio = input.ConsumeFloatingPoint<double>();
  options.columns = input.ConsumeIntegral<int>();
  options.min_column_width = input.ConsumeFloatingPoint<double>();
  options.cell_aspect_ratio = input.ConsumeFloatingPoint<double>();
  std::size_t count = input.ConsumeIntegralInRange<std::size_t>(0, 2000);
  std::vector<double> ratios;
  for (std::size_t i = 0; i < count && input.remaining_bytes(); ++i) ratios.push_back(input.ConsumeFloatingPoint<double>());
  if (input.ConsumeBool()) options.panoramas = input.ConsumeBytes<std::uint8_t>(ratios.size());
  if (input.ConsumeBool()) {
    for (std::size_t i = 0; i < 2 * ratios.size() && input.remaining_bytes(); ++i)
      options.focal_points.push_back(input.ConsumeFloatingPoint<double>());
  }
  stills::LayoutResult result = stills::layout(ratios, options);
  if (!result.error.empty()) return 0;
  if (!std::isfinite(result.height) || result.height < 0) std::abort();
  for (std::size_t i = 0; i < result.boxes.size(); ++i) {
    double value = result.boxes[i];
    if (!std::isfinite(value) || (i % 4 >= 2 && value < 0)) std::abort();
  }
  return 0;
}
