// A minimal streaming JSON writer: the core hands its results to JS as one JSON string, which the
// engine parses natively in one call (far cheaper than building objects property by property).
#pragma once

#include <string>
#include <string_view>

namespace stills {

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  JsonWriter& number(double value);  // non-finite numbers become null, as JSON.stringify does
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  JsonWriter& raw(std::string_view json);  // an already serialised value

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void separate();
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);

  std::string out_;
  bool need_comma_ = false;
};

}  // namespace stills
