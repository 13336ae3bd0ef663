#include "avif/encoder.h"

#include <avif/avif.h>

#include <algorithm>
#include <memory>

namespace stills {
namespace {

struct ImageDeleter {
  void operator()(avifImage* image) const { avifImageDestroy(image); }
};
struct EncoderDeleter {
  void operator()(avifEncoder* encoder) const { avifEncoderDestroy(encoder); }
};

bool opaque(const std::uint8_t* rgba, std::size_t pixels) {
  for (std::size_t i = 0; i < pixels; ++i) {
    if (rgba[4 * i + 3] != 255) return false;
  }
  return true;
}

EncodedAvif failed(const char* what, avifResult result) {
  return {{}, std::string(what) + ": " + avifResultToString(result)};
}

}  // namespace

EncodedAvif encode_avif(const std::uint8_t* rgba, std::uint32_t width, std::uint32_t height,
                        const EncodeOptions& options) {
  if (width == 0 || height == 0) return {{}, "the photo has no pixels"};
  std::unique_ptr<avifImage, ImageDeleter> image(avifImageCreate(width, height, 8, AVIF_PIXEL_FORMAT_YUV420));
  if (!image) return {{}, "out of memory"};
  // libavif writes these as unspecified unless set: what a browser's decoder gave us is sRGB.
  image->colorPrimaries = AVIF_COLOR_PRIMARIES_BT709;
  image->transferCharacteristics = AVIF_TRANSFER_CHARACTERISTICS_SRGB;
  image->matrixCoefficients = AVIF_MATRIX_COEFFICIENTS_BT601;
  image->yuvRange = AVIF_RANGE_FULL;

  avifRGBImage rgb;
  avifRGBImageSetDefaults(&rgb, image.get());
  rgb.format = AVIF_RGB_FORMAT_RGBA;
  rgb.depth = 8;
  rgb.pixels = const_cast<std::uint8_t*>(rgba);  // only read
  rgb.rowBytes = 4 * width;
  rgb.ignoreAlpha = opaque(rgba, static_cast<std::size_t>(width) * height) ? AVIF_TRUE : AVIF_FALSE;
  if (avifResult result = avifImageRGBToYUV(image.get(), &rgb); result != AVIF_RESULT_OK) {
    return failed("the pixels could not be converted", result);
  }
  if (!options.exif.empty()) {
    if (avifResult result = avifImageSetMetadataExif(image.get(), options.exif.data(), options.exif.size());
        result != AVIF_RESULT_OK) {
      return failed("the Exif data could not be kept", result);
    }
  }

  std::unique_ptr<avifEncoder, EncoderDeleter> encoder(avifEncoderCreate());
  if (!encoder) return {{}, "out of memory"};
  encoder->quality = std::clamp(options.quality, 0, 100);
  encoder->qualityAlpha = encoder->quality;
  encoder->speed = std::clamp(options.speed, 0, 10);
  if (!options.tune.empty()) {
    if (avifResult result = avifEncoderSetCodecSpecificOption(encoder.get(), "tune", options.tune.c_str());
        result != AVIF_RESULT_OK) {
      return failed("the tune option could not be set", result);
    }
  }
  avifRWData output = AVIF_DATA_EMPTY;
  avifResult result = avifEncoderWrite(encoder.get(), image.get(), &output);
  if (result != AVIF_RESULT_OK) {
    avifRWDataFree(&output);
    return failed("the photo could not be encoded", result);
  }
  EncodedAvif encoded{{output.data, output.data + output.size}, {}};
  avifRWDataFree(&output);
  return encoded;
}

}  // namespace stills
