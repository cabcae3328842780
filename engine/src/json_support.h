// json_support.h — what the JSON readers share (internal to the engine).
//
// - JsonPath: the JSON path of the element being read (`$.values[3].properties.addressPrefixes[7]`),
//   built in one buffer that is reused for the whole input, so locating a record allocates nothing.
// - JsonReadContext: the sink, the options, the path and the reader-local record ordinal, with
//   typed access that reports an element of the wrong type as an error at its own path.
// - for_each_document: parses one JSON document, or several concatenated ones, and reports a
//   malformed document as one error (simdjson's message and, when it can be found, the byte
//   offset) instead of handing on any of it.
//
// Paths of concatenated documents start with `$[page N]` (NetBox REST pages) or
// `$[document N]` (anything else), N counted from 1; a single document's paths start with `$`.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/functional/function_ref.h"
#include "ipplan/prefix.h"
#include "ipplan/record.h"

namespace ipplan::json_internal {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// The path of the element being read. Keys pushed are the readers' own identifiers (never input
// text), so they need no quoting.
class JsonPath {
 public:
  void reset(std::string_view root) {
    text_.clear();
    text_.append(root);
  }
  void push_key(std::string_view key) {
    text_ += '.';
    text_ += key;
  }
  void push_index(std::size_t index);
  std::size_t size() const { return text_.size(); }
  void truncate(std::size_t size) { text_.resize(size); }
  std::string_view view() const { return text_; }

 private:
  std::string text_;
};

// Restores the path to its length at construction when it goes out of scope.
class PathScope {
 public:
  explicit PathScope(JsonPath& path) : path_(path), size_(path.size()) {}
  PathScope(JsonPath& path, std::string_view key) : PathScope(path) { path.push_key(key); }
  PathScope(JsonPath& path, std::size_t index) : PathScope(path) { path.push_index(index); }
  ~PathScope() { path_.truncate(size_); }
  PathScope(const PathScope&) = delete;
  PathScope& operator=(const PathScope&) = delete;

 private:
  JsonPath& path_;
  std::size_t size_;
};

// `"text"` for a message: control bytes, non-ASCII bytes and quotes escaped, shortened when long.
std::string quote(std::string_view text);

// What a value is, for "expected X, found Y": `an object`, `a number (10)`, `a string "x"`.
std::string describe(element value);

// The member `key` of `object`, or nullopt when it is absent or null.
std::optional<element> member(object value, std::string_view key);

class JsonReadContext {
 public:
  JsonReadContext(const ReadOptions& options, RecordSink& sink) : options_(options), sink_(sink) {}

  JsonPath& path() { return path_; }
  Location location() const { return Location{0, path_.view()}; }

  void error(std::string message) { sink_.error(location(), std::move(message)); }
  void warning(std::string message) { sink_.warning(location(), std::move(message)); }
  void skipped(std::string_view what) { sink_.skipped(location(), what); }

  // Hands `record` on located at the current path; returns its reader-local ordinal.
  std::uint32_t emit(RawRecord& record) {
    record.location = location();
    sink_.record(record);
    return next_ordinal_++;
  }

  // Typed access: on a type mismatch, an error "expected WHAT, found ..." at the current path.
  bool get_object(element value, std::string_view what, object& out);
  bool get_array(element value, std::string_view what, array& out);
  bool get_string(element value, std::string_view what, std::string_view& out);
  // The string member `key` of `value` into `out` (empty when absent or null); false after an
  // error when it is there but not a string.
  bool optional_string(object value, std::string_view key, std::string_view& out);

  // The prefix string at the current path, parsed with the reader options; nullopt after an
  // error (wrong type or invalid prefix). `cleared` tells whether host bits were truncated.
  std::optional<Prefix> prefix(element value, bool& cleared);
  // An address string; `with_mask` accepts and drops a `/len` suffix (NetBox IP range ends).
  std::optional<Address> address(element value, bool with_mask);

 private:
  const ReadOptions& options_;
  RecordSink& sink_;
  JsonPath path_;
  std::uint32_t next_ordinal_ = 0;
};

// Parses `bytes` (a UTF-8 byte order mark is skipped) and calls `visit` with the root of each
// document, the context's path reset to that root. Concatenated documents (`{...}{...}`) are
// visited in order, their paths prefixed `$[UNIT N]`. A malformed document is one error at its
// root path, and reading stops there.
void for_each_document(std::string_view bytes, std::string_view unit, JsonReadContext& context,
                       absl::FunctionRef<void(element)> visit);

}  // namespace ipplan::json_internal
