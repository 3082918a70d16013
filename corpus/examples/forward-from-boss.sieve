# Mail from my boss: keep a copy here and forward it to my phone's address,
# but only when it was really sent to me (not a copy of a big list), and
# never forward large attachments.
if allof (address :is "from" "boss@example.com",
          address :is ["to", "cc"] "me@example.com",
          not size :over 2M) {
    redirect "me@mobile.example.net";
    keep;
}
