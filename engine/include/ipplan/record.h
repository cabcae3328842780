// record.h — what a reader hands on for each inventory entry, and the sink it hands it to.
//
// Readers (one per input format) turn bytes into RawRecords and errors; they never decide what
// happens next. A RecordSink receives, in input order, every record, every rejected line or JSON
// element, every warning and every note about skipped content, so that no record is lost without
// a word. The string_views in a RawRecord point into the input's bytes or into the reader's own
// scratch space and are valid only during the call: a sink that keeps them must copy (intern).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "ipplan/parse.h"
#include "ipplan/range.h"

namespace ipplan {

// Who a record is for: a container holds other records (an IPAM supernet, an Azure service tag,
// a ledger reservation); an assigned range is in use and must not overlap others.
enum class Role : std::uint8_t { kAssigned = 0, kContainer = 1 };
std::string_view role_name(Role role);  // "assigned", "container"

// Where a record or error comes from inside one input: a 1-based line (text formats) or a JSON
// path such as `$.values[3].properties.addressPrefixes[7]` (JSON formats).
struct Location {
  std::uint32_t line = 0;      // 0 when json_path is used
  std::string_view json_path;  // empty for text formats

  // "PATH:LINE" or "PATH: $.json.path", the prefix of every message about this place.
  std::string describe(std::string_view input_name) const;
};

struct RawRecord {
  Range range;
  Role role = Role::kAssigned;
  Location location;
  std::string_view namespace_name;  // VRF / network view; empty = the global namespace
  std::string_view domain;          // empty = the input's domain (DOMAIN= or the file name)
  // How to show the domain when its identity is not readable (an Azure VNet is identified by
  // its lower-cased resource id and shown by its name); empty = show `domain` itself.
  std::string_view domain_display;
  std::string_view label;           // name or description; may be empty
  // Readers with their own structure (Azure: a subnet inside its VNet's address prefix) give the
  // reader-local ordinal of the parent record: the n-th record this reader emitted, from 0.
  static constexpr std::uint32_t kNoParent = 0xffffffffU;
  std::uint32_t parent = kNoParent;
  bool host_bits_cleared = false;  // only under HostBits::kTruncate: worth a warning
};

// A record that is nothing but a prefix alone on a line of a list. It stands for the RawRecord
// with that prefix's range and that line and every other field at its default (the global
// namespace, the input's domain, assigned, no label, no parent, host bits as written).
struct LineRecord {
  Prefix prefix;
  std::uint32_t line = 0;

  RawRecord raw() const {
    RawRecord record;
    record.range = Range(prefix);
    record.location.line = line;
    return record;
  }
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void record(const RawRecord& record) = 0;
  // Several LineRecords at once, in input order: exactly as if each were passed to record() as
  // its RawRecord (which the default does). A sink may take them faster in one go.
  virtual void line_records(std::span<const LineRecord> records);
  // A rejected line or element: the run fails unless invalid input is skipped.
  virtual void error(const Location& where, std::string message) = 0;
  // Something worth a look that does not reject anything (an Azure lint, a truncated prefix).
  virtual void warning(const Location& where, std::string message) = 0;
  // Content skipped on purpose (a phpIPAM folder, an Infoblox object type that holds no
  // addresses), so that skipping is counted, never silent.
  virtual void skipped(const Location& where, std::string_view what) = 0;
};

// How readers treat values; the same for every format.
struct ReadOptions {
  HostBits host_bits = HostBits::kReject;
};

}  // namespace ipplan
