// allocation_commands.cc — `ipplan free` and `ipplan suggest`: free space inside pools, and
// aligned blocks proposed from it (SPEC 5 and 7).
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "diagnostics.h"
#include "ipplan/allocation.h"
#include "ipplan/format.h"
#include "ipplan/parse.h"
#include "ipplan/strings.h"
#include "output.h"
#include "reserve.h"
#include "report_output.h"

namespace ipplan::cli {
namespace {

struct FreeOptions {
  CommonOptions common;
  InputOptions input;
  std::vector<std::string> pools;
  std::vector<std::string> excludes;
};

// Warns about assigned records that contain a pool: their owner may be using the space.
void warn_ancestors(const Inventory& inventory, const Prefix& pool,
                    const std::vector<std::uint32_t>& ancestors, bool quiet) {
  if (quiet) return;
  for (const std::uint32_t id : ancestors) {
    const Record& r = inventory.records()[id];
    std::fputs(str_cat("ipplan: warning: pool ", to_string(pool), " lies inside assigned ",
                       to_string(r.range), " (", inventory.source(r), ", ",
                       inventory.domain_name(r.domain_id), ")\n")
                   .c_str(),
               stderr);
  }
}

int run_free(const FreeOptions& options) {
  std::vector<Prefix> pools;
  std::vector<Prefix> excludes;
  if (!parse_prefix_options("--pool", options.pools, pools) ||
      !parse_prefix_options("--exclude", options.excludes, excludes)) {
    return kExitBadInput;
  }
  Inventory inventory;
  if (const int code = load_for_command("free", options.common, options.input, inventory);
      code != kExitOk) {
    return code;
  }
  const AllocationIndex index(inventory);
  const FreeSpace free = index.free_space(pools, excludes);
  for (const PoolUsage& usage : free.pools) {
    warn_ancestors(inventory, usage.pool, usage.assigned_ancestors, options.common.quiet);
  }
  Writer out(stdout);
  switch (options.common.format()) {
    case OutputFormat::kText:
      print_prefix_list(free.blocks, OutputFormat::kText, out);
      if (!options.common.quiet) {
        for (const PoolUsage& u : free.pools) {
          std::fputs(str_cat("free: pool ", to_string(u.pool), ": ", to_string(u.free), " of ",
                             to_string(u.size), " addresses free, ", to_string(u.used), " used\n")
                         .c_str(),
                     stderr);
        }
      }
      break;
    case OutputFormat::kJson: {
      out << "{\"prefixes\": [";
      for (std::size_t i = 0; i < free.blocks.size(); ++i) {
        out << (i == 0 ? "\"" : ", \"") << to_string(free.blocks[i]) << '"';
      }
      out << "], \"pools\": [";
      for (std::size_t i = 0; i < free.pools.size(); ++i) {
        const PoolUsage& u = free.pools[i];
        out << (i == 0 ? "" : ", ") << "{\"pool\": \"" << to_string(u.pool) << "\", \"size\": \""
            << to_string(u.size) << "\", \"used\": \"" << to_string(u.used) << "\", \"free\": \""
            << to_string(u.free) << "\"}";
      }
      out << "]}\n";
      break;
    }
    case OutputFormat::kCsv:
      print_prefix_list(free.blocks, OutputFormat::kCsv, out);
      break;
  }
  if (!out.flush()) {
    print_error("cannot write the output (disk full or closed pipe?)");
    return kExitBadInput;
  }
  return kExitOk;
}

struct SuggestOptions {
  CommonOptions common;
  InputOptions input;
  std::vector<std::string> pools;
  std::vector<std::string> excludes;
  int size = 28;
  std::size_t count = 1;
  std::string strategy = "first-fit";
  ReserveOptions reserve;
  std::string report;
};

void print_suggestion(const SuggestOptions& options, const std::vector<Prefix>& pools,
                      Strategy strategy, const Suggestion& suggestion, Writer& out) {
  if (options.common.format() == OutputFormat::kJson) {
    out << "{\"pools\": [";
    for (std::size_t i = 0; i < pools.size(); ++i) {
      out << (i == 0 ? "\"" : ", \"") << to_string(pools[i]) << '"';
    }
    out << "], \"size\": " << options.size << ", \"strategy\": \"" << strategy_name(strategy)
        << "\", \"count\": " << options.count << ", \"blocks\": [";
    for (std::size_t i = 0; i < suggestion.blocks.size(); ++i) {
      out << (i == 0 ? "\"" : ", \"") << to_string(suggestion.blocks[i]) << '"';
    }
    out << "]";
    if (!options.reserve.ledger.empty()) {
      out << ", \"reserved\": " << (suggestion.blocks.size() == options.count ? "true" : "false");
    }
    out << "}\n";
  } else {
    print_prefix_list(suggestion.blocks, options.common.format(), out);
  }
}

int run_suggest(SuggestOptions options) {
  std::vector<Prefix> pools;
  std::vector<Prefix> excludes;
  if (!parse_prefix_options("--pool", options.pools, pools) ||
      !parse_prefix_options("--exclude", options.excludes, excludes)) {
    return kExitBadInput;
  }
  const absl::StatusOr<Strategy> strategy = parse_strategy(options.strategy);
  if (!strategy.ok()) {
    print_error(view(strategy.status().message()));
    return kExitBadInput;
  }
  for (const Prefix& pool : pools) {
    if (options.size < pool.length() || options.size > pool.first().bits()) {
      print_error(str_cat("--size ", options.size, " does not fit in pool ", to_string(pool),
                          " (a /", options.size, " must be at least as long as the pool's /",
                          pool.length(), " and at most /", pool.first().bits(), ")"));
      return kExitBadInput;
    }
  }
  std::optional<LedgerLock> ledger;
  if (const int code = lock_ledger(options.reserve, options.input, ledger); code != kExitOk) {
    return code;
  }
  Inventory inventory;
  if (const int code = load_for_command("suggest", options.common, options.input, inventory);
      code != kExitOk) {
    return code;
  }
  const AllocationIndex index(inventory);
  const Suggestion suggestion =
      index.suggest(pools, excludes, options.size, options.count, *strategy);
  if (const int code = write_suggest_report(options.report, inventory, pools, suggestion.blocks);
      code != kExitOk) {
    return code;
  }
  for (std::size_t i = 0; i < pools.size(); ++i) {
    warn_ancestors(inventory, pools[i], suggestion.assigned_ancestors[i], options.common.quiet);
  }
  const bool complete = suggestion.blocks.size() == options.count;
  // Reserve before printing: blocks on stdout must never look reserved when the ledger refused
  // them.
  if (ledger && complete) {
    std::vector<LedgerRow> rows;
    for (const Prefix& block : suggestion.blocks) {
      rows.push_back({block, std::string(kDefaultLedgerDomain), options.reserve.label});
    }
    if (const int code = reserve_rows(*ledger, rows, options.common.quiet); code != kExitOk) {
      return code;
    }
  }
  Writer out(stdout);
  print_suggestion(options, pools, *strategy, suggestion, out);
  if (!out.flush()) {
    print_error("cannot write the output (disk full or closed pipe?)");
    return kExitBadInput;
  }
  if (!complete) {
    print_error(str_cat("suggest: only ", suggestion.blocks.size(), " of ", options.count,
                        " free /", options.size, " blocks fit in the pools",
                        ledger ? "; nothing reserved" : ""));
    return kExitRejected;
  }
  return kExitOk;
}

}  // namespace

bool parse_prefix_options(std::string_view option, const std::vector<std::string>& texts,
                          std::vector<Prefix>& out) {
  for (const std::string& text : texts) {
    const ParseResult<Prefix> parsed = parse_prefix(text);
    if (!parsed.ok()) {
      print_error(str_cat(option, ": ", parsed.error.message("prefix", text)));
      return false;
    }
    out.push_back(parsed.value);
  }
  return true;
}

void add_free_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<FreeOptions>();
  CLI::App* command = app.add_subcommand(
      "free",
      "Print the free space of the pools (the pool minus every record overlapping it, except "
      "records that contain the pool) as the minimal list of CIDR blocks.");
  add_common_options(*command, options->common);
  add_input_options(*command, options->input);
  add_repeatable_option(*command, "--pool", options->pools, "Pool to search (repeatable)")->required();
  add_repeatable_option(*command, "--exclude", options->excludes, "Also treat this CIDR as used (repeatable)");
  command->callback([options, &exit_code] { exit_code = run_free(*options); });
}

void add_suggest_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<SuggestOptions>();
  CLI::App* command = app.add_subcommand(
      "suggest",
      "Propose free aligned blocks (a /28 by default, as ExpressRoute peering asks) inside the "
      "pools that overlap nothing in any input. Exit 1 when fewer than --count fit (those that "
      "fit are printed).");
  add_common_options(*command, options->common);
  add_input_options(*command, options->input);
  add_repeatable_option(*command, "--pool", options->pools, "Pool to allocate from (repeatable)")->required();
  add_repeatable_option(*command, "--exclude", options->excludes, "Also treat this CIDR as used (repeatable)");
  command->add_option("--size", options->size, "Prefix length of each block")
      ->check(CLI::Range(0, 128))
      ->capture_default_str();
  command->add_option("--count", options->count, "Number of blocks")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  command->add_option("--strategy", options->strategy, "first-fit, last-fit or best-fit")
      ->check(CLI::IsMember({"first-fit", "last-fit", "best-fit"}))
      ->capture_default_str();
  add_reserve_options(*command, options->reserve, "ipplan suggest");
  add_report_option(*command, options->report);
  command->callback([options, &exit_code] { exit_code = run_suggest(*options); });
}

}  // namespace ipplan::cli
