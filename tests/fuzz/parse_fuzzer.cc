// parse_fuzzer.cc — addresses, prefixes and ranges (parse.h) on arbitrary text.
//
// Checks: whatever parses prints canonically and re-parses to the same value; the fast
// try_parse_prefix agrees exactly with parse_prefix, and so do its wide IPv4 and IPv6 paths on the
// text followed by bytes that look like more of an address; the family-specific parsers agree with
// parse_address; a rejection points at a column inside the text (or just past it) and has a
// message; host-bit truncation changes exactly what it promises.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "ipplan/format.h"
#include "ipplan/parse.h"

using namespace ipplan;
using ipplan::fuzz::require;

namespace {

template <typename T>
void check_error(const ParseResult<T>& result, std::string_view text) {
  if (result.ok()) return;
  require(result.error.column >= 1 && result.error.column <= text.size() + 1,
          "error column outside the text:", text);
  require(!result.error.reason().empty(), "a rejection without a reason");
  require(!result.error.message("value", text).empty(), "a rejection without a message");
}

void check_address(const ParseResult<Address>& parsed, std::string_view text) {
  check_error(parsed, text);
  if (!parsed.ok()) return;
  const std::string canonical = to_string(parsed.value);
  const ParseResult<Address> again = parse_address(canonical);
  require(again.ok() && again.value == parsed.value, "address does not round-trip:", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const ParseResult<Address> address = parse_address(text);
  check_address(address, text);
  const ParseResult<Address> v4 = parse_ipv4(text);
  const ParseResult<Address> v6 = parse_ipv6(text);
  check_address(v4, text);
  check_address(v6, text);
  require(!(v4.ok() && v6.ok()), "text is both an IPv4 and an IPv6 address:", text);
  if (v4.ok()) require(address.ok() && address.value == v4.value, "parse_ipv4 disagrees:", text);
  if (v6.ok()) require(address.ok() && address.value == v6.value, "parse_ipv6 disagrees:", text);
  if (address.ok()) require(v4.ok() || v6.ok(), "parse_address accepts what neither family does:", text);

  const ParseResult<Prefix> strict = parse_prefix(text, HostBits::kReject);
  check_error(strict, text);
  Prefix fast;
  const bool fast_ok = try_parse_prefix(text, fast);
  require(fast_ok == strict.ok(), "try_parse_prefix and parse_prefix disagree on acceptance:", text);
  // 48 bytes or more after the text, so that both wide paths may read.
  const std::string followed = std::string(text) + "5.255.0/24.1/321:ffff:0:1::/64:abc:1.2.3.4/9999::";
  Prefix wide;
  const bool wide_ok = try_parse_prefix(std::string_view(followed.data(), text.size()),
                                        followed.data() + followed.size(), wide);
  require(wide_ok == fast_ok, "the wide parse path disagrees on acceptance:", text);
  if (wide_ok) require(wide == fast, "the wide parse path disagrees on the value:", text);
  if (strict.ok()) {
    require(fast == strict.value, "try_parse_prefix and parse_prefix disagree on the value:", text);
    require(!strict.host_bits_cleared, "host bits cleared under kReject:", text);
    ipplan::fuzz::require_round_trip(Range(strict.value));
  }
  if (address.ok()) {
    require(strict.ok() && strict.value == Prefix::host(address.value),
            "a bare address is not its single-address prefix:", text);
  }

  const ParseResult<Prefix> loose = parse_prefix(text, HostBits::kTruncate);
  check_error(loose, text);
  if (strict.ok()) {
    require(loose.ok() && loose.value == strict.value && !loose.host_bits_cleared,
            "truncation changed a clean prefix:", text);
  } else if (strict.error.kind == ParseErrorKind::kHostBitsSet) {
    require(loose.ok() && loose.host_bits_cleared, "truncation did not accept host bits:", text);
  } else {
    require(!loose.ok() && loose.error.kind == strict.error.kind,
            "truncation changed an unrelated rejection:", text);
  }
  if (loose.ok()) ipplan::fuzz::require_round_trip(Range(loose.value));

  const ParseResult<Range> range = parse_range(text, HostBits::kReject);
  check_error(range, text);
  if (range.ok()) ipplan::fuzz::require_round_trip(range.value);
  if (strict.ok()) {
    require(range.ok() && range.value == Range(strict.value), "parse_range disagrees:", text);
  }
  const ParseResult<Range> range_loose = parse_range(text, HostBits::kTruncate);
  check_error(range_loose, text);
  if (range_loose.ok()) ipplan::fuzz::require_round_trip(range_loose.value);
  if (range.ok()) {
    require(range_loose.ok() && range_loose.value == range.value, "truncation changed a range:", text);
  }
  return 0;
}
