// ledger_test.cc — the reservation ledger in one process: rows, creation, appends read back
// through the generic CSV reader, quoting, all-or-nothing, clean-up, refusals and write errors
// that leave the ledger byte-identical. Several processes at once: ledger_concurrency_test.cc.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "collecting_sink.h"
#include "scratch_files.h"
#include "test_values.h"
#include "ipplan/input_format.h"
#include "ipplan/ledger.h"
#include "ipplan/parse.h"
#include "ipplan/strings.h"

using namespace ipplan;
using ipplan::testing::prefix;
using ipplan::testing::CollectingSink;
using std::chrono::milliseconds;

using TempDir = ipplan::testing::ScratchDir;
using ipplan::testing::read_file;
using ipplan::testing::write_file;

namespace {

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// 2026-11-25T10:20:30Z
std::chrono::system_clock::time_point example_time() {
  using namespace std::chrono;
  return sys_days{year{2026} / 11 / 25} + hours{10} + minutes{20} + seconds{30};
}

CollectingSink read_back(std::string_view bytes) {
  CollectingSink sink;
  read_input(detect_format(bytes), bytes, ReadOptions{}, sink);
  return sink;
}

// Runs `body` in a forked child and returns its exit code (128 + signal when killed). The child
// never returns into Catch2.
template <typename Body>
int in_child(Body body) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) ::_exit(body());
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

constexpr int kSkip = 77;

}  // namespace

TEST_CASE("ledger rows: canonical prefix / role container / UTC timestamp / RFC 4180 quoting",
          "[ledger]") {
  CHECK(format_ledger_row({prefix("172.31.255.16/28"), "ledger", "expressroute er-1 primary"},
                          example_time()) ==
        "172.31.255.16/28,container,ledger,expressroute er-1 primary,2026-11-25T10:20:30Z\n");
  CHECK(format_ledger_row({prefix("2001:DB8:0:0::/125"), "net,ops", "say \"hi\""},
                          example_time()) ==
        "2001:db8::/125,container,\"net,ops\",\"say \"\"hi\"\"\",2026-11-25T10:20:30Z\n");
  CHECK(format_ledger_row({prefix("10.0.0.0/28"), "", "two\nlines"}, example_time()) ==
        "10.0.0.0/28,container,,\"two\nlines\",2026-11-25T10:20:30Z\n");
  LedgerRow defaulted;
  defaulted.prefix = prefix("10.0.0.0/30");
  CHECK(defaulted.domain == "ledger");
}

TEST_CASE("ledger: the first append creates it / later ones add to it / it reads as generic CSV",
          "[ledger]") {
  TempDir dir;
  const std::string path = dir / "reservations.csv";
  {
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    REQUIRE(lock.ok());
    CHECK_FALSE(lock->exists());
    CHECK(lock->current_bytes().empty());
    CHECK(lock->path() == path);
    CHECK(lock->lock_path() == path + ".lock");
    const LedgerRow rows[] = {{prefix("10.0.0.0/28"), "ledger", "er-1 primary"},
                              {prefix("2001:db8::/125"), "azure", "er-1 v6"}};
    REQUIRE(lock->append(rows, example_time()).ok());
    CHECK(lock->exists());
    CHECK(lock->current_bytes() == read_file(path));
  }
  const std::string first = *read_file(path);
  CHECK(first ==
        "prefix,role,domain,label,reserved_at\n"
        "10.0.0.0/28,container,ledger,er-1 primary,2026-11-25T10:20:30Z\n"
        "2001:db8::/125,container,azure,er-1 v6,2026-11-25T10:20:30Z\n");
  CHECK(names_in(dir.path) == std::vector<std::string>{"reservations.csv", "reservations.csv.lock"});

  {
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    REQUIRE(lock.ok());
    CHECK(lock->exists());
    CHECK(lock->current_bytes() == first);
    const LedgerRow more[] = {{prefix("10.0.0.16/28"), "ledger", "er-2 primary"}};
    REQUIRE(lock->append(more, example_time()).ok());
  }
  const std::string second = *read_file(path);
  CHECK(second.substr(0, first.size()) == first);

  CHECK(detect_format(second) == InputFormat::kCsv);
  const CollectingSink sink = read_back(second);
  CHECK(sink.errors.empty());
  CHECK(sink.warnings.empty());
  REQUIRE(sink.records.size() == 3);
  CHECK(sink.ranges() == std::vector<std::string>{"10.0.0.0/28", "2001:db8::/125", "10.0.0.16/28"});
  for (const auto& record : sink.records) CHECK(record.role == Role::kContainer);
  CHECK(sink.records[0].domain == "ledger");
  CHECK(sink.records[1].domain == "azure");
  CHECK(sink.records[0].label == "er-1 primary");
  CHECK(sink.records[2].label == "er-2 primary");
  CHECK(sink.records[2].where == "4");
}

