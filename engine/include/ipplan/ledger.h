// ledger.h — the reservation ledger of SPEC section 5 (`--reserve LEDGER`): a CSV file of blocks
// already handed out, appended to under an exclusive lock with an atomic replace.
//
// What it offers: LedgerLock::acquire takes the lock, cleans up what killed runs left behind and
// reads the ledger as it is under the lock; the caller reads current_bytes() as one more input
// (read_input(detect_format(bytes), ...) — the ledger is generic CSV: header
// `prefix,role,domain,label,reserved_at`, role `container`), decides its blocks, calls append()
// at most as often as it likes, and lets the lock go out of scope.
//
// What it promises:
//   - Mutual exclusion between processes: the lock is flock(2) on `LEDGER.lock` beside the ledger
//     (never on the ledger, which is replaced by rename). A held lock is polled for until the
//     timeout, then acquire fails with DeadlineExceeded naming the lock file and the timeout.
//     The lock file is never removed (removing it would let two runs lock two different files).
//   - Atomicity: append writes `LEDGER.tmp.<pid>.<random>` = the old bytes + the new rows,
//     fsyncs it, renames it over the ledger and fsyncs the directory. A process killed at any
//     point leaves the ledger as it was before or after, never torn; readers that do not lock
//     (e.g. a plain `verify LEDGER`) see one or the other. `LEDGER.tmp.*` files left by killed
//     runs are removed by the next acquire.
//   - All or nothing: an append of zero rows changes nothing (and creates no ledger); a failed
//     append (full disk, read-only directory, failed rename) removes its temporary file, leaves
//     the ledger byte-identical and returns a Status naming the path and the errno text.
//   - Labels and domains are CSV-quoted (RFC 4180) when they need it, so commas, quotes and line
//     breaks round-trip through the CSV reader (which trims blanks around values). A ledger that
//     does not end with a newline still gets well-formed rows. The file's mode is kept.
//
// What it costs: acquire reads the whole ledger into memory; each append rewrites it whole plus
// two fsyncs (milliseconds on a local disk), which is fine for the thousands of rows a ledger
// holds and is what makes the replace atomic.
//
// Limits: flock is advisory (only ipplan honours it) and per open file description (a child
// forked while a LedgerLock is alive shares it; the descriptor is close-on-exec). On NFS, Linux
// emulates flock with POSIX byte-range locks: it works across clients only with a working lock
// manager; SMB and FUSE file systems may not lock at all. A symbolic link at LEDGER is followed:
// the lock, the temporary files and the replace happen beside the file it points to.
//
// Test-only: when the environment variable IPPLAN_TEST_LEDGER_PAUSE_MS is set to a number,
// append sleeps that many milliseconds after writing and fsyncing the temporary file and before
// the rename, so that a test can kill the process at that point. Nothing else reads it.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ipplan/input_file.h"
#include "ipplan/prefix.h"

namespace ipplan {

inline constexpr std::string_view kLedgerHeader = "prefix,role,domain,label,reserved_at";
inline constexpr std::string_view kDefaultLedgerDomain = "ledger";
inline constexpr std::chrono::milliseconds kDefaultLockTimeout{30'000};  // --lock-timeout

// One reservation. Its role is always `container`. An empty domain reads back as the ledger
// input's own domain (DOMAIN= or the file name).
struct LedgerRow {
  Prefix prefix;
  std::string domain = std::string(kDefaultLedgerDomain);
  std::string label;  // what the block is for, e.g. "expressroute circuit er-1 primary"
};

// One ledger line, `\n` included: `prefix,container,domain,label,reserved_at` with the
// timestamp in UTC ISO 8601 to the second (`2026-11-25T10:20:30Z`), fields quoted as needed.
std::string format_ledger_row(const LedgerRow& row,
                              std::chrono::system_clock::time_point reserved_at);

// Holds the ledger's lock for its lifetime (move-only; the destructor releases it).
class LedgerLock {
 public:
  // Locks `ledger_path`.lock (creating it if needed), waiting up to `timeout` (zero: one try),
  // removes stale `LEDGER.tmp.*` files and reads the ledger. Fails when the lock cannot be
  // created or times out, when the ledger cannot be read, or when an existing, non-empty ledger
  // does not start with kLedgerHeader (it is some other file: appending would corrupt it).
  static absl::StatusOr<LedgerLock> acquire(std::string ledger_path,
                                            std::chrono::milliseconds timeout);

  LedgerLock(LedgerLock&& other) noexcept;
  LedgerLock& operator=(LedgerLock&& other) noexcept;
  LedgerLock(const LedgerLock&) = delete;
  LedgerLock& operator=(const LedgerLock&) = delete;
  ~LedgerLock();

  // The ledger's path (a symbolic link resolved), as named in messages.
  const std::string& path() const { return path_; }
  const std::string& lock_path() const { return lock_path_; }
  // Whether the ledger file exists, and its bytes as they are under the lock ("" when absent).
  // After a successful append both describe the new ledger.
  bool exists() const { return exists_; }
  std::string_view current_bytes() const { return bytes_; }

  // Atomically replaces the ledger with its current bytes plus `rows` (the header first when the
  // ledger is absent or empty), all stamped `now`. Zero rows: nothing is written.
  absl::Status append(std::span<const LedgerRow> rows,
                      std::chrono::system_clock::time_point now =
                          std::chrono::system_clock::now());

 private:
  LedgerLock() = default;
  void release();

  std::string path_;
  std::string lock_path_;
  int lock_fd_ = -1;
  bool exists_ = false;
  std::string bytes_;
};

// The ledger as one more input of the run, read under the lock: its spec (domain as for any file:
// its name without the extension), or nullopt when the ledger is absent or empty, or when one of
// `inputs` already names the same file (same device and inode), so that its rows are not read
// twice and do not show up as duplicates of themselves.
std::optional<InputSpec> ledger_input(const LedgerLock& lock, std::span<const InputSpec> inputs);

}  // namespace ipplan
