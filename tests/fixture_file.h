// fixture_file.h — reads a file of the project's fixtures/ directory for unit tests
// (IPPLAN_FIXTURES is set by tests/CMakeLists.txt).
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace ipplan::testing {

inline std::string read_fixture(std::string_view name) {
  std::ifstream in(std::string(IPPLAN_FIXTURES) + "/" + std::string(name), std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace ipplan::testing
