#include "avif/decoder.h"

#include <avif/avif.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>

namespace stills {
namespace {

struct DecoderDeleter {
  void operator()(avifDecoder* decoder) const { avifDecoderDestroy(decoder); }
};

struct Rgba {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::vector<std::uint8_t> pixels;
};

DecodedImage failure(std::string error) {
  DecodedImage result;
  result.error = std::move(error);
  return result;
}

// The clean aperture as a crop of the decoded image; the whole image when there is none or it is invalid.
avifCropRect crop_of(const avifImage& image) {
  avifCropRect crop{0, 0, image.width, image.height};
  avifDiagnostics diagnostics;
  if (image.transformFlags & AVIF_TRANSFORM_CLAP) {
    avifCropRect clean;
    if (avifCropRectFromCleanApertureBox(&clean, &image.clap, image.width, image.height, &diagnostics)) crop = clean;
  }
  return crop;
}

// One axis of an area-averaging resampler: for each output pixel, the source pixels it covers and how
// much of each (weights sum to 1).
struct Span {
  std::uint32_t first;
  std::vector<float> weights;
};

std::vector<Span> area_spans(std::uint32_t source, std::uint32_t target) {
  std::vector<Span> spans(target);
  double scale = static_cast<double>(source) / target;
  for (std::uint32_t i = 0; i < target; ++i) {
    double begin = i * scale, end = (i + 1) * scale;
    auto first = static_cast<std::uint32_t>(begin);
    auto last = std::min(source, static_cast<std::uint32_t>(std::ceil(end)));
    spans[i].first = first;
    for (std::uint32_t s = first; s < last; ++s) {
      double covered = std::min<double>(s + 1, end) - std::max<double>(s, begin);
      spans[i].weights.push_back(static_cast<float>(covered / scale));
    }
  }
  return spans;
}

// The nearest byte: a weighted mean may still land a rounding error outside [0, 255], and a float
// out of a byte's range converts to garbage (0 for 256, in wasm), so it is clamped first.
std::uint8_t to_byte(double value) { return static_cast<std::uint8_t>(std::clamp(value + 0.5, 0.0, 255.0)); }

// An image's rows as RGBA8, by row index: from a whole converted image, or converted strip by strip.
using RowSource = std::function<const std::uint8_t*(std::uint32_t row)>;

// Scales the crop of an image to width x height by area averaging, colour weighted by alpha so
// transparent pixels do not darken their neighbours. Rows are asked for in order, each once or twice.
Rgba scale_crop(const RowSource& row_of, const avifCropRect& crop, std::uint32_t width, std::uint32_t height) {
  Rgba out{width, height, std::vector<std::uint8_t>(std::size_t(width) * height * 4)};
  auto columns = area_spans(crop.width, width);
  auto rows = area_spans(crop.height, height);
  // One output row of premultiplied sums, in double: a small thumbnail of a large photo sums tens of
  // thousands of pixels into each, where float's rounding drifts past 255.
  std::vector<double> line(std::size_t(width) * 4);
  for (std::uint32_t y = 0; y < height; ++y) {
    std::fill(line.begin(), line.end(), 0.0);
    for (std::size_t r = 0; r < rows[y].weights.size(); ++r) {
      const std::uint8_t* source = row_of(crop.y + rows[y].first + static_cast<std::uint32_t>(r)) + std::size_t(crop.x) * 4;
      const double row_weight = rows[y].weights[r];
      for (std::uint32_t x = 0; x < width; ++x) {
        double* sum = &line[x * 4];
        for (std::size_t c = 0; c < columns[x].weights.size(); ++c) {
          const std::uint8_t* pixel = source + std::size_t(columns[x].first + c) * 4;
          const double alpha = pixel[3] * (row_weight * columns[x].weights[c]);
          sum[0] += pixel[0] * alpha;
          sum[1] += pixel[1] * alpha;
          sum[2] += pixel[2] * alpha;
          sum[3] += alpha;
        }
      }
    }
    std::uint8_t* target = &out.pixels[std::size_t(y) * width * 4];
    for (std::uint32_t x = 0; x < width; ++x) {
      const double* sum = &line[x * 4];
      const double alpha = sum[3];
      for (int c = 0; c < 3; ++c) target[x * 4 + c] = alpha > 0 ? to_byte(sum[c] / alpha) : 0;
      target[x * 4 + 3] = to_byte(alpha);
    }
  }
  return out;
}

// Converts an image to RGBA8 a strip of rows at a time, so a thumbnail of a large photo never holds
// the whole photo in RGBA (a 64-megapixel one would take 256 MiB). Each strip is converted with two
// rows more above and below and those are dropped: chroma upsampling reads neighbouring rows, and the
// strip's edges get the colours a whole conversion would give them.
class StripConverter {
 public:
  static constexpr std::uint32_t kRows = 64;

