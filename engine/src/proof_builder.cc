// proof_builder.cc — records into ProofRecords, sources beside them.
#include "ipplan/proof_builder.h"

namespace ipplan {

ProofBuilder::ProofBuilder(Inventory& names, ProofRecords& records, DiagnosticHandler on_diagnostic)
    : InventoryBuilder(names, std::move(on_diagnostic)), records_(records) {
  keep_labels_ = false;
}

void ProofBuilder::reserve_more(std::size_t more) {
  records_.reserve_more(0, more);  // lists, the inputs worth reserving for, are all global
}

void ProofBuilder::store(std::uint32_t id, const Record& record) {
  records_.add(record.range, record.namespace_id, {record.domain_id, record.role}, record.parent);
  sources_.push(id, {record.input_id, record.namespace_id, record.location_is_json_path});
  locations_.push(id, record.location);
}

void ProofBuilder::store_lines(std::uint32_t first_id, const Record& shared,
                               std::span<const LineRecord> records) {
  records_.add_lines(records, shared.namespace_id, {shared.domain_id, shared.role});
  sources_.push(first_id, {shared.input_id, shared.namespace_id, false});
  for (const LineRecord& line_record : records) locations_.push(first_id++, line_record.line);
}

Record ProofBuilder::rebuild_record(std::uint32_t id, const Range& range) const {
  const Source& source = sources_.at(id);
  const ProofTraits& traits = records_.traits(id);
  Record r;
  r.range = range;
  r.namespace_id = source.namespace_id;
  r.domain_id = traits.domain;
  r.input_id = source.input_id;
  r.location = locations_.at(id);
  r.parent = records_.parent(id);
  r.role = traits.role;
  r.location_is_json_path = source.json_path;
  return r;
}

}  // namespace ipplan
