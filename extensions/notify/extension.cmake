# enotify (RFC 5435, mailto method RFC 5436) and the legacy notify
# (draft-martin-sieve-notify-01): one `notify` command for both (notify.h).
# The mailto URI checks are delivery/'s, shared with the composer.
sievekit_extension(REGISTER RegisterNotify
  SOURCES notify.cc enotify.cc legacy_notify.cc notify_macros.cc
  PRIVATE_DEPS sievekit::delivery)
