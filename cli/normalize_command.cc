// normalize_command.cc — `ipplan normalize`: every input record in canonical form, in input
// order; every bad line or element reported as PATH:LINE: reason (PATH: $.json.path: reason).
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "diagnostics.h"
#include "ipplan/format.h"
#include "ipplan/loader.h"
#include "ipplan/strings.h"
#include "output.h"
#include "progress.h"

namespace ipplan::cli {
namespace {

struct NormalizeOptions {
  CommonOptions common;
  InputOptions input;
};

// Prints records as they stream out of a reader, in the chosen format; hands problems to the
// DiagnosticPrinter (stderr) and, for JSON and CSV, also into the output in place.
class NormalizeSink : public RecordSink {
 public:
  NormalizeSink(OutputFormat format, bool several_inputs, DiagnosticPrinter& diagnostics)
      : format_(format), several_inputs_(several_inputs), diagnostics_(diagnostics), out_(stdout) {}

  void begin() {
    if (format_ == OutputFormat::kJson) out_ << "{\"records\": [";
    if (format_ == OutputFormat::kCsv) out_ << "input,location,range,error\n";
  }
  void begin_input(std::string name) { input_ = std::move(name); }
  void end() {
    if (format_ == OutputFormat::kJson) {
      out_ << "], \"record_count\": " << records_ << ", \"error_count\": " << diagnostics_.errors()
           << "}\n";
    }
  }
  bool flush() { return out_.flush(); }
  std::uint64_t records() const { return records_; }

  const ProgressCounter& progress() const { return progress_; }

  void record(const RawRecord& record) override {
    ++records_;
    progress_.add();
    if (record.host_bits_cleared) {
      diagnostics_({Severity::kWarning, record.location.describe(input_),
                    str_cat("host bits set; truncated to ", to_string(record.range))});
    }
    char text[kMaxRangeText];
    const std::string_view range(text, static_cast<std::size_t>(write_range(record.range, text) - text));
    switch (format_) {
      case OutputFormat::kText:
        out_ << range << '\n';
        break;
      case OutputFormat::kJson:
        open_json_item(record.location);
        out_ << ", \"range\": \"" << range << "\"}";
        break;
      case OutputFormat::kCsv:
        write_csv_location(record.location);
        out_ << range << ",\n";
        break;
    }
  }
  void error(const Location& where, std::string message) override {
    if (format_ == OutputFormat::kJson) {
      open_json_item(where);
      out_ << ", \"error\": " << json_string(message) << '}';
    } else if (format_ == OutputFormat::kCsv) {
      write_csv_location(where);
      out_ << ',' << csv_field(message) << '\n';
    }
    diagnostics_({Severity::kError, where.describe(input_), std::move(message)});
  }
  void warning(const Location& where, std::string message) override {
    diagnostics_({Severity::kWarning, where.describe(input_), std::move(message)});
  }
  void skipped(const Location& where, std::string_view what) override {
    diagnostics_({Severity::kSkipped, where.describe(input_), std::string(what)});
  }

 private:
  void open_json_item(const Location& where) {
    out_ << (first_item_ ? "\n  {" : ",\n  {");
    first_item_ = false;
    if (several_inputs_) out_ << "\"input\": " << json_string(input_) << ", ";
    if (where.json_path.empty()) {
      out_ << "\"line\": " << where.line;
    } else {
      out_ << "\"path\": " << json_string(where.json_path);
    }
  }
  void write_csv_location(const Location& where) {
    out_ << csv_field(input_) << ',';
    if (where.json_path.empty()) {
      out_ << where.line;
    } else {
      out_ << csv_field(where.json_path);
    }
    out_ << ',';
  }

  OutputFormat format_;
  bool several_inputs_;
  DiagnosticPrinter& diagnostics_;
  Writer out_;
  std::string input_;
  bool first_item_ = true;
  std::uint64_t records_ = 0;
  ProgressCounter progress_;
};

int run_normalize(const NormalizeOptions& options) {
  const LoadOptions load = load_options(options.input);
  DiagnosticPrinter diagnostics(options.common.quiet, options.input.skip_invalid);
  NormalizeSink sink(options.common.format(), options.input.inputs.size() > 1, diagnostics);
  ProgressMeter meter(sink.progress(), "records read");
  sink.begin();
  for (const InputSpec& spec : input_specs(options.input)) {
    absl::StatusOr<OpenedInput> input = open_input(spec, load);
    if (!input.ok()) {
      diagnostics({Severity::kUnreadable, spec.display_name(), open_error_message(input.status())});
      continue;
    }
    if (const auto warning = empty_input_warning(spec, input->file.bytes())) diagnostics(*warning);
    sink.begin_input(spec.display_name());
    read_input(input->format, input->file.bytes(), load.read, sink);
  }
  sink.end();
  if (!sink.flush()) {
    print_error("cannot write the output (disk full or closed pipe?)");
    return kExitBadInput;
  }
  if (!options.common.quiet) {
    const std::uint64_t read = options.input.inputs.size() - diagnostics.unreadable();
    std::fputs(str_cat("normalize: ", load_summary(sink.records(), read, diagnostics),
                       "\n")
                   .c_str(),
               stderr);
  }
  return load_exit_code(diagnostics);
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
