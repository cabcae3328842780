// json_support.cc — JSON paths, typed access with errors at the element's path, and parsing of
// one or several documents with malformed input reported once, located when possible.
#include "json_support.h"

#include <algorithm>
#include <charconv>

#include "ipplan/parse.h"
#include "ipplan/strings.h"

namespace ipplan::json_internal {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kMaxQuoted = 64;
// simdjson's own limit (dom::parser's default max_depth); the error walk never goes deeper.
constexpr int kMaxWalkDepth = 1024;

// How the input ends, from a scan that only tracks strings and nesting: an input that ends
// inside a string or with containers still open was cut short.
bool ends_unfinished(std::string_view text) {
  std::size_t open = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++open;
    } else if ((c == '}' || c == ']') && open > 0) {
      --open;
    }
  }
  return in_string || open > 0;
}

// The first control character (a NUL, a raw line break) inside a string.
std::optional<std::size_t> first_unescaped_control(std::string_view text) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!in_string) {
      in_string = c == '"';
    } else if (c < 0x20) {
      return i;
    } else if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = false;
    }
  }
  return std::nullopt;
}

// The first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t lowest = 0;
    if ((lead & 0xE0) == 0xC0) {
      length = 2;
      lowest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      lowest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      lowest = 0x10000;
    } else {
      return i;
    }
    if (text.size() - i < length) return i;
    std::uint32_t code_point = lead & (0x7FU >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code_point = (code_point << 6) | (next & 0x3FU);
    }
    if (code_point < lowest || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return i;
    }
    i += length;
  }
  return std::nullopt;
}

namespace od = simdjson::ondemand;