TEST_CASE("ledger: labels and domains with commas / quotes and line breaks round-trip", "[ledger]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  const std::vector<LedgerRow> rows = {
      {prefix("10.0.0.0/28"), "ops, east", "circuit \"er-1\", primary"},
      {prefix("10.0.0.16/28"), "ledger", "first line\nsecond line"},
      {prefix("10.0.0.32/28"), "ledger", "crlf\r\ninside; tab\there"},
      {prefix("10.0.0.48/28"), "d\xc3\xa9p\xc3\xb4t", "\"\"\"quoted\"\"\""},
      {prefix("10.0.0.64/28"), "ledger", ""},
  };
  {
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    REQUIRE(lock.ok());
    REQUIRE(lock->append(rows, example_time()).ok());
  }
  const CollectingSink sink = read_back(*read_file(path));
  CHECK(sink.errors.empty());
  REQUIRE(sink.records.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO("row " << i);
    CHECK(sink.records[i].range == to_string(rows[i].prefix));
    CHECK(sink.records[i].domain == rows[i].domain);
    CHECK(sink.records[i].label == rows[i].label);
    CHECK(sink.records[i].role == Role::kContainer);
  }
  // A record's line is the line where it starts, multi-line labels included.
  CHECK(sink.records[2].where == "5");  // header 1, row 2, rows 3-4
  CHECK(sink.records[3].where == "7");  // rows 5-6
}

TEST_CASE("ledger: appending nothing changes nothing and creates nothing", "[ledger]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  {
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    REQUIRE(lock.ok());
    REQUIRE(lock->append({}, example_time()).ok());
    CHECK_FALSE(lock->exists());
  }
  CHECK_FALSE(read_file(path).has_value());

  const std::string existing =
      "prefix,role,domain,label,reserved_at\r\n10.0.0.0/28,container,ledger,x,2026-01-01T00:00:00Z";
  write_file(path, existing);
  struct stat before {};
  REQUIRE(::stat(path.c_str(), &before) == 0);
  {
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    REQUIRE(lock.ok());
    REQUIRE(lock->append({}, example_time()).ok());
  }
  struct stat after {};
  REQUIRE(::stat(path.c_str(), &after) == 0);
  CHECK(read_file(path) == existing);
  CHECK(after.st_ino == before.st_ino);  // not even rewritten
}

