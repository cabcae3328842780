// verify.cc — the conflict sweep of SPEC section 4.
//
// Records are sorted by (namespace group, family, first, last descending). Consecutive records
// with the same range form a run; a sweep keeps the runs still open at the current address.
// Each new run R is compared with every open run A (A starts at or before R, so they overlap):
// A strictly covers R, or they cross. Conflicts are counted per run from small summaries
// (assigned members, and how many of them each domain holds), never by enumerating pairs.
// The sweep runs twice: first to count and to join conflicting records into clusters, then to
// list up to the per-cluster quota of pairs, now that the clusters are known.
#include "ipplan/verify.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include <boost/pending/disjoint_sets.hpp>

#include "absl/container/flat_hash_map.h"
#include "radix_sort.h"

namespace ipplan {
namespace {

// What the sweep needs of a record, copied next to its sort key: the sweep walks the sorted
// items in order and never touches the records (random access into them was most of its time).
// Union-find elements and parent links are positions in the sorted items, for the same reason.
// 48 bytes: the role shares a word with the group.
struct SweepItem {
  uint128 first;
  uint128 last;
  std::uint32_t group_role;  // (namespace group * 2 + family bit) * 2 + assigned bit
  std::uint32_t id;          // the record
  std::uint32_t domain;      // the record's domain id
  std::uint32_t parent;      // sorted position of the record's source parent, or kNoParent

  std::uint32_t group() const { return group_role >> 1; }
  bool v6() const { return (group_role & 2U) != 0; }
  bool assigned() const { return (group_role & 1U) != 0; }
};

constexpr std::uint32_t kNoParent = Record::kNoParent;

// A maximal run of items with one range, as the sweep sees it. Members are positions
// [begin, end) in the sorted items.
struct Run {
  uint128 first = 0;
  uint128 last = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint64_t assigned = 0;
  // Assigned members per domain: `single_domain` while they all share one, else `by_domain`.
  std::uint32_t single_domain = 0;
  std::unique_ptr<absl::flat_hash_map<std::uint32_t, std::uint64_t>> by_domain;
  // Every member, whatever its role, in `members_domain`, or kMixed.
  static constexpr std::uint32_t kMixed = 0xffffffffU;
  std::uint32_t members_domain = kMixed;
  // Two assigned members from different domains, to join a covered item's cluster to.
  std::uint32_t representative = kNoParent;
  std::uint32_t other_domain_representative = kNoParent;
  // All assigned members in one cluster when the run closed: one union per covered item is
  // then enough.
  bool assigned_connected = true;

  std::uint64_t assigned_in(std::uint32_t domain) const {
    if (assigned == 0) return 0;
    if (by_domain == nullptr) return single_domain == domain ? assigned : 0;
    const auto it = by_domain->find(domain);
    return it == by_domain->end() ? 0 : it->second;
  }
  bool holds(std::uint32_t position) const { return begin <= position && position < end; }
};

using DisjointSets = boost::disjoint_sets<std::uint8_t*, std::uint32_t*>;

class Sweep {
 public:
  enum class Mode { kCount, kList };

  Sweep(const std::vector<SweepItem>& items, DisjointSets& sets) : items_(items), sets_(sets) {}

  // Counting pass results: conflicts attributed to one sorted position of each pair.
  std::uint64_t total = 0;
  std::vector<std::uint64_t> count_by_position;  // sized to the items by the caller

  // Listing pass: the clusters, found by their set's representative position through
  // `cluster_of`, each listing pairs (as positions) up to `quota`.
  std::vector<ConflictCluster>* clusters = nullptr;
  const std::vector<std::uint32_t>* cluster_of = nullptr;
  std::size_t quota = 0;

  void run(Mode mode) {
    mode_ = mode;
    std::vector<Run> open;
    const auto n = static_cast<std::uint32_t>(items_.size());
    std::uint32_t i = 0;
    while (i < n) {
      std::uint32_t j = i + 1;
      while (j < n && items_[j].group() == items_[i].group() && items_[j].first == items_[i].first &&
             items_[j].last == items_[i].last) {
        ++j;
      }
      Run run = make_run(i, j);
      if (!open.empty() && items_[open.front().begin].group() != items_[i].group()) open.clear();
      std::erase_if(open, [&](const Run& a) { return a.last < run.first; });
      for (const Run& a : open) {
        if (a.last >= run.last) {
          covered_by(a, run);
        } else {
          crossing(a, run);
        }
      }
      within(run);
      if (mode_ == Mode::kCount) run.assigned_connected = all_assigned_joined(run);
      open.push_back(std::move(run));
      i = j;
    }
  }

