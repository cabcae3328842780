// proof_builder.h — the InputSink for a proof: records go into ProofRecords, and only what a
// conflict report needs to name them (input, line or JSON path) is kept beside them.
//
// An InventoryBuilder interns namespaces and domains, counts every input and turns messages into
// Diagnostics; a ProofBuilder does all of that (the Inventory it fills holds the strings and the
// input summaries, but no records) and stores each record as a span in ProofRecords. Where it
// came from (input, line or JSON path id) is kept in run columns: lines nearly always go up by
// one from record to record, so a list without blank lines costs nothing per record. Labels are
// not kept: no proof or conflict report shows them.
// `rebuild_record(id, range)` rebuilds the Record an Inventory would hold for a record the proof
// names.
#pragma once

#include <cstdint>

#include "ipplan/inventory.h"
#include "ipplan/proof_records.h"
#include "ipplan/run_column.h"

namespace ipplan {

class ProofBuilder : public InventoryBuilder {
 public:
  // `names` receives the strings and input summaries; `records` the records. Both must be empty.
  ProofBuilder(Inventory& names, ProofRecords& records, DiagnosticHandler on_diagnostic);

  void reserve_more(std::size_t more) override;

  // Record `id` as an Inventory would hold it, without its label; `range` is the record's range
  // as verify() reports it (VerifyResult::ranges).
  Record rebuild_record(std::uint32_t id, const Range& range) const;

 protected:
  void store(std::uint32_t id, const Record& record) override;
  void store_lines(std::uint32_t first_id, const Record& shared,
                   std::span<const LineRecord> records) override;

 private:
  struct Source {
    std::uint32_t input_id = 0;
    std::uint32_t namespace_id = 0;
    bool json_path = false;

    bool operator==(const Source&) const = default;
  };

  ProofRecords& records_;
  RunColumn<Source> sources_;
  SequenceColumn locations_;
};

}  // namespace ipplan
