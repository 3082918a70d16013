// Test helpers for running the built `sievec` binary as a user would: with
// arguments, optionally with standard input from a string, capturing
// standard output, standard error and the exit status. Output goes through
// temporary files rather than pipes, so a chatty child can never block on a
// full pipe while the test waits for it.
//
// Also: a scratch directory that removes itself, and a minimal JSON reader
// for checking the shape of `sievec check --json` (it accepts exactly RFC
// 8259 JSON and nothing more; it is not meant for anything but tests).
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

extern char** environ;

namespace sievekit::testutil {

inline std::string SievecPath() { return std::string(SIEVEKIT_BINARY_DIR) + "/bin/sievec"; }

inline std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void WriteWholeFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A fresh directory under the system temporary directory, removed (with
// everything in it) when the object goes away.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sievec_test.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    // Restore permissions the tests took away, so removal works.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path_, ec)) {
      std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::add, ec);
    }
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to `name` inside the directory; returns the full path.
  std::string Write(const std::string& name, std::string_view bytes) const {
    const std::filesystem::path file = path_ / name;
    WriteWholeFile(file, bytes);
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_status = -1;  // the exit code; 128 + signal number when killed
  std::string out;
  std::string err;
};

// Runs sievec with `args` (not including the program name) and `input` on
// standard input (empty when not given), in the current directory.
inline RunResult RunSievec(const std::vector<std::string>& args, const std::string& input = "") {
  ScratchDir io;
  const std::string in_path = io.Write("stdin", input);
  const std::string out_path = (io.path() / "stdout").string();
  const std::string err_path = (io.path() / "stderr").string();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);

  const std::string program = SievecPath();
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  RunResult result;
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    result.err = "posix_spawn failed for " + program;
    return result;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  if (WIFEXITED(status)) {
    result.exit_status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_status = 128 + WTERMSIG(status);
  }
  result.out = ReadWholeFile(out_path);
  result.err = ReadWholeFile(err_path);
  return result;
}

// A parsed JSON value.
struct Json {
  using Array = std::vector<Json>;
  using Object = std::map<std::string, Json>;
  std::variant<std::nullptr_t, bool, double, std::string, Array, Object> value;
  std::vector<std::string> key_order;  // objects: member names in source order

  bool IsArray() const { return std::holds_alternative<Array>(value); }
  bool IsObject() const { return std::holds_alternative<Object>(value); }
  bool IsString() const { return std::holds_alternative<std::string>(value); }
  bool IsNumber() const { return std::holds_alternative<double>(value); }
  const Array& array() const { return std::get<Array>(value); }
  const Object& object() const { return std::get<Object>(value); }
  const std::string& str() const { return std::get<std::string>(value); }
  double number() const { return std::get<double>(value); }
  const Json& operator[](const std::string& key) const { return object().at(key); }
  bool Has(const std::string& key) const { return IsObject() && object().count(key) > 0; }
};

// Parses one JSON text (RFC 8259; surrounding white space allowed). Returns
// nullopt on any syntax error.
inline std::optional<Json> ParseJson(std::string_view text) {
  struct Parser {
    std::string_view s;
    size_t i = 0;
    void Ws() {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    }
    bool Lit(std::string_view word) {
      if (s.substr(i, word.size()) != word) return false;
      i += word.size();
      return true;
    }
    static void AppendUtf8(uint32_t cp, std::string* out) {
      if (cp < 0x80) {
        out->push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else if (cp < 0x10000) {
        out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
    }
    bool Hex4(uint32_t* out) {
      if (i + 4 > s.size()) return false;
      uint32_t v = 0;
      for (int k = 0; k < 4; ++k) {
        const char c = s[i++];
        v <<= 4;
        if (c >= '0' && c <= '9')
          v |= static_cast<uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
          v |= static_cast<uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
          v |= static_cast<uint32_t>(c - 'A' + 10);
        else
          return false;
      }
      *out = v;
      return true;
    }
    bool String(std::string* out) {
      if (i >= s.size() || s[i] != '"') return false;
      ++i;
      while (i < s.size() && s[i] != '"') {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20) return false;
        if (c != '\\') {
          out->push_back(s[i++]);
          continue;
        }
        if (++i >= s.size()) return false;
        const char e = s[i++];
        switch (e) {
          case '"':
            out->push_back('"');
            break;
          case '\\':
            out->push_back('\\');
            break;
          case '/':
            out->push_back('/');
            break;
          case 'b':
            out->push_back('\b');
            break;
          case 'f':
            out->push_back('\f');
            break;
          case 'n':
            out->push_back('\n');
            break;
          case 'r':
            out->push_back('\r');
            break;
          case 't':
            out->push_back('\t');
            break;
          case 'u': {
            uint32_t cp = 0;
            if (!Hex4(&cp)) return false;
            if (cp >= 0xD800 && cp < 0xDC00) {
              uint32_t low = 0;
              if (!Lit("\\u") || !Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            AppendUtf8(cp, out);
            break;
          }
          default:
            return false;
        }
      }
      if (i >= s.size()) return false;
      ++i;
      return true;
    }
    bool Value(Json* out, int depth) {
      if (depth > 64) return false;
      Ws();
      if (i >= s.size()) return false;
      const char c = s[i];
      if (c == '{') {
        ++i;
        Json::Object object;
        Ws();
        if (i < s.size() && s[i] == '}') {
          ++i;
          out->value = std::move(object);
          return true;
        }
        for (;;) {
          Ws();
          std::string key;
          if (!String(&key)) return false;
          Ws();
          if (i >= s.size() || s[i++] != ':') return false;
          Json member;
          if (!Value(&member, depth + 1)) return false;
          if (!object.emplace(key, std::move(member)).second) return false;  // duplicate
          out->key_order.push_back(key);
          Ws();
          if (i < s.size() && s[i] == ',') {
            ++i;
            continue;
          }
          if (i < s.size() && s[i] == '}') {
            ++i;
            break;
          }
          return false;
        }
        out->value = std::move(object);
        return true;
      }
      if (c == '[') {
        ++i;
        Json::Array array;
        Ws();
        if (i < s.size() && s[i] == ']') {
          ++i;
          out->value = std::move(array);
          return true;
        }
        for (;;) {
          Json element;
          if (!Value(&element, depth + 1)) return false;
          array.push_back(std::move(element));
          Ws();
          if (i < s.size() && s[i] == ',') {
            ++i;
            continue;
          }
          if (i < s.size() && s[i] == ']') {
            ++i;
            break;
          }
          return false;
        }
        out->value = std::move(array);
        return true;
      }
      if (c == '"') {
        std::string str;
        if (!String(&str)) return false;
        out->value = std::move(str);
        return true;
      }
      if (Lit("true")) {
        out->value = true;
        return true;
      }
      if (Lit("false")) {
        out->value = false;
        return true;
      }
      if (Lit("null")) {
        out->value = nullptr;
        return true;
      }
      const size_t start = i;
      if (i < s.size() && s[i] == '-') ++i;
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
      if (s[i] == '0') {
        ++i;
      } else {
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      }
      if (i < s.size() && s[i] == '.') {
        ++i;
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      }
      if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      }
      out->value = std::strtod(std::string(s.substr(start, i - start)).c_str(), nullptr);
      return true;
    }
  };
  Parser p{text};
  Json out;
  if (!p.Value(&out, 0)) return std::nullopt;
  p.Ws();
  if (p.i != text.size()) return std::nullopt;
  return out;
}

}  // namespace sievekit::testutil
