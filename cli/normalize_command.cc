// normalize_command.cc — `ipplan normalize`: every input record in canonical form, in input
// order, every bad line reported as PATH:LINE: reason.
#include <memory>
#include <string>
#include <vector>

#include "ipplan/strings.h"
#include "command.h"
#include "ipplan/format.h"
#include "ipplan/input_file.h"
#include "ipplan/list_reader.h"
#include "output.h"

namespace ipplan::cli {
namespace {

struct NormalizeOptions {
  CommonOptions common;
  InputOptions input;
};

// Streams records in the chosen format; knows nothing about where they come from.
class RecordPrinter {
 public:
  RecordPrinter(OutputFormat format, bool several_inputs)
      : format_(format), several_inputs_(several_inputs), out_(stdout) {}

  void begin() {
    if (format_ == OutputFormat::kJson) out_ << "{\"records\": [";
    if (format_ == OutputFormat::kCsv) out_ << "input,line,range,error\n";
  }
  void record(std::string_view input, std::uint32_t line, const Range& range) {
    char text[kMaxRangeText];
    const std::string_view range_text(text, static_cast<std::size_t>(write_range(range, text) - text));
    switch (format_) {
      case OutputFormat::kText:
        out_ << range_text << '\n';
        break;
      case OutputFormat::kJson:
        open_json_item(input, line);
        out_ << ", \"range\": \"" << range_text << "\"}";
        break;
      case OutputFormat::kCsv:
        out_ << csv_field(input) << ',' << line << ',' << range_text << ",\n";
        break;
    }
  }
  void error(std::string_view input, std::uint32_t line, std::string_view message) {
    if (format_ == OutputFormat::kJson) {
      open_json_item(input, line);
      out_ << ", \"error\": " << json_string(message) << '}';
    } else if (format_ == OutputFormat::kCsv) {
      out_ << csv_field(input) << ',' << line << ",," << csv_field(message) << '\n';
    }
  }
  void end(std::uint64_t records, std::uint64_t errors) {
    if (format_ == OutputFormat::kJson) {
      out_ << "], \"record_count\": " << records << ", \"error_count\": " << errors << "}\n";
    }
  }
  bool flush() { return out_.flush(); }

 private:
  void open_json_item(std::string_view input, std::uint32_t line) {
    out_ << (first_item_ ? "\n  {" : ",\n  {");
    first_item_ = false;
    if (several_inputs_) out_ << "\"input\": " << json_string(input) << ", ";
    out_ << "\"line\": " << line;
  }

  OutputFormat format_;
  bool several_inputs_;
  bool first_item_ = true;
  Writer out_;
};

int run_normalize(const NormalizeOptions& options) {
  if (!options.input.input_format.empty() && options.input.input_format != "list") {
    print_error(str_cat("--input-format ", options.input.input_format,
                             " is not supported yet; this build reads the 'list' format"));
    return kExitBadInput;
  }
  const HostBits host_bits =
      options.input.allow_host_bits ? HostBits::kTruncate : HostBits::kReject;
  const bool skip_invalid = options.input.skip_invalid;
  RecordPrinter printer(options.common.format(), options.input.inputs.size() > 1);
  std::uint64_t records = 0;
  std::uint64_t invalid = 0;
  std::uint64_t unreadable = 0;
  printer.begin();
  for (const std::string& argument : options.input.inputs) {
    const InputSpec spec = InputSpec::parse(argument);
    const std::string name = spec.display_name();
    absl::StatusOr<InputFile> file = InputFile::open(spec);
    if (!file.ok()) {
      print_error(view(file.status().message()));
      ++unreadable;
      continue;
    }
    const ListReadCounts counts = read_list(
        file->bytes(), host_bits,
        [&](const ListEntry& entry) {
          if (entry.host_bits_cleared && !options.common.quiet) {
            std::fputs(str_cat(name, ":", entry.line, ": warning: host bits set; truncated to ",
                                    to_string(entry.range), "\n")
                           .c_str(),
                       stderr);
          }
          printer.record(name, entry.line, entry.range);
        },
        [&](const LineError& error) {
          if (!skip_invalid || !options.common.quiet) {
            std::fputs(str_cat(name, ":", error.line, ": ", skip_invalid ? "skipped: " : "",
                                    error.message, "\n")
                           .c_str(),
                       stderr);
          }
          printer.error(name, error.line, error.message);
        });
    records += counts.entries;
    invalid += counts.errors;
  }
  printer.end(records, invalid);
  if (!printer.flush()) {
    print_error("cannot write the output (disk full or closed pipe?)");
    return kExitBadInput;
  }
  if (!options.common.quiet) {
    std::fputs(str_cat("normalize: ", records, " records from ",
                            options.input.inputs.size() - unreadable,
                            options.input.inputs.size() - unreadable == 1 ? " input" : " inputs",
                            invalid > 0 ? str_cat(", ", invalid, " invalid lines",
                                                       skip_invalid ? " skipped" : "")
                                        : std::string(),
                            unreadable > 0 ? str_cat(", ", unreadable, " unreadable inputs")
                                           : std::string(),
                            "\n")
                   .c_str(),
               stderr);
  }
  if (unreadable > 0 || (invalid > 0 && !skip_invalid)) return kExitBadInput;
  return kExitOk;
}

}  // namespace

void add_normalize_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<NormalizeOptions>();
  CLI::App* command = app.add_subcommand(
      "normalize",
      "Print every input record in canonical form (RFC 5952 for IPv6), in input order; report "
      "each invalid line as PATH:LINE: reason and exit 2 if there was any.");
  add_common_options(*command, options->common);
  add_input_options(*command, options->input);
  command->callback([options, &exit_code] { exit_code = run_normalize(*options); });
}

}  // namespace ipplan::cli
