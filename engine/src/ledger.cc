// ledger.cc — flock on LEDGER.lock, read under the lock, write-fsync-rename-fsync to append.
#include "ipplan/ledger.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>
#include <thread>
#include <utility>

#include "ipplan/format.h"
#include "ipplan/strings.h"

namespace ipplan {
namespace {

using std::chrono::milliseconds;

absl::Status io_error(std::string_view path, std::string_view what, int err) {
  std::string message = str_cat(path, ": ", what, ": ", std::strerror(err));
  switch (err) {
    case ENOENT:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
    case EROFS:
      return absl::PermissionDeniedError(message);
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      return absl::ResourceExhaustedError(message);
    default:
      return absl::UnavailableError(message);
  }
}

// Closes a descriptor on every way out of a function, unless released.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

std::string directory_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string_view base_name_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// "30 s", "0.25 s": how a timeout reads in a message.
std::string seconds_text(milliseconds timeout) {
  const auto ms = timeout.count();
  std::string text = str_cat(ms / 1000);
  if (ms % 1000 != 0) {
    std::string fraction = str_cat(1000 + ms % 1000).substr(1);  // three digits, zero-padded
    while (fraction.back() == '0') fraction.pop_back();
    text += '.';
    text += fraction;
  }
  text += " s";
  return text;
}

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (const char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string utc_timestamp(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  char text[64];
  if (::gmtime_r(&seconds, &utc) == nullptr ||
      std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc) == 0) {
    return {};
  }
  return text;
}

// Whether `bytes` (non-empty) starts with the ledger header, allowing a byte order mark and CRLF.
bool starts_with_header(std::string_view bytes) {
  constexpr std::string_view kBom = "\xef\xbb\xbf";
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  std::string_view first = bytes.substr(0, bytes.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  return first == kLedgerHeader;
}

absl::Status read_all(int fd, const std::string& path, std::string& out) {
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      out.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0) {
      return absl::OkStatus();
    } else if (errno != EINTR) {
      return io_error(path, "cannot read", errno);
    }
  }
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// What killed runs left: `BASE.tmp.*` in the ledger's directory. Only called under the lock, so
// no live run is writing one. Best effort: a file that cannot be removed is harmless.
void remove_stale_temporaries(const std::string& directory, std::string_view base) {
  DIR* dir = ::opendir(directory.c_str());
  if (dir == nullptr) return;
  const std::string stem = str_cat(base, ".tmp.");
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name.size() > stem.size() && name.substr(0, stem.size()) == stem) {
      ::unlinkat(::dirfd(dir), entry->d_name, 0);
    }
  }
  ::closedir(dir);
}

std::string temporary_name(const std::string& path) {
  std::random_device device;
  const std::uint64_t random = (std::uint64_t{device()} << 32) | device();
  char hex[17];
  const auto end = std::to_chars(hex, hex + 16, random, 16).ptr;
  return str_cat(path, ".tmp.", static_cast<long>(::getpid()), '.',
                 std::string_view(hex, static_cast<std::size_t>(end - hex)));
}

// IPPLAN_TEST_LEDGER_PAUSE_MS (see ledger.h): 0 when unset or not a number.
milliseconds test_pause() {
  const char* text = std::getenv("IPPLAN_TEST_LEDGER_PAUSE_MS");
  if (text == nullptr) return milliseconds{0};
  long value = 0;
  const std::string_view digits = text;
  const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (result.ec != std::errc() || value < 0) return milliseconds{0};
  return milliseconds{value};
}

// Opens LEDGER.lock, creating it when needed; read-only is enough for flock when the file exists
// but is not ours to write.
absl::StatusOr<int> open_lock_file(const std::string& lock_path) {
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
    const int create_errno = errno;
    fd = ::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) errno = errno == ENOENT ? create_errno : errno;
  }
  if (fd < 0) return io_error(lock_path, "cannot create the lock file", errno);
  return fd;
}