TEST_CASE("ledger: a ledger without a final newline / with CRLF or a BOM still gets clean rows",
          "[ledger]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  const std::string existing =
      "\xef\xbb\xbfprefix,role,domain,label,reserved_at\r\n"
      "10.0.0.0/28,container,ledger,\"hand, edited\",2026-01-01T00:00:00Z";
  write_file(path, existing);
  {
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    REQUIRE(lock.ok());
    const LedgerRow row[] = {{prefix("10.0.0.16/28"), "ledger", "next"}};
    REQUIRE(lock->append(row, example_time()).ok());
  }
  const std::string now = *read_file(path);
  CHECK(now == existing + "\n10.0.0.16/28,container,ledger,next,2026-11-25T10:20:30Z\n");
  const CollectingSink sink = read_back(now);
  CHECK(sink.errors.empty());
  CHECK(sink.ranges() == std::vector<std::string>{"10.0.0.0/28", "10.0.0.16/28"});
  CHECK(sink.records[0].label == "hand, edited");

  // An empty existing file is a new ledger: the header comes first.
  write_file(path, "");
  {
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    REQUIRE(lock.ok());
    CHECK(lock->exists());
    const LedgerRow row[] = {{prefix("10.0.0.16/28"), "ledger", "next"}};
    REQUIRE(lock->append(row, example_time()).ok());
  }
  CHECK(read_file(path) ==
        "prefix,role,domain,label,reserved_at\n"
        "10.0.0.16/28,container,ledger,next,2026-11-25T10:20:30Z\n");
}

TEST_CASE("ledger: temporary files left by killed runs are removed / nothing else", "[ledger]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  write_file(path, "prefix,role,domain,label,reserved_at\n");
  write_file(dir / "ledger.csv.tmp.12345.deadbeef", "prefix,role,dom");
  write_file(dir / "ledger.csv.tmp.1.2", "");
  write_file(dir / "other.csv.tmp.12345.deadbeef", "keep");
  write_file(dir / "ledger.csv.tmp", "keep: not one of ours");
  {
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    REQUIRE(lock.ok());
    CHECK(names_in(dir.path) == std::vector<std::string>{"ledger.csv", "ledger.csv.lock",
                                                         "ledger.csv.tmp",
                                                         "other.csv.tmp.12345.deadbeef"});
  }
}

