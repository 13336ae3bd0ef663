#include "post/date.h"

#include <cstdint>

namespace stills {
namespace {

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ == text_.size(); }
  bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool accept(char c) {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }
  // Exactly `count` decimal digits.
  std::optional<int> digits(int count) {
    if (pos_ + count > text_.size()) return std::nullopt;
    int value = 0;
    for (int i = 0; i < count; ++i) {
      char c = text_[pos_ + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    pos_ += count;
    return value;
  }
  // The digits of a fraction after the decimal point, as milliseconds.
  double fraction_ms() {
    double scale = 100, ms = 0;
    bool any = false;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      ms += (text_[pos_++] - '0') * scale;
      scale /= 10;
      any = true;
    }
    return any ? ms : -1;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, int month, int day) {
  year -= month <= 2;
  std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  std::int64_t year_of_era = year - era * 400;
  std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// "Z", "+hh:mm", "+hhmm" or "+hh" as minutes east of UTC; nothing for anything else.
std::optional<int> offset_minutes(Cursor& in) {
  if (in.accept('Z') || in.accept('z')) return 0;
  int sign = in.accept('+') ? 1 : in.accept('-') ? -1 : 0;
  if (sign == 0) return std::nullopt;
  auto hours = in.digits(2);
  if (!hours || *hours > 23) return std::nullopt;
  in.accept(':');
  int minutes = 0;
  if (!in.done()) {
    auto m = in.digits(2);
    if (!m || *m > 59) return std::nullopt;
    minutes = *m;
  }
  return sign * (*hours * 60 + minutes);
}

}  // namespace

std::optional<double> parse_iso8601(std::string_view text) {
  Cursor in(text);
  auto year = in.digits(4);
  if (!year || !in.accept('-')) return std::nullopt;
  auto month = in.digits(2);
  if (!month || *month < 1 || *month > 12 || !in.accept('-')) return std::nullopt;
  auto day = in.digits(2);
  if (!day || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  double ms = static_cast<double>(days_from_civil(*year, *month, *day)) * 86400000.0;
  if (in.done()) return ms;

  if (!in.accept('T') && !in.accept('t') && !in.accept(' ')) return std::nullopt;
  auto hour = in.digits(2);
  if (!hour || *hour > 23 || !in.accept(':')) return std::nullopt;
  auto minute = in.digits(2);
  if (!minute || *minute > 59) return std::nullopt;
  int second = 0;
  double fraction = 0;
  if (in.accept(':')) {
    auto s = in.digits(2);
    if (!s || *s > 59) return std::nullopt;
    second = *s;
    if (in.accept('.') || in.accept(',')) {
      fraction = in.fraction_ms();
      if (fraction < 0) return std::nullopt;
    }
  }
  ms += ((*hour * 60.0 + *minute) * 60.0 + second) * 1000.0 + fraction;
  if (in.done()) return ms;
  auto offset = offset_minutes(in);
  if (!offset || !in.done()) return std::nullopt;
  return ms - *offset * 60000.0;
}

}  // namespace stills
