// ledger_test_support.h — what the ledger's unit tests share: a scratch directory removed with
// everything in it (permissions restored first), and whole-file reads and writes.
#pragma once

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "ipplan/strings.h"

namespace ipplan::testing {

struct LedgerTempDir {
  std::string path;
  LedgerTempDir() {
    char pattern[] = "/tmp/ipplan-ledger-XXXXXX";
    const char* dir = ::mkdtemp(pattern);
    REQUIRE(dir != nullptr);
    path = dir;
  }
  ~LedgerTempDir() {
    std::error_code ignored;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ignored);
    std::filesystem::remove_all(path, ignored);
  }
  LedgerTempDir(const LedgerTempDir&) = delete;
  LedgerTempDir& operator=(const LedgerTempDir&) = delete;
  std::string operator/(std::string_view name) const { return str_cat(path, "/", name); }
};

inline std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

}  // namespace ipplan::testing
