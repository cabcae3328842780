// inventory_generator.h — deterministic synthetic inventories in the input formats of SPEC
// section 3, for the ingest benchmarks (generated in memory) and `ipplan_gen --format` (streamed).
//
// The same options (format, family, count, overlap share, seed) always give the same bytes on
// every platform: random numbers come from splitmix64 and integer arithmetic only.
//
// What the address space looks like:
//   * Records that do not overlap anything are carved out of distinct "slots": aligned blocks
//     handed out in a scattered order by a bijective scramble of the slot number, so the input is
//     not sorted and no two such records overlap. IPv4 slots lie in 1.0.0.0-223.255.255.255
//     without 127/8, 168/8 and 169/8 (loopback, Azure's 168.63.129.16, link-local); their length
//     is the longest that still gives a slot to every record (/17 for 100k, /21 for 1M, /24 for
//     10M records). IPv6 slots are /32s under 2000::/3.
//   * Inside its slot a record's length follows real tables (IPv4: /24 40%, /16-/23 20%,
//     /25-/31 15%, /32 20%, /8-/15 5%, lengths shorter than the slot drawn again inside it;
//     IPv6: /33-/47 15%, /48 20%, /56 15%, /64 30%, /65-/127 5%, /128 15%), at a random aligned
//     place, with IPv6 groups as people number them (often zero or one or two hex digits).
//   * With probability `overlap_share` a record instead overlaps an earlier one (drawn from a
//     sample of up to 64Ki earlier assigned records of its family), in the same VRF: a duplicate
//     (40%), a sub-prefix up to 8 bits longer (35%), or (25%) a crossing range `first-last` that
//     starts inside the earlier prefix and ends past it — in `list` and `csv`, the formats that
//     hold ranges — or else a super-prefix up to 4 bits shorter. So `verify` has conflicts to
//     find, and the share of records involved is known.
//   * 5% of the other records are containers (NetBox `Container`, Infoblox networkcontainer);
//     15% are in one of 8 VRFs (NetBox VRF, Infoblox network view), the rest in the global one.
//     Descriptions are `site-NNNN <function>` (16,000 distinct values; 1 in 32 carries
//     `, floor N` and so is quoted in CSV); 30% of NetBox rows name one of 20 tenants.
//   family v4 or v6 only; mixed draws the family record by record (Azure: VNet by VNet, half of
//   them dual-stack), so about half of the records are IPv4.
//
// The formats (what `--format` names) and their shape:
//   list          one prefix or range a line
//   csv           `prefix,vrf,status,description` (generic; vrf empty = global)
//   netbox-csv    NetBox UI export `Prefix,Status,VRF,Tenant,Description`, `Active` /
//                 `Container`, VRF `Global` when none
//   infoblox-csv  `header-network,address*,netmask*,network_view,comment` and
//                 `header-networkcontainer,...` (IPv6: `header-ipv6network,address*,cidr*,...`),
//                 all headers first, rows of the types interleaved; view `default` = global
//   azure-vnets   `az network vnet list` (flattened keys, sorted, indented by 2): VNets of 1-2
//                 address prefixes (a dual-stack VNet one of each family) with 1-6 subnets carved
//                 in order inside them (`addressPrefix`, dual-stack `addressPrefixes`). Every
//                 address prefix and every subnet prefix is a record. Overlap works VNet by VNet:
//                 an overlapping VNet's address space duplicates, narrows or widens an earlier
//                 VNet's, so all its records overlap that VNet (another domain).
//   servicetags   ServiceTags_Public.json: tags of 1-2000 prefixes (mean about 1000), indented
//   netbox-json   one NetBox REST page, compact: `{"count":N,"next":null,"previous":null,
//                 "results":[{"id","prefix","status":{"value","label"},"vrf":null|{"id","name",
//                 "rd"},"description"}]}`
// Every format yields exactly `count` records, and every line or element of it is valid input.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ipplan/address.h"
#include "ipplan/format.h"
#include "ipplan/input_format.h"
#include "ipplan/prefix.h"
#include "ipplan/range.h"
#include "list_generator.h"

