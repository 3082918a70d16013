# RFC 3894 §1 and §3: the same rule with :copy; now the discard works: the
# copy is filed and the message does not reach the inbox.
require ["copy", "fileinto"];
fileinto :copy "unfiltered";

if header "Subject" "MAKE MONEY FAST!!!"
{
        discard;
}