 private:
  Run make_run(std::uint32_t begin, std::uint32_t end) const {
    Run run;
    run.first = items_[begin].first;
    run.last = items_[begin].last;
    run.begin = begin;
    run.end = end;
    run.members_domain = items_[begin].domain;
    for (std::uint32_t k = begin; k < end; ++k) {
      const SweepItem& item = items_[k];
      if (item.domain != run.members_domain) run.members_domain = Run::kMixed;
      if (!item.assigned()) continue;
      if (run.assigned == 0) {
        run.single_domain = item.domain;
        run.representative = k;
      } else if (run.by_domain == nullptr && item.domain != run.single_domain) {
        run.by_domain = std::make_unique<absl::flat_hash_map<std::uint32_t, std::uint64_t>>();
        (*run.by_domain)[run.single_domain] = run.assigned;
      }
      if (run.by_domain != nullptr) ++(*run.by_domain)[item.domain];
      if (run.other_domain_representative == kNoParent &&
          item.domain != items_[run.representative].domain) {
        run.other_domain_representative = k;
      }
      ++run.assigned;
    }
    return run;
  }

  void conflict(ConflictKind kind, std::uint32_t a, std::uint32_t b) {
    if (mode_ == Mode::kCount) {
      sets_.union_set(a, b);
      return;
    }
    std::vector<Conflict>& list = listed_in(a);
    if (list.size() < quota) list.push_back({kind, a, b});
  }
  std::vector<Conflict>& listed_in(std::uint32_t position) {
    return (*clusters)[(*cluster_of)[sets_.find_set(position)]].listed;
  }
  bool quota_full(std::uint32_t position) {
    if (mode_ == Mode::kCount) return false;
    return listed_in(position).size() >= quota;
  }
  void count(std::uint32_t position, std::uint64_t n) {
    if (mode_ != Mode::kCount || n == 0) return;
    total += n;
    count_by_position[position] += n;
  }

  // A strictly covers every member of R.
  void covered_by(const Run& a, const Run& r) {
    if (a.assigned == 0) return;  // a container covers anything
    // One domain on both sides: one source's own hierarchy, nothing to check member by member.
    if (a.by_domain == nullptr && r.members_domain == a.single_domain) return;
    for (std::uint32_t y = r.begin; y < r.end; ++y) {
      const SweepItem& item = items_[y];
      std::uint64_t n = a.assigned - a.assigned_in(item.domain);
      // The source parent is exempt (an Azure subnet inside its VNet prefix).
      const bool parent_conflicts = a.holds(item.parent) && items_[item.parent].assigned() &&
                                    items_[item.parent].domain != item.domain;
      if (parent_conflicts) --n;
      if (n == 0) continue;
      count(y, n);
      if (mode_ == Mode::kCount && a.assigned_connected) {
        // All of A's assigned members are one cluster already: joining one of them is enough.
        const std::uint32_t rep = item.domain != items_[a.representative].domain
                                      ? a.representative
                                      : a.other_domain_representative;
        if (rep != kNoParent && rep != item.parent) {
          sets_.union_set(rep, y);
          continue;
        }
      }
      if (quota_full(y)) continue;
      for (std::uint32_t x = a.begin; x < a.end; ++x) {
        if (!items_[x].assigned() || items_[x].domain == item.domain || item.parent == x) continue;
        conflict(ConflictKind::kContains, x, y);
        if (quota_full(y)) break;
      }
    }
  }

  // A and R cross: every pair conflicts, whatever the roles and domains.
  void crossing(const Run& a, const Run& r) {
    const std::uint64_t pairs = std::uint64_t{a.end - a.begin} * (r.end - r.begin);
    count(r.begin, pairs);
    if (mode_ == Mode::kCount) {
      // The pairs form a complete bipartite graph: one union per member joins it all.
      for (std::uint32_t x = a.begin; x < a.end; ++x) sets_.union_set(x, r.begin);
      for (std::uint32_t y = r.begin; y < r.end; ++y) sets_.union_set(a.begin, y);
      return;
    }
    for (std::uint32_t x = a.begin; x < a.end && !quota_full(x); ++x) {
      for (std::uint32_t y = r.begin; y < r.end && !quota_full(x); ++y) {
        conflict(ConflictKind::kPartial, x, y);
      }
    }
  }

