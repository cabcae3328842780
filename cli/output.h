// output.h — what every command shares for printing: the --format choice, a buffered writer
// that notices write errors, JSON/CSV escaping, and messages on stderr.
#pragma once

#include <concepts>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "ipplan/prefix.h"

namespace ipplan::cli {

enum class OutputFormat { kText, kJson, kCsv };

// Exit codes of SPEC section 7.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;  // conflicts, no room, ASN refused
inline constexpr int kExitBadInput = 2;  // bad input or usage

// A large buffer in front of a FILE*; flush() reports whether everything reached the stream
// (a full disk or closed pipe must not look like success).
class Writer {
 public:
  explicit Writer(std::FILE* stream) : stream_(stream) {}
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer() { flush(); }

  void write(std::string_view text);
  Writer& operator<<(std::string_view text) {
    write(text);
    return *this;
  }
  Writer& operator<<(char c) {
    write(std::string_view(&c, 1));
    return *this;
  }
  template <std::unsigned_integral T>
    requires(!std::same_as<T, char> && !std::same_as<T, bool>)
  Writer& operator<<(T n) {
    write_unsigned(n);
    return *this;
  }
  template <std::signed_integral T>
    requires(!std::same_as<T, char>)
  Writer& operator<<(T n) {
    if (n < 0) {
      write("-");
      write_unsigned(0ULL - static_cast<unsigned long long>(n));
    } else {
      write_unsigned(static_cast<unsigned long long>(n));
    }
    return *this;
  }
  // Room for `n` bytes written directly; commit() says how many were used.
  char* reserve(std::size_t n);
  void commit(char* end) { used_ = static_cast<std::size_t>(end - buffer_); }
  bool flush();

 private:
  void write_unsigned(unsigned long long n);

  static constexpr std::size_t kCapacity = 1 << 16;
  std::FILE* stream_;
  char buffer_[kCapacity];
  std::size_t used_ = 0;
  bool failed_ = false;
};

// `"text"` with JSON escapes: control characters as \u00XX, valid UTF-8 kept, each invalid byte
// as \ufffd so that hostile input never makes the document invalid JSON.
std::string json_string(std::string_view text);
// A CSV field per RFC 4180: quoted only when it holds a comma, quote, CR or LF.
std::string csv_field(std::string_view text);

// A list of prefixes: one a line (text), {"prefixes": [...]} (JSON), or a `prefix` column (CSV).
void print_prefix_list(const std::vector<Prefix>& prefixes, OutputFormat format, Writer& out);

// The same output, written as the prefixes come: the header on construction, then add() for
// each prefix, then finish() once for the closing text.
class PrefixListPrinter {
 public:
  PrefixListPrinter(OutputFormat format, Writer& out);
  void add(const Prefix& prefix);
  void finish();

 private:
  OutputFormat format_;
  Writer& out_;
  bool first_ = true;
};

// Writes `ipplan: message` to stderr.
void print_error(std::string_view message);

}  // namespace ipplan::cli