namespace ipplan::bench {

enum class InventoryFormat : std::uint8_t {
  kList,
  kCsv,
  kNetboxCsv,
  kInfobloxCsv,
  kAzureVnets,
  kServiceTags,
  kNetboxJson,
};

struct InventoryFormatInfo {
  InventoryFormat format;
  std::string_view name;  // as `ipplan_gen --format` spells it
  InputFormat input;      // what ipplan::read_input reads it as
};

inline constexpr std::array<InventoryFormatInfo, 7> kInventoryFormats{{
    {InventoryFormat::kList, "list", InputFormat::kList},
    {InventoryFormat::kCsv, "csv", InputFormat::kCsv},
    {InventoryFormat::kNetboxCsv, "netbox-csv", InputFormat::kNetboxCsv},
    {InventoryFormat::kInfobloxCsv, "infoblox-csv", InputFormat::kInfobloxCsv},
    {InventoryFormat::kAzureVnets, "azure-vnets", InputFormat::kAzureVnets},
    {InventoryFormat::kServiceTags, "servicetags", InputFormat::kAzureServiceTags},
    {InventoryFormat::kNetboxJson, "netbox-json", InputFormat::kNetboxJson},
}};

inline const InventoryFormatInfo& format_info(InventoryFormat format) {
  for (const InventoryFormatInfo& info : kInventoryFormats) {
    if (info.format == format) return info;
  }
  return kInventoryFormats[0];
}

// Also accepts ipplan's own name `azure-servicetags`.
inline std::optional<InventoryFormat> parse_inventory_format(std::string_view name) {
  if (name == "azure-servicetags") return InventoryFormat::kServiceTags;
  for (const InventoryFormatInfo& info : kInventoryFormats) {
    if (info.name == name) return info.format;
  }
  return std::nullopt;
}

struct InventoryOptions {
  InventoryFormat format = InventoryFormat::kList;
  ListFamily family = ListFamily::kMixed;
  std::uint64_t count = 0;
  double overlap_share = 0.0;  // 0..1
  std::uint64_t seed = kDefaultSeed;
};

// What was generated (for `ipplan_gen --summary` and sanity checks).
struct InventorySummary {
  std::uint64_t records = 0;
  std::uint64_t overlapping = 0;  // records placed to overlap an earlier record
  std::uint64_t ranges = 0;       // records that are not prefixes
  std::uint64_t containers = 0;
  std::uint64_t ipv6 = 0;
  std::uint64_t groups = 0;       // Azure VNets or service tags
  std::uint64_t bytes = 0;
};

namespace inventory_internal {

class Random {  // splitmix64
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  uint128 next128() { return (uint128{next()} << 64) | next(); }
  // [0, n) for n < 2^32 (multiply-shift).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
  }
  std::uint32_t between(std::uint32_t lo, std::uint32_t hi) { return lo + below(hi - lo + 1); }
  int between(int lo, int hi) {
    return static_cast<int>(between(static_cast<std::uint32_t>(lo), static_cast<std::uint32_t>(hi)));
  }
  // True with probability p, from 53 random bits.
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

 private:
  std::uint64_t state_;
};

inline int family_bits(Family family) { return family == Family::kV4 ? 32 : 128; }

inline Address address_at(Family family, uint128 value) {
  return family == Family::kV4 ? Address::v4(static_cast<std::uint32_t>(value)) : Address::v6(value);
}

// The first octets IPv4 slots use: 1-223 without 127, 168 and 169.
inline constexpr std::array<std::uint8_t, 220> kV4FirstOctets = [] {
  std::array<std::uint8_t, 220> octets{};
  std::size_t n = 0;
  for (int octet = 1; octet <= 223; ++octet) {
    if (octet == 127 || octet == 168 || octet == 169) continue;
    octets[n++] = static_cast<std::uint8_t>(octet);
  }
  return octets;
}();

// Hands out distinct aligned blocks of one family, `needed` of them at least, in a scattered
// order: slot i is the block numbered scramble(i), where scramble is a bijection on [0, 2^k)
// (odd multiplications and xor-shifts modulo 2^k) walked until it lands below the slot count.
class SlotSpace {
 public:
  SlotSpace(Family family, std::uint64_t needed, std::uint64_t key) : family_(family) {
    needed = std::max<std::uint64_t>(needed, 1);
    if (family == Family::kV4) {
      length_ = 8;
      while (length_ < 32 && (std::uint64_t{kV4FirstOctets.size()} << (length_ - 8)) < needed) {
        ++length_;
      }
      slots_ = std::uint64_t{kV4FirstOctets.size()} << (length_ - 8);
    } else {
      length_ = 32;  // 2^29 slots under 2000::/3; more only beyond half a billion records
      while (length_ < 64 && (std::uint64_t{1} << (length_ - 3)) < needed) ++length_;
      slots_ = std::uint64_t{1} << (length_ - 3);
    }
    bits_ = static_cast<int>(std::bit_width(slots_ - 1));
    mask_ = bits_ >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits_) - 1;
    shift_ = std::max(1, bits_ / 2);
    Random random(key);
    for (std::uint64_t& m : multipliers_) m = random.next() | 1;
    offset_ = random.next();
  }

  int slot_length() const { return length_; }

  // The next unused slot; nullopt once every slot was handed out.
  std::optional<Prefix> next() {
    if (used_ >= slots_) return std::nullopt;
    std::uint64_t index = scramble(used_++);
    while (index >= slots_) index = scramble(index);
    return slot(index);
  }

