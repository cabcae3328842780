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

#include <boost/pending/disjoint_sets.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace ipplan {
namespace {

struct SweepItem {
  uint128 first;
  uint128 last;
  std::uint32_t group;  // namespace group * 2 + family bit
  std::uint32_t id;
};

// A maximal run of records with one range, as the sweep sees it.
struct Run {
  uint128 first = 0;
  uint128 last = 0;
  std::size_t begin = 0;  // [begin, end) in the sorted items
  std::size_t end = 0;
  std::uint64_t assigned = 0;
  // Assigned members per domain: `single_domain` while they all share one, else `by_domain`.
  static constexpr std::uint32_t kMixed = 0xffffffffU;
  std::uint32_t single_domain = kMixed;
  std::shared_ptr<absl::flat_hash_map<std::uint32_t, std::uint64_t>> by_domain;
  // Two assigned members from different domains, to join a covered record's cluster to.
  std::optional<std::uint32_t> representative;
  std::optional<std::uint32_t> other_domain_representative;
  // All assigned members in one cluster when the run closed: one union per covered record is
  // then enough.
  bool assigned_connected = true;

  std::uint64_t assigned_in(std::uint32_t domain) const {
    if (assigned == 0) return 0;
    if (by_domain == nullptr) return single_domain == domain ? assigned : 0;
    const auto it = by_domain->find(domain);
    return it == by_domain->end() ? 0 : it->second;
  }
};

class Sweep {
 public:
  enum class Mode { kCount, kList };

  Sweep(const Inventory& inventory, const std::vector<SweepItem>& items,
        const std::vector<std::uint32_t>& group_by_record,
        boost::disjoint_sets<std::uint8_t*, std::uint32_t*>& sets)
      : records_(inventory.records()), items_(items), group_by_record_(group_by_record),
        sets_(sets) {}

  // Counting pass results.
  std::uint64_t total = 0;
  absl::flat_hash_map<std::uint32_t, std::uint64_t> count_by_record;

  // Listing pass: per cluster root, the pairs listed so far, up to `quota`.
  absl::flat_hash_map<std::uint32_t, std::vector<Conflict>>* listed = nullptr;
  std::size_t quota = 0;

