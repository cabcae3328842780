// report_output.h — writing the HTML report from a command: `ipplan report`, and the `--report
// FILE` option that verify, suggest and peering share.
#pragma once

#include <string>

#include "CLI/CLI.hpp"
#include "ipplan/inventory.h"
#include "ipplan/peering.h"
#include "ipplan/report.h"
#include "ipplan/verify.h"

namespace ipplan::cli {

// Adds `--report FILE` to `command`.
void add_report_option(CLI::App& command, std::string& path);

// Verifies `inventory` with `verify_options` (listing enough conflicts to paint them), builds the
// report of `request` and writes it to `path`. Returns kExitOk, or kExitBadInput after saying
// why the file could not be written.
int write_report(const std::string& path, const Inventory& inventory,
                 VerifyOptions verify_options, ReportRequest request,
                 const PeeringPlan* peering = nullptr);

// What verify, suggest and peering map with --report FILE (a no-op returning kExitOk when `path`
// is empty): verify the smallest prefix covering each family's records; suggest its pools with
// the blocks it proposes; peering its pools with the plan's blocks and the plan itself.
int write_verify_report(const std::string& path, const Inventory& inventory,
                        const VerifyOptions& verify_options);
int write_suggest_report(const std::string& path, const Inventory& inventory,
                         const std::vector<Prefix>& pools, const std::vector<Prefix>& blocks);
int write_peering_report(const std::string& path, const Inventory& inventory,
                         const PeeringRequest& request, const PeeringPlan& plan,
                         const VerifyOptions& verify_options);

}  // namespace ipplan::cli