 private:
  std::uint64_t scramble(std::uint64_t x) const {
    if (bits_ == 0) return 0;
    x = (x * multipliers_[0] + offset_) & mask_;
    x ^= x >> shift_;
    x = (x * multipliers_[1]) & mask_;
    x ^= x >> shift_;
    x = (x * multipliers_[2]) & mask_;
    x ^= x >> shift_;
    return x;
  }

  Prefix slot(std::uint64_t index) const {
    if (family_ == Family::kV4) {
      const int rest_bits = length_ - 8;
      const std::uint64_t octet = kV4FirstOctets[index >> rest_bits];
      const std::uint64_t rest = index & ((std::uint64_t{1} << rest_bits) - 1);
      const auto value = static_cast<std::uint32_t>((octet << 24) | (rest << (32 - length_)));
      return Prefix::containing(Address::v4(value), length_);
    }
    const std::uint64_t high = (std::uint64_t{1} << 61) | (index << (64 - length_));
    return Prefix::containing(Address::v6(high, 0), length_);
  }

  Family family_;
  int length_ = 0;
  std::uint64_t slots_ = 0;
  int bits_ = 0;
  std::uint64_t mask_ = 0;
  int shift_ = 1;
  std::array<std::uint64_t, 3> multipliers_{};
  std::uint64_t offset_ = 0;
  std::uint64_t used_ = 0;
};

inline constexpr std::array<std::string_view, 9> kVrfNames = {
    "", "blue", "red", "green", "orange", "mgmt", "guest", "lab", "backup"};
inline constexpr std::array<std::string_view, 8> kFunctions = {
    "users", "servers", "voice", "printers", "mgmt", "dmz", "wifi", "iot"};
constexpr std::uint32_t kSites = 2000;
constexpr std::uint32_t kTenants = 20;

// One record of the flat formats, before it is written.
struct Entry {
  Range range;
  bool is_prefix = true;
  bool overlap = false;
  bool container = false;
  std::uint8_t vrf = 0;      // index in kVrfNames; 0 = the global namespace
  std::uint8_t tenant = 0;   // 0 = none, else tenant-01..tenant-20
  std::uint8_t function = 0;
  std::uint8_t floor = 0;    // 0 = none; else the description carries ", floor N"
  std::uint16_t site = 0;
};

// What an overlapping record may be made from: an earlier record's prefix and VRF.
struct Earlier {
  Prefix prefix;
  std::uint8_t vrf = 0;
};

// A sample of earlier records of one family: filled in order, then each new one replaces a
// random element.
class Reservoir {
 public:
  static constexpr std::size_t kCapacity = 1U << 16;
  void add(const Earlier& earlier, Random& random) {
    if (items_.size() < kCapacity) {
      items_.push_back(earlier);
    } else {
      items_[random.below(kCapacity)] = earlier;
    }
  }
  bool empty() const { return items_.empty(); }
  const Earlier& pick(Random& random) const {
    return items_[random.below(static_cast<std::uint32_t>(items_.size()))];
  }

 private:
  std::vector<Earlier> items_;
};

// The address-space side of the generator, shared by every format.
class AddressPlan {
 public:
  explicit AddressPlan(const InventoryOptions& options)
      : options_(options),
        random_(options.seed),
        v4_(Family::kV4, options.count, options.seed ^ 0x5bd1e9955bd1e995ULL),
        v6_(Family::kV6, options.count, options.seed ^ 0xc2b2ae3d27d4eb4fULL) {}

  Random& random() { return random_; }

  Family pick_family() {
    switch (options_.family) {
      case ListFamily::kV4: return Family::kV4;
      case ListFamily::kV6: return Family::kV6;
      case ListFamily::kMixed: break;
    }
    return random_.below(2) == 0 ? Family::kV4 : Family::kV6;
  }

  bool pick_overlap(Family family) {
    return options_.overlap_share > 0 && !reservoir(family).empty() &&
           random_.chance(options_.overlap_share);
  }

  SlotSpace& space(Family family) { return family == Family::kV4 ? v4_ : v6_; }
  Reservoir& reservoir(Family family) { return family == Family::kV4 ? v4_earlier_ : v6_earlier_; }

  // A fresh slot; the generator cannot run out below 3.6 billion IPv4 or 2^61 IPv6 records.
  Prefix fresh_slot(Family family) {
    const std::optional<Prefix> slot = space(family).next();
    if (!slot) {
      std::fprintf(stderr, "inventory_generator: out of %s slots\n",
                   family == Family::kV4 ? "IPv4" : "IPv6");
      std::abort();
    }
    return *slot;
  }