TEST_CASE("ledger: keeps the file's mode and follows a symbolic link", "[ledger]") {
  TempDir dir;
  const std::string target = dir / "real.csv";
  const std::string link = dir / "link.csv";
  write_file(target, "prefix,role,domain,label,reserved_at\n");
  REQUIRE(::chmod(target.c_str(), 0640) == 0);
  REQUIRE(::symlink("real.csv", link.c_str()) == 0);
  {
    auto lock = LedgerLock::acquire(link, milliseconds{1000});
    REQUIRE(lock.ok());
    CHECK(lock->path() == std::filesystem::canonical(target).string());
    const LedgerRow row[] = {{prefix("10.0.0.0/28"), "ledger", "via link"}};
    REQUIRE(lock->append(row, example_time()).ok());
  }
  struct stat st {};
  REQUIRE(::lstat(link.c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(read_back(*read_file(target)).ranges() == std::vector<std::string>{"10.0.0.0/28"});
  CHECK(std::filesystem::exists(target + ".lock"));
}

TEST_CASE("ledger: refuses files that are not ledgers / and bad arguments", "[ledger]") {
  TempDir dir;
  const std::string path = dir / "netbox.csv";
  const std::string netbox = "prefix,vrf,status\n10.0.0.0/8,,container\n";
  write_file(path, netbox);
  auto lock = LedgerLock::acquire(path, milliseconds{1000});
  REQUIRE_FALSE(lock.ok());
  CHECK(lock.status().code() == absl::StatusCode::kFailedPrecondition);
  CHECK(view(lock.status().message()).find(path + ": not an ipplan ledger") == 0);
  CHECK(read_file(path) == netbox);

  // A hand edit that left a quote open: appended rows would vanish into that field.
  const std::string torn = "prefix,role,domain,label,reserved_at\n10.0.0.0/28,container,x,\"open";
  write_file(path, torn);
  auto open_quote = LedgerLock::acquire(path, milliseconds{1000});
  REQUIRE(open_quote.ok());
  const LedgerRow row[] = {{prefix("10.0.0.16/28"), "ledger", "x"}};
  const absl::Status refused = open_quote->append(row, example_time());
  CHECK(refused.code() == absl::StatusCode::kFailedPrecondition);
  CHECK(view(refused.message()).find("ends inside a quoted field") != std::string_view::npos);
  const LedgerRow invalid[] = {{Prefix(), "ledger", "x"}};
  CHECK(open_quote->append(invalid, example_time()).code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(read_file(path) == torn);

  CHECK(LedgerLock::acquire("-", milliseconds{0}).status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(LedgerLock::acquire("", milliseconds{0}).status().code() ==
        absl::StatusCode::kInvalidArgument);
  const auto directory = LedgerLock::acquire(dir.path, milliseconds{0});
  REQUIRE_FALSE(directory.ok());
  CHECK(view(directory.status().message()).find("not a regular file") != std::string_view::npos);
}

TEST_CASE("ledger: a ledger whose directory cannot exist fails with the path and errno text",
          "[ledger]") {
  TempDir dir;
  const std::string file = dir / "plain";
  write_file(file, "not a directory");
  const auto under_file = LedgerLock::acquire(file + "/ledger.csv", milliseconds{0});
  REQUIRE_FALSE(under_file.ok());
  CHECK(view(under_file.status().message()) ==
        file + "/ledger.csv.lock: cannot create the lock file: Not a directory");
  const auto missing = LedgerLock::acquire(dir / "nope/ledger.csv", milliseconds{0});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == absl::StatusCode::kNotFound);
  CHECK(view(missing.status().message()).find("No such file or directory") != std::string_view::npos);
  CHECK(read_file(file) == "not a directory");
}

TEST_CASE("ledger: a write that fails (file size limit) leaves the ledger byte-identical",
          "[ledger]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  const std::string before =
      "prefix,role,domain,label,reserved_at\n10.0.0.0/28,container,ledger,a,2026-01-01T00:00:00Z\n";
  write_file(path, before);
  // RLIMIT_FSIZE binds root too: the temporary file's write fails with EFBIG partway.
  const int code = in_child([&] {
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{before.size() + 10, before.size() + 10};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 3;
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    if (!lock.ok()) return 4;
    const LedgerRow row[] = {{prefix("10.0.0.16/28"), "ledger", "too much"}};
    const absl::Status status = lock->append(row, example_time());
    if (status.ok()) return 5;
    const std::string_view message = view(status.message());
    if (message.find(path + ": cannot write " + path + ".tmp.") != 0) return 6;
    if (message.find(std::strerror(EFBIG)) == std::string_view::npos) return 7;
    if (status.code() != absl::StatusCode::kResourceExhausted) return 8;
    if (lock->current_bytes() != before) return 9;
    return 0;
  });
  CHECK(code == 0);
  CHECK(read_file(path) == before);
  CHECK(names_in(dir.path) == std::vector<std::string>{"ledger.csv", "ledger.csv.lock"});
}

namespace {

// In a child of its own mount namespace, mounts a small tmpfs on `dir` (gone with the child).
// False when this system does not let us (not root, no CAP_SYS_ADMIN): the caller skips.
bool mount_private_tmpfs(const std::string& dir, const char* options) {
  if (::unshare(CLONE_NEWNS) != 0) return false;
  if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return false;
  return ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options) == 0;
}

}  // namespace

TEST_CASE("ledger: a read-only directory leaves the ledger byte-identical", "[ledger]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  const LedgerRow first[] = {{prefix("10.0.0.0/28"), "ledger", "first"}};
  const LedgerRow second[] = {{prefix("10.0.0.16/28"), "ledger", "second"}};
  if (::geteuid() != 0) {
    // An ordinary user: mode 0555 is enough.
    {
      auto lock = LedgerLock::acquire(path, milliseconds{1000});
      REQUIRE(lock.ok());
      REQUIRE(lock->append(first, example_time()).ok());
    }
    const std::string before = *read_file(path);
    REQUIRE(::chmod(dir.path.c_str(), 0555) == 0);
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    REQUIRE(lock.ok());
    const absl::Status status = lock->append(second, example_time());
    CHECK(status.code() == absl::StatusCode::kPermissionDenied);
    CHECK(view(status.message()).find(path + ": cannot create the temporary file") == 0);
    CHECK(view(status.message()).find(std::strerror(EACCES)) != std::string_view::npos);
    CHECK(read_file(path) == before);
    return;
  }
  // Root ignores mode bits: use a file system that really is read-only, a tmpfs remounted
  // read-only in a mount namespace of the child's own.
  const int code = in_child([&] {
    if (!mount_private_tmpfs(dir.path, "size=1m")) return kSkip;
    {
      auto lock = LedgerLock::acquire(path, milliseconds{1000});
      if (!lock.ok() || !lock->append(first, example_time()).ok()) return 3;
    }
    const std::optional<std::string> before = read_file(path);
    if (::mount(nullptr, dir.path.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) != 0) {
      return kSkip;
    }
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    if (!lock.ok()) return 4;  // the lock file exists: a read-only descriptor locks it
    const absl::Status status = lock->append(second, example_time());
    if (status.code() != absl::StatusCode::kPermissionDenied) return 5;
    const std::string_view message = view(status.message());
    if (message.find(path + ": cannot create the temporary file " + path + ".tmp.") != 0) return 6;
    if (message.find(std::strerror(EROFS)) == std::string_view::npos) return 7;
    if (read_file(path) != before) return 8;
    // Without a lock file, the lock cannot be created: a clear error too.
    const auto fresh = LedgerLock::acquire(dir / "other.csv", milliseconds{0});
    if (fresh.ok() ||
        view(fresh.status().message()).find("other.csv.lock: cannot create the lock file: " +
                                            std::string(std::strerror(EROFS))) ==
            std::string_view::npos) {
      return 9;
    }
    return 0;
  });
  if (code == kSkip) {
    WARN("cannot mount a private tmpfs here (no CAP_SYS_ADMIN); read-only case not tested");
    return;
  }
  CHECK(code == 0);
}

TEST_CASE("ledger: a full disk leaves the ledger byte-identical", "[ledger]") {
  TempDir dir;
  const std::string path = dir / "ledger.csv";
  const int code = in_child([&] {
    if (!mount_private_tmpfs(dir.path, "size=64k")) return kSkip;
    {
      auto lock = LedgerLock::acquire(path, milliseconds{1000});
      const LedgerRow first[] = {{prefix("10.0.0.0/28"), "ledger", "first"}};
      if (!lock.ok() || !lock->append(first, example_time()).ok()) return 3;
    }
    const std::optional<std::string> before = read_file(path);
    {
      // Fill the file system to the last byte.
      const int fd = ::open((dir / "filler").c_str(), O_WRONLY | O_CREAT, 0644);
      const std::string block(4096, 'x');
      while (::write(fd, block.data(), block.size()) > 0) {
      }
      while (::write(fd, "x", 1) > 0) {
      }
      ::close(fd);
    }
    auto lock = LedgerLock::acquire(path, milliseconds{1000});
    if (!lock.ok()) return 4;
    const LedgerRow second[] = {{prefix("10.0.0.16/28"), "ledger", "second"}};
    const absl::Status status = lock->append(second, example_time());
    if (status.code() != absl::StatusCode::kResourceExhausted) return 5;
    if (view(status.message()).find(std::strerror(ENOSPC)) == std::string_view::npos) return 6;
    if (view(status.message()).find(path + ": ") != 0) return 7;
    if (read_file(path) != before) return 8;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path)) {
      if (entry.path().filename().string().find(".tmp.") != std::string::npos) return 9;
    }
    return 0;
  });
  if (code == kSkip) {
    WARN("cannot mount a private tmpfs here (no CAP_SYS_ADMIN); full-disk case not tested");
    return;
  }
  CHECK(code == 0);
}
