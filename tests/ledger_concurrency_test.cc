// ledger_concurrency_test.cc — the ledger between processes: a held lock makes others wait, then
// time out; 20 runs at once never pick the same block; a run killed between writing its
// temporary file and renaming it leaves the ledger as it was; a failed rename changes nothing;
// runs killed at random moments never leave a torn ledger. Processes are fork()ed children that
// _exit without returning into Catch2.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "collecting_sink.h"
#include "scratch_files.h"
#include "ipplan/input_format.h"
#include "ipplan/ledger.h"
#include "ipplan/parse.h"
#include "ipplan/strings.h"

using namespace ipplan;
using ipplan::testing::CollectingSink;
using std::chrono::milliseconds;

using TempDir = ipplan::testing::ScratchDir;
using ipplan::testing::read_file;
using ipplan::testing::write_file;

namespace {

std::vector<std::string> temporaries_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".tmp.") != std::string::npos) names.push_back(name);
  }
  return names;
}

// Forks a child that runs `body` and _exits with its result.
template <typename Body>
pid_t spawn(Body body) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) ::_exit(body());
  return pid;
}

// The child's exit code, or 128 + the signal that killed it.
int wait_for(pid_t pid) {
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Waits until `ready` holds, up to `limit`.
template <typename Ready>
bool eventually(Ready ready, milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!ready()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(milliseconds{2});
  }
  return true;
}

CollectingSink read_back(std::string_view bytes) {
  CollectingSink sink;
  read_input(detect_format(bytes), bytes, ReadOptions{}, sink);
  return sink;
}

// What a run does with the ledger in the stress tests: take the lowest /28 of `pool` that the
// ledger does not hold yet (the real allocator lives elsewhere; first-fit over /28s is enough).
// Exit codes: 0 reserved, 1 no room, 2+ something failed.
int reserve_lowest(const std::string& path, std::string_view pool_text, const std::string& label,
                   milliseconds timeout) {
  auto lock = LedgerLock::acquire(path, timeout);
  if (!lock.ok()) return 2;
  const CollectingSink sink = read_back(lock->current_bytes());
  if (!sink.errors.empty()) return 3;
  std::set<std::string> taken;
  for (const auto& record : sink.records) taken.insert(record.range);
  const Prefix pool = parse_prefix(pool_text).value;
  const std::uint32_t first = static_cast<std::uint32_t>(pool.first().value());
  const std::uint32_t count = 1U << (28 - pool.length());
  for (std::uint32_t i = 0; i < count; ++i) {
    const Prefix block = *Prefix::make(Address::v4(first + i * 16), 28);
    if (taken.count(to_string(block)) != 0) continue;
    const LedgerRow row[] = {{block, "ledger", label}};
    return lock->append(row).ok() ? 0 : 4;
  }
  return 1;
}

const std::regex& well_formed_row() {
  static const std::regex row(
      R"(10\.0\.[01]\.\d{1,3}/28,container,ledger,(seed|worker \d+|run \d+ #\d+),)"
      R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  return row;
}

// Every line is the header or a well-formed row; returns the rows' prefixes.
std::vector<std::string> check_well_formed(const std::string& bytes) {
  std::vector<std::string> prefixes;
  REQUIRE_FALSE(bytes.empty());
  REQUIRE(bytes.back() == '\n');
  std::istringstream lines(bytes);
  std::string line;
  REQUIRE(std::getline(lines, line));
  CHECK(line == kLedgerHeader);
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK(std::regex_match(line, well_formed_row()));
    prefixes.push_back(line.substr(0, line.find(',')));
  }
  const CollectingSink sink = read_back(bytes);
  CHECK(sink.errors.empty());
  CHECK(sink.records.size() == prefixes.size());
  return prefixes;
}

}  // namespace