  // A record of table-like length at a random aligned place inside a fresh slot.
  Prefix fresh_prefix(Family family) {
    const Prefix slot = fresh_slot(family);
    const int slot_length = slot.length();
    if (family == Family::kV4) {
      const std::uint32_t r = random_.below(100);
      int length = 24;
      if (r < 5) {
        length = random_.between(8, 15);
      } else if (r < 25) {
        length = random_.between(16, 23);
      } else if (r < 65) {
        length = 24;
      } else if (r < 80) {
        length = random_.between(25, 31);
      } else {
        length = 32;
      }
      if (length < slot_length) length = random_.between(slot_length, std::max(slot_length, 24));
      const std::uint32_t inside =
          slot_length >= 32 ? 0 : static_cast<std::uint32_t>(random_.next()) >> slot_length;
      return Prefix::containing(Address::v4(slot.address().v4_value() | inside), length);
    }
    const std::uint32_t r = random_.below(100);
    int length = 64;
    if (r < 15) {
      length = random_.between(33, 47);
    } else if (r < 35) {
      length = 48;
    } else if (r < 50) {
      length = 56;
    } else if (r < 80) {
      length = 64;
    } else if (r < 85) {
      length = random_.between(65, 127);
    } else {
      length = 128;
    }
    length = std::max(length, slot_length);
    const std::uint64_t below_slot = (std::uint64_t{1} << (64 - slot_length)) - 1;
    const std::uint64_t high = slot.address().high64() | (((group() << 16) | group()) & below_slot);
    std::uint64_t low = 0;
    if (length > 64) low = random_.below(2) == 0 ? group() : random_.next();
    return Prefix::containing(Address::v6(high, low), length);
  }

  // A range overlapping `earlier`: a duplicate, a sub-prefix, or (ranges allowed) a crossing
  // range, else a super-prefix. `kind` in [0, 100) picks which.
  Range overlapping(const Prefix& earlier, bool ranges_allowed, int min_length) {
    const Family family = earlier.family();
    const int bits = family_bits(family);
    const int length = earlier.length();
    const std::uint32_t kind = random_.below(100);
    if (kind < 40 || length >= bits) {
      if (kind >= 75 && !ranges_allowed && length > min_length) return super_prefix(earlier, min_length);
      return earlier;
    }
    const int host_bits = bits - length;
    const uint128 host_mask = host_bits >= 128 ? ~uint128{0} : (uint128{1} << host_bits) - 1;
    if (kind < 75) {
      const int sub_length = random_.between(length + 1, std::min(length + 8, bits));
      const uint128 offset = random_.next128() & host_mask;
      return Prefix::containing(address_at(family, earlier.address().value() | offset), sub_length);
    }
    if (!ranges_allowed) {
      return length > min_length ? Range(super_prefix(earlier, min_length)) : Range(earlier);
    }
    // Starts strictly inside `earlier` and ends past it: never a prefix, always a conflict.
    uint128 first_offset = random_.next128() & host_mask;
    if (first_offset == 0) first_offset = 1;
    const uint128 last_extra = (random_.next128() & host_mask) + 1;
    const Address first = address_at(family, earlier.first().value() + first_offset);
    const Address last = address_at(family, earlier.last().value() + last_extra);
    return *Range::make(first, last);
  }

 private:
  // A 16-bit IPv6 group as people number them: often zero, often one or two hex digits.
  std::uint64_t group() {
    const std::uint32_t r = random_.below(8);
    if (r < 2) return 0;
    const std::uint32_t digits = r < 4 ? 1 : r < 5 ? 2 : r < 6 ? 3 : 4;
    return random_.below(1U << (4 * digits));
  }

  Prefix super_prefix(const Prefix& earlier, int min_length) {
    const int length = random_.between(std::max(min_length, earlier.length() - 4), earlier.length() - 1);
    return Prefix::containing(earlier.address(), length);
  }

  const InventoryOptions& options_;
  Random random_;
  SlotSpace v4_;
  SlotSpace v6_;
  Reservoir v4_earlier_;
  Reservoir v6_earlier_;
};

// Records of the flat formats (everything but azure-vnets), one at a time.
class EntrySource {
 public:
  EntrySource(const InventoryOptions& options, bool ranges_allowed)
      : plan_(options), ranges_allowed_(ranges_allowed) {}

  Entry next() {
    Random& random = plan_.random();
    Entry entry;
    const Family family = plan_.pick_family();
    if (plan_.pick_overlap(family)) {
      const Earlier& earlier = plan_.reservoir(family).pick(random);
      entry.range = plan_.overlapping(earlier.prefix, ranges_allowed_, family == Family::kV4 ? 8 : 16);
      entry.is_prefix = entry.range.is_prefix();
      entry.overlap = true;
      entry.vrf = earlier.vrf;
    } else {
      const Prefix prefix = plan_.fresh_prefix(family);
      entry.range = prefix;
      entry.container = random.below(20) == 0;
      entry.vrf = random.below(100) < 85 ? 0 : static_cast<std::uint8_t>(1 + random.below(8));
      if (!entry.container) plan_.reservoir(family).add({prefix, entry.vrf}, random);
    }
    entry.site = static_cast<std::uint16_t>(random.below(kSites));
    entry.function = static_cast<std::uint8_t>(random.below(kFunctions.size()));
    entry.floor = random.below(32) == 0 ? static_cast<std::uint8_t>(1 + random.below(9)) : 0;
    entry.tenant = random.below(10) < 3 ? static_cast<std::uint8_t>(1 + random.below(kTenants)) : 0;
    return entry;
  }

