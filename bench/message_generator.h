// Deterministic generator of realistic messages for benchmarks and scale
// tests: 20-40 header lines with Received chains, encoded words, mailing-list
// headers on some, multipart bodies with attachments on others, sizes from
// about 1 KB to 200 KB. The same index and seed always give the same bytes.
#pragma once

#include <cstdint>
#include <string>

namespace sievekit::bench {

std::string GenerateMessage(uint32_t index, uint32_t seed = 7);

}  // namespace sievekit::bench