TEST_CASE("ledger lock: a held lock makes the next run wait / then time out naming the lock",
          "[ledger][concurrency]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  int locked[2];
  int finish[2];
  REQUIRE(::pipe(locked) == 0);
  REQUIRE(::pipe(finish) == 0);
  const pid_t holder = spawn([&] {
    ::close(locked[0]);
    ::close(finish[1]);
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    if (!lock.ok()) return 2;
    if (::write(locked[1], "L", 1) != 1) return 3;
    char byte;
    while (::read(finish[0], &byte, 1) > 0) {
    }
    return 0;
  });
  ::close(locked[1]);
  ::close(finish[0]);
  char byte = 0;
  REQUIRE(::read(locked[0], &byte, 1) == 1);
  ::close(locked[0]);

  const auto start = std::chrono::steady_clock::now();
  const auto timed_out = LedgerLock::acquire(path, milliseconds{250});
  const auto waited = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(timed_out.ok());
  CHECK(timed_out.status().code() == absl::StatusCode::kDeadlineExceeded);
  CHECK(view(timed_out.status().message()) ==
        path + ".lock: timed out after 0.25 s waiting for the ledger lock (another run holds "
               "it; see --lock-timeout)");
  CHECK(waited >= milliseconds{250});
  CHECK(waited < milliseconds{2000});
  CHECK_FALSE(LedgerLock::acquire(path, milliseconds{0}).ok());

  // Released while we wait: the waiting run gets the lock.
  std::thread release([&] {
    std::this_thread::sleep_for(milliseconds{200});
    ::close(finish[1]);
  });
  const auto later = std::chrono::steady_clock::now();
  auto lock = LedgerLock::acquire(path, milliseconds{5000});
  const auto waited_for_release = std::chrono::steady_clock::now() - later;
  release.join();
  CHECK(lock.ok());
  CHECK(waited_for_release >= milliseconds{150});
  CHECK(wait_for(holder) == 0);
}

TEST_CASE("ledger: 20 runs at once each reserve a different block", "[ledger][concurrency]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  const std::string seeded =
      "prefix,role,domain,label,reserved_at\n"
      "10.0.0.0/28,container,ledger,seed,2026-01-01T00:00:00Z\n"
      "10.0.0.32/28,container,ledger,seed,2026-01-01T00:00:00Z\n";
  write_file(path, seeded);
  constexpr int kRuns = 20;
  // 10.0.0.0/23 holds 32 /28s: room for the 2 seeded and 20 more.
  int start[2];
  REQUIRE(::pipe(start) == 0);
  std::vector<pid_t> runs;
  for (int i = 0; i < kRuns; ++i) {
    runs.push_back(spawn([&, i] {
      ::close(start[1]);
      char byte;
      while (::read(start[0], &byte, 1) > 0) {
      }
      return reserve_lowest(path, "10.0.0.0/23", str_cat("worker ", i), milliseconds{20000});
    }));
  }
  ::close(start[0]);
  ::close(start[1]);  // all start at once
  for (const pid_t run : runs) CHECK(wait_for(run) == 0);

  const std::string after = *read_file(path);
  CHECK(after.substr(0, seeded.size()) == seeded);
  const std::vector<std::string> prefixes = check_well_formed(after);
  CHECK(prefixes.size() == 2 + kRuns);
  const std::set<std::string> distinct(prefixes.begin(), prefixes.end());
  CHECK(distinct.size() == prefixes.size());
  // First-fit under the lock: together they took exactly the 20 lowest free blocks.
  std::set<std::string> expected{"10.0.0.0/28", "10.0.0.32/28"};
  for (std::uint32_t block = 0; expected.size() < 2 + kRuns; ++block) {
    expected.insert(to_string(*Prefix::make(Address::v4((10U << 24) + block * 16), 28)));
  }
  CHECK(distinct == expected);
  for (int i = 0; i < kRuns; ++i) {
    CHECK(after.find(str_cat(",worker ", i, ",")) != std::string::npos);
  }
  CHECK(temporaries_in(dir.path).empty());
}

TEST_CASE("ledger: a run killed before its rename leaves the ledger as it was",
          "[ledger][concurrency]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  const std::string before =
      "prefix,role,domain,label,reserved_at\n10.0.0.0/28,container,ledger,seed,2026-01-01T00:00:00Z\n";
  write_file(path, before);
  const pid_t victim = spawn([&] {
    ::setenv("IPPLAN_TEST_LEDGER_PAUSE_MS", "2000", 1);
    return reserve_lowest(path, "10.0.0.0/24", "worker 1", milliseconds{1000});
  });
  const bool written = eventually([&] { return !temporaries_in(dir.path).empty(); },
                                  milliseconds{5000});
  ::kill(victim, SIGKILL);
  CHECK(wait_for(victim) == 128 + SIGKILL);
  REQUIRE(written);
  CHECK(read_file(path) == before);
  // The temporary file is complete (written and synced) but was never renamed.
  const std::vector<std::string> left = temporaries_in(dir.path);
  REQUIRE(left.size() == 1);
  CHECK(read_file(dir / left[0])->substr(0, before.size()) == before);

  // The lock died with its holder: the next run gets it at once, cleans up and appends.
  auto lock = LedgerLock::acquire(path, milliseconds{0});
  REQUIRE(lock.ok());
  CHECK(temporaries_in(dir.path).empty());
  CHECK(lock->current_bytes() == before);
  const LedgerRow row[] = {{*Prefix::make(Address::v4(0x0a000010), 28), "ledger", "worker 2"}};
  REQUIRE(lock->append(row).ok());
  const std::vector<std::string> prefixes = check_well_formed(*read_file(path));
  CHECK(prefixes == std::vector<std::string>{"10.0.0.0/28", "10.0.0.16/28"});
  CHECK(temporaries_in(dir.path).empty());
}

