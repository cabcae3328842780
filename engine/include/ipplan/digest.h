// digest.h — the SHA-256 of an input's bytes, as lower-case hex, so a verification report can
// say exactly which files it proved (OpenSSL's libcrypto does the hashing).
#pragma once

#include <string>
#include <string_view>

namespace ipplan {

std::string sha256_hex(std::string_view bytes);

}  // namespace ipplan