  explicit StripConverter(const avifImage& image) : image_(image) {
    avifPixelFormatInfo format;
    avifGetPixelFormatInfo(image.yuvFormat, &format);
    row_alignment_ = format.monochrome ? 1 : 1u << format.chromaShiftY;
  }

  avifResult status() const { return status_; }

  // Row `row` of the image, converting the strip that holds it first if need be (nullptr on failure).
  const std::uint8_t* row(std::uint32_t row) {
    if (row < first_ || row >= first_ + count_) convert_from(row);
    if (status_ != AVIF_RESULT_OK) return blank();
    return &pixels_[(std::size_t(row - begin_)) * image_.width * 4];
  }

 private:
  void convert_from(std::uint32_t row) {
    first_ = row;
    count_ = std::min(kRows, image_.height - row);
    begin_ = (row >= kMargin ? row - kMargin : 0) / row_alignment_ * row_alignment_;
    std::uint32_t end = std::min(image_.height, first_ + count_ + kMargin);
    std::unique_ptr<avifImage, void (*)(avifImage*)> view(avifImageCreateEmpty(), avifImageDestroy);
    avifCropRect rect{0, begin_, image_.width, end - begin_};
    if (!view || (status_ = avifImageSetViewRect(view.get(), &image_, &rect)) != AVIF_RESULT_OK) {
      if (!view) status_ = AVIF_RESULT_OUT_OF_MEMORY;
      return;
    }
    pixels_.resize(std::size_t(image_.width) * rect.height * 4);
    avifRGBImage rgb;
    avifRGBImageSetDefaults(&rgb, view.get());
    rgb.format = AVIF_RGB_FORMAT_RGBA;
    rgb.depth = 8;
    rgb.alphaPremultiplied = AVIF_FALSE;
    rgb.pixels = pixels_.data();
    rgb.rowBytes = image_.width * 4;
    status_ = avifImageYUVToRGB(view.get(), &rgb);
  }

  // What a failed strip reads as, so the scaler runs to its end; the caller reports the failure.
  const std::uint8_t* blank() {
    pixels_.assign(std::size_t(image_.width) * 4, 0);
    return pixels_.data();
  }

