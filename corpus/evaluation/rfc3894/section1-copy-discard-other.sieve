# RFC 3894 §1 and §3: the same rule with :copy; a message that is not spam is
# filed and kept.
require ["copy", "fileinto"];
fileinto :copy "unfiltered";

if header "Subject" "MAKE MONEY FAST!!!"
{
        discard;
}
