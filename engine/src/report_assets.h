// report_assets.h — the page's fixed CSS and script, kept apart from the code that writes the
// variable parts.
#pragma once

#include <string_view>

namespace ipplan::report_assets {

extern const std::string_view kStyle;
extern const std::string_view kScript;

}  // namespace ipplan::report_assets
