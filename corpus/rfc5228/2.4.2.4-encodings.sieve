# The valid and malformed encodings listed in section 2.4.2.4, one per test,
# so that the IR dump shows what each one decodes to.
require "encoded-character";
if header :is "X-Test" "$${hex:40}" { keep; }
if header :is "X-Test" "${hex: 40 }" { keep; }
if header :is "X-Test" "${HEX: 40}" { keep; }
if header :is "X-Test" "${hex:40" { keep; }
if header :is "X-Test" "${hex:400}" { keep; }
if header :is "X-Test" "${hex:4${hex:30}}" { keep; }
if header :is "X-Test" "${unicode:40}" { keep; }
if header :is "X-Test" "${ unicode:40}" { keep; }
if header :is "X-Test" "${UNICODE:40}" { keep; }
if header :is "X-Test" "${UnICoDE:0000040}" { keep; }
if header :is "X-Test" "${Unicode:40}" { keep; }
if header :is "X-Test" "${Unicode:Cool}" { keep; }
