// e2e_reserve_test.cc — `--reserve LEDGER` as scripts use it: the first run creates the ledger,
// the next runs read it and never get the same block again; 20 runs started at once get 20
// distinct blocks and a ledger with exactly 20 more whole rows; a run killed with SIGKILL in the
// middle of its write leaves the ledger as it was; a write that fails leaves it byte-identical
// and exits 2; when fewer blocks fit than asked, nothing is reserved.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ipplan_process.h"

using namespace e2e;  // NOLINT: the helpers of ipplan_process.h

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::size_t temporaries_in(const std::string& dir) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    count += entry.path().filename().string().find(".tmp.") != std::string::npos;
  }
  return count;
}

const std::string kIpplan = IPPLAN_BINARY;
const std::string kInputs = " onprem-datacenter.txt azure-vnets.json";

}  // namespace

TEST_CASE("reserve: the first run creates the ledger / the next run reads it", "[e2e][reserve]") {
  TempDir dir;
  const std::string ledger = dir.file("ledger.csv");
  const Run first = ipplan("suggest --pool 172.31.255.0/24 --reserve " + ledger +
                           " --label 'er-ams, primary'" + kInputs);
  CHECK(first.exit_code == 0);
  CHECK(first.out == "172.31.255.16/28\n");
  CHECK(has(first.err, "reserved 1 block in " + ledger));
  const std::vector<std::string> rows = lines_of(slurp(ledger));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == "prefix,role,domain,label,reserved_at");
  CHECK(rows[1].rfind("172.31.255.16/28,container,ledger,\"er-ams, primary\",20", 0) == 0);

  const Run second = ipplan("suggest --pool 172.31.255.0/24 --count 2 --reserve " + ledger + kInputs);
  CHECK(second.exit_code == 0);
  CHECK(second.out == "172.31.255.32/28\n172.31.255.48/28\n");
  CHECK(lines_of(slurp(ledger)).size() == 4);
  // The ledger is an input like any other: it verifies, and a VNet built on a reserved block is
  // not a conflict with its reservation.
  const Run verify = ipplan("verify " + ledger + kInputs);
  CHECK(verify.exit_code == 0);
  CHECK(verify.out == "verified: 31 records, 2 families, 0 conflicts\n");
  // Named as an input too, the ledger is read once, not twice.
  const Run named = ipplan("suggest --pool 172.31.255.0/24 --reserve " + ledger + " " + ledger + kInputs);
  CHECK(named.exit_code == 0);
  CHECK(named.out == "172.31.255.64/28\n");
}

TEST_CASE("reserve: peering reserves each circuit's blocks", "[e2e][reserve]") {
  TempDir dir;
  const std::string ledger = dir.file("ledger.csv");
  const Run run = ipplan("peering --pool 172.31.255.0/24 --pool6 2001:db8:ffff::/120 --asn 65010 "
                         "--circuits 2 --circuit-name er --reserve " + ledger + kInputs);
  CHECK(run.exit_code == 0);
  const std::vector<std::string> rows = lines_of(slurp(ledger));
  REQUIRE(rows.size() == 5);
  CHECK(rows[1].rfind("172.31.255.16/28,container,ledger,expressroute peering er-1 vlan 100,", 0) == 0);
  CHECK(rows[2].rfind("2001:db8:ffff::/125,container,ledger,expressroute peering er-1 vlan 100,", 0) == 0);
  CHECK(rows[3].rfind("172.31.255.32/28,container,ledger,expressroute peering er-2 vlan 101,", 0) == 0);
  CHECK(rows[4].rfind("2001:db8:ffff::8/125,container,ledger,expressroute peering er-2 vlan 101,", 0) == 0);
  // The next plan starts after the reserved blocks.
  const Run next = ipplan("peering --format az --pool 172.31.255.0/24 --asn 65010 --reserve " + ledger + kInputs);
  CHECK(has(next.out, "--primary-peer-subnet 172.31.255.48/30 "));
  // A plan that cannot be used reserves nothing.
  const std::string before = slurp(ledger);
  const Run refused = ipplan("peering --pool 172.31.255.0/24 --asn 64600 --reserve " + ledger + kInputs);
  CHECK(refused.exit_code == 1);
  CHECK(has(refused.err, "nothing reserved"));
  CHECK(slurp(ledger) == before);
}

TEST_CASE("reserve: fewer blocks than asked reserves nothing and exits 1", "[e2e][reserve]") {
  TempDir dir;
  const std::string ledger = dir.file("ledger.csv");
  const Run run = ipplan("suggest --pool 172.31.255.0/26 --count 4 --reserve " + ledger + kInputs);
  CHECK(run.exit_code == 1);
  CHECK(run.out == "172.31.255.16/28\n172.31.255.32/28\n172.31.255.48/28\n");
  CHECK(has(run.err, "nothing reserved"));
  CHECK(!std::filesystem::exists(ledger));
}

