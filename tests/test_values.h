// test_values.h — values written as text in tests: `prefix("10.0.0.0/8")` parses strictly and
// fails the test (not the program) on a typo.
#pragma once

#include <catch2/catch.hpp>

#include <string_view>

#include "ipplan/parse.h"

namespace ipplan::testing {

inline Prefix prefix(std::string_view text) {
  const ParseResult<Prefix> parsed = parse_prefix(text);
  INFO("prefix text: " << text);
  REQUIRE(parsed.ok());
  return parsed.value;
}

}  // namespace ipplan::testing
