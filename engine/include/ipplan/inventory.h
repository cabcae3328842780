// inventory.h — every record of a run, with its namespace, domain, role, label and source.
//
// An Inventory is what readers produce and what verification, allocation and statistics
// consume. Strings (namespaces, domains, labels, input names, JSON paths) are interned once and
// referred to by 32-bit ids, so a record is a fixed-size value. Records keep input order.
// The InventoryBuilder is the InputSink that fills an Inventory; loading whole inputs (open,
// detect the format, read) is `load_inventory` in loader.h.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "ipplan/input_format.h"
#include "ipplan/input_sink.h"
#include "ipplan/record.h"

namespace ipplan {

// Interns strings: equal text, equal id. Ids are dense from 0; views stay valid for the pool's
// lifetime.
class StringPool {
 public:
  std::uint32_t intern(std::string_view text);
  std::string_view get(std::uint32_t id) const { return strings_[id]; }
  std::size_t size() const { return strings_.size(); }

 private:
  std::deque<std::string> strings_;  // stable addresses for the map's keys
  absl::flat_hash_map<std::string_view, std::uint32_t> ids_;
};

struct Record {
  Range range;
  std::uint32_t namespace_id = 0;  // 0 is the global namespace ("")
  std::uint32_t domain_id = 0;
  std::uint32_t label_id = 0;      // 0 is "no label" ("")
  std::uint32_t input_id = 0;
  // A line number, or for JSON inputs the id of the JSON path in Inventory::paths().
  std::uint32_t location = 0;
  // Index in Inventory::records() of this record's parent in its source's own structure (an
  // Azure subnet's VNet address prefix), or kNoParent.
  std::uint32_t parent = kNoParent;
  Role role = Role::kAssigned;
  bool location_is_json_path = false;

  static constexpr std::uint32_t kNoParent = RawRecord::kNoParent;

  bool operator==(const Record&) const = default;
};

struct InputSummary {
  std::string name;    // as shown in messages ("<stdin>" for -)
  std::string domain;  // the input's default domain
  InputFormat format = InputFormat::kList;
  std::uint64_t records = 0;
  std::uint64_t errors = 0;
  std::uint64_t warnings = 0;
  std::uint64_t skipped = 0;
  std::string sha256;  // of the input's bytes, when the loader was asked for it
};

class Inventory {
 public:
  Inventory();

  const std::vector<Record>& records() const { return records_; }
  const std::vector<InputSummary>& inputs() const { return inputs_; }

  std::string_view namespace_name(std::uint32_t id) const { return namespaces_.get(id); }
  // The domain as shown to people (an Azure VNet's name rather than its resource id).
  std::string_view domain_name(std::uint32_t id) const { return domain_display_[id]; }
  std::string_view label(std::uint32_t id) const { return labels_.get(id); }
  std::size_t namespace_count() const { return namespaces_.size(); }
  std::size_t domain_count() const { return domains_.size(); }

  // "PATH:LINE" or "PATH: $.json.path".
  std::string source(const Record& record) const;

 private:
  friend class InventoryBuilder;
  std::vector<Record> records_;
  std::vector<InputSummary> inputs_;
  StringPool namespaces_;
  StringPool domains_;                     // identity keys
  std::vector<std::string> domain_display_;  // by domain id
  StringPool labels_;
  StringPool paths_;
};

// The InputSink that appends to an Inventory; messages go to the handler as they come.
class InventoryBuilder : public InputSink {
 public:
  InventoryBuilder(Inventory& inventory, DiagnosticHandler on_diagnostic);

  using InputSink::begin_input;
  void begin_input(std::string name, std::string domain, InputFormat format,
                   std::string sha256 = {}) {
    begin_input(InputStart{std::move(name), std::move(domain), format, std::move(sha256)});
  }

  // Makes room for `more` records beyond those held, so that a large input fills the records
  // array once instead of copying it at every doubling (which also doubles the peak memory).
  void reserve_more(std::size_t more) override;

 protected:
  void start_input(InputStart input) override;
  void keep(const RawRecord& record) override;
  void keep_lines(std::span<const LineRecord> records) override;
  void count_in_input(Severity severity) override;
  // Where each finished Record goes: Inventory::records() here; a builder that keeps records in
  // another form (ProofBuilder) overrides it. `record` is the id the record gets, dense from 0.
  virtual void store(std::uint32_t id, const Record& record);
  // The same for LineRecords, which get the ids from `first_id` on and share every field of
  // `shared` but the range and the line. By default, store() for each.
  virtual void store_lines(std::uint32_t first_id, const Record& shared,
                           std::span<const LineRecord> records);

  // Labels are interned unless a derived builder has no use for them.
  bool keep_labels_ = true;

 private:
  std::uint32_t domain_id(std::string_view key, std::string_view display);
  std::uint32_t namespace_id(std::string_view name);

  Inventory& inventory_;
  std::uint32_t input_id_ = 0;
  std::uint32_t input_domain_ = 0;
  std::uint32_t next_record_ = 0;          // the id the next record gets
  std::uint32_t input_first_record_ = 0;
  // Consecutive records nearly always share a namespace: skip the hash lookup for a repeat.
  std::string last_namespace_;
  std::uint32_t last_namespace_id_ = 0;
};

}  // namespace ipplan
