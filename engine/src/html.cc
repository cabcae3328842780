// html.cc — escaping for the report page; UTF-8 is validated by hand (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
#include "ipplan/html.h"

#include <cstdint>

namespace ipplan {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t minimum = 0;
  std::uint32_t code = 0;
  if ((lead & 0xe0) == 0xc0) {
    length = 2, minimum = 0x80, code = lead & 0x1fU;
  } else if ((lead & 0xf0) == 0xe0) {
    length = 3, minimum = 0x800, code = lead & 0x0fU;
  } else if ((lead & 0xf8) == 0xf0) {
    length = 4, minimum = 0x10000, code = lead & 0x07U;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3fU);
  }
  if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
  return length;
}

bool is_unwanted_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}

// Calls `ascii(c)` for each ASCII character, `other(sequence)` for each valid multi-byte one and
// `invalid()` for each invalid byte or unwanted control character.
template <typename Ascii, typename Other, typename Invalid>
void walk_utf8(std::string_view text, Ascii ascii, Other other, Invalid invalid) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = utf8_length(text, i);
    if (length == 0 || (length == 1 && is_unwanted_control(static_cast<unsigned char>(text[i])))) {
      invalid();
      ++i;
    } else if (length == 1) {
      ascii(text[i]);
      ++i;
    } else {
      other(text.substr(i, length));
      i += length;
    }
  }
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  walk_utf8(
      text,
      [&](char c) {
        switch (c) {
          case '&': out += "&amp;"; break;
          case '<': out += "&lt;"; break;
          case '>': out += "&gt;"; break;
          case '"': out += "&quot;"; break;
          case '\'': out += "&#39;"; break;
          default: out += c;
        }
      },
      [&](std::string_view sequence) { out += sequence; }, [&] { out += "\xef\xbf\xbd"; });
  return out;
}

std::string json_in_script(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 18);
  out += '"';
  walk_utf8(
      text,
      [&](char c) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
          out += '\\';
          out += c;
        } else if (u < 0x20 || c == '<' || c == '>' || c == '&') {
          out += "\\u00";
          out += kHex[u >> 4];
          out += kHex[u & 0xf];
        } else {
          out += c;
        }
      },
      [&](std::string_view sequence) {
        if (sequence == "\xe2\x80\xa8") {
          out += "\\u2028";
        } else if (sequence == "\xe2\x80\xa9") {
          out += "\\u2029";
        } else {
          out += sequence;
        }
      },
      [&] { out += "\\ufffd"; });
  out += '"';
  return out;
}

}  // namespace ipplan
