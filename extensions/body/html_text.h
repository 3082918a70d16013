// HtmlToText: the text of an HTML document, for the :text body transform
// (RFC 5173 §5.3: "Sophisticated implementations MAY strip mark-up from the
// text prior to matching"), so that `body :text :contains "project
// schedule"` finds the words of an HTML-only message, whatever tags and
// entities sit between them.
//
// Deliberately small and linear: tags, comments and declarations are
// removed; the contents of <script> and <style> are dropped; block-level
// tags (p, br, div, li, tr, headings, ...) become a line feed and table
// cells a space, so that words of adjacent blocks do not run together;
// character references (&amp; &#233; &#xE9; and a few common named ones)
// are decoded, &nbsp; to a plain space and &shy; to nothing. Anything else
// — unknown entities, a '<' that does not start a tag — stays as written.
// It is not an HTML parser and does not try to be one: no DOM, no error
// recovery beyond "keep going". The input is UTF-8 (mail::MimeTree::Text);
// the output never grows beyond the input.
#pragma once

#include <string>
#include <string_view>

namespace sievekit::extensions::body {

// Replaces *out with the text of `html`.
void HtmlToText(std::string_view html, std::string* out);

}  // namespace sievekit::extensions::body
