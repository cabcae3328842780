// output.cc — buffered output and escaping shared by the commands.
#include "output.h"

#include <cstring>

#include "ipplan/format.h"
#include "ipplan/strings.h"

namespace ipplan::cli {

void Writer::write(std::string_view text) {
  if (text.size() > kCapacity - used_) {
    flush();
    if (text.size() > kCapacity) {
      if (std::fwrite(text.data(), 1, text.size(), stream_) != text.size()) failed_ = true;
      return;
    }
  }
  std::memcpy(buffer_ + used_, text.data(), text.size());
  used_ += text.size();
}

void Writer::write_unsigned(unsigned long long n) {
  char digits[24];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  char* out = reserve(static_cast<std::size_t>(count));
  while (count > 0) *out++ = digits[--count];
  commit(out);
}

char* Writer::reserve(std::size_t n) {
  if (n > kCapacity - used_) flush();
  return buffer_ + used_;
}

bool Writer::flush() {
  if (used_ > 0 && std::fwrite(buffer_, 1, used_, stream_) != used_) failed_ = true;
  used_ = 0;
  if (std::fflush(stream_) != 0) failed_ = true;
  return !failed_;
}

namespace {

// Length of the valid UTF-8 sequence at text[i], or 0 when the bytes there are not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned min_second = 0x80;
  unsigned max_second = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) min_second = 0xa0;  // overlong
    if (lead == 0xed) max_second = 0x9f;  // surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) min_second = 0x90;  // overlong
    if (lead == 0xf4) max_second = 0x8f;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

std::string json_string(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (u < 0x20 || u == 0x7f) {
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else if (u < 0x80) {
      out += c;
    } else if (const std::size_t n = utf8_sequence_length(text, i); n != 0) {
      out.append(text.substr(i, n));
      i += n - 1;
    } else {
      out += "\\ufffd";  // invalid UTF-8 must not make the whole document invalid JSON
    }
  }
  out += '"';
  return out;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

PrefixListPrinter::PrefixListPrinter(OutputFormat format, Writer& out)
    : format_(format), out_(out) {
  if (format_ == OutputFormat::kJson) out_ << "{\"prefixes\": [";
  if (format_ == OutputFormat::kCsv) out_ << "prefix\n";
}

void PrefixListPrinter::add(const Prefix& prefix) {
  char* end = out_.reserve(kMaxPrefixText + 8);
  if (format_ == OutputFormat::kJson) {
    if (!first_) *end++ = ',';
    *end++ = '"';
  }
  end = write_prefix(prefix, end);
  *end++ = format_ == OutputFormat::kJson ? '"' : '\n';
  out_.commit(end);
  first_ = false;
}

void PrefixListPrinter::finish() {
  if (format_ == OutputFormat::kJson) out_ << "]}\n";
}

void print_prefix_list(const std::vector<Prefix>& prefixes, OutputFormat format, Writer& out) {
  PrefixListPrinter printer(format, out);
  for (const Prefix& prefix : prefixes) printer.add(prefix);
  printer.finish();
}

void print_error(std::string_view message) {
  std::fputs(str_cat("ipplan: ", message, "\n").c_str(), stderr);
}

}  // namespace ipplan::cli
