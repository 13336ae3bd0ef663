// The AVIF header probe as the page asks it: the first bytes, then as many as it says it needs, and
// the whole file at once. An answer asking for no more than it was given would loop the page: the
// target aborts on one.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "avif/probe.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  stills::probe_avif(data, size, true);
  // As the page asks: the bytes so far, then as many as the probe says it needs.
  std::size_t have = size < 1024 ? size : 1024;
  for (;;) {
    stills::AvifProbe probe = stills::probe_avif(data, have, have == size);
    if (probe.status != stills::AvifProbe::Status::NeedMore) break;
    if (probe.need <= have) std::abort();
    if (probe.need > size) break;  // the file is shorter than its header says
    have = static_cast<std::size_t>(probe.need);
  }
  return 0;
}
