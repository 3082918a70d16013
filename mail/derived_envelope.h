// DeriveEnvelope: the envelope a local delivery of a message would most
// likely have had, for when the host has none (sievec run on a file, the
// testsuite's test messages): the sender from Return-Path, else the first
// From address; the recipient from Delivered-To, else the first To address.
// It reads headers only and guesses nothing else.
#pragma once

#include "mail/envelope.h"
#include "mail/message.h"

namespace sievekit::mail {

Envelope DeriveEnvelope(Message& message);

}  // namespace sievekit::mail