TEST_CASE("ledger: a failed rename leaves the ledger byte-identical and says why",
          "[ledger][concurrency]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  const std::string before =
      "prefix,role,domain,label,reserved_at\n10.0.0.0/28,container,ledger,seed,2026-01-01T00:00:00Z\n";
  write_file(path, before);
  int report[2];
  REQUIRE(::pipe(report) == 0);
  const pid_t run = spawn([&] {
    ::close(report[0]);
    ::setenv("IPPLAN_TEST_LEDGER_PAUSE_MS", "1000", 1);
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    if (!lock.ok()) return 2;
    const LedgerRow row[] = {{*Prefix::make(Address::v4(0x0a000010), 28), "ledger", "worker 1"}};
    const absl::Status status = lock->append(row);
    const std::string message(view(status.message()));
    if (::write(report[1], message.data(), message.size()) < 0) return 3;
    if (lock->current_bytes() != before) return 4;
    return status.ok() ? 5 : 0;
  });
  ::close(report[1]);
  // Pull the temporary file away while the run sleeps before renaming it.
  REQUIRE(eventually([&] { return !temporaries_in(dir.path).empty(); }, milliseconds{5000}));
  const std::string temporary = dir / temporaries_in(dir.path)[0];
  REQUIRE(::unlink(temporary.c_str()) == 0);
  std::string message;
  char buffer[512];
  for (ssize_t n; (n = ::read(report[0], buffer, sizeof buffer)) > 0;) {
    message.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(report[0]);
  CHECK(wait_for(run) == 0);
  CHECK(message == path + ": cannot rename " + temporary + " over the ledger: " +
                       std::strerror(ENOENT));
  CHECK(read_file(path) == before);
}

TEST_CASE("ledger: runs killed at random moments never leave a torn ledger",
          "[ledger][concurrency]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  write_file(path, "prefix,role,domain,label,reserved_at\n");
  constexpr int kRuns = 8;
  constexpr int kAppendsEach = 3;
  std::vector<pid_t> runs;
  for (int i = 0; i < kRuns; ++i) {
    runs.push_back(spawn([&, i] {
      for (int n = 0; n < kAppendsEach; ++n) {
        const int code =
            reserve_lowest(path, "10.0.0.0/23", str_cat("run ", i, " #", n), milliseconds{20000});
        if (code != 0) return code;
      }
      return 0;
    }));
  }
  // Kill half of them at random moments while a reader that takes no lock keeps checking
  // that the ledger is always whole.
  std::mt19937 random(12345);
  std::vector<pid_t> killed;
  for (int i = 0; i < kRuns; i += 2) {
    std::this_thread::sleep_for(milliseconds{random() % 15});
    const std::string seen = *read_file(path);
    check_well_formed(seen);
    ::kill(runs[static_cast<std::size_t>(i)], SIGKILL);
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const int code = wait_for(runs[i]);
    if (i % 2 == 0) {
      CHECK((code == 0 || code == 128 + SIGKILL));
    } else {
      CHECK(code == 0);
    }
  }
  // One more run cleans up whatever the killed ones left and still gets a fresh block.
  CHECK(reserve_lowest(path, "10.0.0.0/23", "run 99 #0", milliseconds{1000}) == 0);
  CHECK(temporaries_in(dir.path).empty());
  const std::vector<std::string> prefixes = check_well_formed(*read_file(path));
  const std::set<std::string> distinct(prefixes.begin(), prefixes.end());
  CHECK(distinct.size() == prefixes.size());
  CHECK(prefixes.size() >= kRuns / 2 * kAppendsEach + 1);
  CHECK(prefixes.size() <= kRuns * kAppendsEach + 1);
}