// Takes LOCK_EX on the lock file, polling until `deadline`. Returns the locked descriptor.
absl::StatusOr<int> lock_until(const std::string& lock_path, milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::minstd_rand jitter(static_cast<std::uint_fast32_t>(::getpid()));
  milliseconds pause{1};
  for (;;) {
    absl::StatusOr<int> opened = open_lock_file(lock_path);
    if (!opened.ok()) return opened.status();
    Fd fd(*opened);
    for (;;) {
      if (::flock(fd.get(), LOCK_EX | LOCK_NB) == 0) break;
      if (errno == EINTR) continue;
      if (errno != EWOULDBLOCK) return io_error(lock_path, "cannot lock", errno);
      const auto now = std::chrono::steady_clock::now();
      if (now >= deadline) {
        return absl::DeadlineExceededError(
            str_cat(lock_path, ": timed out after ", seconds_text(timeout),
                    " waiting for the ledger lock (another run holds it; see --lock-timeout)"));
      }
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - now) + milliseconds{1};
      std::this_thread::sleep_for(std::min(pause + milliseconds{jitter() % 5}, left));
      pause = std::min(pause * 2, milliseconds{50});
    }
    // Someone may have removed or replaced the lock file while we waited; a lock on an unlinked
    // file excludes nobody. Lock the file that is there now.
    struct stat held {}, named {};
    if (::fstat(fd.get(), &held) == 0 && ::stat(lock_path.c_str(), &named) == 0 &&
        held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
      return fd.release();
    }
  }
}

}  // namespace

std::string format_ledger_row(const LedgerRow& row,
                              std::chrono::system_clock::time_point reserved_at) {
  std::string line;
  line.reserve(64 + row.domain.size() + row.label.size());
  char prefix[kMaxPrefixText];
  line.append(prefix, write_prefix(row.prefix, prefix));
  line += ",container,";
  append_csv_field(line, row.domain);
  line.push_back(',');
  append_csv_field(line, row.label);
  line.push_back(',');
  line += utc_timestamp(reserved_at);
  line.push_back('\n');
  return line;
}

absl::StatusOr<LedgerLock> LedgerLock::acquire(std::string ledger_path, milliseconds timeout) {
  if (ledger_path.empty() || ledger_path == "-") {
    return absl::InvalidArgumentError(
        str_cat("the ledger must be a file path, not \"", ledger_path, "\""));
  }
  if (timeout < milliseconds{0}) timeout = milliseconds{0};
  struct stat st {};
  if (::lstat(ledger_path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    char* resolved = ::realpath(ledger_path.c_str(), nullptr);
    if (resolved == nullptr) {
      return io_error(ledger_path, "cannot follow the symbolic link", errno);
    }
    ledger_path = resolved;
    std::free(resolved);
  }

  LedgerLock lock;
  lock.path_ = std::move(ledger_path);
  lock.lock_path_ = str_cat(lock.path_, ".lock");
  absl::StatusOr<int> fd = lock_until(lock.lock_path_, timeout);
  if (!fd.ok()) return fd.status();
  lock.lock_fd_ = *fd;

  remove_stale_temporaries(directory_of(lock.path_), base_name_of(lock.path_));

  Fd ledger(::open(lock.path_.c_str(), O_RDONLY | O_CLOEXEC));
  if (ledger.get() < 0) {
    if (errno == ENOENT) return lock;
    return io_error(lock.path_, "cannot open the ledger", errno);
  }
  if (::fstat(ledger.get(), &st) != 0) return io_error(lock.path_, "cannot stat", errno);
  if (!S_ISREG(st.st_mode)) {
    return absl::FailedPreconditionError(str_cat(lock.path_, ": the ledger is not a regular file"));
  }
  if (absl::Status read = read_all(ledger.get(), lock.path_, lock.bytes_); !read.ok()) {
    return read;
  }
  lock.exists_ = true;
  if (!lock.bytes_.empty() && !starts_with_header(lock.bytes_)) {
    return absl::FailedPreconditionError(
        str_cat(lock.path_, ": not an ipplan ledger (its first line is not \"", kLedgerHeader,
                "\"); refusing to append to it"));
  }
  return lock;
}

LedgerLock::LedgerLock(LedgerLock&& other) noexcept
    : path_(std::move(other.path_)),
      lock_path_(std::move(other.lock_path_)),
      lock_fd_(std::exchange(other.lock_fd_, -1)),
      exists_(other.exists_),
      bytes_(std::move(other.bytes_)) {}

LedgerLock& LedgerLock::operator=(LedgerLock&& other) noexcept {
  if (this != &other) {
    release();
    path_ = std::move(other.path_);
    lock_path_ = std::move(other.lock_path_);
    lock_fd_ = std::exchange(other.lock_fd_, -1);
    exists_ = other.exists_;
    bytes_ = std::move(other.bytes_);
  }
  return *this;
}

LedgerLock::~LedgerLock() { release(); }

void LedgerLock::release() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // closing the only descriptor drops the flock
  lock_fd_ = -1;
}

