// hostile_input_e2e_test.cc — the built `ipplan` on inputs broken on purpose (SPEC 9, issue 7):
// what spreadsheets, scripts and half-finished exports produce. Each case checks the exact
// message (naming the input and the place), the exit code, and stdout: a run that fails prints
// no result that could pass for a complete one. Small broken inputs are fixtures in
// fixtures/malformed/ (checked by e2e_test.cc against their .expected files); big ones are made
// here at run time.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#include "ipplan_process.h"

using e2e::run_ipplan;
using e2e::Run;
using e2e::TempDir;

namespace {

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The commands that compute a result from the whole inventory: none may print one from input
// that failed to read.
const std::vector<std::vector<std::string>> kWholeInventoryCommands = {
    {"verify"}, {"aggregate"}, {"stats"}, {"free", "--pool", "10.0.0.0/8"},
    {"suggest", "--pool", "10.0.0.0/8"}};

void check_no_result_from(const std::string& input, const std::string& message) {
  for (std::vector<std::string> args : kWholeInventoryCommands) {
    args.push_back(input);
    INFO(args[0]);
    const Run run = run_ipplan(args);
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find(message) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("an empty input is zero records and says so", "[e2e][hostile]") {
  const TempDir dir;
  write_file(dir.file("empty.txt"), "");
  const Run run = run_ipplan({"normalize", dir.file("empty.txt")});
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  CHECK(run.err == dir.file("empty.txt") + ": warning: empty input (0 bytes)\n"
                   "normalize: 0 records from 1 input, 1 warning\n");
  write_file(dir.file("blank.txt"), "\n  \r\n\t\n");
  const Run blank = run_ipplan({"normalize", dir.file("blank.txt")});
  CHECK(blank.exit_code == 0);
  CHECK(blank.err == dir.file("blank.txt") + ": warning: empty input (only blank lines)\n"
                     "normalize: 0 records from 1 input, 1 warning\n");
  const Run verify = run_ipplan({"verify", "--quiet", dir.file("empty.txt")});
  CHECK(verify.exit_code == 0);
  CHECK(verify.out == "verified: 0 records, 0 families, 0 conflicts\n");
}

TEST_CASE("a CSV with only its header row is zero records", "[e2e][hostile]") {
  const TempDir dir;
  write_file(dir.file("header.csv"), "prefix,vrf,status,description\r\n");
  const Run run = run_ipplan({"normalize", dir.file("header.csv")});
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  CHECK(run.err == "normalize: 0 records from 1 input\n");
}

TEST_CASE("a line of 1 MB is one error naming its line with the text shortened", "[e2e][hostile]") {
  const TempDir dir;
  const std::string path = dir.file("long.txt");
  write_file(path, "10.0.0.0/8\n" + std::string(1 << 20, '1') + "\n10.1.0.0/16\n");
  const Run run = run_ipplan({"normalize", path});
  CHECK(run.exit_code == 2);
  CHECK(run.out == "10.0.0.0/8\n10.1.0.0/16\n");
  CHECK(run.err.find(path + ":2: invalid address \"1111111111") != std::string::npos);
  CHECK(run.err.size() < 1000);  // the message quotes a shortened value, not the megabyte
  check_no_result_from(path, path + ":2: ");
}

TEST_CASE("a CSV field of 1 MB is one error naming its line", "[e2e][hostile]") {
  const TempDir dir;
  const std::string path = dir.file("long.csv");
  write_file(path, "prefix,description\n10.0.0.0/8,a\n10.1.0.0/16,\"" +
                       std::string(1 << 20, 'x') + "\n" + "\"\n" + std::string(1 << 20, '9') +
                       ",b\n10.2.0.0/16,c\n");
  const Run run = run_ipplan({"normalize", path});
  CHECK(run.exit_code == 2);
  CHECK(run.out == "10.0.0.0/8\n10.1.0.0/16\n10.2.0.0/16\n");
  CHECK(run.err.find(path + ":5: ") != std::string::npos);
  CHECK(run.err.size() < 1000);
}

TEST_CASE("deeply nested JSON is one error at the document and exit 2", "[e2e][hostile]") {
  const TempDir dir;
  const std::string path = dir.file("deep.json");
  write_file(path, std::string(100000, '[') + std::string(100000, ']'));
  for (const char* format : {"azure-vnets", "azure-servicetags", "netbox-json"}) {
    INFO(format);
    const Run run = run_ipplan({"normalize", "--input-format", format, path});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find(path + ": $: malformed JSON") != std::string::npos);
    CHECK(run.err.find("too deep") != std::string::npos);
  }
  check_no_result_from(path, path + ": $: malformed JSON");
}

TEST_CASE("a directory as input is named and exits 2", "[e2e][hostile]") {
  const Run run = run_ipplan({"normalize", "malformed"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "ipplan: malformed: is a directory\nnormalize: 0 records from 0 inputs, 1 "
                   "unreadable input\n");
  check_no_result_from("malformed", "ipplan: malformed: is a directory");
}

TEST_CASE("a missing file is named and exits 2", "[e2e][hostile]") {
  const Run run = run_ipplan({"normalize", "no-such-file.csv"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "ipplan: no-such-file.csv: cannot open: No such file or directory\n"
                   "normalize: 0 records from 0 inputs, 1 unreadable input\n");
  check_no_result_from("no-such-file.csv", "ipplan: no-such-file.csv: cannot open");
}

// Root reads a mode-000 file anyway, so as root the run drops to the `nobody` user with setpriv
// (util-linux); as anyone else chmod 000 is enough.
TEST_CASE("a file without read permission is named and exits 2", "[e2e][hostile]") {
  const TempDir dir;
  const std::string path = dir.file("secret.txt");
  write_file(path, "10.0.0.0/8\n");
  REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
  REQUIRE(::chmod(path.c_str(), 0) == 0);
  std::vector<std::string> wrapper;
  if (::geteuid() == 0) {
    REQUIRE(::access("/usr/bin/setpriv", X_OK) == 0);
    wrapper = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
  }
  const Run run = run_ipplan({"normalize", path}, wrapper);
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "ipplan: " + path + ": cannot open: Permission denied\n"
                   "normalize: 0 records from 0 inputs, 1 unreadable input\n");
}

// /proc/self/mem opens as a regular file of size 0, and reading its first page fails with EIO:
// a read error that happens after a successful open, for root too.
TEST_CASE("a read error after opening is named and exits 2", "[e2e][hostile]") {
  const Run run = run_ipplan({"normalize", "/proc/self/mem"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "ipplan: /proc/self/mem: read error: Input/output error\n"
                   "normalize: 0 records from 0 inputs, 1 unreadable input\n");
}

// An endless device never reaches its end: reading stops when memory runs short (here a 1.5 GB
// address-space limit; without one, at a quarter of physical memory) with an error naming it.
// AddressSanitizer reserves more address space than such a limit allows, so not there.
TEST_CASE("an endless device as input is named and exits 2 instead of exhausting memory",
          "[e2e][hostile]") {
#ifndef IPPLAN_E2E_SANITIZED
  const Run run = e2e::run_shell(std::string("ulimit -v 1500000; ") + IPPLAN_BINARY + " verify /dev/zero");
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(e2e::has(run.err, "ipplan: /dev/zero: input too large to hold in memory ("));
  CHECK(e2e::has(run.err, "verify: 0 records from 0 inputs, 1 unreadable input"));
#endif
}

TEST_CASE("every bad prefix length is an error naming its line and column", "[e2e][hostile]") {
  const TempDir dir;
  const std::string path = dir.file("lengths.txt");
  struct Case {
    std::string text;
    std::string reason;
    int column;
    std::string what = "prefix";
  };
  std::vector<Case> cases;
  for (int length = 33; length <= 300; ++length) {
    cases.push_back({"10.0.0.0/" + std::to_string(length),
                     "prefix length too large for the address family", 10});
  }
  for (int length = 129; length <= 300; ++length) {
    cases.push_back({"2001:db8::/" + std::to_string(length),
                     "prefix length too large for the address family", 12});
  }
  // Lengths that wrap a 32- or 64-bit counter back into range must not sneak through.
  for (const char* huge : {"4294967304", "4294967328", "18446744073709551624", "99999999999999999999999"}) {
    cases.push_back({std::string("10.0.0.0/") + huge,
                     "prefix length too large for the address family", 10});
  }
  cases.push_back({"10.0.0.0/", "missing prefix length after '/'", 9});
  cases.push_back({"10.0.0.0/08", "leading zero in prefix length", 10});
  cases.push_back({"10.0.0.0/00", "leading zero in prefix length", 10});
  // A '-' makes it a range, and a range is two addresses.
  cases.push_back({"10.0.0.0/-1", "a range is two addresses, not prefixes", 9, "range"});
  cases.push_back({"10.0.0.0/+8", "prefix length must be plain decimal", 10});
  cases.push_back({"10.0.0.0/0x8", "prefix length must be plain decimal", 11});
  cases.push_back({"10.0.0.0/8.0", "prefix length must be plain decimal", 11});
  cases.push_back({"10.0.0.0/8/8", "prefix length must be plain decimal", 11});
  cases.push_back({"2001:db8::/0129", "leading zero in prefix length", 12});
  std::string text;
  for (const Case& c : cases) text += c.text + "\n";
  write_file(path, text);
  const Run run = run_ipplan({"normalize", "--quiet", path});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  std::string expected;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    expected += path + ":" + std::to_string(i + 1) + ": invalid " + cases[i].what + " \"" +
                cases[i].text +
                "\": " + cases[i].reason + " at column " + std::to_string(cases[i].column) + "\n";
  }
  CHECK(run.err == expected);
}
