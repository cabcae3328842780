// asn_command.cc — `ipplan asn N`: may this AS number be used for an ExpressRoute peering?
#include <memory>
#include <string>

#include "ipplan/strings.h"
#include "command.h"
#include "ipplan/asn.h"
#include "output.h"

namespace ipplan::cli {
namespace {

struct AsnOptions {
  CommonOptions common;
  std::string asn_text;
  std::string peering_text = "private";
};

void print_verdict(const AsnVerdict& v, OutputFormat format) {
  Writer out(stdout);
  const std::string_view peering = peering_name(v.peering);
  switch (format) {
    case OutputFormat::kText:
      out << "AS" << str_cat(v.asn) << ": " << (v.valid ? "valid" : "rejected") << " for "
          << peering << " peering: " << v.reason << '\n';
      if (!v.note.empty()) out << "note: " << v.note << '\n';
      break;
    case OutputFormat::kJson:
      out << "{\"asn\": " << v.asn << ", \"peering\": \""
          << peering << "\", \"valid\": " << (v.valid ? "true" : "false") << ", \"kind\": \""
          << asn_kind_name(v.kind) << "\", \"reason\": " << json_string(v.reason)
          << ", \"note\": " << json_string(v.note) << "}\n";
      break;
    case OutputFormat::kCsv:
      out << "asn,peering,valid,kind,reason,note\n"
          << str_cat(v.asn) << ',' << peering << ',' << (v.valid ? "true" : "false") << ','
          << asn_kind_name(v.kind) << ',' << csv_field(v.reason) << ',' << csv_field(v.note)
          << '\n';
      break;
  }
}

int run_asn(const AsnOptions& options) {
  const absl::StatusOr<std::uint32_t> asn = parse_asn(options.asn_text);
  if (!asn.ok()) {
    print_error(view(asn.status().message()));
    return kExitBadInput;
  }
  const absl::StatusOr<PeeringType> peering = parse_peering_type(options.peering_text);
  if (!peering.ok()) {
    print_error(view(peering.status().message()));
    return kExitBadInput;
  }
  const AsnVerdict verdict = check_asn(*asn, *peering);
  print_verdict(verdict, options.common.format());
  return verdict.valid ? kExitOk : kExitRejected;
}

}  // namespace

void add_asn_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<AsnOptions>();
  CLI::App* command = app.add_subcommand(
      "asn",
      "Check an AS number for ExpressRoute peering (exit 0 valid, 1 rejected) and say why. "
      "Private peering: 65001-65534, 4200000000-4294967294 or your public ASN; Microsoft "
      "peering: your public ASN.");
  add_common_options(*command, options->common);
  command->add_option("asn", options->asn_text, "AS number: 65001, AS65001 or asdot 1.10")
      ->required();
  command->add_option("--peering", options->peering_text, "Peering type")
      ->check(CLI::IsMember({"private", "microsoft", "public"}))
      ->capture_default_str();
  command->callback([options, &exit_code] { exit_code = run_asn(*options); });
}

}  // namespace ipplan::cli
