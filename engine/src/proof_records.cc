// proof_records.cc — appending records to the proof's compact arrays.
#include "ipplan/proof_records.h"

namespace ipplan {
namespace {

void split_words(std::uint64_t high, std::uint64_t low, std::uint32_t (&words)[4]) {
  words[0] = static_cast<std::uint32_t>(high >> 32);
  words[1] = static_cast<std::uint32_t>(high);
  words[2] = static_cast<std::uint32_t>(low >> 32);
  words[3] = static_cast<std::uint32_t>(low);
}

}  // namespace

void ProofRecords::append(Namespace& space_of_record, Family family, std::uint64_t first_high,
                          std::uint64_t first_low, std::uint64_t last_high,
                          std::uint64_t last_low) {
  const std::uint32_t record = size_++;
  if (family == Family::kV4) {
    space_of_record.v4.push_back(
        {static_cast<std::uint32_t>(first_low), static_cast<std::uint32_t>(last_low), record});
    ++ipv4_;
  } else {
    V6Span span;
    split_words(first_high, first_low, span.first);
    split_words(last_high, last_low, span.last);
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
  const Address& first = range.first();
  const Address& last = range.last();
  append(space(namespace_id), range.family(), first.high64(), first.low64(), last.high64(),
         last.low64());
  traits_.push(record, traits);
  if (parent != kNoParent) parents_.emplace(record, parent);
}

void ProofRecords::add_lines(std::span<const LineRecord> records, std::uint32_t namespace_id,
                             ProofTraits traits) {
  if (records.empty()) return;
  traits_.push(size_, traits);  // one run for all of them: pushing each would add nothing
  Namespace& space_of_records = space(namespace_id);
  // Each span straight from the prefix's 64-bit halves and its host bits, without a Range and
  // 128-bit shifts between.
  constexpr std::uint64_t kOnes = ~std::uint64_t{0};
  for (const LineRecord& line_record : records) {
    const Prefix& prefix = line_record.prefix;
    const Address& first = prefix.address();
    const int length = prefix.length();
    std::uint64_t high_host = 0;
    std::uint64_t low_host = 0;
    if (prefix.family() == Family::kV4) {
      low_host = 0xffffffffULL >> length;  // lengths 0-32 of the low word
    } else {
      high_host = length >= 64 ? 0 : kOnes >> length;
      low_host = length <= 64 ? kOnes : length == 128 ? 0 : kOnes >> (length - 64);
    }
    append(space_of_records, prefix.family(), first.high64(), first.low64(),
           first.high64() | high_host, first.low64() | low_host);
  }
}

void ProofRecords::reserve_more(std::uint32_t namespace_id, std::size_t more) {
  Namespace& target = space(namespace_id);
  target.v4.reserve(target.v4.size() + more);
  target.v6.reserve(target.v6.size() + more);
}

}  // namespace ipplan
