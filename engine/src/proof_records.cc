// proof_records.cc — appending records to the proof's compact arrays.
#include "ipplan/proof_records.h"

namespace ipplan {
namespace {

void split_words(const Address& address, std::uint32_t (&words)[4]) {
  const std::uint64_t high = address.high64();
  const std::uint64_t low = address.low64();
  words[0] = static_cast<std::uint32_t>(high >> 32);
  words[1] = static_cast<std::uint32_t>(high);
  words[2] = static_cast<std::uint32_t>(low >> 32);
  words[3] = static_cast<std::uint32_t>(low);
}

}  // namespace

void ProofRecords::append_v4(Namespace& space_of_record, std::uint32_t first, std::uint32_t last) {
  space_of_record.v4.push_back({first, last, size_++});
  ++ipv4_;
}

void ProofRecords::append_v6_prefix(Namespace& space_of_record, const Address& first, int length) {
  V6PrefixSpan span;
  split_words(first, span.first);
  span.record = size_++;
  span.length = static_cast<std::uint8_t>(length);
  space_of_record.v6_prefixes.push_back(span);
  ++ipv6_;
}

void ProofRecords::append_v6_range(Namespace& space_of_record, const Address& first,
                                   const Address& last) {
  V6Span span;
  split_words(first, span.first);
  split_words(last, span.last);
  span.record = size_++;
  space_of_record.v6.push_back(span);
  ++ipv6_;
}

ProofRecords::Namespace& ProofRecords::space(std::uint32_t namespace_id) {
  if (namespace_id >= namespaces_.size()) namespaces_.resize(std::size_t{namespace_id} + 1);
  return namespaces_[namespace_id];
}

void ProofRecords::add(const Range& range, std::uint32_t namespace_id, ProofTraits traits,
                       std::uint32_t parent) {
  const std::uint32_t record = size_;
  Namespace& space_of_record = space(namespace_id);
  if (range.family() == Family::kV4) {
    append_v4(space_of_record, range.first().v4_value(), range.last().v4_value());
  } else if (const std::optional<Prefix> prefix = range.as_prefix()) {
    append_v6_prefix(space_of_record, prefix->address(), prefix->length());
  } else {
    append_v6_range(space_of_record, range.first(), range.last());
  }
  traits_.push(record, traits);
  if (parent != kNoParent) parents_.emplace(record, parent);
}

void ProofRecords::add_lines(std::span<const LineRecord> records, std::uint32_t namespace_id,
                             ProofTraits traits) {
  if (records.empty()) return;
  traits_.push(size_, traits);  // one run for all of them: pushing each would add nothing
  Namespace& space_of_records = space(namespace_id);
  for (const LineRecord& line_record : records) {
    const Prefix& prefix = line_record.prefix;
    const Address& first = prefix.address();
    if (prefix.family() == Family::kV4) {
      const std::uint32_t value = first.v4_value();
      append_v4(space_of_records, value,
                value | static_cast<std::uint32_t>(0xffffffffULL >> prefix.length()));
    } else {
      append_v6_prefix(space_of_records, first, prefix.length());
    }
  }
}

void ProofRecords::reserve_more(std::uint32_t namespace_id, std::size_t more) {
  Namespace& target = space(namespace_id);
  target.v4.reserve(target.v4.size() + more);
  target.v6_prefixes.reserve(target.v6_prefixes.size() + more);
}

}  // namespace ipplan
