// Description catalogues. Patterns are ICU MessageFormat; arguments:
//   field (recipient|from|to|cc|sender|subject), op (is|is_not|contains|
//   not_contains|matches|not_matches), values (a formatted list), size,
//   n/unit (a size), folder, address, text, name, count, lines, start,
//   conditions/actions/exceptions (formatted lists), body.
// Typographic quotes avoid MessageFormat's apostrophe quoting.
#include "editor/describe_catalogue.h"

#include <array>

namespace sievekit::editor {
namespace {

using Message = std::pair<std::string_view, std::string_view>;

constexpr std::array<Message, 26> kEnglish = {{
    {"rule", "{name}: {body}"},
    {"rule.disabled", "{name} (disabled): {body}"},
    {"gui", "{conditions}, {actions}"},
    {"condition.address",
     "where the {field, select, recipient {recipient (To or Cc) line} from {From line} to {To line} "
     "cc {Cc line} other {Sender line}} {op, select, is {is} is_not {is not} contains {contains} "
     "not_contains {does not contain} matches {matches} other {does not match}} {values}"},
    {"condition.subject",
     "where the Subject {op, select, is {is} is_not {is not} contains {contains} not_contains "
     "{does not contain} matches {matches} other {does not match}} {values}"},
    {"condition.attachment",
     "{op, select, is {where the message has an attachment} other {where the message has no "
     "attachment}}"},
    {"condition.size", "where the message size is more than {size}"},
    {"condition.spam",
     "{op, select, is {where the message was detected as spam} other {where the message was not "
     "detected as spam}}"},
    {"condition.all", "for all messages"},
    {"size", "{n} {unit, select, G {GB} M {MB} K {KB} other {B}}"},
    {"quoted", "“{text}”"},
    {"action.move", "move it to the {folder} folder"},
    {"action.forward", "forward it to {address}"},
    {"action.reject", "reject it (return to sender) with {text}"},
    {"action.keep", "keep it in the Inbox"},
    {"action.discard", "discard the message"},
    {"action.notify", "send a notification to {address}"},
    {"action.autoreply", "send the autoreply {text} once a week"},
    {"action.stop", "stop processing more rules"},
    {"spam", "move messages detected as spam to the {folder} folder{exceptions}"},
    {"spam.exceptions", ", except from {list}"},
    {"spam.trusted", "{count, plural, one {# trusted sender} other {# trusted senders}}"},
    {"spam.contacts", "senders in my Contacts"},
    {"out_of_office",
     "reply {text} to every sender once a week, except to mailing lists and automatic messages"},
    {"opaque", "Sieve code ({lines, plural, one {# line} other {# lines}}): {start}"},
    {"unnamed", "Rule {id}"},
}};

constexpr std::array<Message, 26> kGerman = {{
    {"rule", "{name}: {body}"},
    {"rule.disabled", "{name} (deaktiviert): {body}"},
    {"gui", "{conditions}, {actions}"},
    {"condition.address",
     "wenn die {field, select, recipient {Empfängerzeile (An oder Cc)} from {Von-Zeile} to "
     "{An-Zeile} cc {Cc-Zeile} other {Sender-Zeile}} {values} {op, select, is {ist} is_not "
     "{nicht ist} contains {enthält} not_contains {nicht enthält} matches {entspricht} other "
     "{nicht entspricht}}"},
    {"condition.subject",
     "wenn der Betreff {values} {op, select, is {ist} is_not {nicht ist} contains {enthält} "
     "not_contains {nicht enthält} matches {entspricht} other {nicht entspricht}}"},
    {"condition.attachment",
     "{op, select, is {wenn die Nachricht einen Anhang hat} other {wenn die Nachricht keinen "
     "Anhang hat}}"},
    {"condition.size", "wenn die Nachricht größer als {size} ist"},
    {"condition.spam",
     "{op, select, is {wenn die Nachricht als Spam erkannt wurde} other {wenn die Nachricht nicht "
     "als Spam erkannt wurde}}"},
    {"condition.all", "für alle Nachrichten"},
    {"size", "{n} {unit, select, G {GB} M {MB} K {KB} other {B}}"},
    {"quoted", "„{text}“"},
    {"action.move", "in den Ordner {folder} verschieben"},
    {"action.forward", "an {address} weiterleiten"},
    {"action.reject", "mit {text} ablehnen (an den Absender zurück)"},
    {"action.keep", "im Posteingang behalten"},
    {"action.discard", "die Nachricht löschen"},
    {"action.notify", "eine Benachrichtigung an {address} senden"},
    {"action.autoreply", "einmal pro Woche die automatische Antwort {text} senden"},
    {"action.stop", "keine weiteren Regeln anwenden"},
    {"spam", "als Spam erkannte Nachrichten in den Ordner {folder} verschieben{exceptions}"},
    {"spam.exceptions", ", außer von {list}"},
    {"spam.trusted", "{count, plural, one {# vertrauenswürdigen Absender} other {# "
                     "vertrauenswürdigen Absendern}}"},
    {"spam.contacts", "Absendern in meinen Kontakten"},
    {"out_of_office",
     "jedem Absender einmal pro Woche mit {text} antworten, außer Mailinglisten und "
     "automatischen Nachrichten"},
    {"opaque", "Sieve-Code ({lines, plural, one {# Zeile} other {# Zeilen}}): {start}"},
    {"unnamed", "Regel {id}"},
}};

const std::array<DescriptionCatalogue, 2> kCatalogues = {{
    {"en", kEnglish},
    {"de", kGerman},
}};

}  // namespace

std::span<const DescriptionCatalogue> DescriptionCatalogues() { return kCatalogues; }

}  // namespace sievekit::editor
