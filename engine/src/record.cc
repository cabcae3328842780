// record.cc — names and message prefixes for records.
#include "ipplan/record.h"

#include "ipplan/strings.h"

namespace ipplan {

std::string_view role_name(Role role) {
  return role == Role::kContainer ? "container" : "assigned";
}

std::string Location::describe(std::string_view input_name) const {
  if (!json_path.empty()) return str_cat(input_name, ": ", json_path);
  return str_cat(input_name, ":", line);
}

void RecordSink::line_records(std::span<const LineRecord> records) {
  for (const LineRecord& line_record : records) record(line_record.raw());
}

}  // namespace ipplan
