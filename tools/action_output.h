// How sievec shows an evaluation result: one JSON object (for programs) or
// a few readable lines (for people). Shared by `run` and `filter`.
//
// JSON: {"actions":[{"type":"fileinto","mailbox":"Junk",...},...,
//        {"type":"keep","implicit":true}], "implicit_keep":true|false,
//        "errors":[{"id":...,"message":...,"line":N,"column":N}]}
#pragma once

#include <string>

#include "common/json_writer.h"
#include "tools/execution_preview.h"
#include "vm/evaluator.h"

namespace sievekit::tools {

// With a preview, each notify action also says what executing it would do:
// {"type":"notify","sent":true|false,"suppressed_by":RULE (when not sent),
//  "method":...,"to":[...],"from":...,"subject":...,"message":...,
//  "importance":..., the action's other params, "line":N}; the text form
// shows the composed notification below the action. Each vacation action
// likewise: {"type":"vacation","sent":true|false,"suppressed_by":RULE and
// "detail":WHY (when not sent),"to":...,"from":...,"subject":...,
// "message":...,"handle":...,"response":...,"period":SECONDS,"reply":BYTES
// (when sent),"line":N}, and the text form shows the composed reply.
void WriteResultJson(const vm::EvalResult& result, JsonWriter& out,
                     const ExecutionPreview* preview = nullptr);
std::string FormatResultText(const vm::EvalResult& result,
                             const ExecutionPreview* preview = nullptr);

}  // namespace sievekit::tools
