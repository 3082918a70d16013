# 33 nested tests; the limit (max_test_depth) is 32.
if not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not false {
    keep;
}
