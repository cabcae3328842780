// peering_command.cc — `ipplan peering`: a complete ExpressRoute peering plan on the inputs,
// with the proof of non-overlap, the ASN verdict and ready-to-run `az` commands (SPEC 5-7).
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "diagnostics.h"
#include "ipplan/format.h"
#include "ipplan/peering.h"
#include "ipplan/strings.h"
#include "ipplan/verify.h"
#include "output.h"
#include "report_output.h"
#include "reserve.h"

namespace ipplan::cli {
namespace {

struct PeeringOptions {
  CommonOptions common;
  InputOptions input;
  std::vector<std::string> pools;
  std::vector<std::string> pools6;
  std::vector<std::string> excludes;
  std::string asn_text;
  std::string peering = "private";
  int circuits = 1;
  int block = 28;
  int vlan = 100;
  std::string circuit_name;
  std::string resource_group;
  ReserveOptions reserve;
  std::string report;
};

std::string_view peering_type_flag(PeeringType type) {
  switch (type) {
    case PeeringType::kPrivate: return "AzurePrivatePeering";
    case PeeringType::kMicrosoft: return "MicrosoftPeering";
    case PeeringType::kPublic: return "AzurePublicPeering";
  }
  return "AzurePrivatePeering";
}

// The circuit's name: as given for one circuit, NAME-1, NAME-2... for several, a placeholder
// when none was given.
std::string circuit_name(const PeeringOptions& options, std::size_t index) {
  const std::string base = options.circuit_name.empty() ? "<circuit-name>" : options.circuit_name;
  return options.circuits == 1 ? base : str_cat(base, "-", index + 1);
}

std::string az_command(const PeeringOptions& options, const PeeringPlan& plan,
                       std::size_t index, bool ipv6) {
  const CircuitPlan& c = plan.circuits[index];
  const PeeringLink& primary = ipv6 ? *c.primary6 : c.primary;
  const PeeringLink& secondary = ipv6 ? *c.secondary6 : c.secondary;
  const std::string group = options.resource_group.empty() ? "<resource-group>" : options.resource_group;
  std::string line = str_cat(
      "az network express-route peering create --resource-group ", group, " --circuit-name ",
      circuit_name(options, index), " --peering-type ", peering_type_flag(plan.asn.peering),
      " --peer-asn ", plan.asn.asn, " --primary-peer-subnet ", to_string(primary.subnet),
      " --secondary-peer-subnet ", to_string(secondary.subnet), " --vlan-id ", c.vlan);
  if (ipv6) line += " --ip-version ipv6";
  if (plan.asn.peering != PeeringType::kPrivate) {
    line += " --advertised-public-prefixes <your-public-prefixes>";
  }
  return line;
}

void print_link(Writer& out, std::string_view name, const PeeringLink& link) {
  out << "  " << name << std::string(11 - name.size(), ' ') << to_string(link.subnet)
      << "  customer " << to_string(link.customer) << "  microsoft " << to_string(link.microsoft)
      << '\n';
}

void print_text(const PeeringOptions& options, const VerifyResult& proof,
                const PeeringPlan& plan, Writer& out) {
  if (proof.ok()) {
    out << "verified: " << proof.records << " records, " << proof.families()
        << (proof.families() == 1 ? " family" : " families") << ", 0 conflicts\n";
  } else {
    out << "warning: the inputs hold " << proof.conflict_count
        << (proof.conflict_count == 1 ? " conflicting pair" : " conflicting pairs")
        << " (run ipplan verify); the plan avoids all of them\n";
  }
  out << "ASN: AS" << plan.asn.asn << ' ' << (plan.asn.valid ? "valid" : "rejected") << " for "
      << peering_name(plan.asn.peering) << " peering: " << plan.asn.reason << '\n';
  if (!plan.asn.note.empty()) out << "note: " << plan.asn.note << '\n';
  for (std::size_t i = 0; i < plan.circuits.size(); ++i) {
    const CircuitPlan& c = plan.circuits[i];
    out << "\ncircuit " << circuit_name(options, i) << " (VLAN " << c.vlan << ")";
    if (c.block) out << ": block " << to_string(*c.block);
    if (c.block6) out << ", " << to_string(*c.block6);
    out << '\n';
    print_link(out, "primary", c.primary);
    print_link(out, "secondary", c.secondary);
    if (c.primary6) print_link(out, "primary6", *c.primary6);
    if (c.secondary6) print_link(out, "secondary6", *c.secondary6);
  }
  if (plan.complete()) {
    out << '\n';
    for (std::size_t i = 0; i < plan.circuits.size(); ++i) {
      out << az_command(options, plan, i, false) << '\n';
      if (plan.circuits[i].primary6) out << az_command(options, plan, i, true) << '\n';
    }
  }
}

void print_json(const VerifyResult& proof, const PeeringPlan& plan, Writer& out) {
  const auto ips = [](const PeeringLink& a, const PeeringLink& b, bool customer) {
    return str_cat("[\"", to_string(customer ? a.customer : a.microsoft), "\", \"",
                   to_string(customer ? b.customer : b.microsoft), "\"]");
  };
  out << "{\"asn\": " << plan.asn.asn << ", \"peering\": \"" << peering_name(plan.asn.peering)
      << "\", \"asn_valid\": " << (plan.asn.valid ? "true" : "false")
      << ", \"asn_reason\": " << json_string(plan.asn.reason)
      << ", \"complete\": " << (plan.complete() ? "true" : "false") << ", \"problems\": [";
  for (std::size_t i = 0; i < plan.problems.size(); ++i) {
    out << (i == 0 ? "" : ", ") << json_string(plan.problems[i]);
  }
  out << "], \"verified\": " << (proof.ok() ? "true" : "false")
      << ", \"records\": " << proof.records << ", \"conflict_count\": " << proof.conflict_count
      << ",\n \"circuits\": [";
  for (std::size_t i = 0; i < plan.circuits.size(); ++i) {
    const CircuitPlan& c = plan.circuits[i];
    out << (i == 0 ? "\n  {" : ",\n  {");
    if (c.block) out << "\"block\": \"" << to_string(*c.block) << "\", ";
    out << "\"primary\": \"" << to_string(c.primary.subnet) << "\", \"secondary\": \""
        << to_string(c.secondary.subnet) << "\", \"customer_ips\": "
        << ips(c.primary, c.secondary, true) << ", \"microsoft_ips\": "
        << ips(c.primary, c.secondary, false) << ", \"vlan\": " << c.vlan;
    if (c.primary6) {
      if (c.block6) out << ", \"block_v6\": \"" << to_string(*c.block6) << '"';
      out << ", \"primary_v6\": \"" << to_string(c.primary6->subnet) << "\", \"secondary_v6\": \""
          << to_string(c.secondary6->subnet) << "\", \"customer_ips_v6\": "
          << ips(*c.primary6, *c.secondary6, true) << ", \"microsoft_ips_v6\": "
          << ips(*c.primary6, *c.secondary6, false);
    }
    out << '}';
  }
  out << "]}\n";
}

void print_csv(const PeeringOptions& options, const PeeringPlan& plan, Writer& out) {
  out << "circuit,vlan,block,primary,secondary,customer_primary,microsoft_primary,"
         "customer_secondary,microsoft_secondary,primary_v6,secondary_v6\n";
  for (std::size_t i = 0; i < plan.circuits.size(); ++i) {
    const CircuitPlan& c = plan.circuits[i];
    out << csv_field(circuit_name(options, i)) << ',' << c.vlan << ','
        << (c.block ? to_string(*c.block) : "") << ',' << to_string(c.primary.subnet) << ','
        << to_string(c.secondary.subnet) << ',' << to_string(c.primary.customer) << ','
        << to_string(c.primary.microsoft) << ',' << to_string(c.secondary.customer) << ','
        << to_string(c.secondary.microsoft) << ','
        << (c.primary6 ? to_string(c.primary6->subnet) : "") << ','
        << (c.secondary6 ? to_string(c.secondary6->subnet) : "") << '\n';
  }
}

std::vector<LedgerRow> ledger_rows(const PeeringOptions& options, const PeeringPlan& plan) {
  std::vector<LedgerRow> rows;
  for (std::size_t i = 0; i < plan.circuits.size(); ++i) {
    const CircuitPlan& circuit = plan.circuits[i];
    for (const Prefix& block : occupied_blocks(circuit)) {
      rows.push_back({block, std::string(kDefaultLedgerDomain),
                      str_cat(options.reserve.label, " ", circuit_name(options, i), " vlan ",
                              circuit.vlan)});
    }
  }
  return rows;
}

int run_peering(PeeringOptions options) {
  PeeringRequest request;
  if (!parse_prefix_options("--pool", options.pools, request.pools) ||
      !parse_prefix_options("--pool6", options.pools6, request.pools6) ||
      !parse_prefix_options("--exclude", options.excludes, request.excludes)) {
    return kExitBadInput;
  }
  const absl::StatusOr<std::uint32_t> asn = parse_asn(options.asn_text);
  if (!asn.ok()) {
    print_error(view(asn.status().message()));
    return kExitBadInput;
  }
  request.asn = *asn;
  request.peering = *parse_peering_type(options.peering);
  request.circuits = options.circuits;
  request.block = options.block;
  request.vlan = options.vlan;
  if (const absl::Status status = check_peering_request(request); !status.ok()) {
    print_error(view(status.message()));
    return kExitBadInput;
  }
  if (request.peering == PeeringType::kPublic && !options.common.quiet) {
    print_error("note: Azure public peering is retired for new circuits; checked like Microsoft peering");
  }
  std::optional<LedgerLock> ledger;
  if (const int code = lock_ledger(options.reserve, options.input, ledger); code != kExitOk) {
    return code;
  }
  Inventory inventory;
  if (const int code = load_for_command("peering", options.common, options.input, inventory);
      code != kExitOk) {
    return code;
  }
  VerifyOptions verify_options;
  verify_options.all_vrfs = true;  // private peering sees every VRF that reaches it
  verify_options.max_listed_per_cluster = 0;
  const VerifyResult proof = verify(inventory, verify_options);
  const AllocationIndex index(inventory);
  const PeeringPlan plan = plan_peering(index, request);
  // All or nothing, and before printing: a plan on stdout must not look reserved when it is not.
  if (ledger && plan.complete()) {
    if (const int code = reserve_rows(*ledger, ledger_rows(options, plan), options.common.quiet);
        code != kExitOk) {
      return code;
    }
  }
  if (const int code =
          write_peering_report(options.report, inventory, request, plan, verify_options);
      code != kExitOk) {
    return code;
  }
  Writer out(stdout);
  if (options.common.format_name == "az") {
    // Only a complete plan becomes commands: a half plan must not be run by a script.
    for (std::size_t i = 0; plan.complete() && i < plan.circuits.size(); ++i) {
      out << az_command(options, plan, i, false) << '\n';
      if (plan.circuits[i].primary6) out << az_command(options, plan, i, true) << '\n';
    }
  } else {
    switch (options.common.format()) {
      case OutputFormat::kText: print_text(options, proof, plan, out); break;
      case OutputFormat::kJson: print_json(proof, plan, out); break;
      case OutputFormat::kCsv: print_csv(options, plan, out); break;
    }
  }
  if (!out.flush()) {
    print_error("cannot write the output (disk full or closed pipe?)");
    return kExitBadInput;
  }
  for (const std::string& problem : plan.problems) print_error(str_cat("peering: ", problem));
  if (ledger && !plan.complete()) print_error("peering: nothing reserved");
  return plan.complete() ? kExitOk : kExitRejected;
}

}  // namespace

void add_peering_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<PeeringOptions>();
  CLI::App* command = app.add_subcommand(
      "peering",
      "Plan ExpressRoute peering: per circuit a free block (a /28 by default) split into primary "
      "and secondary /30, router addresses, VLAN, the ASN verdict and ready-to-run az commands. "
      "Exit 1 when the ASN is refused or not enough room fits.");
  add_common_options(*command, options->common, {"text", "json", "csv", "az"});
  add_input_options(*command, options->input);
  add_repeatable_option(*command, "--pool", options->pools, "IPv4 pool to take peering blocks from (repeatable)")
      ->required();
  add_repeatable_option(*command, "--pool6", options->pools6, "IPv6 pool for /126 peering subnets (repeatable)");
  add_repeatable_option(*command, "--exclude", options->excludes, "Also treat this CIDR as used (repeatable)");
  command->add_option("--asn", options->asn_text, "Your BGP ASN (65001, AS65001 or asdot)")
      ->required();
  command->add_option("--peering", options->peering, "Peering type")
      ->check(CLI::IsMember({"private", "microsoft", "public"}))
      ->capture_default_str();
  command->add_option("--circuits", options->circuits, "Number of circuits")->capture_default_str();
  command->add_option("--block", options->block,
                      "28: a /28 per circuit (2015 prerequisites); 29: a /29; 30: two independent /30s")
      ->check(CLI::IsMember({28, 29, 30}))
      ->capture_default_str();
  command->add_option("--vlan", options->vlan, "VLAN id of the first circuit; the next count up")
      ->capture_default_str();
  command->add_option("--circuit-name", options->circuit_name, "Circuit name for the az commands");
  command->add_option("--resource-group", options->resource_group,
                      "Resource group for the az commands");
  add_reserve_options(*command, options->reserve, "expressroute peering");
  add_report_option(*command, options->report);
  command->callback([options, &exit_code] { exit_code = run_peering(*options); });
}

}  // namespace ipplan::cli