  void run(Mode mode) {
    mode_ = mode;
    std::vector<Run> open;
    std::size_t i = 0;
    while (i < items_.size()) {
      std::size_t j = i + 1;
      while (j < items_.size() && items_[j].group == items_[i].group &&
             items_[j].first == items_[i].first && items_[j].last == items_[i].last) {
        ++j;
      }
      Run run = make_run(i, j);
      if (!open.empty() && items_[open.front().begin].group != items_[i].group) open.clear();
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
  const Record& rec(std::size_t item) const { return records_[items_[item].id]; }
  bool assigned(const Record& r) const { return r.role == Role::kAssigned; }

  Run make_run(std::size_t begin, std::size_t end) const {
    Run run;
    run.first = items_[begin].first;
    run.last = items_[begin].last;
    run.begin = begin;
    run.end = end;
    for (std::size_t k = begin; k < end; ++k) {
      const Record& r = rec(k);
      if (!assigned(r)) continue;
      const std::uint32_t id = items_[k].id;
      if (run.assigned == 0) {
        run.single_domain = r.domain_id;
        run.representative = id;
      } else if (run.by_domain == nullptr && r.domain_id != run.single_domain) {
        run.by_domain = std::make_shared<absl::flat_hash_map<std::uint32_t, std::uint64_t>>();
        (*run.by_domain)[run.single_domain] = run.assigned;
      }
      if (run.by_domain != nullptr) ++(*run.by_domain)[r.domain_id];
      if (!run.other_domain_representative && r.domain_id != records_[*run.representative].domain_id) {
        run.other_domain_representative = id;
      }
      ++run.assigned;
    }
    return run;
  }

  // Is `parent` the source parent of `child` (or the other way round)?
  bool parent_linked(std::uint32_t x, std::uint32_t y) const {
    return records_[x].parent == y || records_[y].parent == x;
  }

  void conflict(ConflictKind kind, std::uint32_t a, std::uint32_t b) {
    if (mode_ == Mode::kCount) {
      sets_.union_set(a, b);
      return;
    }
    std::vector<Conflict>& list = (*listed)[sets_.find_set(a)];
    if (list.size() < quota) list.push_back({kind, a, b});
  }
  bool quota_full(std::uint32_t record) {
    if (mode_ == Mode::kCount) return false;
    const auto it = listed->find(sets_.find_set(record));
    return it != listed->end() && it->second.size() >= quota;
  }
  void count(std::uint32_t record, std::uint64_t n) {
    if (mode_ != Mode::kCount || n == 0) return;
    total += n;
    count_by_record[record] += n;
  }

  // A strictly covers every member of R.
  void covered_by(const Run& a, const Run& r) {
    if (a.assigned == 0) return;  // a container covers anything
    for (std::size_t k = r.begin; k < r.end; ++k) {
      const std::uint32_t y = items_[k].id;
      const Record& ry = records_[y];
      std::uint64_t n = a.assigned - a.assigned_in(ry.domain_id);
      // The source parent is exempt (an Azure subnet inside its VNet prefix).
      const bool parent_in_a = ry.parent != Record::kNoParent && member_of(a, ry.parent);
      if (parent_in_a && assigned(records_[ry.parent]) &&
          records_[ry.parent].domain_id != ry.domain_id) {
        --n;
      }
      if (n == 0) continue;
      count(y, n);
      if (mode_ == Mode::kCount && a.assigned_connected) {
        // All of A's assigned members are one cluster already: joining one of them is enough.
        const std::uint32_t rep = ry.domain_id != records_[*a.representative].domain_id
                                      ? *a.representative
                                      : a.other_domain_representative.value_or(*a.representative);
        if (rep != ry.parent && records_[rep].domain_id != ry.domain_id) {
          sets_.union_set(rep, y);
          continue;
        }
      }
      if (quota_full(y)) continue;
      for (std::size_t m = a.begin; m < a.end; ++m) {
        const std::uint32_t x = items_[m].id;
        const Record& rx = records_[x];
        if (!assigned(rx) || rx.domain_id == ry.domain_id || ry.parent == x) continue;
        conflict(ConflictKind::kContains, x, y);
        if (quota_full(y)) break;
      }
    }
  }

  bool member_of(const Run& run, std::uint32_t record) const {
    const Record& r = records_[record];
    return r.range.first().value() == run.first && r.range.last().value() == run.last &&
           group_by_record_[record] == items_[run.begin].group;
  }

  // A and R cross: every pair conflicts, whatever the roles and domains.
  void crossing(const Run& a, const Run& r) {
    const std::uint64_t pairs = static_cast<std::uint64_t>(a.end - a.begin) * (r.end - r.begin);
    count(items_[r.begin].id, pairs);
    if (mode_ == Mode::kCount) {
      // The pairs form a complete bipartite graph: one union per member joins it all.
      for (std::size_t m = a.begin; m < a.end; ++m) sets_.union_set(items_[m].id, items_[r.begin].id);
      for (std::size_t k = r.begin; k < r.end; ++k) sets_.union_set(items_[a.begin].id, items_[k].id);
      return;
    }
    for (std::size_t m = a.begin; m < a.end && !quota_full(items_[m].id); ++m) {
      for (std::size_t k = r.begin; k < r.end && !quota_full(items_[m].id); ++k) {
        conflict(ConflictKind::kPartial, items_[m].id, items_[k].id);
      }
    }
  }

  // Members of one run are duplicates of each other: they conflict unless either is a container
  // or they are parent and child in their source.
  void within(const Run& r) {
    if (r.assigned < 2) return;
    std::vector<std::uint32_t> members;
    members.reserve(static_cast<std::size_t>(r.assigned));
    std::uint64_t parent_links = 0;
    for (std::size_t k = r.begin; k < r.end; ++k) {
      const std::uint32_t id = items_[k].id;
      if (!assigned(records_[id])) continue;
      members.push_back(id);
      const std::uint32_t parent = records_[id].parent;
      if (parent != Record::kNoParent && assigned(records_[parent]) && member_of(r, parent)) {
        ++parent_links;
      }
    }
    const std::uint64_t a = members.size();
    count(members.front(), a * (a - 1) / 2 - parent_links);
    // The conflict graph here is complete minus the parent links. Complete minus a forest is
    // connected unless the forest spans every member (the complement of a disconnected graph is
    // connected); only then are the pairs examined one by one.
    const bool links_may_span = parent_links + 1 == a;
    if (mode_ == Mode::kCount && !links_may_span) {
      for (std::size_t k = 1; k < members.size(); ++k) sets_.union_set(members[0], members[k]);
      return;
    }
    for (std::size_t p = 0; p < members.size(); ++p) {
      for (std::size_t q = p + 1; q < members.size(); ++q) {
        if (parent_linked(members[p], members[q])) continue;
        if (mode_ == Mode::kList && quota_full(members[p])) return;
        conflict(ConflictKind::kDuplicate, members[p], members[q]);
      }
    }
  }

  bool all_assigned_joined(const Run& r) {
    std::optional<std::uint32_t> root;
    for (std::size_t k = r.begin; k < r.end; ++k) {
      const std::uint32_t id = items_[k].id;
      if (!assigned(records_[id])) continue;
      const std::uint32_t here = sets_.find_set(id);
      if (root && *root != here) return false;
      root = here;
    }
    return true;
  }

 private:
  const std::vector<Record>& records_;
  const std::vector<SweepItem>& items_;
  const std::vector<std::uint32_t>& group_by_record_;
  boost::disjoint_sets<std::uint8_t*, std::uint32_t*>& sets_;
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

bool wider(const Record& a, const Record& b) {
  if (a.range.span() != b.range.span()) return a.range.span() > b.range.span();
  return a.range.first() < b.range.first();
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
  const std::vector<Record>& records = inventory.records();
  VerifyResult result;
  result.records = records.size();
  const std::vector<std::uint32_t> groups = namespace_groups(inventory, options);

  std::vector<SweepItem> items;
  items.reserve(records.size());
  std::vector<std::uint32_t> group_by_record(records.size());
  for (std::uint32_t id = 0; id < records.size(); ++id) {
    const Record& r = records[id];
    const bool v6 = r.range.family() == Family::kV6;
    (v6 ? result.ipv6_records : result.ipv4_records) += 1;
    const std::uint32_t group = groups[r.namespace_id] * 2 + (v6 ? 1 : 0);
    group_by_record[id] = group;
    items.push_back({r.range.first().value(), r.range.last().value(), group, id});
  }
  std::sort(items.begin(), items.end(), [](const SweepItem& a, const SweepItem& b) {
    if (a.group != b.group) return a.group < b.group;
    if (a.first != b.first) return a.first < b.first;
    if (a.last != b.last) return a.last > b.last;
    return a.id < b.id;
  });

  std::vector<std::uint8_t> rank(records.size());
  std::vector<std::uint32_t> parent(records.size());
  boost::disjoint_sets<std::uint8_t*, std::uint32_t*> sets(rank.data(), parent.data());
  for (std::uint32_t id = 0; id < records.size(); ++id) sets.make_set(id);

  Sweep sweep(inventory, items, group_by_record, sets);
  sweep.run(Sweep::Mode::kCount);
  result.conflict_count = sweep.total;
  if (result.ok()) return result;

  // Clusters: every record touched by a conflict, grouped by its set.
  absl::flat_hash_map<std::uint32_t, ConflictCluster> clusters;
  for (const auto& [record, n] : sweep.count_by_record) clusters[sets.find_set(record)].conflicts += n;
  for (std::uint32_t id = 0; id < records.size(); ++id) {
    const auto it = clusters.find(sets.find_set(id));
    if (it == clusters.end()) continue;
    ConflictCluster& c = it->second;
    if (c.records == 0 || wider(records[id], records[c.root])) c.root = id;
    ++c.records;
  }
  absl::flat_hash_map<std::uint32_t, std::vector<Conflict>> listed;
  sweep.listed = &listed;
  sweep.quota = options.max_listed_per_cluster;
  if (sweep.quota > 0) sweep.run(Sweep::Mode::kList);
  for (auto& [root, c] : clusters) {
    if (auto it = listed.find(root); it != listed.end()) c.listed = std::move(it->second);
    result.clusters.push_back(std::move(c));
  }
  std::sort(result.clusters.begin(), result.clusters.end(),
            [&](const ConflictCluster& a, const ConflictCluster& b) {
              if (a.conflicts != b.conflicts) return a.conflicts > b.conflicts;
              return records[a.root].range < records[b.root].range;
            });
  return result;
}

}  // namespace ipplan
