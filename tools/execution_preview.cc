// Previews of what executing a result would send (see execution_preview.h).
#include "tools/execution_preview.h"

namespace sievekit::tools {

ExecutionPreview PreviewExecution(const vm::EvalResult& result, mail::Message& message,
                                  const mail::Envelope& envelope,
                                  const delivery::NotifyOptions& notify_options) {
  ExecutionPreview preview;
  // One composer for the whole result: it remembers who was notified.
  delivery::NotificationComposer notifications(message, envelope, notify_options);
  for (size_t i = 0; i < result.actions.size(); ++i) {
    if (result.actions[i].type == "notify") {
      preview.notifications.emplace(i, notifications.Compose(result.actions[i]));
    }
  }
  return preview;
}

void PreviewVacations(const vm::EvalResult& result, mail::Message& message,
                      const mail::Envelope& envelope, const delivery::VacationOptions& options,
                      store::ResponseStore* store, store::TimePoint now,
                      ExecutionPreview* preview) {
  for (delivery::VacationOutcome& outcome :
       delivery::ExecuteVacations(result.actions, message, envelope, options, store, now)) {
    const size_t index = outcome.action_index;
    preview->vacations.insert_or_assign(index, std::move(outcome));
  }
}

}  // namespace sievekit::tools
