// Tests for GeneratedScript: exact rendering (structure, quoting, the
// require line) and shrinking.
#include "tests/differential/generated_script.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/source_file.h"
#include "extensions/all_extensions.h"
#include "ir/frontend.h"
#include "tests/differential/script_generator.h"

namespace sievekit::differential {
namespace {

bool Validates(const std::string& text) {
  return ir::RunFrontend(std::make_shared<const SourceFile>("generated.sieve", text),
                         extensions::DefaultRegistry())
      .ok();
}

TEST(GeneratedScriptTest, SimplerScriptsAreShorterAndValid) {
  for (uint64_t seed = 0; seed < 20; ++seed) {
    const GeneratedScript script = GenerateScript(seed);
    const std::string text = script.Render();
    const std::vector<GeneratedScript> simpler = SimplerScripts(script);
    EXPECT_FALSE(simpler.empty());
    for (const GeneratedScript& s : simpler) {
      const std::string smaller = s.Render();
      EXPECT_LT(smaller.size(), text.size()) << text << "\n---\n" << smaller;
      EXPECT_TRUE(Validates(smaller)) << smaller;
    }
  }
}

TEST(GeneratedScriptTest, RendersStructureAndRequireExactly) {
  GeneratedScript script;
  GeneratedStatement branch;
  branch.kind = GeneratedStatement::Kind::kIf;
  GeneratedTest any{GeneratedTest::Kind::kAnyOf, {}, {}, 0};
  any.children.push_back({GeneratedTest::Kind::kAtom, {}, "exists \"To\"", 0});
  any.children.push_back(
      {GeneratedTest::Kind::kNot,
       {{GeneratedTest::Kind::kAtom, {}, "envelope \"to\" \"a\"", kNeedsEnvelope}},
       {},
       0});
  branch.conditions.push_back(any);
  branch.blocks.push_back({{GeneratedStatement::Kind::kAction, {}, {}, {}, "keep", 0}});
  branch.conditions.push_back({GeneratedTest::Kind::kFalse, {}, {}, 0});
  branch.blocks.push_back({});
  branch.else_block =
      std::vector<GeneratedStatement>{{GeneratedStatement::Kind::kAction,
                                       {},
                                       {},
                                       {},
                                       "fileinto :copy \"a\\\"b\"",
                                       kNeedsFileinto | kNeedsCopy},
                                      {GeneratedStatement::Kind::kStop, {}, {}, {}, {}, 0}};
  script.body.push_back(branch);
  EXPECT_EQ(script.Render(),
            "require [\"fileinto\", \"envelope\", \"copy\"];\n"
            "if anyof (exists \"To\", not envelope \"to\" \"a\") {\n"
            "  keep;\n"
            "} elsif false {\n"
            "} else {\n"
            "  fileinto :copy \"a\\\"b\";\n"
            "  stop;\n"
            "}\n");
  EXPECT_EQ(Quote("a\\*b\"c"), "\"a\\\\*b\\\"c\"");
}

TEST(GeneratedScriptTest, ShrinkingReachesEveryKindOfStep) {
  // if anyof (A, B) { keep; } elsif C { discard; } else { stop; }
  GeneratedScript script;
  GeneratedStatement branch;
  branch.kind = GeneratedStatement::Kind::kIf;
  GeneratedTest any{GeneratedTest::Kind::kAnyOf, {}, {}, 0};
  any.children.push_back({GeneratedTest::Kind::kAtom, {}, "exists \"A\"", 0});
  any.children.push_back({GeneratedTest::Kind::kAtom, {}, "exists \"B\"", 0});
  branch.conditions = {any, {GeneratedTest::Kind::kAtom, {}, "exists \"C\"", 0}};
  branch.blocks = {{{GeneratedStatement::Kind::kAction, {}, {}, {}, "keep", 0}},
                   {{GeneratedStatement::Kind::kAction, {}, {}, {}, "discard", 0}}};
  branch.else_block =
      std::vector<GeneratedStatement>{{GeneratedStatement::Kind::kStop, {}, {}, {}, {}, 0}};
  script.body.push_back(branch);
  std::string all;
  for (const GeneratedScript& s : SimplerScripts(script)) all += s.Render() + "----\n";
  EXPECT_TRUE(all.starts_with("----\n")) << all;  // first, the whole if dropped
  for (const std::string_view step : {
           "----\nkeep;\n----\n",                      // an if replaced by a block
           "if exists \"C\" {\n  discard;\n} else {",  // a branch dropped
           "if exists \"A\" {\n  keep;\n} elsif",      // a test replaced by a child
           "if anyof (exists \"B\") {",                // a child dropped
           "if true {",                                // an atom replaced by true
           "if false {",                               // or by false
           "  discard;\n}\n----",                      // the else dropped
           "} else {\n}\n",                            // a statement dropped
       }) {
    EXPECT_NE(all.find(step), std::string::npos) << step << "\nin\n" << all;
  }
}

}  // namespace
}  // namespace sievekit::differential
