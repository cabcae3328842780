// command.h — how the CLI's commands are wired: the options every command shares, and one
// registration function per command (each in its own file).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "ipplan/loader.h"
#include "output.h"

namespace ipplan::cli {

// --format and --quiet, which SPEC section 7 gives every command.
struct CommonOptions {
  std::string format_name = "text";
  bool quiet = false;

  OutputFormat format() const;
};
void add_common_options(CLI::App& command, CommonOptions& options,
                        const std::vector<std::string>& formats = {"text", "json", "csv"});

// The inputs and how to read them, for commands that read inventories.
struct InputOptions {
  std::vector<std::string> inputs;
  std::string input_format;
  bool skip_invalid = false;
  bool allow_host_bits = false;
  std::vector<InputSpec> extra_inputs;  // added by the command itself, e.g. the --reserve ledger
};
void add_input_options(CLI::App& command, InputOptions& options);
// What the engine needs from them.
LoadOptions load_options(const InputOptions& options);
std::vector<InputSpec> input_specs(const InputOptions& options);

// A repeatable option (`--pool A --pool B`): each occurrence takes exactly one value, so the
// inputs after it are not swallowed as more values.
CLI::Option* add_repeatable_option(CLI::App& command, const std::string& name,
                                   std::vector<std::string>& values, const std::string& help);

// Parses each text as a prefix (strict: no host bits); on a bad one prints
// `ipplan: OPTION: invalid prefix "...": reason` and returns false.
bool parse_prefix_options(std::string_view option, const std::vector<std::string>& texts,
                          std::vector<Prefix>& out);

// Each registers its subcommand; when it runs, the command stores its exit code in `exit_code`.
void add_normalize_command(CLI::App& app, int& exit_code);
void add_asn_command(CLI::App& app, int& exit_code);
void add_stats_command(CLI::App& app, int& exit_code);
void add_verify_command(CLI::App& app, int& exit_code);
void add_free_command(CLI::App& app, int& exit_code);
void add_suggest_command(CLI::App& app, int& exit_code);
void add_peering_command(CLI::App& app, int& exit_code);
void add_aggregate_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);

}  // namespace ipplan::cli
