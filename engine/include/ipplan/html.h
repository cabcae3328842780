// html.h — escaping text from inputs for an HTML page: labels, domains and paths come from files
// anyone may have written, so a label holding `<script>` must show as text, never run.
//
// What it promises: html_escape's result is safe as element text and as a quoted attribute
// value (& < > " ' are escaped); json_in_script's result is a JSON string literal that is safe
// inside a <script> element (< > & are \u-escaped, so `</script>` cannot end the element, and
// U+2028/U+2029 are escaped for older JavaScript parsers). Both keep valid UTF-8 and turn each
// invalid byte and each control character other than tab, LF and CR into U+FFFD, so hostile
// bytes never make the page invalid. Linear time, one allocation.
#pragma once

#include <string>
#include <string_view>

namespace ipplan {

std::string html_escape(std::string_view text);
std::string json_in_script(std::string_view text);  // with the surrounding quotes

}  // namespace ipplan
