// ExtensionConfig: the host's configuration of extensions — the spam and
// virus headers spamtest reads, how many notifications enotify may send —
// carried to compilation (ir::CompileOptions) and evaluation
// (vm::EvalOptions) without the core knowing any extension.
//
// One slot per configuration type: an extension defines a plain struct with
// defaults, the host stores a value of it with Set<T>(), and the extension
// reads it back with Get<T>(), which gives the defaults when the host set
// nothing. Values are immutable once stored and shared between copies of
// the options, so copying options and reading them from several threads is
// cheap and safe. It must not hold per-evaluation state.
#pragma once

#include <map>
#include <memory>
#include <typeindex>
#include <utility>

namespace sievekit {

class ExtensionConfig {
 public:
  // The stored T, or a default-constructed T when none is stored.
  template <typename T>
  const T& Get() const {
    auto it = slots_.find(std::type_index(typeid(T)));
    if (it == slots_.end()) {
      static const T* const kDefaults = new T();
      return *kDefaults;
    }
    return *static_cast<const T*>(it->second.get());
  }

  // Whether a T was stored.
  template <typename T>
  bool Has() const {
    return slots_.count(std::type_index(typeid(T))) > 0;
  }

  // Stores `value` as the T every later Get<T>() returns.
  template <typename T>
  void Set(T value) {
    slots_[std::type_index(typeid(T))] = std::make_shared<const T>(std::move(value));
  }

  // Forgets the stored T (Get<T>() gives the defaults again).
  template <typename T>
  void Reset() {
    slots_.erase(std::type_index(typeid(T)));
  }

 private:
  std::map<std::type_index, std::shared_ptr<const void>> slots_;
};

}  // namespace sievekit
