// e2e_test.cc — runs the built `ipplan` binary on fixtures and checks stdout, stderr and the exit
// code, as a script calling ipplan would see them.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "run_ipplan.h"

TEST_CASE("help lists the commands and exits 0", "[e2e][cli]") {
  const Run run = ipplan("--help");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("normalize") != std::string::npos);
  CHECK(run.out.find("asn") != std::string::npos);
  CHECK(run.out.find("Exit codes") != std::string::npos);
  const Run command_help = ipplan("normalize --help");
  CHECK(command_help.exit_code == 0);
  CHECK(command_help.out.find("--skip-invalid") != std::string::npos);
  CHECK(command_help.out.find("--format") != std::string::npos);
}

TEST_CASE("usage errors exit 2", "[e2e][cli]") {
  CHECK(ipplan("").exit_code == 2);
  CHECK(ipplan("frobnicate").exit_code == 2);
  CHECK(ipplan("normalize").exit_code == 2);  // an input is required
  CHECK(ipplan("normalize --format xml onprem-datacenter.txt").exit_code == 2);
  CHECK(ipplan("asn").exit_code == 2);
  CHECK(ipplan("asn 65001 --peering azure").exit_code == 2);
}

TEST_CASE("normalize prints the fixture in canonical form / in input order", "[e2e][normalize]") {
  const Run run = ipplan("normalize onprem-datacenter.txt");
  CHECK(run.exit_code == 0);
  CHECK(run.out ==
        "10.0.0.0/16\n10.1.0.0/16\n10.1.20.0/24\n10.1.30.10-10.1.30.99\n172.16.0.0/20\n"
        "192.168.100.0/24\n192.168.101.0/24\n203.0.113.0/28\n2001:db8:100::/48\n"
        "2001:db8:100:10::/64\nfd00:10::/32\n10.255.255.1/32\n");
  CHECK(run.err == "normalize: 12 records from 1 input\n");
  const Run quiet = ipplan("normalize --quiet onprem-datacenter.txt");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  CHECK(quiet.out == run.out);
}

TEST_CASE("normalize reports every bad line as PATH:LINE: reason and exits 2", "[e2e][normalize]") {
  const Run run = ipplan("normalize malformed/list-errors.txt");
  CHECK(run.exit_code == 2);
  CHECK(run.out == "10.0.0.0/8\n10.8.0.0/16\n");
  CHECK(run.err ==
        "malformed/list-errors.txt:3: invalid prefix \"010.1.0.0/16\": leading zero in IPv4 octet "
        "(ambiguous octal) at column 1\n"
        "malformed/list-errors.txt:4: invalid prefix \"10.2.0.1/16\": host bits set (use "
        "--allow-host-bits to truncate) at column 1\n"
        "malformed/list-errors.txt:5: invalid prefix \"10.3.0.0/33\": prefix length too large for "
        "the address family at column 10\n"
        "malformed/list-errors.txt:6: invalid prefix \"10.4.0.0/08\": leading zero in prefix "
        "length at column 10\n"
        "malformed/list-errors.txt:7: invalid address \"10.5.0\": IPv4 address needs exactly four "
        "octets at column 6\n"
        "malformed/list-errors.txt:8: invalid address \"fe80::1%eth0\": zone ids ('%...') are not "
        "allowed at column 8\n"
        "malformed/list-errors.txt:9: invalid prefix \"2001:db8::1::2/64\": more than one '::' in "
        "IPv6 address at column 12\n"
        "malformed/list-errors.txt:10: unexpected text after the value at column 13 (a comment "
        "starts with '#' or ';')\n"
        "malformed/list-errors.txt:11: invalid range \"10.7.0.9-10.7.0.1\": range end is before its "
        "start at column 10\n"
        "normalize: 2 records from 1 input, 9 invalid lines\n");
}

// Every malformed fixture has a sibling NAME.expected with the exact error lines normalize must
// print (stderr less the summary, warnings and notes), and the run must exit 2.
TEST_CASE("malformed fixtures give exactly their expected errors and exit 2", "[e2e][malformed]") {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixture_path("malformed"))) {
    const std::string expected_path = entry.path().string();
    if (entry.path().extension() != ".expected") continue;
    const std::string input = "malformed/" + entry.path().stem().string();
    INFO(input);
    const Run run = ipplan("normalize " + input);
    CHECK(run.exit_code == 2);
    std::string errors;
    std::istringstream lines(run.err);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("normalize: ", 0) == 0) continue;
      if (line.find(": warning: ") != std::string::npos) continue;
      if (line.find(": skipped: ") != std::string::npos) continue;
      errors += line + "\n";
    }
    CHECK(errors == slurp(expected_path));
    CHECK_FALSE(errors.empty());
    ++checked;
  }
  CHECK(checked >= 6);
}

