// reserve.h — `--reserve LEDGER`, `--lock-timeout` and `--label` for the commands that hand out
// blocks (suggest, peering): lock the ledger before reading the inputs, read it as one more
// input, and append the chosen blocks all or nothing (SPEC 5).
#pragma once

#include <optional>
#include <span>
#include <string>

#include "command.h"
#include "ipplan/ledger.h"

namespace ipplan::cli {

struct ReserveOptions {
  std::string ledger;                  // empty: nothing is reserved
  double lock_timeout_seconds = 30.0;
  std::string label;                   // what the blocks are for, written to each ledger row
};
void add_reserve_options(CLI::App& command, ReserveOptions& options,
                         std::string_view default_label);

// When --reserve was given: takes the ledger's lock (waiting up to --lock-timeout) and adds the
// ledger to `input` as one more input. Returns kExitOk, or kExitBadInput after saying why.
int lock_ledger(const ReserveOptions& options, InputOptions& input,
                std::optional<LedgerLock>& lock);

// Appends `rows` to the locked ledger and says so on stderr unless quiet. Returns kExitOk, or
// kExitBadInput after saying why (the ledger is then unchanged).
int reserve_rows(LedgerLock& lock, std::span<const LedgerRow> rows, bool quiet);

}  // namespace ipplan::cli
