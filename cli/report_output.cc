// report_output.cc — the shared end of every report: verify, build the model, render, write.
#include "report_output.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "ipplan/report_html.h"
#include "ipplan/strings.h"
#include "output.h"

namespace ipplan::cli {

void add_report_option(CLI::App& command, std::string& path) {
  command.add_option("--report", path,
                     "Also write an HTML report (Hilbert maps, verification, proposals) to FILE");
}

int write_report(const std::string& path, const Inventory& inventory,
                 VerifyOptions verify_options, ReportRequest request,
                 const PeeringPlan* peering) {
  verify_options.max_listed_per_cluster =
      std::max(verify_options.max_listed_per_cluster, kReportListedConflicts);
  const VerifyResult verification = verify(inventory, verify_options);
  const ReportModel model = build_report(inventory, verification, std::move(request));
  const std::string page = render_report_html(inventory, verification, model, peering);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    print_error(str_cat("report: cannot write ", path, ": ", std::strerror(errno)));
    return kExitBadInput;
  }
  const bool written = std::fwrite(page.data(), 1, page.size(), file) == page.size();
  const int saved_errno = errno;
  if (std::fclose(file) != 0 || !written) {
    print_error(str_cat("report: cannot write ", path, ": ",
                        std::strerror(written ? errno : saved_errno)));
    return kExitBadInput;
  }
  return kExitOk;
}

int write_verify_report(const std::string& path, const Inventory& inventory,
                        const VerifyOptions& verify_options) {
  if (path.empty()) return kExitOk;
  ReportRequest request;
  request.title = "ipplan verify";
  for (const Family family : {Family::kV4, Family::kV6}) {
    if (const auto area = covering_prefix(inventory, family)) request.areas.push_back(*area);
  }
  return write_report(path, inventory, verify_options, std::move(request));
}

int write_suggest_report(const std::string& path, const Inventory& inventory,
                         const std::vector<Prefix>& pools, const std::vector<Prefix>& blocks) {
  if (path.empty()) return kExitOk;
  ReportRequest request;
  request.title = "ipplan suggest";
  request.areas = pools;
  request.proposed = blocks;
  return write_report(path, inventory, VerifyOptions{}, std::move(request));
}

int write_peering_report(const std::string& path, const Inventory& inventory,
                         const PeeringRequest& peering, const PeeringPlan& plan,
                         const VerifyOptions& verify_options) {
  if (path.empty()) return kExitOk;
  ReportRequest request;
  request.title = "ipplan peering";
  request.areas = peering.pools;
  request.areas.insert(request.areas.end(), peering.pools6.begin(), peering.pools6.end());
  request.proposed = proposed_blocks(plan);
  return write_report(path, inventory, verify_options, std::move(request), &plan);
}

}  // namespace ipplan::cli