  AddressPlan& plan() { return plan_; }

 private:
  AddressPlan plan_;
  bool ranges_allowed_;
};

// Appends text to a buffer that is handed to `flush` whenever it passes `flush_at` bytes (and at
// the end); without a flush function the buffer simply grows (in-memory generation).
class TextOut {
 public:
  using Flush = std::function<void(std::string_view)>;
  TextOut(std::string& buffer, Flush flush, std::size_t flush_at)
      : buffer_(buffer), flush_(std::move(flush)), flush_at_(flush_at) {}

  TextOut& operator<<(std::string_view text) {
    buffer_.append(text);
    return *this;
  }
  TextOut& operator<<(char c) {
    buffer_.push_back(c);
    return *this;
  }
  TextOut& number(std::uint64_t value) {
    char digits[20];
    std::size_t n = 0;
    do {
      digits[n++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0);
    while (n > 0) buffer_.push_back(digits[--n]);
    return *this;
  }
  TextOut& zero_padded(std::uint64_t value, int width) {
    char digits[20];
    for (int i = width - 1; i >= 0; --i) {
      digits[i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
    buffer_.append(digits, static_cast<std::size_t>(width));
    return *this;
  }
  TextOut& range(const Range& range) {
    char text[kMaxRangeText];
    buffer_.append(text, static_cast<std::size_t>(write_range(range, text) - text));
    return *this;
  }
  TextOut& address(const Address& address) {
    char text[kMaxRangeText];
    buffer_.append(text, static_cast<std::size_t>(write_address(address, text) - text));
    return *this;
  }
  // Indentation as `az` and the service tags file use it: a newline and 2 spaces a level.
  TextOut& line(int level) {
    buffer_.push_back('\n');
    buffer_.append(static_cast<std::size_t>(2 * level), ' ');
    return *this;
  }

  // Called after each record: flushes a full buffer.
  void maybe_flush() {
    if (flush_ && buffer_.size() >= flush_at_) flush_now();
  }
  void finish() {
    if (flush_) flush_now();
  }
  std::uint64_t bytes() const { return written_ + buffer_.size(); }

 private:
  void flush_now() {
    written_ += buffer_.size();
    flush_(buffer_);
    buffer_.clear();
  }

  std::string& buffer_;
  Flush flush_;
  std::size_t flush_at_;
  std::uint64_t written_ = 0;
};

}  // namespace inventory_internal

// Writes the inventory `options` describes through `out`, and says what it wrote.
class InventoryWriter {
 public:
  explicit InventoryWriter(const InventoryOptions& options) : options_(options) {}

  InventorySummary write(inventory_internal::TextOut& out) {
    using inventory_internal::EntrySource;
    summary_ = {};
    switch (options_.format) {
      case InventoryFormat::kAzureVnets:
        write_azure_vnets(out);
        break;
      case InventoryFormat::kServiceTags:
        write_service_tags(out);
        break;
      default:
        write_flat(out);
        break;
    }
    out.finish();
    summary_.bytes = out.bytes();
    return summary_;
  }

 private:
  using Entry = inventory_internal::Entry;
  using TextOut = inventory_internal::TextOut;

  void count(const Entry& entry) {
    ++summary_.records;
    summary_.overlapping += entry.overlap ? 1 : 0;
    summary_.ranges += entry.is_prefix ? 0 : 1;
    summary_.containers += entry.container ? 1 : 0;
    summary_.ipv6 += entry.range.family() == Family::kV6 ? 1 : 0;
  }

  static void label(TextOut& out, const Entry& entry, bool csv) {
    const bool quoted = csv && entry.floor != 0;
    if (quoted) out << '"';
    out << "site-";
    out.zero_padded(entry.site, 4) << ' ' << inventory_internal::kFunctions[entry.function];
    if (entry.floor != 0) out << ", floor " << static_cast<char>('0' + entry.floor);
    if (quoted) out << '"';
  }

  static std::string_view vrf_name(const Entry& entry) {
    return inventory_internal::kVrfNames[entry.vrf];
  }

  void write_flat(TextOut& out) {
    const InventoryFormat format = options_.format;
    const bool ranges = format == InventoryFormat::kList || format == InventoryFormat::kCsv;
    inventory_internal::EntrySource source(options_, ranges);
    switch (format) {
      case InventoryFormat::kCsv: out << "prefix,vrf,status,description\n"; break;
      case InventoryFormat::kNetboxCsv: out << "Prefix,Status,VRF,Tenant,Description\n"; break;
      case InventoryFormat::kInfobloxCsv:
        if (options_.family != ListFamily::kV6) {
          out << "header-network,address*,netmask*,network_view,comment\n"
                 "header-networkcontainer,address*,netmask*,network_view,comment\n";
        }
        if (options_.family != ListFamily::kV4) {
          out << "header-ipv6network,address*,cidr*,network_view,comment\n"
                 "header-ipv6networkcontainer,address*,cidr*,network_view,comment\n";
        }
        break;
      case InventoryFormat::kNetboxJson:
        out << "{\"count\":";
        out.number(options_.count) << ",\"next\":null,\"previous\":null,\"results\":[";
        break;
      default: break;
    }
    for (std::uint64_t i = 0; i < options_.count; ++i) {
      const Entry entry = source.next();
      count(entry);
      switch (format) {
        case InventoryFormat::kList:
          out.range(entry.range) << '\n';
          break;
        case InventoryFormat::kCsv:
          out.range(entry.range) << ',' << vrf_name(entry) << ','
                                 << (entry.container ? "container" : "active") << ',';
          label(out, entry, true);
          out << '\n';
          break;
        case InventoryFormat::kNetboxCsv:
          out.range(entry.range) << ',' << (entry.container ? "Container" : "Active") << ','
                                 << (entry.vrf == 0 ? std::string_view("Global") : vrf_name(entry))
                                 << ',';
          if (entry.tenant != 0) out << "tenant-", out.zero_padded(entry.tenant, 2);
          out << ',';
          label(out, entry, true);
          out << '\n';
          break;
        case InventoryFormat::kInfobloxCsv: {
          const bool v6 = entry.range.family() == Family::kV6;
          const Prefix prefix = *entry.range.as_prefix();
          out << (v6 ? "ipv6network" : "network") << (entry.container ? "container," : ",");
          out.address(prefix.address()) << ',';
          if (v6) {
            out.number(static_cast<std::uint64_t>(prefix.length()));
          } else {
            const int length = prefix.length();
            const std::uint32_t mask = length == 0 ? 0 : ~std::uint32_t{0} << (32 - length);
            out.address(Address::v4(mask));
          }
          out << ',' << (entry.vrf == 0 ? std::string_view("default") : vrf_name(entry)) << ',';
          label(out, entry, true);
          out << '\n';
          break;
        }
        case InventoryFormat::kNetboxJson:
          if (i != 0) out << ',';
          out << "{\"id\":";
          out.number(i + 1) << ",\"prefix\":\"";
          out.range(entry.range) << "\",\"status\":"
                                 << (entry.container ? "{\"value\":\"container\",\"label\":\"Container\"}"
                                                     : "{\"value\":\"active\",\"label\":\"Active\"}")
                                 << ",\"vrf\":";
          if (entry.vrf == 0) {
            out << "null";
          } else {
            out << "{\"id\":";
            out.number(entry.vrf) << ",\"name\":\"" << vrf_name(entry) << "\",\"rd\":null}";
          }
          out << ",\"description\":\"";
          label(out, entry, false);
          out << "\"}";
          break;
        default: break;
      }
      out.maybe_flush();
    }
    if (format == InventoryFormat::kNetboxJson) out << "]}\n";
  }

  void write_service_tags(TextOut& out) {
    static constexpr std::array<std::string_view, 16> kServices = {
        "AzureCloud", "Storage", "Sql", "AzureActiveDirectory", "AzureMonitor", "EventHub",
        "ServiceBus", "AppService", "AzureKeyVault", "AzureCosmosDB", "DataFactory",
        "AzureContainerRegistry", "AzureFrontDoor.Backend", "ApiManagement", "AzureBackup",
        "PowerBI"};
    static constexpr std::array<std::string_view, 16> kRegions = {
        "westeurope", "northeurope", "eastus", "eastus2", "westus", "westus2", "centralus",
        "uksouth", "ukwest", "francecentral", "germanywestcentral", "swedencentral",
        "japaneast", "australiaeast", "southeastasia", "brazilsouth"};
    inventory_internal::EntrySource source(options_, false);
    inventory_internal::Random& random = source.plan().random();
    out << "{\n  \"changeNumber\": 329,\n  \"cloud\": \"Public\",\n  \"values\": [";
    std::uint64_t left = options_.count;
    std::uint64_t tag = 0;
    while (left > 0) {
      const std::uint64_t size = std::min<std::uint64_t>(left, random.between(1U, 2000U));
      const std::size_t service = tag % kServices.size();
      const std::size_t region = (tag / kServices.size()) % kRegions.size();
      const std::uint64_t round = tag / (kServices.size() * kRegions.size());
      std::string name(kServices[service]);
      name += '.';
      name += kRegions[region];
      if (round != 0) name += std::to_string(round);
      out << (tag == 0 ? "" : ",");
      out.line(2) << '{';
      out.line(3) << "\"name\": \"" << name << "\",";
      out.line(3) << "\"id\": \"" << name << "\",";
      out.line(3) << "\"properties\": {";
      out.line(4) << "\"changeNumber\": ";
      out.number(1 + random.below(60)) << ',';
      out.line(4) << "\"region\": \"" << kRegions[region] << "\",";
      out.line(4) << "\"regionId\": ";
      out.number(region + 1) << ',';
      out.line(4) << "\"platform\": \"Azure\",";
      out.line(4) << "\"systemService\": \"" << (service == 0 ? std::string_view() : kServices[service])
                  << "\",";
      out.line(4) << "\"addressPrefixes\": [";
      for (std::uint64_t i = 0; i < size; ++i) {
        Entry entry = source.next();
        entry.container = true;  // a service tag is Azure's space
        count(entry);
        out.line(5) << '"';
        out.range(entry.range) << '"' << (i + 1 < size ? "," : "");
        out.maybe_flush();
      }
      out.line(4) << "],";
      out.line(4) << "\"networkFeatures\": [";
      out.line(5) << "\"API\",";
      out.line(5) << "\"NSG\"";
      out.line(4) << ']';
      out.line(3) << '}';
      out.line(2) << '}';
      left -= size;
      ++tag;
    }
    out.line(1) << "]\n}\n";
    summary_.groups = tag;
  }

  // One VNet's plan: 1-2 address prefixes and the subnets carved in order inside them.
  void write_azure_vnets(TextOut& out) {
    using inventory_internal::AddressPlan;
    using inventory_internal::Random;
    static constexpr std::array<std::string_view, 8> kLocations = {
        "westeurope", "northeurope", "eastus", "eastus2", "westus2", "uksouth",
        "swedencentral", "japaneast"};
    AddressPlan plan(options_);
    Random& random = plan.random();
    std::array<std::string, 10> subscriptions;
    for (std::string& subscription : subscriptions) {
      char text[40];
      const std::uint64_t a = random.next();
      const std::uint64_t b = random.next();
      std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx",
                    static_cast<unsigned>(a >> 32), static_cast<unsigned>((a >> 16) & 0xffff),
                    static_cast<unsigned>(a & 0xffff), static_cast<unsigned>(b >> 48),
                    static_cast<unsigned long long>(b & 0xffffffffffffULL));
      subscription = text;
    }
    out << '[';
    std::uint64_t left = options_.count;
    std::uint64_t vnet = 0;
    std::string id;
    std::string resource_group;
    std::string name;
    while (left > 0) {
      // Families of this VNet: one, or both (dual-stack, half of the mixed VNets).
      std::array<Family, 2> families{Family::kV4, Family::kV6};
      std::size_t family_count = 1;
      switch (options_.family) {
        case ListFamily::kV4: break;
        case ListFamily::kV6: families[0] = Family::kV6; break;
        case ListFamily::kMixed: {
          const std::uint32_t r = random.below(4);
          if (r < 2) {
            family_count = 2;
          } else if (r == 3) {
            families[0] = Family::kV6;
          }
          break;
        }
      }
      bool overlap = options_.overlap_share > 0 && random.chance(options_.overlap_share);
      for (std::size_t f = 0; f < family_count; ++f) {
        if (plan.reservoir(families[f]).empty()) overlap = false;
      }
      std::array<Prefix, 2> space{};
      std::array<int, 2> subnet_length{};
      for (std::size_t f = 0; f < family_count; ++f) {
        const Family family = families[f];
        if (overlap) {
          const Prefix earlier = plan.reservoir(family).pick(random).prefix;
          const Range derived = plan.overlapping(earlier, false, family == Family::kV4 ? 8 : 16);
          // Narrow enough for /29 IPv4 and /64 IPv6 subnets, the smallest Azure makes.
          const Prefix prefix = *derived.as_prefix();
          space[f] = Prefix::containing(prefix.address(),
                                        std::min(prefix.length(), family == Family::kV4 ? 26 : 60));
        } else if (family == Family::kV4) {
          const Prefix slot = plan.fresh_slot(family);
          const int length = random.between(slot.length(), std::max(slot.length(), 24));
          const std::uint32_t inside =
              slot.length() >= 32 ? 0 : static_cast<std::uint32_t>(random.next()) >> slot.length();
          space[f] = Prefix::containing(Address::v4(slot.address().v4_value() | inside), length);
          plan.reservoir(family).add({space[f], 0}, random);
        } else {
          const Prefix slot = plan.fresh_slot(family);
          const int length = random.between(std::max(slot.length(), 44), std::max(slot.length(), 56));
          const std::uint64_t below_slot = (std::uint64_t{1} << (64 - slot.length())) - 1;
          const std::uint64_t high = slot.address().high64() | (random.next() & below_slot);
          space[f] = Prefix::containing(Address::v6(high, 0), length);
          plan.reservoir(family).add({space[f], 0}, random);
        }
        subnet_length[f] = families[f] == Family::kV4
                               ? std::min(32, space[f].length() + random.between(1, 3))
                               : std::max(64, std::min(128, space[f].length() + 1));
      }
      // As many subnets as fit (up to 6) in every family of the VNet.
      std::uint64_t subnets = random.between(1U, 6U);
      for (std::size_t f = 0; f < family_count; ++f) {
        const int room = subnet_length[f] - space[f].length();
        if (room < 3) subnets = std::min<std::uint64_t>(subnets, std::uint64_t{1} << room);
      }
      const std::size_t subscription = random.below(subscriptions.size());
      resource_group = "rg-";
      resource_group += std::to_string(100 + random.below(200));
      char number[24];
      std::snprintf(number, sizeof number, "vnet-%07llu", static_cast<unsigned long long>(vnet));
      name = number;
      id = "/subscriptions/";
      id += subscriptions[subscription];
      id += "/resourceGroups/";
      id += resource_group;
      id += "/providers/Microsoft.Network/virtualNetworks/";
      id += name;

      out << (vnet == 0 ? "" : ",");
      out.line(1) << '{';
      out.line(2) << "\"addressSpace\": {";
      out.line(3) << "\"addressPrefixes\": [";
      for (std::size_t f = 0; f < family_count && left > 0; ++f) {
        out.line(4) << '"';
        out.range(space[f]) << '"' << (f + 1 < family_count && left > 1 ? "," : "");
        count_azure(space[f], overlap);
        --left;
      }
      out.line(3) << ']';
      out.line(2) << "},";
      out.line(2) << "\"enableDdosProtection\": false,";
      out.line(2) << "\"id\": \"" << id << "\",";
      out.line(2) << "\"location\": \"" << kLocations[random.below(kLocations.size())] << "\",";
      out.line(2) << "\"name\": \"" << name << "\",";
      out.line(2) << "\"provisioningState\": \"Succeeded\",";
      out.line(2) << "\"resourceGroup\": \"" << resource_group << "\",";
      out.line(2) << "\"subnets\": [";
      for (std::uint64_t s = 0; s < subnets && left > 0; ++s) {
        std::array<Prefix, 2> subnet{};
        for (std::size_t f = 0; f < family_count; ++f) {
          const int bits = inventory_internal::family_bits(families[f]);
          const uint128 step = uint128{1} << (bits - subnet_length[f]);
          subnet[f] = Prefix::containing(
              inventory_internal::address_at(families[f], space[f].address().value() + step * s),
              subnet_length[f]);
        }
        const std::size_t prefixes = std::min<std::uint64_t>(family_count, left);
        out << (s == 0 ? "" : ",");
        out.line(3) << '{';
        if (prefixes == 1) {
          out.line(4) << "\"addressPrefix\": \"";
          out.range(subnet[0]) << "\",";
        } else {
          out.line(4) << "\"addressPrefixes\": [";
          for (std::size_t f = 0; f < prefixes; ++f) {
            out.line(5) << '"';
            out.range(subnet[f]) << '"' << (f + 1 < prefixes ? "," : "");
          }
          out.line(4) << "],";
        }
        for (std::size_t f = 0; f < prefixes; ++f) count_azure(subnet[f], overlap);
        left -= prefixes;
        out.line(4) << "\"id\": \"" << id << "/subnets/snet-";
        out.number(s + 1) << "\",";
        out.line(4) << "\"name\": \"snet-";
        out.number(s + 1) << "\",";
        out.line(4) << "\"privateEndpointNetworkPolicies\": \"Disabled\",";
        out.line(4) << "\"provisioningState\": \"Succeeded\",";
        out.line(4) << "\"resourceGroup\": \"" << resource_group << "\",";
        out.line(4) << "\"type\": \"Microsoft.Network/virtualNetworks/subnets\"";
        out.line(3) << '}';
      }
      out.line(2) << "],";
      out.line(2) << "\"type\": \"Microsoft.Network/virtualNetworks\",";
      out.line(2) << "\"virtualNetworkPeerings\": []";
      out.line(1) << '}';
      ++vnet;
      out.maybe_flush();
    }
    out << "\n]\n";
    summary_.groups = vnet;
  }

  void count_azure(const Prefix& prefix, bool overlap) {
    ++summary_.records;
    summary_.overlapping += overlap ? 1 : 0;
    summary_.ipv6 += prefix.family() == Family::kV6 ? 1 : 0;
  }

  const InventoryOptions& options_;
  InventorySummary summary_;
};

// The whole inventory as one string (for the benchmarks).
inline std::string generate_inventory(const InventoryOptions& options,
                                      InventorySummary* summary = nullptr) {
  std::string text;
  inventory_internal::TextOut out(text, nullptr, 0);
  InventoryWriter writer(options);
  const InventorySummary written = writer.write(out);
  if (summary != nullptr) *summary = written;
  text.shrink_to_fit();
  return text;
}

}  // namespace ipplan::bench
