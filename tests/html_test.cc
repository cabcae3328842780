// html_test.cc — escaping of input text for the report page.
#include <catch2/catch.hpp>

#include "ipplan/html.h"

using namespace ipplan;

TEST_CASE("html escape turns markup into text", "[html]") {
  CHECK(html_escape("<script>alert('x')</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(html_escape("a & b \"c\"") == "a &amp; b &quot;c&quot;");
  CHECK(html_escape("plain text 10.0.0.0/8") == "plain text 10.0.0.0/8");
  CHECK(html_escape("") == "");
}

TEST_CASE("html escape keeps valid UTF-8 and replaces invalid bytes", "[html]") {
  CHECK(html_escape("Zürich \xe2\x80\x94 東京 \xf0\x9f\x8c\x90") ==
        "Zürich \xe2\x80\x94 東京 \xf0\x9f\x8c\x90");
  const std::string replacement = "\xef\xbf\xbd";
  CHECK(html_escape("a\xff" "b") == "a" + replacement + "b");
  CHECK(html_escape("\xc0\xaf") == replacement + replacement);  // overlong '/'
  CHECK(html_escape("\xed\xa0\x80") == replacement + replacement + replacement);  // surrogate
  CHECK(html_escape("\xe2\x80") == replacement + replacement);  // truncated
  CHECK(html_escape(std::string("a\0b", 3)) == "a" + replacement + "b");
  CHECK(html_escape("tab\there") == "tab\there");
}

TEST_CASE("json in script cannot close the script element", "[html]") {
  CHECK(json_in_script("</script><script>alert(1)</script>") ==
        "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\"");
  CHECK(json_in_script("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_in_script("line\nbreak & more") == "\"line\\u000abreak \\u0026 more\"");
  CHECK(json_in_script("x\xe2\x80\xa8y\xe2\x80\xa9") == "\"x\\u2028y\\u2029\"");
  CHECK(json_in_script("bad\xfe") == "\"bad\\ufffd\"");
  CHECK(json_in_script("Zürich") == "\"Zürich\"");
  CHECK(json_in_script("") == "\"\"");
}
