// stats_command.cc — `ipplan stats`: what the inputs hold, per family, domain and role, with
// exact address counts.
#include <cstdio>
#include <memory>
#include <string>

#include "command.h"
#include "diagnostics.h"
#include "ipplan/loader.h"
#include "ipplan/stats.h"
#include "ipplan/strings.h"
#include "output.h"

namespace ipplan::cli {
namespace {

struct StatsOptions {
  CommonOptions common;
  InputOptions input;
};

// Left-aligned column of `width` (at least one space after).
std::string pad(std::string_view text, std::size_t width) {
  std::string out(text);
  out.resize(std::max(width, text.size() + 1), ' ');
  return out;
}

void print_text(const Inventory& inventory, const InventoryStats& s, Writer& out) {
  out << "records: " << s.records << " (" << s.assigned << " assigned, " << s.containers
      << " containers)\n\n";
  out << pad("family", 8) << pad("records", 10) << pad("addresses (sum)", 42)
      << "addresses (covered)\n";
  const auto family_row = [&](std::string_view name, const FamilyStats& f) {
    out << pad(name, 8) << pad(str_cat(f.records), 10) << pad(to_string(f.addresses_total), 42)
        << to_string(f.addresses_covered) << '\n';
  };
  family_row("IPv4", s.ipv4);
  family_row("IPv6", s.ipv6);
  std::size_t width = 8;
  for (const DomainStats& d : s.domains) width = std::max(width, d.domain.size() + 2);
  out << '\n'
      << pad("domain", width) << pad("records", 10) << pad("assigned", 10) << pad("containers", 12)
      << pad("IPv4", 10) << "IPv6\n";
  for (const DomainStats& d : s.domains) {
    out << pad(d.domain, width) << pad(str_cat(d.records), 10) << pad(str_cat(d.assigned), 10)
        << pad(str_cat(d.containers), 12) << pad(str_cat(d.ipv4), 10) << d.ipv6 << '\n';
  }
  for (const InputSummary& i : inventory.inputs()) width = std::max(width, i.name.size() + 2);
  out << '\n' << pad("input", width) << pad("format", 19) << pad("records", 10) << pad("errors", 8)
      << pad("warnings", 10) << "skipped\n";
  for (const InputSummary& i : inventory.inputs()) {
    out << pad(i.name, width) << pad(format_name(i.format), 19) << pad(str_cat(i.records), 10)
        << pad(str_cat(i.errors), 8) << pad(str_cat(i.warnings), 10) << i.skipped << '\n';
  }
}

void print_json(const Inventory& inventory, const InventoryStats& s, Writer& out) {
  out << "{\"records\": " << s.records << ", \"assigned\": " << s.assigned
      << ", \"containers\": " << s.containers << ",\n \"inputs\": [";
  bool first = true;
  for (const InputSummary& i : inventory.inputs()) {
    out << (first ? "" : ", ") << "{\"path\": " << json_string(i.name)
        << ", \"domain\": " << json_string(i.domain) << ", \"format\": \"" << format_name(i.format)
        << "\", \"records\": " << i.records << ", \"errors\": " << i.errors
        << ", \"warnings\": " << i.warnings << ", \"skipped\": " << i.skipped << '}';
    first = false;
  }
  // Address counts are strings: 2^128 does not survive a JSON number in most parsers.
  const auto family = [&](std::string_view name, const FamilyStats& f) {
    out << '"' << name << "\": {\"records\": " << f.records << ", \"addresses_total\": \""
        << to_string(f.addresses_total) << "\", \"addresses_covered\": \""
        << to_string(f.addresses_covered) << "\"}";
  };
  out << "],\n \"families\": {";
  family("ipv4", s.ipv4);
  out << ", ";
  family("ipv6", s.ipv6);
  out << "},\n \"domains\": [";
  first = true;
  for (const DomainStats& d : s.domains) {
    out << (first ? "" : ", ") << "{\"domain\": " << json_string(d.domain)
        << ", \"records\": " << d.records << ", \"assigned\": " << d.assigned
        << ", \"containers\": " << d.containers << ", \"ipv4\": " << d.ipv4
        << ", \"ipv6\": " << d.ipv6 << '}';
    first = false;
  }
  out << "]}\n";
}

void print_csv(const InventoryStats& s, Writer& out) {
  out << "kind,name,records,assigned,containers,ipv4,ipv6,addresses_total,addresses_covered\n";
  out << "total,," << s.records << ',' << s.assigned << ',' << s.containers << ','
      << s.ipv4.records << ',' << s.ipv6.records << ",,\n";
  out << "family,ipv4," << s.ipv4.records << ",,,,," << to_string(s.ipv4.addresses_total) << ','
      << to_string(s.ipv4.addresses_covered) << '\n';
  out << "family,ipv6," << s.ipv6.records << ",,,,," << to_string(s.ipv6.addresses_total) << ','
      << to_string(s.ipv6.addresses_covered) << '\n';
  for (const DomainStats& d : s.domains) {
    out << "domain," << csv_field(d.domain) << ',' << d.records << ',' << d.assigned << ','
        << d.containers << ',' << d.ipv4 << ',' << d.ipv6 << ",,\n";
  }
}

int run_stats(const StatsOptions& options) {
  Inventory inventory;
  if (const int code = load_for_command("stats", options.common, options.input, inventory);
      code != kExitOk) {
    return code;
  }
  const InventoryStats stats = compute_stats(inventory);
  Writer out(stdout);
  switch (options.common.format()) {
    case OutputFormat::kText: print_text(inventory, stats, out); break;
    case OutputFormat::kJson: print_json(inventory, stats, out); break;
    case OutputFormat::kCsv: print_csv(stats, out); break;
  }
  if (!out.flush()) {
    print_error("cannot write the output (disk full or closed pipe?)");
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void add_stats_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* command = app.add_subcommand(
      "stats",
      "Count records per family, domain and role, with exact address counts (the sum over "
      "records and the addresses covered at least once), and what each input held.");
  add_common_options(*command, options->common);
  add_input_options(*command, options->input);
  command->callback([options, &exit_code] { exit_code = run_stats(*options); });
}

}  // namespace ipplan::cli
