// Test helpers shared by the corpus runners: listing the scripts of a corpus
// folder, compiling one through the front end, and reading and writing the
// golden files that hold the expected diagnostics.
//
// A golden file lists one diagnostic per line as "FILE LINE ID" (FILE
// relative to the corpus folder, LINE 1-based), in the order the compiler
// reports them; lines starting with '#' and blank lines are comments. It is
// regenerated (never hand-merged) when SIEVEKIT_UPDATE_GOLDEN is set to
// something other than "" or "0", and the regenerated file is reviewed as a
// diff before it is committed.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extensions/all_extensions.h"
#include "ir/frontend.h"

namespace sievekit::testutil {

namespace fs = std::filesystem;

inline fs::path CorpusDir(std::string_view name) {
  return fs::path(SIEVEKIT_SOURCE_ROOT) / "corpus" / name;
}

// The .sieve files directly in `dir`, sorted by name.
inline std::vector<std::string> ScriptsIn(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".sieve") {
      out.push_back(entry.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Writes through a temporary file and a rename, so a reader never sees half
// a golden file.
inline void WriteBytes(const fs::path& path, std::string_view bytes) {
  const fs::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  fs::rename(temporary, path);
}

inline bool UpdateGoldenRequested() {
  const char* value = std::getenv("SIEVEKIT_UPDATE_GOLDEN");
  return value != nullptr && *value != '\0' && std::string_view(value) != "0";
}

// Compiles one corpus script with the default registry and options.
inline ir::FrontendResult CompileCorpusFile(const fs::path& path) {
  return ir::RunFrontend(
      std::make_shared<const SourceFile>(path.filename().string(), ReadBytes(path)),
      extensions::DefaultRegistry());
}

// "LINE ID" for each diagnostic, in reporting order.
inline std::vector<std::string> DiagnosticLines(const ir::FrontendResult& result) {
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics.all()) {
    out.push_back(fmt::format("{} {}", result.tree.source->Locate(d.span.begin).line, d.id()));
  }
  return out;
}

// File name -> its "LINE ID" lines, in file order.
using Golden = std::map<std::string, std::vector<std::string>>;

// Reads a golden file; a malformed line is kept under the key "" so that the
// runner reports it.
inline Golden ReadGolden(const fs::path& path) {
  Golden golden;
  std::istringstream in(ReadBytes(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file;
    std::string number;
    std::string id;
    std::string extra;
    if (!(fields >> file >> number >> id) || (fields >> extra) ||
        number.find_first_not_of("0123456789") != std::string::npos) {
      golden[""].push_back(line);
      continue;
    }
    golden[file].push_back(number + " " + id);
  }
  return golden;
}

inline std::string FormatGolden(std::string_view header, const Golden& golden) {
  std::string out(header);
  for (const auto& [file, lines] : golden) {
    for (const std::string& l : lines) out += file + " " + l + "\n";
  }
  return out;
}

// A gtest-safe test name for a script file name: letters, digits and '_'.
inline std::string TestNameFor(std::string name) {
  if (name.size() > 6 && name.substr(name.size() - 6) == ".sieve") name.resize(name.size() - 6);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

}  // namespace sievekit::testutil
