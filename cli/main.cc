// main.cc — the `ipplan` executable: argument parsing and dispatch, nothing else.
#include <cstdio>

#include "CLI/CLI.hpp"
#include "command.h"
#include "output.h"

namespace ipplan::cli {

OutputFormat CommonOptions::format() const {
  if (format_name == "json") return OutputFormat::kJson;
  if (format_name == "csv") return OutputFormat::kCsv;
  return OutputFormat::kText;
}

void add_common_options(CLI::App& command, CommonOptions& options,
                        const std::vector<std::string>& formats) {
  command.add_option("--format", options.format_name, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  command.add_flag("-q,--quiet", options.quiet, "Print only results and errors, no summaries");
}

void add_input_options(CLI::App& command, InputOptions& options) {
  command
      .add_option("inputs", options.inputs,
                  "Inventory files, '-' for stdin; DOMAIN=PATH names the owner of its records")
      ->required();
  command.add_option("--input-format", options.input_format,
                     "Read every input as this format instead of detecting it")
      ->check(CLI::IsMember({"list", "csv", "netbox-csv", "phpipam-csv", "infoblox-csv",
                             "azure-vnets", "azure-servicetags", "netbox-json"}));
  command.add_flag("--skip-invalid", options.skip_invalid,
                   "Skip and count invalid lines instead of failing the run");
  command.add_flag("--allow-host-bits", options.allow_host_bits,
                   "Accept prefixes with host bits set, truncated, with a warning per line");
}

CLI::Option* add_repeatable_option(CLI::App& command, const std::string& name,
                                   std::vector<std::string>& values, const std::string& help) {
  return command.add_option(name, values, help)->allow_extra_args(false);
}

LoadOptions load_options(const InputOptions& options) {
  LoadOptions load;
  if (!options.input_format.empty()) load.format = parse_format_name(options.input_format);
  load.read.host_bits = options.allow_host_bits ? HostBits::kTruncate : HostBits::kReject;
  return load;
}

std::vector<InputSpec> input_specs(const InputOptions& options) {
  std::vector<InputSpec> specs;
  specs.reserve(options.inputs.size());
  for (const std::string& text : options.inputs) specs.push_back(InputSpec::parse(text));
  specs.insert(specs.end(), options.extra_inputs.begin(), options.extra_inputs.end());
  return specs;
}

}  // namespace ipplan::cli

int main(int argc, char** argv) {
  using namespace ipplan::cli;
  CLI::App app{
      "ipplan — prove that address plans do not overlap, and plan ExpressRoute peering subnets.\n"
      "Reads IPAM exports and Azure inventories; every command takes --format text|json|csv."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ipplan 0.1.0");
  app.footer(
      "Exit codes: 0 success, 1 rejected (conflicts, no room, ASN refused), 2 bad input or "
      "usage.\nRun 'ipplan COMMAND --help' for the options of one command.");
  int exit_code = kExitOk;
  add_verify_command(app, exit_code);
  add_aggregate_command(app, exit_code);
  add_peering_command(app, exit_code);
  add_suggest_command(app, exit_code);
  add_free_command(app, exit_code);
  add_normalize_command(app, exit_code);
  add_asn_command(app, exit_code);
  add_stats_command(app, exit_code);
  add_report_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }
  return exit_code;
}