  // Members of one run are duplicates of each other: they conflict unless either is a container
  // or they are parent and child in their source.
  void within(const Run& r) {
    if (r.assigned < 2) return;
    std::uint64_t parent_links = 0;
    for (std::uint32_t k = r.begin; k < r.end; ++k) {
      const std::uint32_t parent = items_[k].parent;
      if (items_[k].assigned() && r.holds(parent) && items_[parent].assigned()) ++parent_links;
    }
    const std::uint64_t a = r.assigned;
    count(r.representative, a * (a - 1) / 2 - parent_links);
    // The conflict graph here is complete minus the parent links. Complete minus a forest is
    // connected unless the forest spans every member (the complement of a disconnected graph is
    // connected); only then are the pairs examined one by one.
    const bool links_may_span = parent_links + 1 == a;
    if (mode_ == Mode::kCount && !links_may_span) {
      for (std::uint32_t k = r.begin; k < r.end; ++k) {
        if (items_[k].assigned()) sets_.union_set(r.representative, k);
      }
      return;
    }
    for (std::uint32_t p = r.begin; p < r.end; ++p) {
      if (!items_[p].assigned()) continue;
      for (std::uint32_t q = p + 1; q < r.end; ++q) {
        if (!items_[q].assigned() || items_[p].parent == q || items_[q].parent == p) continue;
        if (quota_full(p)) return;
        conflict(ConflictKind::kDuplicate, p, q);
      }
    }
  }

  bool all_assigned_joined(const Run& r) {
    std::uint32_t root = kNoParent;
    for (std::uint32_t k = r.begin; k < r.end; ++k) {
      if (!items_[k].assigned()) continue;
      const std::uint32_t here = sets_.find_set(k);
      if (root != kNoParent && root != here) return false;
      root = here;
    }
    return true;
  }