TEST_CASE("reserve: 20 runs at once get 20 distinct blocks and 20 whole rows", "[e2e][reserve]") {
  TempDir dir;
  const std::string ledger = dir.file("ledger.csv");
  // Rows already there must survive untouched.
  REQUIRE(ipplan("suggest --quiet --pool 10.99.0.0/16 --count 3 --reserve " + ledger + kInputs).exit_code == 0);
  const std::string old_rows = slurp(ledger);
  std::string script = "for i in $(seq 1 20); do " + kIpplan +
                       " suggest --quiet --pool 10.99.0.0/16 --reserve " + ledger + kInputs + " >" +
                       dir.path() + "/out.$i 2>" + dir.path() + "/err.$i & done; wait";
  const Run run = run_shell(script);
  CHECK(run.exit_code == 0);
  std::set<std::string> blocks;
  for (int i = 1; i <= 20; ++i) {
    const std::string out = slurp(dir.file("out." + std::to_string(i)));
    INFO("run " << i << " stderr: " << slurp(dir.file("err." + std::to_string(i))));
    CHECK(lines_of(out).size() == 1);
    blocks.insert(out);
  }
  CHECK(blocks.size() == 20);
  const std::string after = slurp(ledger);
  CHECK(after.rfind(old_rows, 0) == 0);
  const std::vector<std::string> rows = lines_of(after);
  CHECK(rows.size() == 1 + 3 + 20);
  // Every row reads back: the ledger normalizes cleanly to 23 blocks, all distinct.
  const Run normalized = ipplan("normalize --quiet " + ledger);
  CHECK(normalized.exit_code == 0);
  const std::vector<std::string> reserved = lines_of(normalized.out);
  CHECK(reserved.size() == 23);
  CHECK(std::set<std::string>(reserved.begin(), reserved.end()).size() == 23);
  CHECK(temporaries_in(dir.path()) == 0);
}

TEST_CASE("reserve: a run killed with SIGKILL mid-write leaves the ledger intact", "[e2e][reserve]") {
  TempDir dir;
  const std::string ledger = dir.file("ledger.csv");
  REQUIRE(ipplan("suggest --quiet --pool 10.99.0.0/24 --reserve " + ledger + kInputs).exit_code == 0);
  const std::string before = slurp(ledger);
  // The test-only pause holds the run after its temporary file is written and synced and before
  // the rename; the script waits for that file, then kills the run.
  const std::string script =
      "IPPLAN_TEST_LEDGER_PAUSE_MS=20000 " + kIpplan +
      " suggest --quiet --pool 10.99.0.0/24 --reserve " + ledger + kInputs + " >/dev/null 2>&1 & "
      "pid=$!; for i in $(seq 1 200); do ls " + ledger + ".tmp.* >/dev/null 2>&1 && break; "
      "sleep 0.05; done; kill -9 $pid; wait $pid; echo killed $?";
  const Run killed = run_shell(script);
  CHECK(killed.out == "killed 137\n");
  CHECK(slurp(ledger) == before);
  CHECK(temporaries_in(dir.path()) == 1);
  // The next run cleans up what the killed one left and reserves the next block.
  const Run next = ipplan("suggest --pool 10.99.0.0/24 --reserve " + ledger + kInputs);
  CHECK(next.exit_code == 0);
  CHECK(next.out == "10.99.0.16/28\n");
  CHECK(temporaries_in(dir.path()) == 0);
  CHECK(lines_of(slurp(ledger)).size() == 3);
}

TEST_CASE("reserve: a write that fails leaves the ledger byte-identical and exits 2", "[e2e][reserve]") {
  TempDir dir;
  const std::string ledger = dir.file("ledger.csv");
  // A ledger of 64 rows (several KiB), then a file size limit of 512 bytes for the next run: its
  // temporary copy cannot be written, as on a full disk.
  REQUIRE(ipplan("suggest --quiet --pool 10.99.0.0/16 --count 64 --reserve " + ledger + kInputs).exit_code == 0);
  const std::string before = slurp(ledger);
  REQUIRE(before.size() > 4096);
  const Run run = run_shell("trap '' XFSZ; ulimit -f 1; " + kIpplan +
                         " suggest --pool 10.99.0.0/16 --reserve " + ledger + kInputs);
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(has(run.err, "--reserve: " + ledger));
  CHECK(has(run.err, "nothing reserved, the ledger is unchanged"));
  CHECK(slurp(ledger) == before);
  CHECK(temporaries_in(dir.path()) == 0);
}

TEST_CASE("reserve: a held lock times out with a clear error", "[e2e][reserve]") {
  TempDir dir;
  const std::string ledger = dir.file("ledger.csv");
  const std::string script = "flock " + ledger + ".lock sleep 3 & sleep 0.5; " +
                             kIpplan + " suggest --pool 10.99.0.0/24 --lock-timeout 0.2 --reserve " +
                             ledger + kInputs + "; echo exit $?; wait";
  const Run run = run_shell(script);
  CHECK(has(run.out, "exit 2\n"));
  CHECK(has(run.err, ledger + ".lock"));
  CHECK(!std::filesystem::exists(ledger));
}

TEST_CASE("reserve: a file that is not a ledger is refused / not overwritten", "[e2e][reserve]") {
  TempDir dir;
  const std::string other = dir.file("prefixes.txt");
  std::ofstream(other) << "10.99.0.0/28\n";
  const Run run = ipplan("suggest --pool 10.99.0.0/24 --reserve " + other + kInputs);
  CHECK(run.exit_code == 2);
  CHECK(has(run.err, "not an ipplan ledger"));
  CHECK(slurp(other) == "10.99.0.0/28\n");
}
