// How sievec shows an evaluation result: one JSON object (for programs) or
// a few readable lines (for people). Shared by `run` and `filter`.
//
// JSON: {"actions":[{"type":"fileinto","mailbox":"Junk",...},...,
//        {"type":"keep","implicit":true}], "implicit_keep":true|false,
//        "errors":[{"id":...,"message":...,"line":N,"column":N}]}
#pragma once

#include <string>

#include "common/json_writer.h"
#include "vm/evaluator.h"

namespace sievekit::tools {

void WriteResultJson(const vm::EvalResult& result, JsonWriter& out);
std::string FormatResultText(const vm::EvalResult& result);

}  // namespace sievekit::tools