  const std::vector<SweepItem>& items_;
  DisjointSets& sets_;
  Mode mode_ = Mode::kCount;
};

// Namespace id -> group id, after --vrf-group and --all-vrfs.
std::vector<std::uint32_t> namespace_groups(const Inventory& inventory,
                                            const VerifyOptions& options) {
  std::vector<std::uint32_t> group(inventory.namespace_count());
  for (std::uint32_t id = 0; id < group.size(); ++id) group[id] = options.all_vrfs ? 0 : id;
  if (options.all_vrfs) return group;
  absl::flat_hash_map<std::string_view, std::uint32_t> by_name;
  for (std::uint32_t id = 0; id < group.size(); ++id) by_name[inventory.namespace_name(id)] = id;
  for (const std::vector<std::string>& names : options.vrf_groups) {
    std::optional<std::uint32_t> target;
    for (const std::string& name : names) {
      const auto it = by_name.find(name == "global" || name == "Global" ? std::string_view() : std::string_view(name));
      if (it == by_name.end()) continue;
      if (!target) target = group[it->second];
      const std::uint32_t from = group[it->second];
      for (std::uint32_t& g : group) {
        if (g == from) g = *target;
      }
    }
  }
  return group;
}

// A span as the sweep orders it: first ascending, last descending, record id.
template <typename Key>
struct SweepKey {
  Key first;
  Key last;
  std::uint32_t record;
};

template <typename Key>
bool sweeps_before(const SweepKey<Key>& a, const SweepKey<Key>& b) {
  if (a.first != b.first) return a.first < b.first;
  if (a.last != b.last) return a.last > b.last;
  return a.record < b.record;
}

// Sorts spans by Order's radix key (Order::key_byte over Order::kKeyBytes), ties by Order::less.
template <typename Order>
void radix_sort_spans(typename Order::Span* begin, typename Order::Span* end) {
  using Span = typename Order::Span;
  // Lambdas, not the functions' addresses: those would be called through pointers.
  detail::radix_sort(
      begin, end, Order::kKeyBytes, [](const Span& s, int d) { return Order::key_byte(s, d); },
      [](const Span& a, const Span& b) { return Order::less(a, b); });
}

// How each family's spans sort, in the sweep's order. IPv4 spans sort by first as a 32-bit key,
// then `less` among equal firsts; IPv6 spans by a radix key of first and the complement of last
// (or, for a prefix, its length), most significant byte first.
struct V4Order {
  using Span = V4Span;
  static bool less(const V4Span& a, const V4Span& b) {
    return sweeps_before<std::uint32_t>({a.first, a.last, a.record}, {b.first, b.last, b.record});
  }
  static std::uint32_t first(const V4Span& s) { return s.first; }
  static std::uint32_t last(const V4Span& s) { return s.last; }
  // Mostly distinct firsts: sorted by first as a 32-bit key, then ties by `less`.
  static void sort(V4Span* begin, V4Span* end) {
    detail::sort_by_key32(
        begin, end, [](const V4Span& s) { return s.first; },
        [](const V4Span& a, const V4Span& b) { return less(a, b); });
  }
};

struct V6Order {
  using Span = V6Span;
  static constexpr int kKeyBytes = 32;
  static std::uint8_t key_byte(const V6Span& s, int d) {
    const std::uint32_t word = d < 16 ? s.first[d >> 2] : ~s.last[(d - 16) >> 2];
    return static_cast<std::uint8_t>(word >> (24 - 8 * (d & 3)));
  }
  static SweepKey<uint128> sweep_key(const V6Span& s) {
    return {s.first_value(), s.last_value(), s.record};
  }
  static bool less(const V6Span& a, const V6Span& b) {
    return sweeps_before(sweep_key(a), sweep_key(b));
  }
  static uint128 first(const V6Span& s) { return s.first_value(); }
  static uint128 last(const V6Span& s) { return s.last_value(); }
  static void sort(V6Span* begin, V6Span* end) { radix_sort_spans<V6Order>(begin, end); }
};

// IPv6 prefixes in the same order: for equal firsts, the longer last is the shorter length.
struct V6PrefixOrder {
  using Span = V6PrefixSpan;
  static constexpr int kKeyBytes = 17;
  static std::uint8_t key_byte(const V6PrefixSpan& s, int d) {
    if (d == 16) return s.length;
    return static_cast<std::uint8_t>(s.first[d >> 2] >> (24 - 8 * (d & 3)));
  }
  static bool less(const V6PrefixSpan& a, const V6PrefixSpan& b) {
    const uint128 a_first = a.first_value();
    const uint128 b_first = b.first_value();
    if (a_first != b_first) return a_first < b_first;
    if (a.length != b.length) return a.length < b.length;
    return a.record < b.record;
  }
  static SweepKey<uint128> sweep_key(const V6PrefixSpan& s) {
    return {s.first_value(), s.last_value(), s.record};
  }
  static uint128 first(const V6PrefixSpan& s) { return s.first_value(); }
  static uint128 last(const V6PrefixSpan& s) { return s.last_value(); }
  static void sort(V6PrefixSpan* begin, V6PrefixSpan* end) {
    radix_sort_spans<V6PrefixOrder>(begin, end);
  }
};

// Takes one family's spans of one namespace group in sweep order (first ascending, last
// descending, record) and appends, in that order, a SweepItem for every span that overlaps
// another: the stretches where the next span starts at or before the largest last seen so far.
// A span outside every stretch overlaps nothing and cannot conflict. The first span of a
// stretch waits until a second one joins it.
template <typename Key>
class StretchCollector {
 public:
  StretchCollector(std::uint32_t group_family, const ProofRecords& records,
                   std::vector<SweepItem>& items)
      : group_family_(group_family), records_(records), items_(items) {}

  void add(Key first, Key last, std::uint32_t record) {
    if (in_stretch_ != 0 && first <= reach_) {
      if (in_stretch_ == 1) push(waiting_first_, waiting_last_, waiting_record_);
      push(first, last, record);
      ++in_stretch_;
      reach_ = std::max(reach_, last);
      return;
    }
    waiting_first_ = first;
    waiting_last_ = last;
    waiting_record_ = record;
    in_stretch_ = 1;
    reach_ = last;
  }

 private:
  void push(Key first, Key last, std::uint32_t record) {
    const ProofTraits& traits = records_.traits(record);
    items_.push_back({first, last, group_family_ * 2 + (traits.role == Role::kAssigned ? 1U : 0U),
                      record, traits.domain, records_.parent(record)});
  }

