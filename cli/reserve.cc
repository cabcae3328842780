// reserve.cc — the ledger options shared by suggest and peering.
#include "reserve.h"

#include <chrono>
#include <cmath>

#include "diagnostics.h"
#include "ipplan/strings.h"

namespace ipplan::cli {

void add_reserve_options(CLI::App& command, ReserveOptions& options,
                         std::string_view default_label) {
  options.label = std::string(default_label);
  command.add_option("--reserve", options.ledger,
                     "Append the blocks to this ledger (CSV, created when absent) under an "
                     "exclusive lock; the ledger is also read as an input, so no block is handed "
                     "out twice");
  command.add_option("--lock-timeout", options.lock_timeout_seconds,
                     "Seconds to wait for another run holding the ledger's lock")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  command.add_option("--label", options.label, "What the reserved blocks are for (ledger label)")
      ->capture_default_str();
}

int lock_ledger(const ReserveOptions& options, InputOptions& input,
                std::optional<LedgerLock>& lock) {
  if (options.ledger.empty()) return kExitOk;
  const auto timeout = std::chrono::milliseconds(
      static_cast<std::int64_t>(std::llround(options.lock_timeout_seconds * 1000.0)));
  absl::StatusOr<LedgerLock> acquired = LedgerLock::acquire(options.ledger, timeout);
  if (!acquired.ok()) {
    print_error(str_cat("--reserve: ", view(acquired.status().message())));
    return kExitBadInput;
  }
  lock.emplace(std::move(*acquired));
  if (auto spec = ledger_input(*lock, input_specs(input))) {
    input.extra_inputs.push_back(std::move(*spec));
  }
  return kExitOk;
}

int reserve_rows(LedgerLock& lock, std::span<const LedgerRow> rows, bool quiet) {
  if (const absl::Status status = lock.append(rows); !status.ok()) {
    print_error(str_cat("--reserve: ", view(status.message()),
                        "; nothing reserved, the ledger is unchanged"));
    return kExitBadInput;
  }
  if (!quiet) {
    print_error(str_cat("reserved ", rows.size(), rows.size() == 1 ? " block" : " blocks", " in ",
                        lock.path()));
  }
  return kExitOk;
}

}  // namespace ipplan::cli
