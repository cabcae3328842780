// verify_command.cc — `ipplan verify`: the proof that nothing overlaps where it must not, or
// every conflict grouped into clusters (SPEC sections 4 and 7).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "command.h"
#include "diagnostics.h"
#include "ipplan/format.h"
#include "ipplan/proof_builder.h"
#include "ipplan/strings.h"
#include "ipplan/verify.h"
#include "output.h"
#include "report_output.h"

namespace ipplan::cli {
namespace {

struct VerifyCommandOptions {
  CommonOptions common;
  InputOptions input;
  std::vector<std::string> vrf_groups;  // each "A,B,..."
  bool all_vrfs = false;
  std::size_t max_conflicts = 20;
  std::string report;
};

// Record id -> the record, from wherever the command kept it.
using RecordLookup = std::function<Record(std::uint32_t)>;

class ConflictPrinter {
 public:
  // `names` holds the inputs and the strings the records refer to.
  ConflictPrinter(const Inventory& names, RecordLookup record, Writer& out)
      : inventory_(names), record_(std::move(record)), out_(out) {}

  // `10.1.0.0/16 (path:line) [domain, role]`
  std::string side_text(std::uint32_t id) const {
    const Record r = record_(id);
    return str_cat(to_string(r.range), " (", inventory_.source(r), ") [",
                   inventory_.domain_name(r.domain_id), ", ", role_name(r.role), "]");
  }
  std::string side_json(std::uint32_t id) const {
    const Record r = record_(id);
    return str_cat("{\"range\": \"", to_string(r.range), "\", \"source\": ",
                   json_string(inventory_.source(r)),
                   ", \"domain\": ", json_string(inventory_.domain_name(r.domain_id)),
                   ", \"role\": \"", role_name(r.role), "\"}");
  }
  std::string side_csv(std::uint32_t id) const {
    const Record r = record_(id);
    return str_cat(to_string(r.range), ",", csv_field(inventory_.source(r)), ",",
                   csv_field(inventory_.domain_name(r.domain_id)), ",", role_name(r.role));
  }

  void text(const VerifyResult& result) {
    const std::string scope = str_cat(result.records, " records, ", result.families(),
                                      result.families() == 1 ? " family" : " families");
    if (result.ok()) {
      out_ << "verified: " << scope << ", 0 conflicts\n";
      return;
    }
    out_ << "conflicts: " << result.conflict_count
         << (result.conflict_count == 1 ? " conflicting pair in " : " conflicting pairs in ")
         << result.clusters.size() << (result.clusters.size() == 1 ? " cluster" : " clusters")
         << " (" << scope << ")\n";
    std::size_t number = 0;
    for (const ConflictCluster& c : result.clusters) {
      out_ << "\ncluster " << ++number << ": " << c.records << " records, " << c.conflicts
           << (c.conflicts == 1 ? " conflict" : " conflicts") << "; root " << side_text(c.root)
           << '\n';
      for (const Conflict& k : c.listed) {
        out_ << "  " << conflict_kind_name(k.kind) << ": " << side_text(k.a) << "\n      with "
             << side_text(k.b) << '\n';
      }
      if (c.conflicts > c.listed.size()) {
        out_ << "  ... " << (c.conflicts - c.listed.size())
             << " more in this cluster (raise --max-conflicts to list them)\n";
      }
    }
  }

  void json(const VerifyResult& result) {
    out_ << "{\"ok\": " << (result.ok() ? "true" : "false") << ", \"inputs\": [";
    bool first = true;
    for (const InputSummary& input : inventory_.inputs()) {
      out_ << (first ? "" : ", ") << "{\"path\": " << json_string(input.name)
           << ", \"sha256\": \"" << input.sha256 << "\", \"records\": " << input.records
           << ", \"format\": \"" << format_name(input.format) << "\"}";
      first = false;
    }
    out_ << "],\n \"records\": " << result.records << ", \"families\": " << result.families()
         << ", \"conflict_count\": " << result.conflict_count
         << ", \"clusters\": " << result.clusters.size() << ",\n \"conflicts\": [";
    first = true;
    for (std::size_t index = 0; index < result.clusters.size(); ++index) {
      for (const Conflict& k : result.clusters[index].listed) {
        out_ << (first ? "\n  " : ",\n  ") << "{\"kind\": \"" << conflict_kind_name(k.kind)
             << "\", \"cluster\": " << index << ", \"a\": " << side_json(k.a)
             << ", \"b\": " << side_json(k.b) << '}';
        first = false;
      }
    }
    out_ << "],\n \"cluster_details\": [";
    first = true;
    for (const ConflictCluster& c : result.clusters) {
      out_ << (first ? "\n  " : ",\n  ") << "{\"root\": " << side_json(c.root)
           << ", \"records\": " << c.records << ", \"conflicts\": " << c.conflicts
           << ", \"listed\": " << c.listed.size() << '}';
      first = false;
    }
    out_ << "]}\n";
  }

