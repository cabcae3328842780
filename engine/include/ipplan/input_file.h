// input_file.h — the bytes of one input (a file or `-` for stdin), and how it was named.
//
// Regular files are memory-mapped read-only, so a 1 GB export costs page cache, not a second
// heap copy; pipes and stdin are read into one buffer, at most a quarter of physical memory (an
// endless device such as /dev/zero fails with ResourceExhausted instead of exhausting memory).
// Opening fails with a Status whose message names the path and says what went wrong (missing, a
// directory, no permission, I/O error). Known limit: a mapped file that another process
// truncates while it is read raises SIGBUS (exports are best replaced by rename, not rewritten).
// An InputSpec is the command-line spelling `[DOMAIN=]PATH`.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "ipplan/input_format.h"

namespace ipplan {

struct InputSpec {
  std::string path;    // as given; "-" is standard input
  std::string domain;  // DOMAIN= when given, else the file name without its extension ("stdin")
  // This input's format whatever --input-format says (a ledger is always CSV); else detected.
  std::optional<InputFormat> format;

  // Splits `DOMAIN=PATH`. Text whose whole spelling names an existing file stays a path, so a
  // file called `a=b.txt` still reads.
  static InputSpec parse(std::string_view text);
  // The name used in messages: "-" shows as "<stdin>".
  std::string display_name() const;
};

class InputFile {
 public:
  static absl::StatusOr<InputFile> open(const InputSpec& spec);

  InputFile(InputFile&&) noexcept;
  InputFile& operator=(InputFile&&) noexcept;
  ~InputFile();

  const InputSpec& spec() const { return spec_; }
  std::string_view bytes() const { return bytes_; }

 private:
  InputFile() = default;
  void release();

  InputSpec spec_;
  std::string_view bytes_;
  void* mapping_ = nullptr;      // munmap on destruction when set
  std::size_t mapping_size_ = 0;
  std::unique_ptr<char[]> owned_;  // the buffer for stdin and pipes
};

}  // namespace ipplan
