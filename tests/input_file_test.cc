// input_file_test.cc — opening inputs: DOMAIN=PATH, mapping, and clear errors.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "ipplan/input_file.h"
#include "ipplan/strings.h"

using namespace ipplan;

namespace {
std::string temp_dir() {
  char pattern[] = "/tmp/ipplan-input-XXXXXX";
  const char* dir = ::mkdtemp(pattern);
  REQUIRE(dir != nullptr);
  return dir;
}
void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}
}  // namespace

TEST_CASE("InputSpec: domain defaults to the file name without extension", "[input]") {
  CHECK(InputSpec::parse("exports/netbox-prefixes.csv").domain == "netbox-prefixes");
  CHECK(InputSpec::parse("exports/netbox-prefixes.csv").path == "exports/netbox-prefixes.csv");
  CHECK(InputSpec::parse("plain").domain == "plain");
  CHECK(InputSpec::parse(".hidden").domain == ".hidden");
  CHECK(InputSpec::parse("-").domain == "stdin");
  CHECK(InputSpec::parse("-").display_name() == "<stdin>");
}

TEST_CASE("InputSpec: DOMAIN=PATH / unless the whole text is an existing file", "[input]") {
  const InputSpec named = InputSpec::parse("ib=exports/networks.csv");
  CHECK(named.domain == "ib");
  CHECK(named.path == "exports/networks.csv");
  const std::string dir = temp_dir();
  const std::string odd = dir + "/a=b.txt";
  write_file(odd, "10.0.0.0/8\n");
  const InputSpec literal = InputSpec::parse(odd);
  CHECK(literal.path == odd);
  CHECK(literal.domain == "a=b");
}

TEST_CASE("InputFile maps a file and reports missing ones and directories", "[input]") {
  const std::string dir = temp_dir();
  const std::string path = dir + "/list.txt";
  write_file(path, "10.0.0.0/8\n");
  const auto file = InputFile::open(InputSpec::parse(path));
  REQUIRE(file.ok());
  CHECK(file->bytes() == "10.0.0.0/8\n");

  const std::string empty = dir + "/empty.txt";
  write_file(empty, "");
  const auto empty_file = InputFile::open(InputSpec::parse(empty));
  REQUIRE(empty_file.ok());
  CHECK(empty_file->bytes().empty());

  const auto missing = InputFile::open(InputSpec::parse(dir + "/nope.txt"));
  REQUIRE_FALSE(missing.ok());
  CHECK(view(missing.status().message()).find("nope.txt: cannot open") != std::string::npos);

  const auto directory = InputFile::open(InputSpec::parse(dir));
  REQUIRE_FALSE(directory.ok());
  CHECK(view(directory.status().message()).find("is a directory") != std::string::npos);
}

TEST_CASE("InputFile survives being moved", "[input]") {
  const std::string dir = temp_dir();
  const std::string path = dir + "/list.txt";
  write_file(path, "::/0\n");
  auto file = InputFile::open(InputSpec::parse(path));
  REQUIRE(file.ok());
  InputFile moved = std::move(*file);
  CHECK(moved.bytes() == "::/0\n");
  CHECK(moved.spec().path == path);
}
