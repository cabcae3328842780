// input_file.cc — mmap for regular files, a growing buffer for everything else.
#include "ipplan/input_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <new>
#include <utility>

#include "absl/status/status.h"
#include "ipplan/strings.h"

namespace ipplan {
namespace {

// A quarter of the machine's physical memory: the most a streamed input may take, since growing
// the buffer briefly holds one and a half times that, and the records read need room too.
std::size_t stream_limit_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return std::size_t{1} << 34;  // 16 GiB when unknown
  return static_cast<std::size_t>(pages) / 4 * static_cast<std::size_t>(page_size);
}

absl::Status too_large(const InputSpec& spec, std::size_t bytes) {
  return absl::ResourceExhaustedError(
      str_cat(spec.display_name(), ": input too large to hold in memory (",
              bytes >> 20, " MiB read from a pipe or device and more to come; a regular file is mapped instead)"));
}

absl::Status io_error(const InputSpec& spec, std::string_view what, int err) {
  std::string message = str_cat(spec.display_name(), ": ", what, ": ", std::strerror(err));
  if (err == ENOENT) return absl::NotFoundError(message);
  if (err == EACCES || err == EPERM) return absl::PermissionDeniedError(message);
  return absl::UnavailableError(message);
}

// Closes a descriptor on every path out of open().
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd > 2) ::close(fd);
  }
};

}  // namespace

InputSpec InputSpec::parse(std::string_view text) {
  InputSpec spec;
  const std::size_t eq = text.find('=');
  struct stat st {};
  const bool whole_is_file = ::stat(std::string(text).c_str(), &st) == 0;
  if (eq != std::string_view::npos && eq > 0 && !whole_is_file) {
    spec.domain = std::string(text.substr(0, eq));
    spec.path = std::string(text.substr(eq + 1));
    return spec;
  }
  spec.path = std::string(text);
  if (spec.path == "-") {
    spec.domain = "stdin";
    return spec;
  }
  std::string_view name = spec.path;
  if (const std::size_t slash = name.rfind('/'); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  if (const std::size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) {
    name = name.substr(0, dot);
  }
  spec.domain = std::string(name.empty() ? std::string_view(spec.path) : name);
  return spec;
}

std::string InputSpec::display_name() const { return path == "-" ? "<stdin>" : path; }

absl::StatusOr<InputFile> InputFile::open(const InputSpec& spec) {
  InputFile file;
  file.spec_ = spec;
  const bool is_stdin = spec.path == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(spec.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error(spec, "cannot open", errno);
  FdCloser closer{is_stdin ? -1 : fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return io_error(spec, "cannot stat", errno);
  if (S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(str_cat(spec.display_name(), ": is a directory"));
  }
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    const auto size = static_cast<std::size_t>(st.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (map != MAP_FAILED) {
      ::madvise(map, size, MADV_SEQUENTIAL);
      file.mapping_ = map;
      file.mapping_size_ = size;
      file.bytes_ = std::string_view(static_cast<const char*>(map), size);
      return file;
    }
  }
  // Pipes, stdin, special files, or a failed mapping: read to the end, but not past what the
  // machine can hold. An endless device (/dev/zero) or a runaway producer then ends in a clear
  // error naming the input, instead of the kernel's out-of-memory killer.
  const std::size_t limit = stream_limit_bytes();
  std::size_t capacity = 1 << 16;
  std::size_t size = 0;
  std::unique_ptr<char[]> buffer;
  try {
    buffer = std::make_unique<char[]>(capacity);
    while (true) {
      if (size == capacity) {
        if (capacity >= limit) return too_large(spec, size);
        auto bigger = std::make_unique<char[]>(std::min(capacity * 2, limit));
        std::memcpy(bigger.get(), buffer.get(), size);
        buffer = std::move(bigger);
        capacity = std::min(capacity * 2, limit);
      }
      const ssize_t got = ::read(fd, buffer.get() + size, capacity - size);
      if (got == 0) break;
      if (got < 0) {
        if (errno == EINTR) continue;
        return io_error(spec, "read error", errno);
      }
      size += static_cast<std::size_t>(got);
    }
  } catch (const std::bad_alloc&) {
    return too_large(spec, size);
  }
  file.owned_ = std::move(buffer);
  file.bytes_ = std::string_view(file.owned_.get(), size);
  return file;
}

InputFile::InputFile(InputFile&& other) noexcept { *this = std::move(other); }

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this != &other) {
    release();
    spec_ = std::move(other.spec_);
    bytes_ = std::exchange(other.bytes_, {});
    mapping_ = std::exchange(other.mapping_, nullptr);
    mapping_size_ = std::exchange(other.mapping_size_, 0);
    owned_ = std::move(other.owned_);
  }
  return *this;
}

InputFile::~InputFile() { release(); }

void InputFile::release() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapping_size_);
  mapping_ = nullptr;
  mapping_size_ = 0;
}

}  // namespace ipplan
