// The longest text file (a post, index.yaml) the core reads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace stills {

// Posts are kilobytes (a long essay is ~100 KB; 5,000 photos with captions ~0.5 MB). Past this, reading
// costs more than a tab can spare: yaml-cpp keeps ~60 bytes of nodes per byte of YAML (1 MiB of
// frontmatter: ~0.5 s and 60 MiB of wasm heap, which never shrinks).
inline constexpr std::size_t kMaxFileBytes = std::size_t{1} << 20;

// Where a text longer than kMaxFileBytes is cut: after its last line break within the limit, or at
// the limit (never inside a UTF-8 sequence) if that line is longer. The text's size if it fits.
std::size_t file_cut(std::string_view text);

// The diagnostic's message for a file cut at file_cut; `what` names the file ("a post").
std::string file_cut_message(std::string_view what);

}  // namespace stills
