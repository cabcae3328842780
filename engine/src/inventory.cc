// inventory.cc — interning and the builder sink.
#include "ipplan/inventory.h"

#include "ipplan/strings.h"

namespace ipplan {

std::uint32_t StringPool::intern(std::string_view text) {
  if (const auto it = ids_.find(text); it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.emplace_back(text);
  ids_.emplace(strings_.back(), id);
  return id;
}

Inventory::Inventory() {
  namespaces_.intern("");  // id 0: the global namespace
  labels_.intern("");      // id 0: no label
}

std::string Inventory::source(const Record& record) const {
  const std::string_view input = inputs_[record.input_id].name;
  if (record.location_is_json_path) return str_cat(input, ": ", paths_.get(record.location));
  return str_cat(input, ":", record.location);
}

InventoryBuilder::InventoryBuilder(Inventory& inventory, DiagnosticHandler on_diagnostic)
    : InputSink(std::move(on_diagnostic)),
      inventory_(inventory),
      next_record_(static_cast<std::uint32_t>(inventory.records_.size())) {}

void InventoryBuilder::reserve_more(std::size_t more) {
  inventory_.records_.reserve(inventory_.records_.size() + more);
}

void InventoryBuilder::start_input(InputStart input) {
  input_id_ = static_cast<std::uint32_t>(inventory_.inputs_.size());
  input_domain_ = domain_id(input.domain, input.domain);
  input_first_record_ = next_record_;
  InputSummary summary;
  summary.name = std::move(input.name);
  summary.domain = std::move(input.domain);
  summary.format = input.format;
  summary.sha256 = std::move(input.sha256);
  inventory_.inputs_.push_back(std::move(summary));
}

std::uint32_t InventoryBuilder::domain_id(std::string_view key, std::string_view display) {
  const std::uint32_t id = inventory_.domains_.intern(key);
  if (id == inventory_.domain_display_.size()) {
    inventory_.domain_display_.emplace_back(display.empty() ? key : display);
  }
  return id;
}

std::uint32_t InventoryBuilder::namespace_id(std::string_view name) {
  if (name != last_namespace_) {
    last_namespace_id_ = inventory_.namespaces_.intern(name);
    last_namespace_.assign(name);
  }
  return last_namespace_id_;
}

void InventoryBuilder::keep(const RawRecord& raw) {
  Record r;
  r.range = raw.range;
  r.role = raw.role;
  r.namespace_id = namespace_id(raw.namespace_name);
  r.domain_id = raw.domain.empty() ? input_domain_ : domain_id(raw.domain, raw.domain_display);
  r.label_id = raw.label.empty() || !keep_labels_ ? 0 : inventory_.labels_.intern(raw.label);
  r.input_id = input_id_;
  if (raw.location.json_path.empty()) {
    r.location = raw.location.line;
  } else {
    r.location = inventory_.paths_.intern(raw.location.json_path);
    r.location_is_json_path = true;
  }
  if (raw.parent != RawRecord::kNoParent) {
    r.parent = input_first_record_ + raw.parent;
  }
  store(next_record_++, r);
  ++inventory_.inputs_[input_id_].records;
}

void InventoryBuilder::keep_lines(std::span<const LineRecord> records) {
  Record shared;
  shared.namespace_id = namespace_id({});
  shared.domain_id = input_domain_;
  shared.input_id = input_id_;
  const std::uint32_t first_id = next_record_;
  next_record_ += static_cast<std::uint32_t>(records.size());
  inventory_.inputs_[input_id_].records += records.size();
  store_lines(first_id, shared, records);
}

void InventoryBuilder::store(std::uint32_t id, const Record& record) {
  (void)id;
  inventory_.records_.push_back(record);
}

void InventoryBuilder::store_lines(std::uint32_t first_id, const Record& shared,
                                   std::span<const LineRecord> records) {
  Record r = shared;
  for (const LineRecord& line_record : records) {
    r.range = Range(line_record.prefix);
    r.location = line_record.line;
    store(first_id++, r);
  }
}

void InventoryBuilder::count_in_input(Severity severity) {
  InputSummary& summary = inventory_.inputs_[input_id_];
  switch (severity) {
    case Severity::kError: ++summary.errors; break;
    case Severity::kWarning: ++summary.warnings; break;
    case Severity::kSkipped: ++summary.skipped; break;
    case Severity::kUnreadable: break;
  }
}

}  // namespace ipplan
