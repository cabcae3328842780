// collecting_sink.h — a RecordSink for tests: keeps every callback as printable text, copying
// the string_views (they die with the call).
#pragma once

#include <string>
#include <vector>

#include "ipplan/format.h"
#include "ipplan/record.h"

namespace ipplan::testing {

struct CollectedRecord {
  std::string range;  // canonical text
  Role role = Role::kAssigned;
  std::string where;  // "7" for a line, "$.a[0]" for a JSON path
  std::string namespace_name;
  std::string domain;
  std::string domain_display;
  std::string label;
  std::uint32_t parent = RawRecord::kNoParent;
  bool host_bits_cleared = false;
};

struct CollectedMessage {
  std::string where;
  std::string text;
};

inline std::string where_text(const Location& where) {
  return where.json_path.empty() ? std::to_string(where.line) : std::string(where.json_path);
}

class CollectingSink : public RecordSink {
 public:
  std::vector<CollectedRecord> records;
  std::vector<CollectedMessage> errors;
  std::vector<CollectedMessage> warnings;
  std::vector<CollectedMessage> skips;

  void record(const RawRecord& r) override {
    records.push_back({to_string(r.range), r.role, where_text(r.location),
                       std::string(r.namespace_name), std::string(r.domain),
                       std::string(r.domain_display), std::string(r.label), r.parent,
                       r.host_bits_cleared});
  }
  void error(const Location& where, std::string message) override {
    errors.push_back({where_text(where), std::move(message)});
  }
  void warning(const Location& where, std::string message) override {
    warnings.push_back({where_text(where), std::move(message)});
  }
  void skipped(const Location& where, std::string_view what) override {
    skips.push_back({where_text(where), std::string(what)});
  }

  std::vector<std::string> ranges() const {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.range);
    return out;
  }
};

}  // namespace ipplan::testing
