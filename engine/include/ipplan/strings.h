// strings.h — string building that works with std::string_view.
//
// Debian 12's Abseil is built with its own absl::string_view (ABSL_OPTION_USE_STD_STRING_VIEW
// is 0), so absl::StrCat does not take std::string_view arguments. `str_cat` is the small
// replacement: it appends strings, characters and integers of any width (uint128 too) into one
// std::string with a single reservation. `view` turns an absl::string_view (e.g. a Status
// message) into a std::string_view.
#pragma once

#include <charconv>
#include <concepts>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "ipplan/address.h"

namespace ipplan {

inline std::string_view view(absl::string_view text) { return {text.data(), text.size()}; }

namespace strings_internal {

inline void append(std::string& out, std::string_view text) { out.append(text); }
inline void append(std::string& out, const char* text) { out.append(text); }
inline void append(std::string& out, const std::string& text) { out.append(text); }
inline void append(std::string& out, absl::string_view text) { out.append(view(text)); }
inline void append(std::string& out, char c) { out.push_back(c); }
inline void append(std::string& out, uint128 value) {
  char digits[40];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + static_cast<int>(value % 10));
    value /= 10;
  } while (value != 0);
  while (n > 0) out.push_back(digits[--n]);
}
template <std::integral T>
  requires(!std::same_as<T, char> && !std::same_as<T, bool>)
void append(std::string& out, T value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

}  // namespace strings_internal

template <typename... Parts>
std::string str_cat(const Parts&... parts) {
  std::string out;
  out.reserve(64);
  (strings_internal::append(out, parts), ...);
  return out;
}

}  // namespace ipplan
