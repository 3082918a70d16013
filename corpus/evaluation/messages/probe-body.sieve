# Probe: the body test (RFC 5173). Runs on every message of this folder (see
# README.md). One fileinto action per line of findings:
#   raw:       whether the message has a body (body :raw :contains "" is
#              false when there is no empty line after the header, §4) and
#              whether it is empty;
#   content:   the content types that body :content "TYPE" :contains ""
#              finds ("(all)" for the empty type, which matches every part);
#              "text/", "/plain" and "text/plain/x" match no part (§5.2);
#   text:      which of a few non-ASCII or nested words body :text finds
#              (decoded and converted to UTF-8);
#   raw keys:  which of the same words body :raw finds in the undecoded body;
#   multipart: what body :content "multipart" finds: only the prologues and
#              epilogues are searched, never the nested parts (§5.2);
#   message:   what body :content "message/rfc822" finds: only the header
#              of the nested message (§5.2).
require ["body", "fileinto", "variables"];

if body :raw :contains "" { set "has" "yes"; } else { set "has" "no"; }
if body :raw :is "" { set "empty" "yes"; } else { set "empty" "no"; }
fileinto "raw: body ${has}; empty ${empty}";

set "c" "";
if body :content "text" :contains "" { set "c" "${c} text"; }
if body :content "text/plain" :contains "" { set "c" "${c} text/plain"; }
if body :content "text/html" :contains "" { set "c" "${c} text/html"; }
if body :content "multipart" :contains "" { set "c" "${c} multipart"; }
if body :content "multipart/alternative" :contains "" { set "c" "${c} multipart/alternative"; }
if body :content "message" :contains "" { set "c" "${c} message"; }
if body :content "message/rfc822" :contains "" { set "c" "${c} message/rfc822"; }
if body :content "application" :contains "" { set "c" "${c} application"; }
if body :content "image" :contains "" { set "c" "${c} image"; }
if body :content "" :contains "" { set "c" "${c} (all)"; }
if body :content "text/" :contains "" { set "c" "${c} INVALID-text/"; }
if body :content "/plain" :contains "" { set "c" "${c} INVALID-/plain"; }
if body :content "text/plain/x" :contains "" { set "c" "${c} INVALID-text/plain/x"; }
fileinto "content:${c}";

set "t" "";
set "r" "";
if body :text :contains "Grüße" { set "t" "${t} [Grüße]"; }
if body :text :contains "naïve" { set "t" "${t} [naïve]"; }
if body :text :contains "€" { set "t" "${t} [€]"; }
if body :text :contains "Съешь" { set "t" "${t} [Съешь]"; }
if body :text :contains "こんにちは" { set "t" "${t} [こんにちは]"; }
if body :text :contains "Café" { set "t" "${t} [Café]"; }
if body :text :contains "Voilà" { set "t" "${t} [Voilà]"; }
if body :text :contains "Müsli" { set "t" "${t} [Müsli]"; }
if body :text :contains "ümlaut" { set "t" "${t} [ümlaut]"; }
if body :text :contains "Innermost" { set "t" "${t} [Innermost]"; }
if body :text :contains "Second post" { set "t" "${t} [Second post]"; }
if body :raw :contains "Grüße" { set "r" "${r} [Grüße]"; }
if body :raw :contains "naïve" { set "r" "${r} [naïve]"; }
if body :raw :contains "€" { set "r" "${r} [€]"; }
if body :raw :contains "Съешь" { set "r" "${r} [Съешь]"; }
if body :raw :contains "こんにちは" { set "r" "${r} [こんにちは]"; }
if body :raw :contains "Café" { set "r" "${r} [Café]"; }
if body :raw :contains "Voilà" { set "r" "${r} [Voilà]"; }
if body :raw :contains "Müsli" { set "r" "${r} [Müsli]"; }
if body :raw :contains "ümlaut" { set "r" "${r} [ümlaut]"; }
if body :raw :contains "Innermost" { set "r" "${r} [Innermost]"; }
if body :raw :contains "Second post" { set "r" "${r} [Second post]"; }
fileinto "text:${t}";
fileinto "raw keys:${r}";

set "m" "";
if body :content "multipart" :contains "MIME" { set "m" "${m} [MIME]"; }
if body :content "multipart" :contains "prologue" { set "m" "${m} [prologue]"; }
if body :content "multipart" :contains "epilogue" { set "m" "${m} [epilogue]"; }
if body :content "multipart" :contains "Hello" { set "m" "${m} [Hello]"; }
if body :content "multipart" :contains "Content-Type" { set "m" "${m} [Content-Type]"; }
fileinto "multipart:${m}";

set "n" "";
if body :content "message/rfc822" :contains "From:" { set "n" "${n} [From:]"; }
if body :content "message/rfc822" :contains "Subject:" { set "n" "${n} [Subject:]"; }
if body :content "message/rfc822" :contains "Inner body" { set "n" "${n} [Inner body]"; }
if body :content "message/rfc822" :contains "Voilà" { set "n" "${n} [Voilà]"; }
if body :content "message/rfc822" :contains "First post" { set "n" "${n} [First post]"; }
fileinto "message:${n}";