  void csv(const VerifyResult& result) {
    out_ << "cluster,kind,a_range,a_source,a_domain,a_role,b_range,b_source,b_domain,b_role\n";
    for (std::size_t index = 0; index < result.clusters.size(); ++index) {
      for (const Conflict& k : result.clusters[index].listed) {
        out_ << index << ',' << conflict_kind_name(k.kind) << ',' << side_csv(k.a) << ','
             << side_csv(k.b) << '\n';
      }
    }
  }

 private:
  const Inventory& inventory_;
  RecordLookup record_;
  Writer& out_;
};

int print_verify_result(const VerifyResult& result, const OutputFormat format,
                        const Inventory& names, RecordLookup record) {
  Writer out(stdout);
  ConflictPrinter printer(names, std::move(record), out);
  switch (format) {
    case OutputFormat::kText: printer.text(result); break;
    case OutputFormat::kJson: printer.json(result); break;
    case OutputFormat::kCsv: printer.csv(result); break;
  }
  if (!out.flush()) {
    print_error("cannot write the output (disk full or closed pipe?)");
    return kExitBadInput;
  }
  return result.ok() ? kExitOk : kExitRejected;
}

int run_verify(const VerifyCommandOptions& options) {
  VerifyOptions verify_options;
  verify_options.all_vrfs = options.all_vrfs;
  verify_options.max_listed_per_cluster = options.max_conflicts;
  for (const std::string& group : options.vrf_groups) {
    std::vector<std::string> names;
    for (const absl::string_view name : absl::StrSplit(group, ',', absl::SkipEmpty())) {
      names.emplace_back(name);
    }
    verify_options.vrf_groups.push_back(std::move(names));
  }
  const OutputFormat format = options.common.format();
  const bool digest = format == OutputFormat::kJson;
  Inventory inventory;
  if (!options.report.empty()) {
    // The report draws every record, so it needs them all in an Inventory.
    if (const int code = load_for_command("verify", options.common, options.input, inventory, digest);
        code != kExitOk) {
      return code;
    }
    const VerifyResult result = verify(inventory, verify_options);
    if (const int code = write_verify_report(options.report, inventory, verify_options);
        code != kExitOk) {
      return code;
    }
    return print_verify_result(result, format, inventory,
                               [&](std::uint32_t id) { return inventory.records()[id]; });
  }
  // Otherwise only what the proof needs is kept: about a third of an Inventory's memory.
  ProofRecords records;
  ProofBuilder builder(inventory, records, nullptr);
  if (const int code = load_for_command("verify", options.common, options.input, builder, digest);
      code != kExitOk) {
    return code;
  }
  const VerifyResult result = verify(records, inventory, verify_options);
  return print_verify_result(result, format, inventory, [&](std::uint32_t id) {
    return builder.rebuild_record(id, result.ranges.at(id));
  });
}

}  // namespace

void add_verify_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<VerifyCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "verify",
      "Prove that no two records overlap where they must not (exit 0), or list every conflict "
      "with both sources, grouped into clusters (exit 1).");
  add_common_options(*command, options->common);
  add_input_options(*command, options->input);
  add_repeatable_option(*command, "--vrf-group", options->vrf_groups,
                      "VRFs that leak routes into one namespace, comma-separated (repeatable)");
  command->add_flag("--all-vrfs", options->all_vrfs,
                    "Check every VRF against every other (what ExpressRoute private peering sees)");
  command->add_option("--max-conflicts", options->max_conflicts,
                      "Conflicting pairs listed per cluster; counts are never capped")
      ->capture_default_str();
  add_report_option(*command, options->report);
  command->callback([options, &exit_code] { exit_code = run_verify(*options); });
}

}  // namespace ipplan::cli