// Visits every value so that On-Demand, which validates lazily, runs into the first problem.
// Only used on the error path, to find where a document the DOM parser refused goes wrong.
bool walk(od::value value, int depth) {
  if (depth > kMaxWalkDepth) return false;
  od::json_type type;
  if (value.type().get(type) != simdjson::SUCCESS) return false;
  switch (type) {
    case od::json_type::array: {
      od::array items;
      if (value.get_array().get(items) != simdjson::SUCCESS) return false;
      for (auto item : items) {
        od::value child;
        if (item.get(child) != simdjson::SUCCESS || !walk(child, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::object: {
      od::object fields;
      if (value.get_object().get(fields) != simdjson::SUCCESS) return false;
      for (auto field : fields) {
        od::field member_field;
        if (std::move(field).get(member_field) != simdjson::SUCCESS) return false;
        if (!walk(member_field.value(), depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view text;
      return value.get_string().get(text) == simdjson::SUCCESS;
    }
    case od::json_type::number: {
      od::number number;
      return value.get_number().get(number) == simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
      bool flag;
      return value.get_bool().get(flag) == simdjson::SUCCESS;
    }
    case od::json_type::null: {
      bool is_null = false;
      return value.is_null().get(is_null) == simdjson::SUCCESS && is_null;
    }
  }
  return false;
}

// Where On-Demand, walking the document, runs into a problem (or, when the walk completes, where
// content after the document starts).
struct WalkPlace {
  std::size_t offset;
  bool after_document;
};
std::optional<WalkPlace> walk_to_problem(const simdjson::padded_string& text) {
  od::parser parser;
  od::document document;
  od::value root;
  if (parser.iterate(text).get(document) != simdjson::SUCCESS ||
      document.get_value().get(root) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  const bool whole = walk(root, 0);
  const char* where = nullptr;
  if (document.current_location().get(where) != simdjson::SUCCESS || where == nullptr ||
      where < text.data() || where > text.data() + text.size()) {
    return std::nullopt;
  }
  return WalkPlace{static_cast<std::size_t>(where - text.data()), whole};
}

// The message for a document the DOM parser refused with `code`; `text` is what was parsed and
// `base` the offset of its first byte in the input as the user has it.
std::string malformed_message(const simdjson::padded_string& text, simdjson::error_code code,
                              std::size_t base) {
  const std::string_view reason = simdjson::error_message(code);
  const auto at = [&](std::size_t offset, std::string_view note) {
    return str_cat("malformed JSON at byte offset ", base + offset, note, ": ", reason);
  };
  const std::string_view view(text.data(), text.size());
  if (code == simdjson::UTF8_ERROR) {
    if (const auto offset = first_invalid_utf8(view)) return at(*offset, "");
  } else if (code == simdjson::UNESCAPED_CHARS) {
    if (const auto offset = first_unescaped_control(view)) return at(*offset, "");
  } else if (code != simdjson::EMPTY && code != simdjson::DEPTH_ERROR &&
             code != simdjson::CAPACITY && code != simdjson::MEMALLOC) {
    if (ends_unfinished(view)) return at(text.size(), " (end of input, truncated?)");
    if (const auto place = walk_to_problem(text)) {
      return at(place->offset, place->after_document ? " (after the end of the document)" : "");
    }
  }
  return str_cat("malformed JSON: ", reason);
}

}  // namespace

void JsonPath::push_index(std::size_t index) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
  text_ += '[';
  text_.append(digits, end);
  text_ += ']';
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text.substr(0, kMaxQuoted)) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  out += '"';
  if (text.size() > kMaxQuoted) out += str_cat("... (", text.size(), " bytes)");
  return out;
}

std::string describe(element value) {
  using simdjson::dom::element_type;
  switch (value.type()) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::STRING: {
      std::string_view text;
      if (value.get_string().get(text) != simdjson::SUCCESS) text = {};
      return str_cat("a string ", quote(text));
    }
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return str_cat("a number (", simdjson::to_string(value), ")");
    case element_type::BOOL:
      return str_cat("a boolean (", simdjson::to_string(value), ")");
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

std::optional<element> member(object value, std::string_view key) {
  element found;
  if (value.at_key(key).get(found) != simdjson::SUCCESS || found.is_null()) return std::nullopt;
  return found;
}

bool JsonReadContext::get_object(element value, std::string_view what, object& out) {
  if (value.get_object().get(out) == simdjson::SUCCESS) return true;
  error(str_cat("expected ", what, ", found ", describe(value)));
  return false;
}

bool JsonReadContext::get_array(element value, std::string_view what, array& out) {
  if (value.get_array().get(out) == simdjson::SUCCESS) return true;
  error(str_cat("expected ", what, ", found ", describe(value)));
  return false;
}

bool JsonReadContext::get_string(element value, std::string_view what, std::string_view& out) {
  if (value.get_string().get(out) == simdjson::SUCCESS) return true;
  error(str_cat("expected ", what, ", found ", describe(value)));
  return false;
}

bool JsonReadContext::optional_string(object value, std::string_view key, std::string_view& out) {
  out = {};
  const std::optional<element> found = member(value, key);
  if (!found) return true;
  PathScope scope(path_, key);
  return get_string(*found, "a string", out);
}

std::optional<Prefix> JsonReadContext::prefix(element value, bool& cleared) {
  std::string_view text;
  if (!get_string(value, "a prefix string", text)) return std::nullopt;
  const ParseResult<Prefix> parsed = parse_prefix(text, options_.host_bits);
  if (!parsed.ok()) {
    error(parsed.error.message("prefix", text));
    return std::nullopt;
  }
  cleared = parsed.host_bits_cleared;
  return parsed.value;
}

std::optional<Address> JsonReadContext::address(element value, bool with_mask) {
  std::string_view text;
  if (!get_string(value, "an address string", text)) return std::nullopt;
  if (with_mask) text = text.substr(0, text.find('/'));
  const ParseResult<Address> parsed = parse_address(text);
  if (!parsed.ok()) {
    error(parsed.error.message("address", text));
    return std::nullopt;
  }
  return parsed.value;
}

void for_each_document(std::string_view bytes, std::string_view unit, JsonReadContext& context,
                       absl::FunctionRef<void(element)> visit) {
  std::size_t base = 0;
  if (bytes.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    bytes.remove_prefix(kByteOrderMark.size());
    base = kByteOrderMark.size();
  }
  JsonPath& path = context.path();
  path.reset("$");
  // simdjson indexes with 32 bits; refuse before copying gigabytes that cannot be parsed.
  if (bytes.size() > simdjson::SIMDJSON_MAXSIZE_BYTES) {
    context.error(str_cat("input too large for the JSON parser: ", bytes.size(),
                          " bytes, at most ", simdjson::SIMDJSON_MAXSIZE_BYTES));
    return;
  }
  const simdjson::padded_string text(bytes);
  simdjson::dom::parser parser;
  element root;
  const simdjson::error_code code = parser.parse(text).get(root);
  if (code == simdjson::SUCCESS) {
    visit(root);
    return;
  }
  // `{...}{...}` fails as one document; when it reads as several complete ones, it is a stream
  // (NetBox pages appended to one file, one `az` call per subscription).
  if (code == simdjson::TAPE_ERROR) {
    simdjson::dom::document_stream stream;
    const std::size_t batch = std::max<std::size_t>(text.size(), 4096);
    if (parser.parse_many(text, batch).get(stream) == simdjson::SUCCESS) {
      auto it = stream.begin();
      element first;
      if (it != stream.end() && (*it).get(first) == simdjson::SUCCESS) {
        std::size_t number = 0;
        const auto reset = [&] {
          ++number;
          path.reset(str_cat("$[", unit, " ", number, "]"));
        };
        for (; it != stream.end(); ++it) {
          reset();
          element document;
          if (const auto document_code = (*it).get(document); document_code != simdjson::SUCCESS) {
            context.error(str_cat("malformed JSON in the document starting at byte offset ",
                                  base + it.current_index(), ": ",
                                  simdjson::error_message(document_code)));
            return;
          }
          visit(document);
        }
        // What the stream could not cut into documents: the last one, incomplete or broken.
        if (const std::size_t rest = stream.truncated_bytes(); rest > 0) {
          reset();
          const std::size_t start = text.size() - rest;
          const simdjson::padded_string last(std::string_view(text.data() + start, rest));
          simdjson::dom::parser last_parser;
          element document;
          const simdjson::error_code last_code = last_parser.parse(last).get(document);
          if (last_code == simdjson::SUCCESS) {
            visit(document);
          } else {
            context.error(malformed_message(last, last_code, base + start));
          }
        }
        return;
      }
    }
  }
  context.error(malformed_message(text, code, base));
}

}  // namespace ipplan::json_internal