  static constexpr std::uint32_t kMargin = 2;
  const avifImage& image_;
  std::uint32_t row_alignment_ = 1;
  std::uint32_t first_ = 0, count_ = 0;  // the rows asked for, converted
  std::uint32_t begin_ = 0;              // the first row converted (with the margin above)
  std::vector<std::uint8_t> pixels_;
  avifResult status_ = AVIF_RESULT_OK;
};

Rgba copy_crop(const Rgba& rgb, const avifCropRect& crop) {
  Rgba out{crop.width, crop.height, std::vector<std::uint8_t>(std::size_t(crop.width) * crop.height * 4)};
  for (std::uint32_t y = 0; y < crop.height; ++y) {
    const std::uint8_t* source = &rgb.pixels[(std::size_t(crop.y + y) * rgb.width + crop.x) * 4];
    std::copy(source, source + crop.width * 4, &out.pixels[std::size_t(y) * crop.width * 4]);
  }
  return out;
}

// Rotates anti-clockwise by quarter turns, then mirrors, as HEIF orders them. Mirror axis (ISO/IEC
// 23008-12:2022): 0 exchanges top and bottom, 1 exchanges left and right.
Rgba orient(Rgba in, int quarter_turns, int mirror_axis) {
  if (quarter_turns == 0 && mirror_axis < 0) return in;
  bool swap = quarter_turns % 2;
  Rgba out{swap ? in.height : in.width, swap ? in.width : in.height, std::vector<std::uint8_t>(in.pixels.size())};
  for (std::uint32_t y = 0; y < in.height; ++y) {
    for (std::uint32_t x = 0; x < in.width; ++x) {
      std::uint32_t tx, ty;  // where (x, y) goes after the rotation
      switch (quarter_turns) {
        case 1: tx = y, ty = in.width - 1 - x; break;
        case 2: tx = in.width - 1 - x, ty = in.height - 1 - y; break;
        case 3: tx = in.height - 1 - y, ty = x; break;
        default: tx = x, ty = y;
      }
      if (mirror_axis == 0) ty = out.height - 1 - ty;
      if (mirror_axis == 1) tx = out.width - 1 - tx;
      std::copy_n(&in.pixels[(std::size_t(y) * in.width + x) * 4], 4,
                  &out.pixels[(std::size_t(ty) * out.width + tx) * 4]);
    }
  }
  return out;
}

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

DecodedImage decode_avif(const std::uint8_t* data, std::size_t size, const DecodeOptions& options) {
  auto start = std::chrono::steady_clock::now();
  std::unique_ptr<avifDecoder, DecoderDeleter> decoder(avifDecoderCreate());
  if (!decoder) return failure("out of memory");
  decoder->maxThreads = 1;
  decoder->strictFlags = AVIF_STRICT_DISABLED;  // as browsers: decode what can be decoded
  decoder->ignoreExif = AVIF_TRUE;
  decoder->ignoreXMP = AVIF_TRUE;
  avifResult result = avifDecoderSetIOMemory(decoder.get(), data, size);
  if (result == AVIF_RESULT_OK) result = avifDecoderParse(decoder.get());
  if (result != AVIF_RESULT_OK) {
    return failure(std::string("not a readable AVIF file: ") + avifResultToString(result) + ": " + decoder->diag.error);
  }
  const avifImage& header = *decoder->image;
  std::uint64_t pixels = std::uint64_t(header.width) * header.height;
  if (pixels > options.pixel_limit) {
    return failure("the photo is " + std::to_string(header.width) + "x" + std::to_string(header.height) + ", " +
                   std::to_string(pixels / 1'000'000) + " megapixels: more than the limit of " +
                   std::to_string(options.pixel_limit / 1'000'000));
  }
  result = avifDecoderNextImage(decoder.get());
  if (result != AVIF_RESULT_OK) {
    return failure(std::string("the photo's data could not be decoded: ") + avifResultToString(result) + ": " +
                   decoder->diag.error);
  }
  const avifImage& image = *decoder->image;
  double decode_ms = milliseconds_since(start);
  start = std::chrono::steady_clock::now();

  avifCropRect crop = crop_of(image);
  int quarter_turns = image.transformFlags & AVIF_TRANSFORM_IROT ? image.irot.angle & 3 : 0;
  int mirror_axis = image.transformFlags & AVIF_TRANSFORM_IMIR ? image.imir.axis & 1 : -1;

  // The limits apply to the photo as shown: turned a quarter, they apply to the other sides first.
  double max_w = options.max_width ? options.max_width : INFINITY;
  double max_h = options.max_height ? options.max_height : INFINITY;
  if (quarter_turns % 2) std::swap(max_w, max_h);
  double scale = std::min({1.0, max_w / crop.width, max_h / crop.height});
  Rgba shown;
  if (scale < 1) {
    auto width = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::lround(crop.width * scale)));
    auto height = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::lround(crop.height * scale)));
    StripConverter strips(image);
    shown = scale_crop([&](std::uint32_t row) { return strips.row(row); }, crop, width, height);
    if (strips.status() != AVIF_RESULT_OK) {
      return failure(std::string("colour conversion failed: ") + avifResultToString(strips.status()));
    }
  } else {
    // Converted straight into our own buffer: when nothing is cropped it is the result itself.
    Rgba full{image.width, image.height, std::vector<std::uint8_t>(std::size_t(image.width) * image.height * 4)};
    avifRGBImage rgb;
    avifRGBImageSetDefaults(&rgb, &image);
    rgb.format = AVIF_RGB_FORMAT_RGBA;
    rgb.depth = 8;
    rgb.alphaPremultiplied = AVIF_FALSE;
    rgb.pixels = full.pixels.data();
    rgb.rowBytes = image.width * 4;
    result = avifImageYUVToRGB(&image, &rgb);
    if (result != AVIF_RESULT_OK) return failure(std::string("colour conversion failed: ") + avifResultToString(result));
    bool whole = crop.x == 0 && crop.y == 0 && crop.width == full.width && crop.height == full.height;
    shown = whole ? std::move(full) : copy_crop(full, crop);
  }
  decoder.reset();  // the YUV planes are not needed any more
  shown = orient(std::move(shown), quarter_turns, mirror_axis);

  DecodedImage decoded;
  decoded.width = shown.width;
  decoded.height = shown.height;
  decoded.rgba = std::move(shown.pixels);
  decoded.decode_ms = decode_ms;
  decoded.convert_ms = milliseconds_since(start);
  return decoded;
}

}  // namespace stills