TEST_CASE("skip-invalid counts and skips bad lines / exit 0", "[e2e][normalize]") {
  const Run run = ipplan("normalize --skip-invalid malformed/list-errors.txt");
  CHECK(run.exit_code == 0);
  CHECK(run.out == "10.0.0.0/8\n10.8.0.0/16\n");
  CHECK(run.err.find("malformed/list-errors.txt:3: skipped invalid input: invalid prefix") != std::string::npos);
  CHECK(run.err.find("9 invalid lines skipped") != std::string::npos);
}

TEST_CASE("allow-host-bits truncates with a warning naming the line", "[e2e][normalize]") {
  const Run run = ipplan("normalize --allow-host-bits -", "10.2.0.1/16\n");
  CHECK(run.exit_code == 0);
  CHECK(run.out == "10.2.0.0/16\n");
  CHECK(run.err.find("<stdin>:1: warning: host bits set; truncated to 10.2.0.0/16") !=
        std::string::npos);
}

TEST_CASE("normalize --format json carries lines / errors and input names", "[e2e][normalize]") {
  const Run run = ipplan("normalize --format json --quiet -", "10.0.0.0/8\nbad\n::ffff:1.2.3.4\n");
  CHECK(run.exit_code == 2);
  CHECK(run.out ==
        "{\"records\": [\n"
        "  {\"line\": 1, \"range\": \"10.0.0.0/8\"},\n"
        "  {\"line\": 2, \"error\": \"invalid address \\\"bad\\\": not an IP address (IPv4 needs "
        "four dotted octets) at column 1\"},\n"
        "  {\"line\": 3, \"range\": \"::ffff:1.2.3.4/128\"}], \"record_count\": 2, "
        "\"error_count\": 1}\n");
  const Run two = ipplan("normalize --format json --quiet onprem-datacenter.txt -", "::/0\n");
  CHECK(two.exit_code == 0);
  CHECK(two.out.find("{\"input\": \"onprem-datacenter.txt\", \"line\": 3, \"range\": "
                     "\"10.0.0.0/16\"}") != std::string::npos);
  CHECK(two.out.find("{\"input\": \"<stdin>\", \"line\": 1, \"range\": \"::/0\"}") !=
        std::string::npos);
}

TEST_CASE("normalize --format csv", "[e2e][normalize]") {
  const Run run = ipplan("normalize --format csv --quiet -", "10.0.0.0/8\n10.0.0.1/8\n");
  CHECK(run.exit_code == 2);
  CHECK(run.out ==
        "input,location,range,error\n<stdin>,1,10.0.0.0/8,\n"
        "<stdin>,2,,\"invalid prefix \"\"10.0.0.1/8\"\": host bits set (use --allow-host-bits to "
        "truncate) at column 1\"\n");
}

TEST_CASE("unreadable inputs are named / the others still read / exit 2", "[e2e][normalize]") {
  const Run run = ipplan("normalize no-such-file.txt malformed onprem-datacenter.txt");
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("ipplan: no-such-file.txt: cannot open: No such file or directory") !=
        std::string::npos);
  CHECK(run.err.find("ipplan: malformed: is a directory") != std::string::npos);
  CHECK(run.err.find("12 records from 1 input, 2 unreadable inputs") != std::string::npos);
  CHECK(run.out.find("10.0.0.0/16\n") == 0);
}

TEST_CASE("a write error on stdout is an error / not success", "[e2e][normalize]") {
  const Run run = ipplan("normalize onprem-datacenter.txt", "", "/dev/full");
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("cannot write the output") != std::string::npos);
}

TEST_CASE("asn gives a verdict with its reason and the exit code", "[e2e][asn]") {
  const Run ok = ipplan("asn 65010");
  CHECK(ok.exit_code == 0);
  CHECK(ok.out ==
        "AS65010: valid for private peering: private ASN greater than 65000 (65001-65534), "
        "allowed for private peering\n");
  const Run low = ipplan("asn 65000");
  CHECK(low.exit_code == 1);
  CHECK(low.out.find("rejected for private peering") != std::string::npos);
  const Run ms = ipplan("asn AS65010 --peering microsoft --format json");
  CHECK(ms.exit_code == 1);
  CHECK(ms.out ==
        "{\"asn\": 65010, \"peering\": \"microsoft\", \"valid\": false, \"kind\": \"private-16\", "
        "\"reason\": \"microsoft peering needs your own public ASN, not a private one\", "
        "\"note\": \"\"}\n");
  const Run csv = ipplan("asn 2.0 --format csv");
  CHECK(csv.exit_code == 0);
  CHECK(csv.out.rfind("asn,peering,valid,kind,reason,note\n131072,private,true,public,", 0) == 0);
  const Run bad = ipplan("asn 70000000000");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("invalid ASN \"70000000000\"") != std::string::npos);
}
