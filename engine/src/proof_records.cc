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

void ProofRecords::append(Namespace& space_of_record, const Range& range) {
  const std::uint32_t record = size_++;
  if (range.family() == Family::kV4) {
    space_of_record.v4.push_back({range.first().v4_value(), range.last().v4_value(), record});
    ++ipv4_;
  } else {
    V6Span span;
    split_words(range.first().high64(), range.first().low64(), span.first);
    split_words(range.last().high64(), range.last().low64(), span.last);
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
  // Spans straight from each prefix's 64-bit halves, without a Range and 128-bit shifts between.
  for (const LineRecord& line_record : records) {
    const Prefix& prefix = line_record.prefix;
    const int length = prefix.length();
    const std::uint32_t record = size_++;
    if (prefix.family() == Family::kV4) {
      const std::uint32_t first = prefix.address().v4_value();
      const auto host = static_cast<std::uint32_t>(0xffffffffULL >> length);
      space_of_records.v4.push_back({first, first | host, record});
      ++ipv4_;
    } else {
      const std::uint64_t high = prefix.address().high64();
      const std::uint64_t low = prefix.address().low64();
      constexpr std::uint64_t kOnes = ~std::uint64_t{0};
      const std::uint64_t high_host = length >= 64 ? 0 : kOnes >> length;
      const std::uint64_t low_host = length <= 64 ? kOnes : length == 128 ? 0 : kOnes >> (length - 64);
      V6Span span;
      split_words(high, low, span.first);
      split_words(high | high_host, low | low_host, span.last);
      span.record = record;
      space_of_records.v6.push_back(span);
      ++ipv6_;
    }
  }
}

void ProofRecords::reserve_more(std::uint32_t namespace_id, std::size_t more) {
  Namespace& target = space(namespace_id);
  target.v4.reserve(target.v4.size() + more);
  target.v6.reserve(target.v6.size() + more);
}

}  // namespace ipplan