absl::Status LedgerLock::append(std::span<const LedgerRow> rows,
                                std::chrono::system_clock::time_point now) {
  if (rows.empty()) return absl::OkStatus();
  if (lock_fd_ < 0) {
    return absl::FailedPreconditionError(str_cat(path_, ": append without holding the lock"));
  }
  for (const LedgerRow& row : rows) {
    if (!row.prefix.valid()) {
      return absl::InvalidArgumentError(str_cat(path_, ": cannot reserve an invalid prefix"));
    }
  }
  // Every quoted field holds an even number of quotes, so an odd count means the file ends inside
  // one (a hand edit gone wrong): appended rows would become part of that field.
  if (std::count(bytes_.begin(), bytes_.end(), '"') % 2 != 0) {
    return absl::FailedPreconditionError(
        str_cat(path_, ": the ledger ends inside a quoted field; refusing to append to it"));
  }

  std::string next;
  next.reserve(bytes_.size() + kLedgerHeader.size() + 1 + rows.size() * 96);
  next = bytes_;
  if (next.empty()) {
    next += kLedgerHeader;
    next.push_back('\n');
  } else if (next.back() != '\n') {
    next.push_back('\n');
  }
  for (const LedgerRow& row : rows) next += format_ledger_row(row, now);

  // The old file's mode, so that a group-writable ledger stays so.
  struct stat st {};
  const bool keep_mode = exists_ && ::stat(path_.c_str(), &st) == 0;

  const std::string temporary = temporary_name(path_);
  Fd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
  if (fd.get() < 0) {
    return io_error(path_, str_cat("cannot create the temporary file ", temporary), errno);
  }
  const auto fail = [&](std::string_view what) {
    const int err = errno;
    ::close(fd.release());
    ::unlink(temporary.c_str());
    return io_error(path_, str_cat(what, " ", temporary), err);
  };
  if (keep_mode && ::fchmod(fd.get(), st.st_mode & 07777) != 0) {
    return fail("cannot set the mode of");
  }
  if (!write_all(fd.get(), next)) return fail("cannot write");
  if (::fsync(fd.get()) != 0) return fail("cannot sync");
  if (::close(fd.release()) != 0) {
    const int err = errno;
    ::unlink(temporary.c_str());
    return io_error(path_, str_cat("cannot write ", temporary), err);
  }

  if (const milliseconds pause = test_pause(); pause.count() > 0) {
    std::this_thread::sleep_for(pause);
  }

  if (::rename(temporary.c_str(), path_.c_str()) != 0) {
    const int err = errno;
    ::unlink(temporary.c_str());
    return io_error(path_, str_cat("cannot rename ", temporary, " over the ledger"), err);
  }
  bytes_ = std::move(next);
  exists_ = true;

  // The rename is durable only once the directory is: without this a power loss could bring
  // the old ledger back after we handed its blocks out.
  const std::string directory = directory_of(path_);
  Fd dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0 || (::fsync(dir.get()) != 0 && errno != EINVAL)) {
    return io_error(path_,
                    str_cat("the ledger was replaced, but syncing its directory ", directory,
                            " failed, so the new rows may not survive a power loss"),
                    errno);
  }
  return absl::OkStatus();
}

std::optional<InputSpec> ledger_input(const LedgerLock& lock, std::span<const InputSpec> inputs) {
  if (!lock.exists() || lock.current_bytes().empty()) return std::nullopt;
  struct stat ledger {};
  const bool known = ::stat(lock.path().c_str(), &ledger) == 0;
  for (const InputSpec& input : inputs) {
    struct stat st {};
    if (known && input.path != "-" && ::stat(input.path.c_str(), &st) == 0 && st.st_dev == ledger.st_dev &&
        st.st_ino == ledger.st_ino) {
      return std::nullopt;
    }
  }
  InputSpec spec = InputSpec::parse(lock.path());
  spec.format = InputFormat::kCsv;
  return spec;
}

}  // namespace ipplan
