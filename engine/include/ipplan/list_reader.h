// list_reader.h — the `list` input format: one prefix, address or `first-last` range a line.
//
// Line grammar (SPEC sections 2 and 3): whitespace (spaces, tabs) around the value is ignored;
// `#` or `;` at the start of a line or after whitespace begins a comment; blank and comment-only
// lines are skipped; CRLF endings and a UTF-8 byte order mark at the start of the input are
// tolerated. Anything else after the value is an error. Every line that is not blank or a
// comment yields exactly one record or one error, in line order, so no record is ever silently
// lost. A single pass over the bytes with no allocation except the text of error messages.
#pragma once

#include <string_view>

#include "ipplan/record.h"

namespace ipplan {

void read_list(std::string_view bytes, const ReadOptions& options, RecordSink& sink);

}  // namespace ipplan
