// proof_records.cc — appending records to the proof's compact arrays.
#include "ipplan/proof_records.h"

namespace ipplan {
namespace {

void split_words(uint128 value, std::uint32_t (&words)[4]) {
  for (int w = 0; w < 4; ++w) words[w] = static_cast<std::uint32_t>(value >> (96 - 32 * w));
}

}  // namespace

void ProofRecords::append(Namespace& space_of_record, const Range& range) {
  const std::uint32_t record = size_++;
  if (range.family() == Family::kV4) {
    space_of_record.v4.push_back({range.first().v4_value(), range.last().v4_value(), record});
    ++ipv4_;
  } else {
    V6Span span{};
    split_words(range.first().value(), span.first);
    split_words(range.last().value(), span.last);
    span.record = record;
    space_of_record.v6.push_back(span);
    ++ipv6_;
  }
}

ProofRecords::Namespace& ProofRecords::space(std::uint32_t namespace_id) {
  if (namespace_id >= namespaces_.size()) namespaces_.resize(std::size_t{namespace_id} + 1);
  return namespaces_[namespace_id];
}

void ProofRecords::add(const Range& range, std::uint32_t namespace_id, ProofTraits traits,
                       std::uint32_t parent) {
  const std::uint32_t record = size_;
  append(space(namespace_id), range);
  traits_.push(record, traits);
  if (parent != kNoParent) parents_.emplace(record, parent);
}

void ProofRecords::add_lines(std::span<const LineRecord> records, std::uint32_t namespace_id,
                             ProofTraits traits) {
  if (records.empty()) return;
  traits_.push(size_, traits);  // one run for all of them: pushing each would add nothing
  Namespace& space_of_records = space(namespace_id);
  for (const LineRecord& line_record : records) append(space_of_records, Range(line_record.prefix));
}

void ProofRecords::reserve_more(std::uint32_t namespace_id, std::size_t more) {
  Namespace& target = space(namespace_id);
  target.v4.reserve(target.v4.size() + more);
  target.v6.reserve(target.v6.size() + more);
}

}  // namespace ipplan