  std::uint32_t group_family_;
  const ProofRecords& records_;
  std::vector<SweepItem>& items_;
  std::size_t in_stretch_ = 0;  // spans in the current stretch so far
  Key reach_ = 0;
  Key waiting_first_ = 0;  // the stretch's first span, not pushed while it is alone
  Key waiting_last_ = 0;
  std::uint32_t waiting_record_ = 0;
};

// Sorts one family's spans of one namespace group and collects those that overlap another.
template <typename Order, typename Spans>
void collect_overlapping(Spans& spans, std::uint32_t group_family, const ProofRecords& records,
                         std::vector<SweepItem>& items) {
  Order::sort(spans.data(), spans.data() + spans.size());
  StretchCollector<decltype(Order::first(spans[0]))> stretches(group_family, records, items);
  for (const auto& span : spans) stretches.add(Order::first(span), Order::last(span), span.record);
}

// The same for a group's IPv6 prefixes and its other IPv6 ranges (rare: ranges of a CSV or a
// DHCP export), each array sorted in its own order and the two merged into one sweep.
void collect_overlapping_v6(ProofRecords::Namespace& space, std::uint32_t group_family,
                            const ProofRecords& records, std::vector<SweepItem>& items) {
  auto& prefixes = space.v6_prefixes;
  auto& ranges = space.v6;
  V6PrefixOrder::sort(prefixes.data(), prefixes.data() + prefixes.size());
  V6Order::sort(ranges.data(), ranges.data() + ranges.size());
  StretchCollector<uint128> stretches(group_family, records, items);
  // Each array's next span, its key made once.
  std::size_t p = 0;
  std::size_t r = 0;
  SweepKey<uint128> next_prefix{};
  SweepKey<uint128> next_range{};
  if (!prefixes.empty()) next_prefix = V6PrefixOrder::sweep_key(prefixes[0]);
  if (!ranges.empty()) next_range = V6Order::sweep_key(ranges[0]);
  while (p < prefixes.size() || r < ranges.size()) {
    if (r == ranges.size() || (p < prefixes.size() && sweeps_before(next_prefix, next_range))) {
      stretches.add(next_prefix.first, next_prefix.last, next_prefix.record);
      if (++p < prefixes.size()) next_prefix = V6PrefixOrder::sweep_key(prefixes[p]);
    } else {
      stretches.add(next_range.first, next_range.last, next_range.record);
      if (++r < ranges.size()) next_range = V6Order::sweep_key(ranges[r]);
    }
  }
}

// Joins the records of namespaces that share a group into the group's own namespace (the group
// id is the id of a namespace that is its own group), then collects every group's overlapping
// records, IPv4 before IPv6.
std::vector<SweepItem> overlapping_items(ProofRecords& records,
                                         const std::vector<std::uint32_t>& groups) {
  std::vector<ProofRecords::Namespace>& spaces = records.namespaces();
  for (std::uint32_t id = 0; id < spaces.size(); ++id) {
    const std::uint32_t group = id < groups.size() ? groups[id] : id;
    if (group == id) continue;
    ProofRecords::Namespace& from = spaces[id];
    ProofRecords::Namespace& into = spaces[group];
    into.v4.insert(into.v4.end(), from.v4.begin(), from.v4.end());
    into.v6_prefixes.insert(into.v6_prefixes.end(), from.v6_prefixes.begin(),
                            from.v6_prefixes.end());
    into.v6.insert(into.v6.end(), from.v6.begin(), from.v6.end());
    from = {};
  }
  std::vector<SweepItem> items;
  for (std::uint32_t id = 0; id < spaces.size(); ++id) {
    ProofRecords::Namespace& space = spaces[id];
    collect_overlapping<V4Order>(space.v4, id * 2, records, items);
    if (space.v6.empty()) {
      collect_overlapping<V6PrefixOrder>(space.v6_prefixes, id * 2 + 1, records, items);
    } else {
      collect_overlapping_v6(space, id * 2 + 1, records, items);
    }
  }
  return items;
}

bool wider(const SweepItem& a, const SweepItem& b) {
  if (a.last - a.first != b.last - b.first) return a.last - a.first > b.last - b.first;
  return a.first < b.first;
}

}  // namespace

std::string_view conflict_kind_name(ConflictKind kind) {
  switch (kind) {
    case ConflictKind::kDuplicate: return "duplicate";
    case ConflictKind::kContains: return "contains";
    case ConflictKind::kPartial: return "partial";
  }
  return "duplicate";
}

std::optional<ConflictKind> classify_pair(const Inventory& inventory, std::uint32_t a,
                                          std::uint32_t b) {
  const Record& ra = inventory.records()[a];
  const Record& rb = inventory.records()[b];
  if (!ra.range.overlaps(rb.range)) return std::nullopt;
  if (ra.parent == b || rb.parent == a) return std::nullopt;
  if (ra.range == rb.range) {
    if (ra.role == Role::kContainer || rb.role == Role::kContainer) return std::nullopt;
    return ConflictKind::kDuplicate;
  }
  const Record* outer = nullptr;
  if (ra.range.covers(rb.range)) outer = &ra;
  if (rb.range.covers(ra.range)) outer = &rb;
  if (outer == nullptr) return ConflictKind::kPartial;
  if (outer->role == Role::kContainer) return std::nullopt;
  if (ra.domain_id == rb.domain_id) return std::nullopt;
  return ConflictKind::kContains;
}

VerifyResult verify(const Inventory& inventory, const VerifyOptions& options) {
  ProofRecords records;
  for (const Record& r : inventory.records()) {
    records.add(r.range, r.namespace_id, {r.domain_id, r.role}, r.parent);
  }
  return verify(records, inventory, options);
}

VerifyResult verify(ProofRecords& records, const Inventory& names, const VerifyOptions& options) {
  VerifyResult result;
  result.records = records.size();
  result.ipv4_records = records.ipv4_records();
  result.ipv6_records = records.ipv6_records();
  std::vector<SweepItem> items = overlapping_items(records, namespace_groups(names, options));
  const auto n = static_cast<std::uint32_t>(items.size());
  // Parent links as positions among the items (a parent overlaps its child, so it is there).
  if (records.any_parent()) {
    absl::flat_hash_map<std::uint32_t, std::uint32_t> position;
    for (std::uint32_t k = 0; k < n; ++k) position[items[k].id] = k;
    for (SweepItem& item : items) {
      if (item.parent == kNoParent) continue;
      const auto it = position.find(item.parent);
      item.parent = it == position.end() ? kNoParent : it->second;
    }
  }

  std::vector<std::uint8_t> rank(n);
  std::vector<std::uint32_t> parent(n);
  DisjointSets sets(rank.data(), parent.data());
  for (std::uint32_t k = 0; k < n; ++k) sets.make_set(k);

  Sweep sweep(items, sets);
  sweep.count_by_position.assign(n, 0);
  sweep.run(Sweep::Mode::kCount);
  result.conflict_count = sweep.total;
  if (result.ok()) return result;

  // Clusters: every item touched by a conflict, grouped by its set; roots are positions until
  // the end.
  constexpr std::uint32_t kNoCluster = 0xffffffffU;
  std::vector<std::uint32_t> cluster_of(n, kNoCluster);  // by set representative
  std::vector<ConflictCluster>& clusters = result.clusters;
  for (std::uint32_t k = 0; k < n; ++k) {
    if (sweep.count_by_position[k] == 0) continue;
    std::uint32_t& index = cluster_of[sets.find_set(k)];
    if (index == kNoCluster) {
      index = static_cast<std::uint32_t>(clusters.size());
      clusters.emplace_back();
    }
    clusters[index].conflicts += sweep.count_by_position[k];
  }
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::uint32_t index = cluster_of[sets.find_set(k)];
    if (index == kNoCluster) continue;
    ConflictCluster& c = clusters[index];
    if (c.records == 0 || wider(items[k], items[c.root])) c.root = k;
    ++c.records;
  }
  sweep.clusters = &clusters;
  sweep.cluster_of = &cluster_of;
  sweep.quota = options.max_listed_per_cluster;
  if (sweep.quota > 0) sweep.run(Sweep::Mode::kList);
  std::sort(result.clusters.begin(), result.clusters.end(),
            [&](const ConflictCluster& a, const ConflictCluster& b) {
              if (a.conflicts != b.conflicts) return a.conflicts > b.conflicts;
              const SweepItem& x = items[a.root];
              const SweepItem& y = items[b.root];
              return std::tuple(x.v6(), x.first, y.last) < std::tuple(y.v6(), y.first, x.last);  // Range order
            });
  // Positions back to record ids, remembering the range of each record named.
  const auto name = [&](std::uint32_t& position) {
    const SweepItem& item = items[position];
    const auto address = [&](uint128 value) {
      return item.v6() ? Address::v6(value) : Address::v4(static_cast<std::uint32_t>(value));
    };
    result.ranges.emplace(item.id, *Range::make(address(item.first), address(item.last)));
    position = item.id;
  };
  result.ranges.reserve(result.clusters.size());
  for (ConflictCluster& c : result.clusters) {
    name(c.root);
    for (Conflict& k : c.listed) {
      name(k.a);
      name(k.b);
    }
  }
  return result;
}

}  // namespace ipplan
